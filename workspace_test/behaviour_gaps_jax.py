"""JAX parity of two behaviours found missing by running public PyAutoLens scripts.

1. ``Tracer.traced_grid_2d_list_from(grid, xp=jnp)`` returns *every* plane, plane 0 included,
   holding ``jax.Array`` values (``Grid2D`` with its over-sampled sub-pixels, ``Grid2DIrregular``
   and raw input), equal to NumPy; under ``jax.jit`` and ``jax.vmap`` plane 0 is a traced value.
2. ``LensCalc.shear_yx_2d_via_hessian_from`` returns an ``aa.ShearYX2DIrregular`` on NumPy
   (also reachable as ``ag.`` / ``al.ShearYX2DIrregular``) whose components equal the raw JAX
   shear, and whose ellipticities / phis follow from them.

Exits non-zero on any mismatch. Run: ``timeout 120 python workspace_test/behaviour_gaps_jax.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import autoarray as aa  # noqa: E402
import autogalaxy as ag  # noqa: E402
import autolens as al  # noqa: E402
from autoarray import raw_array as raw  # noqa: E402
from autoarray.backend import jax_numpy  # noqa: E402

RTOL = 1e-10
FAILURES: list = []


def expect(condition: bool, message: str) -> None:
    if not condition:
        FAILURES.append(message)


def close(name: str, expected, actual) -> None:
    try:
        np.testing.assert_allclose(np.asarray(actual), np.asarray(expected), rtol=RTOL, atol=1e-13)
    except AssertionError as error:
        FAILURES.append(f"{name}: {str(error).splitlines()[3:6]}")


def tracer_from(einstein_radius) -> al.Tracer:
    return al.Tracer(
        [
            al.Galaxy(
                redshift=0.5,
                mass=al.mp.Isothermal(ell_comps=(0.05, -0.1), einstein_radius=einstein_radius),
            ),
            al.Galaxy(redshift=1.0, light=al.lp.Sersic(intensity=1.0, effective_radius=0.3)),
        ]
    )


def check_traced_grids(jax, jnp) -> None:
    irregular = aa.Grid2DIrregular([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0)])
    uniform = aa.Grid2D.uniform((6, 6), 0.3, over_sample_size=2)
    raw_points = np.array([(0.2, 0.7), (-1.1, 0.4)])
    tracer = tracer_from(1.2)
    for label, grid in (("Grid2DIrregular", irregular), ("Grid2D", uniform), ("raw", raw_points)):
        numpy_planes = tracer.traced_grid_2d_list_from(grid)
        jax_planes = tracer.traced_grid_2d_list_from(grid, xp=jnp)
        expect(len(jax_planes) == len(numpy_planes), f"{label}: plane count differs")
        for j, (expected, actual) in enumerate(zip(numpy_planes, jax_planes)):
            # Raw input gives raw output: numpy.ndarray on NumPy, jax.Array on JAX.
            expect(
                label == "raw" or type(actual) is type(expected),
                f"{label} plane {j}: {type(actual).__name__}, expected {type(expected).__name__}",
            )
            expect(
                isinstance(raw(actual), jax.Array),
                f"{label} plane {j} (xp=jnp) holds {type(raw(actual)).__name__}, not jax.Array",
            )
            close(f"{label} plane {j}", raw(expected), raw(actual))
            if isinstance(grid, aa.Grid2D):
                expect(
                    isinstance(raw(actual.over_sampled), jax.Array),
                    f"{label} plane {j} sub-pixels are not jax.Array",
                )
                close(
                    f"{label} plane {j} sub-pixels",
                    raw(expected.over_sampled),
                    raw(actual.over_sampled),
                )

    # Plane 0 under jit and vmap: a traced value that equals the input.
    def planes(einstein_radius):
        traced = tracer_from(einstein_radius).traced_grid_2d_list_from(irregular, xp=jnp)
        return raw(traced[0]), raw(traced[1])

    plane0, plane1 = jax.jit(planes)(jnp.asarray(1.2))
    close("plane 0 (jit)", irregular.array, plane0)
    close("plane 1 (jit)", raw(tracer.traced_grid_2d_list_from(irregular)[1]), plane1)
    batch0, _ = jax.vmap(planes)(jnp.asarray([1.0, 1.2]))
    expect(batch0.shape == (2, 3, 2), f"plane 0 (vmap) has shape {batch0.shape}")
    close("plane 0 (vmap)", np.broadcast_to(irregular.array, (2, 3, 2)), batch0)


def check_shear(jnp) -> None:
    expect(ag.ShearYX2DIrregular is aa.ShearYX2DIrregular, "ag.ShearYX2DIrregular missing")
    expect(al.ShearYX2DIrregular is aa.ShearYX2DIrregular, "al.ShearYX2DIrregular missing")
    points = aa.Grid2DIrregular([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)])
    mass = ag.mp.Isothermal(ell_comps=(0.05, 0.11), einstein_radius=1.4)
    calc = ag.LensCalc.from_mass_obj(mass)
    shear = calc.shear_yx_2d_via_hessian_from(grid=points)
    expect(
        type(shear) is aa.ShearYX2DIrregular,
        f"LensCalc shear is {type(shear).__name__}, expected ShearYX2DIrregular",
    )
    shear_jax = calc.shear_yx_2d_via_hessian_from(grid=points, xp=jnp)
    # NumPy differentiates by finite differences, JAX exactly (see hessian_jax.py's tolerance).
    np.testing.assert_allclose(np.asarray(shear_jax), shear.array, rtol=1e-3, atol=1e-6)
    gamma_2, gamma_1 = shear.array[:, 0], shear.array[:, 1]
    close("shear ellipticities", np.hypot(gamma_1, gamma_2), shear.ellipticities.array)
    close("shear phis", 0.5 * np.degrees(np.arctan2(gamma_2, gamma_1)), shear.phis.array)


def main() -> int:
    import jax

    jnp = jax_numpy()
    check_traced_grids(jax, jnp)
    try:
        check_shear(jnp)
    except AssertionError as error:
        FAILURES.append(f"shear NumPy vs JAX: {str(error).splitlines()[3:6]}")
    if FAILURES:
        print("FAILED behaviour_gaps_jax.py:")
        for failure in FAILURES:
            print("  " + failure)
        return 1
    print(
        "behaviour_gaps_jax.py: traced plane 0 is JAX-backed; LensCalc shear is ShearYX2DIrregular"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
