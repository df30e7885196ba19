"""A ``Tracer`` built on NumPy after ``import jax`` crosses ``jax.jit`` with a user's own class.

Nothing registers the user's component class beforehand (no analysis, no ``jax_numpy()``):

1. building tracers does no JAX registration work per construction (``_structure_key``, the
   structure walk, is never called) and leaves the user's class unregistered;
2. the first flatten registers it (``__pytree_structure__``): its float is a leaf;
3. ``jax.jit(lambda t: t)`` round-trips the tracer (the user's class comes back as itself) and a
   jitted ``deflections_yx_2d_from`` with the tracer as the argument equals NumPy (rtol 1e-12).

Run: ``timeout 120 python workspace_test/tracer_lazy_registration.py``; exits non-zero on failure.
"""

from __future__ import annotations

import sys

import jax  # imported before the packages, as a user script would
import numpy as np

# float64, as autoarray.backend.jax_numpy() would set (not called here: nothing JAX-side may run
# before the tracer is built).
jax.config.update("jax_enable_x64", True)

from autoarray import pytrees  # noqa: E402
from autoarray.structures.grids.irregular_2d import Grid2DIrregular  # noqa: E402
from autogalaxy.galaxy.galaxy import Galaxy  # noqa: E402
from autogalaxy.profiles.light.standard.sersic import Sersic  # noqa: E402
from autogalaxy.profiles.mass.total.isothermal import Isothermal  # noqa: E402
from autolens.lens.tracer import Tracer  # noqa: E402


class UserComponent:
    """A user's component with no pytree declarations (not an ``aa.Pytree``)."""

    def __init__(self, scale=2.0):
        self.scale = scale


def main() -> int:
    failures = []
    calls = []
    structure_key = Tracer._structure_key

    def counted(self):
        calls.append(1)
        return structure_key(self)

    Tracer._structure_key = counted
    try:
        galaxies = None
        for _ in range(50):
            lens = Galaxy(
                redshift=0.5,
                mass=Isothermal(centre=(0.05, -0.02), ell_comps=(0.1, 0.05), einstein_radius=1.2),
                extra=UserComponent(),
            )
            source = Galaxy(redshift=1.0, light=Sersic(intensity=0.3, effective_radius=0.4))
            galaxies = [lens, source]
            tracer = Tracer(galaxies)
        if calls:
            failures.append(f"construction called _structure_key {len(calls)} times")
        if pytrees.is_registered(UserComponent):
            failures.append("the user's class was registered on construction")

        leaves = jax.tree_util.tree_leaves(tracer)
        if not pytrees.is_registered(UserComponent):
            failures.append("flattening did not register the user's class")
        if not any(np.ndim(leaf) == 0 and float(leaf) == 2.0 for leaf in leaves):
            failures.append("the user's float is not a leaf of the tracer")
        if len(calls) != 1:
            failures.append(f"first flatten computed the structure key {len(calls)} times")

        out = jax.jit(lambda t: t)(tracer)
        if type(out) is not Tracer or type(out.galaxies[0].extra) is not UserComponent:
            failures.append(f"round trip types: {type(out)}, {type(out.galaxies[0].extra)}")

        grid = Grid2DIrregular([(0.5, 0.3), (-0.7, 1.1), (1.3, -0.2)])
        expected = np.asarray(tracer.deflections_yx_2d_from(grid).array)
        jitted = jax.jit(lambda t: t.deflections_yx_2d_from(grid, xp=jax.numpy).array)(
            Tracer(galaxies)
        )
        if not np.allclose(np.asarray(jitted), expected, rtol=1e-12, atol=0.0):
            failures.append(f"jit deflections {np.asarray(jitted)} vs NumPy {expected}")
    finally:
        Tracer._structure_key = structure_key

    for failure in failures:
        print(f"FAIL {failure}")
    if failures:
        return 1
    print(
        "tracer_lazy_registration.py: NumPy-built tracer with a user class crosses jax.jit; "
        "no per-construction registration work"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
