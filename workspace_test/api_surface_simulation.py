"""Parity script for the simulation names of issue 18, used the way PyAutoLens scripts use them.

Not a pytest module. Run from the repository root (guard with a timeout)::

    timeout 300 python workspace_test/api_surface_simulation.py

It walks the Simulator and Sample sections of the main workspace's ``imaging/start_here.py``
(imports changed only, a smaller grid) and the other names of this group:

1. simulate a lens with ``al.SimulatorImaging.via_tracer_from`` on a radially over-sampled grid,
   plot it and write it with ``aplt.fits_imaging``;
2. ``al.model_util.SIMULATOR_RANDOM_LENS_SUMMARY`` and a loop of
   ``al.model_util.random_galaxies_for_simulation_from()`` lenses simulated with the same
   simulator: each ``lp_snr`` profile's brightest pixel has its target S/N on its plane's traced
   grid, and a seeded draw reproduces the same galaxies;
3. ``lp_snr`` profiles in ``SimulatorImaging.via_galaxies_from`` (PSF-blurred S/N);
4. an ``al.Model`` of a lens whose bulge is an ``lmp_linear.Sersic`` (light solved, mass
   deflecting) fitted to the simulated data: the fit equals the same lens written as
   ``lp_linear.Sersic`` + ``mp.Sersic``, and the max-likelihood tracer holds ``lmp.Sersic``;
5. ``al.Scribbler`` built without a window (``block=False``, Agg) and driven through its
   callbacks: the painted mask becomes an ``al.Mask2D``.

Exits non-zero on any failure.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import numpy as np  # noqa: E402

import autolens as al  # noqa: E402
import autolens.plot as aplt  # noqa: E402

FAILURES: list = []


def check(label: str, ok: bool, detail: str = "") -> None:
    print(f"  {label:<62} {'ok' if ok else 'FAIL'} {detail}")
    if not ok:
        FAILURES.append(label)


def peak_signal_to_noise(profile, grid, exposure_time, sky) -> float:
    peak = float(np.max(profile.image_2d_from(grid=grid).array)) * exposure_time
    return peak / np.sqrt(peak + sky * exposure_time)


def main() -> None:
    out = Path(tempfile.mkdtemp())
    print("1. Simulator")
    grid = al.Grid2D.uniform(shape_native=(40, 40), pixel_scales=0.1)
    over_sample_size = al.util.over_sample.over_sample_size_via_radial_bins_from(
        grid=grid, sub_size_list=[8, 4, 2], radial_list=[0.3, 0.6], centre_list=[(0.0, 0.0)]
    )
    grid = grid.apply_over_sampling(over_sample_size=over_sample_size)
    lens_galaxy = al.Galaxy(
        redshift=0.5,
        bulge=al.lp.Sersic(
            ell_comps=al.convert.ell_comps_from(axis_ratio=0.9, angle=45.0),
            intensity=2.0,
            effective_radius=0.6,
            sersic_index=3.0,
        ),
        mass=al.mp.Isothermal(
            einstein_radius=1.2, ell_comps=al.convert.ell_comps_from(axis_ratio=0.9, angle=45.0)
        ),
        shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=0.05),
    )
    source_galaxy = al.Galaxy(
        redshift=1.0,
        bulge=al.lp.SersicCore(
            ell_comps=al.convert.ell_comps_from(axis_ratio=0.8, angle=60.0),
            intensity=4.0,
            effective_radius=0.1,
            sersic_index=1.0,
        ),
    )
    tracer = al.Tracer(galaxies=[lens_galaxy, source_galaxy])
    psf = al.Convolver.from_gaussian(shape_native=(11, 11), sigma=0.1, pixel_scales=0.1)
    simulator = al.SimulatorImaging(
        exposure_time=300.0, psf=psf, background_sky_level=0.1, add_poisson_noise_to_data=True
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    aplt.subplot_imaging_dataset(dataset=dataset)
    aplt.fits_imaging(
        dataset=dataset,
        data_path=out / "data.fits",
        psf_path=out / "psf.fits",
        noise_map_path=out / "noise_map.fits",
        overwrite=True,
    )
    check("simulated dataset written", (out / "data.fits").exists())

    print("2. Sample of random lenses")
    print(al.model_util.SIMULATOR_RANDOM_LENS_SUMMARY)
    for sample_index in range(3):
        lens, source = al.model_util.random_galaxies_for_simulation_from()
        sample_tracer = al.Tracer(galaxies=[lens, source])
        sample = simulator.via_tracer_from(tracer=sample_tracer, grid=grid)
        aplt.subplot_imaging_dataset(dataset=sample)
        uniform = al.Grid2D.uniform(shape_native=(40, 40), pixel_scales=0.1)
        traced = sample_tracer.traced_grid_2d_list_from(uniform)
        for profile, plane in ((lens.bulge, 0), (source.bulge, 1)):
            snr = peak_signal_to_noise(profile, traced[plane], 300.0, 0.1)
            check(
                f"lens {sample_index} plane {plane} peak S/N = target",
                abs(snr / profile.signal_to_noise_ratio - 1.0) < 1e-10,
                f"({snr:.6f})",
            )
    a = al.model_util.random_galaxies_for_simulation_from(rng=np.random.default_rng(5))
    b = al.model_util.random_galaxies_for_simulation_from(rng=np.random.default_rng(5))
    check("seeded draws repeat", a[1].bulge.centre == b[1].bulge.centre)

    print("3. lp_snr via_galaxies_from")
    snr_profile = al.lp_snr.Exponential(signal_to_noise_ratio=30.0, effective_radius=0.4)
    galaxy_simulator = al.SimulatorImaging(exposure_time=200.0, psf=psf, background_sky_level=1.0)
    galaxy_simulator.via_galaxies_from(
        galaxies=[al.Galaxy(redshift=0.5, bulge=snr_profile)], grid=grid
    )
    # The simulator's PSF is normalised to unit sum (normalize_psf=True).
    blurred = galaxy_simulator.psf.convolved_image_from(
        image=snr_profile.image_2d_from(grid=grid), blurring_image=None
    )
    peak = float(np.max(blurred.array)) * 200.0
    check(
        "blurred peak S/N = target",
        abs(peak / np.sqrt(peak + 200.0) / 30.0 - 1.0) < 1e-10,
    )

    print("4. lmp_linear lens model")
    mask = al.Mask2D.circular(shape_native=(40, 40), pixel_scales=0.1, radius=1.5)
    masked = dataset.apply_mask(mask=mask)
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(
                al.Galaxy,
                redshift=0.5,
                bulge=al.Model(al.lmp_linear.Sersic),
                mass=al.Model(al.mp.Isothermal),
            ),
            source=al.Model(al.Galaxy, redshift=1.0, bulge=al.Model(al.lp_linear.SersicCore)),
        )
    )
    instance = model.instance_from_prior_medians()
    fit = al.FitImaging(dataset=masked, tracer=al.Tracer(galaxies=list(instance.galaxies)))
    bulge = instance.galaxies.lens.bulge
    names = ("centre", "ell_comps", "effective_radius", "sersic_index")
    twin_galaxy = al.Galaxy(
        redshift=0.5,
        bulge=al.lp_linear.Sersic(**{n: getattr(bulge, n) for n in names}),
        stellar=al.mp.Sersic(
            intensity=bulge.intensity,
            mass_to_light_ratio=bulge.mass_to_light_ratio,
            **{n: getattr(bulge, n) for n in names},
        ),
        mass=instance.galaxies.lens.mass,
    )
    twin = al.FitImaging(
        dataset=masked, tracer=al.Tracer(galaxies=[twin_galaxy, instance.galaxies.source])
    )
    check(
        "lmp_linear fit = lp_linear + mp fit",
        abs(fit.log_likelihood / twin.log_likelihood - 1.0) < 1e-12,
        f"({fit.log_likelihood:.6f})",
    )
    solved = fit.tracer_linear_light_profiles_to_light_profiles.galaxies[0].bulge
    check("solved profile is lmp.Sersic", type(solved) is al.lmp.Sersic)

    print("5. Scribbler")
    scribbler = al.Scribbler(
        image=dataset.data.native,
        cmap="jet",
        brush_width=0.04,
        mask_overlay=mask,
        backend="Agg",
        block=False,
    )
    scribbler.on_mouse_down(SimpleNamespace(inaxes=scribbler.ax, xdata=30.0, ydata=10.0))
    scribbler.on_mouse_up(SimpleNamespace(inaxes=scribbler.ax, xdata=30.0, ydata=10.0))
    painted = al.Mask2D(mask=scribbler.show_mask(), pixel_scales=dataset.pixel_scales)
    check("painted mask", np.asarray(painted)[10, 30] and np.asarray(painted).sum() == 5)

    shutil.rmtree(out, ignore_errors=True)
    if FAILURES:
        print("\nFAILED:", *FAILURES, sep="\n  ")
        sys.exit(1)
    print("\nAll simulation API surface checks passed.")


if __name__ == "__main__":
    main()
