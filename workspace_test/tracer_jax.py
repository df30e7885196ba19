"""JAX parity of multi-plane ray tracing with ``Tracer`` (NumPy vs JAX vs ``jax.jit``).

Two tracers: two planes (Isothermal + shear at z=0.5 → Sersic at z=1.0) and three planes
(+ IsothermalSph θ_E=0.5 with light at z=1.0, source at z=2.0). For each, on a
``Grid2DIrregular`` of check points and on an over-sampled ``Grid2D.uniform``:
``traced_grid_2d_list_from`` (incl. traced sub-pixels), ``image_2d_from``,
``deflections_yx_2d_from`` and ``convergence_2d_from``:

1. NumPy → autoarray type with ``numpy.ndarray`` inside;
2. ``xp=jnp`` outside jit → same type with ``jax.Array`` inside, equal to NumPy;
3. ``jax.jit`` with the tracer's profile parameters as traced inputs → equal to NumPy.

All comparisons at rtol 1e-10. Exits non-zero with a message on any mismatch.
Run: ``timeout 600 python workspace_test/tracer_jax.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import autoarray as aa  # noqa: E402
from autoarray import raw_array as raw  # noqa: E402
from autoarray.backend import jax_numpy  # noqa: E402
from autogalaxy.galaxy.galaxy import Galaxy  # noqa: E402
from autogalaxy.profiles.light.standard.sersic import Sersic  # noqa: E402
from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear  # noqa: E402
from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph  # noqa: E402
from autolens.lens.tracer import Tracer  # noqa: E402

RTOL = 1e-10
FAILURES: list = []


def tracer_from(p, three_planes: bool) -> Tracer:
    """Tracer from a parameter vector (floats or traced scalars)."""
    lens = Galaxy(
        redshift=0.5,
        mass=Isothermal(centre=(p[0], p[1]), ell_comps=(p[2], p[3]), einstein_radius=p[4]),
        shear=ExternalShear(gamma_1=p[5], gamma_2=p[6]),
    )
    source_redshift = 2.0 if three_planes else 1.0
    source = Galaxy(
        redshift=source_redshift,
        bulge=Sersic(
            centre=(p[7], p[8]),
            ell_comps=(p[9], p[10]),
            intensity=p[11],
            effective_radius=p[12],
            sersic_index=p[13],
        ),
    )
    galaxies = [lens, source]
    if three_planes:
        galaxies.append(
            Galaxy(
                redshift=1.0,
                mass=IsothermalSph(centre=(p[14], p[15]), einstein_radius=p[16]),
                light=Sersic(
                    centre=(p[14], p[15]), intensity=0.2, effective_radius=0.3, sersic_index=1.5
                ),
            )
        )
    return Tracer(galaxies)


PARAMS = np.array(
    [
        0.02,
        -0.01,
        0.05,
        -0.08,
        1.4,
        0.03,
        -0.02,
        0.1,
        0.05,
        0.1,
        0.05,
        0.8,
        0.4,
        1.3,
        0.3,
        -0.2,
        0.5,
    ]
)


def check(name, expected, actual, expected_type=None, backend="numpy"):
    import jax

    if expected_type is not None and not isinstance(actual, expected_type):
        FAILURES.append(f"{name}: type {type(actual).__name__}, expected {expected_type.__name__}")
        return
    values = raw(actual)
    if backend == "jax" and not isinstance(values, jax.Array):
        FAILURES.append(f"{name}: holds {type(values).__name__}, expected jax.Array")
        return
    try:
        np.testing.assert_allclose(
            np.asarray(values), np.asarray(raw(expected)), rtol=RTOL, atol=1e-13
        )
    except AssertionError as error:
        FAILURES.append(f"{name}: {str(error).splitlines()[3:6]}")


def run_case(three_planes: bool, grid, label: str):
    import jax

    jnp = jax_numpy()
    tracer_np = tracer_from(PARAMS, three_planes)
    tracer_jx = tracer_from([jnp.asarray(v) for v in PARAMS], three_planes)
    planes = 3 if three_planes else 2
    uniform = isinstance(grid, aa.Grid2D)
    array_type = aa.Array2D if uniform else aa.ArrayIrregular
    vector_type = aa.VectorYX2D if uniform else aa.VectorYX2DIrregular
    grid_type = aa.Grid2D if uniform else aa.Grid2DIrregular
    case = f"{planes}-plane/{label}"

    # 1. NumPy
    traced_np = tracer_np.traced_grid_2d_list_from(grid)
    image_np = tracer_np.image_2d_from(grid)
    defl_np = tracer_np.deflections_yx_2d_from(grid)
    conv_np = tracer_np.convergence_2d_from(grid)
    for j, t in enumerate(traced_np):
        if not isinstance(t, grid_type) or not isinstance(raw(t), np.ndarray):
            FAILURES.append(f"{case}: NumPy traced grid {j} is {type(t).__name__}")
    if not isinstance(image_np, array_type) or not isinstance(raw(image_np), np.ndarray):
        FAILURES.append(f"{case}: NumPy image is {type(image_np).__name__}")

    # 2. xp=jnp outside jit
    traced_jx = tracer_jx.traced_grid_2d_list_from(grid, xp=jnp)
    for j in range(planes):
        check(f"{case} traced grid {j} (xp=jnp)", traced_np[j], traced_jx[j], grid_type, "jax")
        if uniform and j:
            check(
                f"{case} traced sub-pixels {j} (xp=jnp)",
                traced_np[j].over_sampled,
                traced_jx[j].over_sampled,
                None,
                "jax",
            )
    check(
        f"{case} image (xp=jnp)", image_np, tracer_jx.image_2d_from(grid, xp=jnp), array_type, "jax"
    )
    check(
        f"{case} deflections (xp=jnp)",
        defl_np,
        tracer_jx.deflections_yx_2d_from(grid, xp=jnp),
        vector_type,
        "jax",
    )
    check(
        f"{case} convergence (xp=jnp)",
        conv_np,
        tracer_jx.convergence_2d_from(grid, xp=jnp),
        array_type,
        "jax",
    )

    # 3. jit with traced parameters
    @jax.jit
    def quantities(p):
        tracer = tracer_from(list(p), three_planes)
        traced = tracer.traced_grid_2d_list_from(grid, xp=jnp)
        out = {
            "traced": [raw(t) for t in traced[1:]],
            "image": raw(tracer.image_2d_from(grid, xp=jnp)),
            "deflections": raw(tracer.deflections_yx_2d_from(grid, xp=jnp)),
            "convergence": raw(tracer.convergence_2d_from(grid, xp=jnp)),
        }
        if uniform:
            out["sub"] = [raw(t.over_sampled) for t in traced[1:]]
        return out

    result = quantities(jnp.asarray(PARAMS))
    for j in range(1, planes):
        check(f"{case} traced grid {j} (jit)", traced_np[j], result["traced"][j - 1], None, "jax")
        if uniform:
            check(
                f"{case} traced sub-pixels {j} (jit)",
                traced_np[j].over_sampled,
                result["sub"][j - 1],
                None,
                "jax",
            )
    check(f"{case} image (jit)", image_np, result["image"], None, "jax")
    check(f"{case} deflections (jit)", defl_np, result["deflections"], None, "jax")
    check(f"{case} convergence (jit)", conv_np, result["convergence"], None, "jax")
    print(f"checked {case}")


def main() -> int:
    points = aa.Grid2DIrregular([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)])
    uniform = aa.Grid2D.uniform((12, 12), 0.25, over_sample_size=2)
    for three in (False, True):
        run_case(three, points, "irregular")
        run_case(three, uniform, "uniform")
    if FAILURES:
        print("FAILED tracer_jax.py:")
        for failure in FAILURES:
            print("  " + failure)
        return 1
    print("tracer_jax.py: all NumPy / JAX / jit comparisons agree (rtol 1e-10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
