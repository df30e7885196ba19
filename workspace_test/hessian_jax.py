"""JAX parity of ``LensCalc`` (Hessian family), ``Galaxy`` sums and the cosmology distances.

Three-step pattern for every LensCalc method on an ``ag.mp.Isothermal``:
1. NumPy: the autoarray type (``ArrayIrregular`` / ``Array2D`` / ``ShearYX2DIrregular``);
2. ``xp=jnp`` outside ``jit``: a raw ``jax.Array`` equal to NumPy (finite differences vs exact
   ``jacfwd``: rtol 1e-3, eigenvalues / magnification 5e-3);
3. ``jax.jit`` (profile built inside from a traced Einstein radius): raw ``jax.Array``, equal to
   step 2 to 1e-10; ``jax.vmap`` over Einstein radii equals per-element NumPy.
Plus: exact JAX convergence-via-Hessian equals the analytic convergence to 1e-8; ``Galaxy``
images / deflections / traced grids under ``jit`` equal NumPy; cosmology distances inside
``jit`` with a traced redshift equal NumPy to 1e-10 and ``jax.vmap`` over redshifts works.

Exits non-zero on any mismatch. Run: ``timeout 300 python workspace_test/hessian_jax.py``.
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
from autogalaxy.cosmology import FlatLambdaCDM, Planck15  # noqa: E402
from autogalaxy.galaxy import Galaxies, Galaxy  # noqa: E402
from autogalaxy.operate.lens_calc import LensCalc  # noqa: E402
from autogalaxy.profiles.light import standard as lp  # noqa: E402
from autogalaxy.profiles.mass.total.isothermal import Isothermal  # noqa: E402

jnp = jax_numpy()
import jax  # noqa: E402

POINTS = np.array([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5), (0.3, -1.7)])
ELL_COMPS = (0.05, 0.111111)
CENTRE = (0.02, -0.01)

failures: list = []


def check(name: str, condition: bool, detail: str = "") -> None:
    print(f"{'ok  ' if condition else 'FAIL'} {name} {detail}")
    if not condition:
        failures.append(name)


def close(name, actual, expected, rtol, atol=0.0):
    actual = np.asarray(actual)
    expected = np.asarray(expected)
    ok = actual.shape == expected.shape and np.allclose(actual, expected, rtol=rtol, atol=atol)
    worst = (
        float(np.max(np.abs(actual - expected) / (np.abs(expected) + 1e-300)))
        if actual.shape == expected.shape
        else float("nan")
    )
    check(name, ok, f"(max rel diff {worst:.2e}, rtol {rtol:g})")


def is_raw_jax(value) -> bool:
    return isinstance(value, jax.Array) and not isinstance(value, aa.AbstractNDArray)


# ------------------------------------------------------------------------------ LensCalc

METHODS = {
    # name: (NumPy type on an irregular grid, rtol of FD vs exact)
    "convergence_2d_via_hessian_from": (aa.ArrayIrregular, 1e-3),
    "shear_yx_2d_via_hessian_from": (aa.VectorYX2DIrregular, 1e-3),
    "magnification_2d_via_hessian_from": (aa.ArrayIrregular, 5e-3),
    "magnification_2d_from": (aa.ArrayIrregular, 5e-3),
    "tangential_eigen_value_from": (aa.ArrayIrregular, 5e-3),
    "radial_eigen_value_from": (aa.ArrayIrregular, 5e-3),
    "fermat_potential_from": (aa.ArrayIrregular, 1e-10),
    "time_delay_geometry_term_from": (aa.ArrayIrregular, 1e-10),
}


def lens_calc_from(einstein_radius):
    return LensCalc.from_mass_obj(
        Isothermal(centre=CENTRE, ell_comps=ELL_COMPS, einstein_radius=einstein_radius)
    )


def lens_calc_parity() -> None:
    grid_np = aa.Grid2DIrregular(values=POINTS)
    calc = lens_calc_from(1.1)

    for method, (np_type, rtol) in METHODS.items():
        numpy_result = getattr(calc, method)(grid=grid_np)
        check(
            f"{method}: NumPy type", isinstance(numpy_result, np_type), type(numpy_result).__name__
        )

        jax_result = getattr(calc, method)(grid=grid_np, xp=jnp)
        check(f"{method}: xp=jnp raw jax.Array", is_raw_jax(jax_result), type(jax_result).__name__)
        close(f"{method}: xp=jnp == NumPy", jax_result, raw(numpy_result), rtol=rtol, atol=1e-8)

        def jitted(einstein_radius, points, method=method):
            grid = aa.Grid2DIrregular(values=points, xp=jnp)
            return getattr(lens_calc_from(einstein_radius), method)(grid=grid, xp=jnp)

        jit_result = jax.jit(jitted)(jnp.asarray(1.1), jnp.asarray(POINTS))
        check(f"{method}: jit raw jax.Array", is_raw_jax(jit_result), type(jit_result).__name__)
        close(f"{method}: jit == xp=jnp", jit_result, jax_result, rtol=1e-10, atol=1e-12)

    # Hessian tuple and Jacobian.
    hessian_np = calc.hessian_from(grid=grid_np)
    hessian_jax = jax.jit(lambda p: lens_calc_from(1.1).hessian_from(grid=p, xp=jnp))(
        jnp.asarray(POINTS)
    )
    check("hessian_from: jit returns 4 raw arrays", all(is_raw_jax(h) for h in hessian_jax))
    for label, h_np, h_jax in zip(("h_yy", "h_xy", "h_yx", "h_xx"), hessian_np, hessian_jax):
        close(f"hessian_from {label}: jit == NumPy", h_jax, h_np, rtol=1e-3, atol=1e-8)
    jacobian = calc.jacobian_from(grid=grid_np, xp=jnp)
    close(
        "jacobian_from: xp=jnp == NumPy",
        np.array(jacobian),
        np.array(calc.jacobian_from(grid=grid_np)),
        rtol=1e-3,
        atol=1e-8,
    )

    # Exact JAX Hessian: κ equals the analytic convergence of the SIE.
    sie = Isothermal(centre=CENTRE, ell_comps=ELL_COMPS, einstein_radius=1.1)
    close(
        "convergence via exact jacfwd == analytic κ",
        calc.convergence_2d_via_hessian_from(grid=grid_np, xp=jnp),
        raw(sie.convergence_2d_from(grid=grid_np)),
        rtol=1e-8,
    )

    # Grid2D input: Array2D on NumPy, raw under jit.
    grid_2d = aa.Grid2D.uniform(shape_native=(8, 8), pixel_scales=0.3, over_sample_size=1)
    mag_np = calc.magnification_2d_from(grid=grid_2d)
    check("magnification_2d_from(Grid2D): NumPy Array2D", isinstance(mag_np, aa.Array2D))
    mag_jit = jax.jit(lambda e: lens_calc_from(e).magnification_2d_from(grid=grid_2d, xp=jnp))(
        jnp.asarray(1.1)
    )
    check("magnification_2d_from(Grid2D): jit raw", is_raw_jax(mag_jit))
    close("magnification_2d_from(Grid2D): jit == NumPy", mag_jit, raw(mag_np), rtol=5e-3, atol=1e-6)

    # vmap over Einstein radii.
    radii = jnp.asarray([0.8, 1.1, 1.4])
    batched = jax.vmap(
        lambda e: lens_calc_from(e).convergence_2d_via_hessian_from(grid=grid_np, xp=jnp)
    )(radii)
    expected = np.stack(
        [raw(lens_calc_from(float(e)).convergence_2d_via_hessian_from(grid=grid_np)) for e in radii]
    )
    close("convergence_2d_via_hessian_from: vmap == NumPy", batched, expected, rtol=1e-3)

    # LensCalc on a Galaxy (sum of profiles) under jit.
    def galaxy_magnification(einstein_radius):
        galaxy = Galaxy(
            redshift=0.5,
            mass=Isothermal(centre=CENTRE, ell_comps=ELL_COMPS, einstein_radius=einstein_radius),
        )
        return LensCalc.from_mass_obj(galaxy).magnification_2d_via_hessian_from(
            grid=grid_np, xp=jnp
        )

    close(
        "Galaxy LensCalc magnification: jit == NumPy",
        jax.jit(galaxy_magnification)(jnp.asarray(1.1)),
        raw(calc.magnification_2d_via_hessian_from(grid=grid_np)),
        rtol=5e-3,
    )


# ------------------------------------------------------------------------------ Galaxy


def galaxy_parity() -> None:
    mask = aa.Mask2D.circular(shape_native=(12, 12), radius=1.0, pixel_scales=0.2)
    grid = aa.Grid2D.from_mask(mask=mask, over_sample_size=3)

    def galaxies_from(intensity, einstein_radius):
        lens = Galaxy(
            redshift=0.5,
            bulge=lp.Sersic(
                centre=(0.0, 0.0),
                ell_comps=(0.0, 0.111111),
                intensity=intensity,
                effective_radius=0.8,
                sersic_index=3.0,
            ),
            mass=Isothermal(centre=CENTRE, ell_comps=ELL_COMPS, einstein_radius=einstein_radius),
        )
        source = Galaxy(
            redshift=1.0, light=lp.Gaussian(centre=(0.1, 0.0), intensity=2.0, sigma=0.3)
        )
        return lens, source

    lens_np, source_np = galaxies_from(1.2, 1.0)
    image_np = Galaxies([lens_np]).image_2d_from(grid=grid)
    traced_np = lens_np.traced_grid_2d_from(grid=grid)
    lensed_np = source_np.image_2d_from(grid=traced_np)
    deflections_np = lens_np.deflections_yx_2d_from(grid=grid)

    def fn(intensity, einstein_radius):
        lens, source = galaxies_from(intensity, einstein_radius)
        traced = lens.traced_grid_2d_from(grid=grid, xp=jnp)
        return (
            Galaxies([lens]).image_2d_from(grid=grid, xp=jnp).array,
            source.image_2d_from(grid=traced, xp=jnp).array,
            lens.deflections_yx_2d_from(grid=grid, xp=jnp).array,
            traced.over_sampled.array,
        )

    image, lensed, deflections, traced_sub = jax.jit(fn)(jnp.asarray(1.2), jnp.asarray(1.0))
    close("Galaxies image (over-sampled Grid2D): jit == NumPy", image, raw(image_np), rtol=1e-10)
    close("lensed source via traced sub-pixels: jit == NumPy", lensed, raw(lensed_np), rtol=1e-9)
    close("Galaxy deflections: jit == NumPy", deflections, raw(deflections_np), rtol=1e-10)
    close(
        "traced over-sampled grid: jit == NumPy",
        traced_sub,
        raw(traced_np.over_sampled),
        rtol=1e-10,
        atol=1e-12,
    )

    batched = jax.vmap(lambda i: fn(i, jnp.asarray(1.0))[0])(jnp.asarray([0.5, 1.2]))
    close("Galaxy image: vmap over intensity", batched[1], raw(image_np), rtol=1e-10)


# ------------------------------------------------------------------------------ cosmology


def cosmology_checks(cosmology) -> None:
    name = type(cosmology).__name__
    for z in (0.3, 1.0, 2.5):
        d_np = cosmology.angular_diameter_distance_to_earth_in_kpc_from(z)
        d_jit = jax.jit(
            lambda zz: cosmology.angular_diameter_distance_to_earth_in_kpc_from(zz, xp=jnp)
        )(jnp.asarray(z))
        close(f"{name} D_A({z}): jit == NumPy", d_jit, d_np, rtol=1e-10)

    for method, args in (
        ("angular_diameter_distance_between_redshifts_in_kpc_from", (0.5, 2.0)),
        ("scaling_factor_between_redshifts_from", (0.5, 1.0, 2.0)),
        ("critical_surface_density_between_redshifts_from", (0.5, 1.0)),
        ("arcsec_per_kpc_from", (0.5,)),
        ("kpc_per_arcsec_from", (0.5,)),
        ("luminosity_distance", (1.0,)),
        ("cosmic_average_density_from", (0.5,)),
        ("velocity_dispersion_from", (0.5, 1.0, 1.2)),
    ):
        expected = getattr(cosmology, method)(*args)
        function = getattr(cosmology, method)
        result = jax.jit(lambda *a, f=function: f(*a, xp=jnp))(*[jnp.asarray(a) for a in args])
        close(f"{name} {method}: jit (traced redshifts) == NumPy", result, expected, rtol=1e-10)

    redshifts = jnp.asarray([0.2, 0.7, 1.5, 3.0])
    batched = jax.vmap(
        lambda zz: cosmology.angular_diameter_distance_to_earth_in_kpc_from(zz, xp=jnp)
    )(redshifts)
    expected = [
        cosmology.angular_diameter_distance_to_earth_in_kpc_from(float(z)) for z in redshifts
    ]
    close(f"{name} D_A: vmap over redshifts == NumPy", batched, expected, rtol=1e-10)

    scaling = jax.jit(
        jax.vmap(lambda z0: cosmology.scaling_factor_between_redshifts_from(z0, 1.0, 2.0, xp=jnp))
    )(jnp.asarray([0.3, 0.5]))
    close(
        f"{name} scaling factor: jit(vmap) == NumPy",
        scaling,
        [cosmology.scaling_factor_between_redshifts_from(z, 1.0, 2.0) for z in (0.3, 0.5)],
        rtol=1e-10,
    )


def cosmology_parity() -> None:
    for cosmology in (Planck15(), FlatLambdaCDM(H0=70.0, Om0=0.3)):
        cosmology_checks(cosmology)

    check(
        "Planck15 check value D_A(1.0)",
        abs(Planck15().angular_diameter_distance_to_earth_in_kpc_from(1.0) / 1697960.294 - 1)
        < 1e-9,
    )
    grad = jax.grad(lambda z: Planck15().angular_diameter_distance_to_earth_in_kpc_from(z, xp=jnp))(
        jnp.asarray(1.0)
    )
    check("grad of D_A finite", bool(np.isfinite(grad)))


def main() -> int:
    lens_calc_parity()
    galaxy_parity()
    cosmology_parity()
    if failures:
        print(f"\n{len(failures)} check(s) FAILED: {failures}")
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
