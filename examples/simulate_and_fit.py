"""The main job: simulate an HST-like strong lens, fit it with the default search, report.

1. Simulate 0.05"/pixel imaging of a lens galaxy (Sersic light + singular isothermal ellipsoid +
   external shear) and a lensed Sersic source, blurred by a Gaussian PSF, with sky and Poisson
   noise, and write it to FITS (plus the true tracer as JSON).
2. Load the FITS files back as a user would, apply a 3.5" circular mask and adaptive
   over-sampling (dense sub-pixels only where the lens light is steep).
3. Fit lens light + SIE + shear + source with Nautilus (the default search). The light profiles
   are *linear*: their intensities are solved by a positive-only linear inversion at every
   likelihood call, so they are not sampled. The likelihood runs as batched ``jax.vmap`` calls
   when JAX is installed, otherwise on NumPy.
4. Print the median model with 1 and 3 sigma errors and check the Einstein radius; the output
   folder ``<output>/<name>/`` holds model.info, search.summary, samples.csv, result.json,
   tracer.json and fit.png. A completed fit is loaded instead of re-run (``--fresh`` re-runs).

Usage: ``python examples/simulate_and_fit.py [--output output] [--n-live 200] [--numpy]``
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np

# Profiles, galaxies, structures and the modelling layer are re-exported by ``autogalaxy``.
import autogalaxy as ag

# Lens-level names are imported from their modules: they work whatever the public
# ``autolens`` namespace re-exports.
from autoarray.dataset.imaging import Imaging
from autoarray.operators.convolver import Convolver
from autolens.imaging.analysis import AnalysisImaging
from autolens.imaging.simulator import SimulatorImaging, output_dataset_to_fits
from autolens.lens.tracer import Tracer

NAME = "hst_like_lens"
TRUE_EINSTEIN_RADIUS = 1.6
PIXEL_SCALE = 0.05  # arc-seconds per pixel (HST ACS / WFC3-UVIS like)
SHAPE = (150, 150)  # 7.5" x 7.5"
MASK_RADIUS = 3.5  # arc-seconds
PSF_SHAPE = (11, 11)
PSF_SIGMA = 0.07  # arc-seconds (FWHM ~ 0.16")


# ---------------------------------------------------------------------------------- simulate
def true_tracer() -> Tracer:
    """The lens system to simulate (lens at z = 0.5, source at z = 1.0)."""
    lens = ag.Galaxy(
        redshift=0.5,
        bulge=ag.lp.Sersic(
            centre=(0.0, 0.0),
            ell_comps=ag.convert.ell_comps_from(axis_ratio=0.9, angle=45.0),
            intensity=2.0,
            effective_radius=0.6,
            sersic_index=3.0,
        ),
        mass=ag.mp.Isothermal(
            centre=(0.0, 0.0),
            ell_comps=ag.convert.ell_comps_from(axis_ratio=0.8, angle=60.0),
            einstein_radius=TRUE_EINSTEIN_RADIUS,
        ),
        shear=ag.mp.ExternalShear(gamma_1=0.03, gamma_2=0.02),
    )
    source = ag.Galaxy(
        redshift=1.0,
        bulge=ag.lp.Sersic(
            centre=(0.05, 0.1),
            ell_comps=ag.convert.ell_comps_from(axis_ratio=0.75, angle=30.0),
            intensity=0.8,
            effective_radius=0.25,
            sersic_index=1.5,
        ),
    )
    return Tracer(galaxies=[lens, source])


def simulate(dataset_path: Path) -> None:
    """Simulate the lens and write data, noise map, PSF (FITS) and the true tracer (JSON)."""
    grid = ag.Grid2D.uniform(shape_native=SHAPE, pixel_scales=PIXEL_SCALE)
    # The simulation itself is over-sampled generously where the lens light is cuspy.
    grid = grid.apply_over_sampling(
        ag.over_sample_size_via_radial_bins_from(grid, [32, 8, 2], [0.3, 0.6], [(0.0, 0.0)])
    )
    psf = Convolver.from_gaussian(PSF_SHAPE, PIXEL_SCALE, sigma=PSF_SIGMA, normalize=True)
    simulator = SimulatorImaging(
        exposure_time=300.0,
        psf=psf,
        background_sky_level=0.1,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    tracer = true_tracer()
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    output_dataset_to_fits(dataset, dataset_path, tracer=tracer, overwrite=True)


# ---------------------------------------------------------------------------------- load
def brightest_pixel_from(dataset: Imaging) -> tuple[float, float]:
    """(y, x) arc-second centre of the brightest unmasked pixel (the lens galaxy's nucleus)."""
    index = int(np.argmax(np.asarray(dataset.data.array)))
    return tuple(float(v) for v in np.asarray(dataset.grid.array)[index])


def load_and_mask(dataset_path: Path) -> Imaging:
    """Load the FITS files, apply the circular mask and adaptive over-sampling."""
    dataset = Imaging.from_fits(
        data_path=dataset_path / "data.fits",
        noise_map_path=dataset_path / "noise_map.fits",
        psf_path=dataset_path / "psf.fits",
        pixel_scales=PIXEL_SCALE,
    )
    mask = ag.Mask2D.circular(shape_native=SHAPE, radius=MASK_RADIUS, pixel_scales=PIXEL_SCALE)
    dataset = dataset.apply_mask(mask)
    # Over-sample the lens light where it is steep (4x4 within 0.3", 2x2 to 0.6", 1 outside),
    # centred on the lens nucleus; the lensed source is smooth enough for 1x1 elsewhere.
    sizes = ag.over_sample_size_via_radial_bins_from(
        dataset.grid, [4, 2, 1], [0.3, 0.6], [brightest_pixel_from(dataset)]
    )
    return dataset.apply_over_sampling(over_sample_size_lp=sizes)


# ---------------------------------------------------------------------------------- model
def lens_model(centre: tuple[float, float]) -> ag.Collection:
    """Lens: linear Sersic light + Isothermal + shear; source: linear Sersic (17 parameters).

    Choices a user would make by looking at the image (nothing uses the true values):

    * The lens light and mass share one centre (a common assumption for an isolated early-type
      lens), with Gaussian priors of width 0.1" around the brightest pixel.
    * The Einstein radius is uniform between 0.1" and the mask radius: lensed images must fall
      inside the mask for the fit to constrain it.
    * The source effective radius is uniform in 0.01"-3" (a z ~ 1 galaxy is a few kpc).
    * Every other parameter keeps its default prior from the packaged prior table.
    """
    centre_0 = ag.GaussianPrior(mean=centre[0], sigma=0.1)
    centre_1 = ag.GaussianPrior(mean=centre[1], sigma=0.1)

    bulge = ag.Model(ag.lp_linear.Sersic)
    bulge.centre.centre_0 = centre_0
    bulge.centre.centre_1 = centre_1

    mass = ag.Model(ag.mp.Isothermal)
    mass.centre.centre_0 = centre_0
    mass.centre.centre_1 = centre_1
    mass.einstein_radius = ag.UniformPrior(lower_limit=0.1, upper_limit=MASK_RADIUS)

    lens = ag.Model(ag.Galaxy, redshift=0.5, bulge=bulge, mass=mass, shear=ag.mp.ExternalShear)

    source_bulge = ag.Model(ag.lp_linear.Sersic)
    source_bulge.effective_radius = ag.UniformPrior(lower_limit=0.01, upper_limit=3.0)
    source = ag.Model(ag.Galaxy, redshift=1.0, bulge=source_bulge)
    return ag.Collection(galaxies=ag.Collection(lens=lens, source=source))


def jax_available() -> bool:
    try:
        import jax  # noqa: F401
    except ImportError:
        return False
    return True


def print_median_model(result) -> None:
    """Median of each marginal posterior with 1 and 3 sigma credible intervals."""
    samples = result.samples
    paths = [".".join(p[1:]) for p in samples.paths]
    width = max(len(p) for p in paths) + 2
    median = samples.median_pdf_vector
    one = samples.values_at_sigma(1.0)
    three = samples.values_at_sigma(3.0)
    print("\nMedian PDF model (1 sigma | 3 sigma intervals):")
    for path, m, (l1, u1), (l3, u3) in zip(paths, median, one, three):
        print(f"  {path:<{width}}{m:9.4f}  +{u1 - m:.4f} -{m - l1:.4f}  |  +{u3 - m:.4f} -{m - l3:.4f}")


# ---------------------------------------------------------------------------------- main
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="output", help="folder for the dataset and the fit")
    parser.add_argument("--n-live", type=int, default=100, help="Nautilus live points")
    parser.add_argument("--n-batch", type=int, default=50, help="likelihoods per vmap batch")
    parser.add_argument("--n-networks", type=int, default=1, help="networks per Nautilus bound")
    parser.add_argument("--hidden", default="100,50,20", help="Nautilus network layer sizes")
    parser.add_argument("--seed", type=int, default=1, help="Nautilus random seed")
    parser.add_argument("--numpy", action="store_true", help="use the NumPy likelihood")
    parser.add_argument("--fresh", action="store_true", help="delete a previous fit and re-run")
    args = parser.parse_args()

    start = time.perf_counter()
    output = Path(args.output)
    dataset_path = output / "dataset" / NAME
    simulate(dataset_path)
    dataset = load_and_mask(dataset_path)
    print(
        f"Simulated {SHAPE[0]}x{SHAPE[1]} pixels at {PIXEL_SCALE}\"/pixel -> {dataset_path}; "
        f"{dataset.mask.pixels_in_mask} pixels inside the {MASK_RADIUS}\" mask "
        f"({time.perf_counter() - start:.1f} s)"
    )

    use_jax = jax_available() and not args.numpy
    analysis = AnalysisImaging(dataset=dataset, use_jax=use_jax)
    model = lens_model(centre=brightest_pixel_from(dataset))
    print(model.info)

    search = ag.Nautilus(
        name=NAME,
        output_path=output,
        n_live=args.n_live,
        n_batch=args.n_batch,  # one jax.vmap call per batch
        n_networks=args.n_networks,  # fewer neural networks per bound: cheaper bounds
        neural_network_kwargs={"hidden_layer_sizes": tuple(int(v) for v in args.hidden.split(","))},
        n_eff=500,
        seed=args.seed,
    )
    if args.fresh and search.output_folder.exists():
        shutil.rmtree(search.output_folder)
    backend = "JAX (jax.vmap batches)" if use_jax else "NumPy"
    print(f"Fitting {model.total_free_parameters} parameters with Nautilus, {backend} likelihood...")
    fit_start = time.perf_counter()
    result = search.fit(model=model, analysis=analysis)
    fit_time = time.perf_counter() - fit_start

    print("\n" + result.info)
    print_median_model(result)

    index = model.paths.index(("galaxies", "lens", "mass", "einstein_radius"))
    median = result.samples.median_pdf_vector[index]
    lower, upper = result.samples.values_at_sigma(3.0)[index]
    error = abs(median - TRUE_EINSTEIN_RADIUS) / TRUE_EINSTEIN_RADIUS
    print(
        f"\nEinstein radius: {median:.4f}\" (3 sigma {lower:.4f} - {upper:.4f}); truth "
        f"{TRUE_EINSTEIN_RADIUS}\"; error {100 * error:.2f}%"
    )
    loaded = " (loaded from a previous run)" if result.loaded else ""
    print(
        f"Output folder: {search.output_folder}{loaded}; fit {fit_time:.0f} s, "
        f"total {time.perf_counter() - start:.0f} s"
    )
    if error > 0.01:
        print("The Einstein radius is not within 1% of the truth.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
