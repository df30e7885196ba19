"""Parity script for the public API surface of issue 18, used the way PyAutoLens scripts use it.

Not a pytest module. Run from the repository root (guard with a timeout)::

    PYTHONPATH=packages/autoarray:packages/autogalaxy:packages/autolens \\
        timeout 300 python workspace_test/api_surface.py

It walks a start-here style script with only the imports changed (``af = al``):

1. ``from autolens import jax_wrapper``, ``setup_colab.for_autolens``; simulate a small dataset
   only when ``al.util.dataset.should_simulate`` says so; load it, scale the noise of a region
   read with ``Mask2D.from_fits(..., invert=True)`` (``apply_noise_scaling``), mask, over-sample
   with ``al.util.over_sample``;
2. the MGE + SIE + shear model from ``al.model_util.mge_model_from(..., sigma_min=...)``, a
   derived parameter (prior arithmetic) and ``model.copy()``; searches built from
   ``al.SettingsSearch(...).search_dict``;
3. on an analysis built with the default ``use_jax=False``: ``Fitness._vmap`` equals the
   NumPy ``call`` row by row (rtol 1e-8), ``Fitness._grad`` matches NumPy finite differences
   (1e-4), ``jax.grad(fitness.call)`` works on a JAX vector, and ``enable_pytrees`` /
   ``register_model`` import from ``autolens.jax.pytrees``;
4. ``result.info``, ``result.grids.lp``, ``result.max_log_likelihood_tracer`` / ``_fit`` and
   ``al.galaxy_name_image_dict_via_result_from``;
5. JSON: the PyAutoLens-written ``tracer.json`` and ``model.json`` (vendored under
   ``packages/autolens/tests/files/pyautolens_json``) read with the same numbers, and files
   written here read back; a gNFW + dPIE tracer agrees between ``jax.jit`` and NumPy.

Exits non-zero on any mismatch.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    if str(ROOT / "packages" / package) not in sys.path:
        sys.path.insert(0, str(ROOT / "packages" / package))

import autolens as af  # noqa: E402  (PyAutoFit's names live in autolens)
import autolens as al  # noqa: E402
from autolens import jax_wrapper  # noqa: E402,F401  (first line of PyAutoLens scripts)
from autolens import setup_colab as _setup_colab  # noqa: E402
from autolens.jax.pytrees import enable_pytrees, register_model  # noqa: E402

FAILURES: list[str] = []
JSON_FILES = ROOT / "packages" / "autolens" / "tests" / "files" / "pyautolens_json"


def check(label: str, ok: bool, detail: str = "") -> None:
    print(f"  {label:<58s} {'ok' if ok else 'FAIL'} {detail}")
    if not ok:
        FAILURES.append(f"{label} {detail}")


def rel(a, b) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def simulate(dataset_path: Path) -> None:
    grid = al.Grid2D.uniform(shape_native=(24, 24), pixel_scales=0.2)
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=al.lp.Sersic(ell_comps=(0.05, 0.05), intensity=1.0, effective_radius=0.6),
                mass=al.mp.Isothermal(ell_comps=(0.05, 0.05), einstein_radius=1.2),
                shear=al.mp.ExternalShear(gamma_1=0.02, gamma_2=0.01),
            ),
            al.Galaxy(
                redshift=1.0,
                bulge=al.lp.SersicCore(centre=(0.1, 0.1), intensity=2.0, effective_radius=0.2),
            ),
        ]
    )
    psf = al.Convolver.from_gaussian(shape_native=(5, 5), sigma=0.2, pixel_scales=0.2)
    simulator = al.SimulatorImaging(
        exposure_time=300.0,
        psf=psf,
        background_sky_level=0.1,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    al.output_dataset_to_fits(dataset, dataset_path, tracer=tracer)
    region = np.zeros((24, 24))
    region[2:6, 2:6] = 1.0  # a "foreground star" away from the lens
    al.output_to_fits(
        values=region, file_path=dataset_path / "mask_extra_galaxies.fits", overwrite=True
    )


def main() -> None:
    start = time.time()
    _setup_colab.for_autolens(raise_error_if_not_gpu=False)
    work = Path(tempfile.mkdtemp(prefix="api_surface_"))
    try:
        run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{time.time() - start:.1f} s")
    if FAILURES:
        print("FAILED:", *FAILURES, sep="\n  ")
        sys.exit(1)
    print("All API surface checks passed.")


def run(work: Path) -> None:
    import jax
    import jax.numpy as jnp

    print("dataset")
    dataset_path = work / "dataset" / "imaging" / "simple"
    check("should_simulate before simulating", al.util.dataset.should_simulate(dataset_path))
    simulate(dataset_path)
    check("should_simulate after simulating", not al.util.dataset.should_simulate(dataset_path))
    dataset = al.Imaging.from_fits(
        data_path=dataset_path / "data.fits",
        psf_path=dataset_path / "psf.fits",
        noise_map_path=dataset_path / "noise_map.fits",
        pixel_scales=0.2,
    )
    mask_extra_galaxies = al.Mask2D.from_fits(
        file_path=dataset_path / "mask_extra_galaxies.fits",
        pixel_scales=dataset.pixel_scales,
        invert=True,
    )
    dataset = dataset.apply_noise_scaling(mask=mask_extra_galaxies)
    check(
        "apply_noise_scaling scaled the region",
        bool(np.all(dataset.noise_map.native.array[2:6, 2:6] == 1e8)),
    )
    mask_radius = 2.2
    mask = al.Mask2D.circular(
        shape_native=dataset.shape_native, pixel_scales=dataset.pixel_scales, radius=mask_radius
    )
    dataset = dataset.apply_mask(mask=mask)
    over_sample_size = al.util.over_sample.over_sample_size_via_radial_bins_from(
        grid=dataset.grid, sub_size_list=[4, 2, 1], radial_list=[0.3, 0.6], centre_list=[(0.0, 0.0)]
    )
    dataset = dataset.apply_over_sampling(over_sample_size_lp=over_sample_size)

    print("model")
    bulge = al.model_util.mge_model_from(
        mask_radius=mask_radius,
        total_gaussians=4,
        centre_prior_is_uniform=True,
        sigma_min=dataset.pixel_scales[0] / 10.0,
    )
    lens = af.Model(
        al.Galaxy,
        redshift=0.5,
        bulge=bulge,
        mass=af.Model(al.mp.Isothermal),
        shear=af.Model(al.mp.ExternalShear),
    )
    source_bulge = al.model_util.mge_model_from(
        mask_radius=mask_radius, total_gaussians=4, centre_prior_is_uniform=False
    )
    source = af.Model(al.Galaxy, redshift=1.0, bulge=source_bulge)
    model = af.Collection(galaxies=af.Collection(lens=lens, source=source))
    copy = model.copy()
    copy.galaxies.lens.shear.gamma_2 = -1.0 * copy.galaxies.lens.shear.gamma_1
    check(
        "model.copy + derived parameter",
        copy.prior_count == model.prior_count - 1
        and model.galaxies.lens.shear.gamma_2 in model.priors_ordered_by_id,
    )
    settings_search = af.SettingsSearch(path_prefix=Path("imaging"), unique_tag="simple")
    search = af.Nautilus(
        name="start_here", n_live=50, output_path=work / "output", **settings_search.search_dict
    )
    check(
        "search folder has the unique_tag",
        search.output_folder == work / "output" / "imaging" / "simple" / "start_here",
    )

    print("fitness on a NumPy-built analysis")
    analysis = al.AnalysisImaging(dataset=dataset)
    check("analysis built without JAX", analysis.use_jax is False)
    fitness = af.Fitness(model=copy, analysis=analysis)
    rng = np.random.default_rng(3)
    batch = np.array([copy.random_vector_from_priors(rng) for _ in range(6)])
    vmapped = np.asarray(fitness._vmap(batch))
    numpy_rows = np.array([fitness.call(row) for row in batch])
    # A draw whose profile refuses its parameters (e.g. |ell_comps| >= 1) is resampled on NumPy
    # (ProfileException), while JAX, which cannot raise, clamps the axis ratio; compare the rest.
    valid = numpy_rows > -1e98
    check(
        "Fitness._vmap == NumPy call",
        bool(valid.sum() >= 2) and rel(vmapped[valid], numpy_rows[valid]) < 1e-8,
        f"{rel(vmapped[valid], numpy_rows[valid]):.1e} ({int(valid.sum())} of {valid.size} rows)",
    )
    x = np.array(copy.physical_values_from_prior_medians)
    check("Fitness._jit == NumPy call", rel(fitness._jit(x), fitness.call(x)) < 1e-8)
    exact = np.asarray(fitness._grad(x))
    numeric = fitness._numeric_value_and_grad(x, 1e-6)[1]
    scale = np.max(np.abs(numeric))
    check(
        "Fitness._grad vs finite differences",
        float(np.max(np.abs(exact - numeric))) < 1e-4 * scale,
        f"{float(np.max(np.abs(exact - numeric))) / scale:.1e}",
    )
    grad = jax.grad(fitness.call)(jnp.asarray(x))
    check("jax.grad(fitness.call) finite", bool(np.all(np.isfinite(np.asarray(grad)))))
    check(
        "enable_pytrees / register_model",
        enable_pytrees() is True and register_model(model) is None,
    )

    print("result")
    best = int(np.argmax(numpy_rows))
    samples = af.Samples(copy, [batch[best]], [float(numpy_rows[best])])
    result = analysis.make_result(samples)
    check("result.info", isinstance(result.info, str) and len(result.info) > 0)
    check("result.grids.lp", result.grids.lp.shape[0] == dataset.mask.pixels_in_mask)
    tracer = result.max_log_likelihood_tracer
    fit = result.max_log_likelihood_fit
    check(
        "max_log_likelihood_fit",
        abs(fit.figure_of_merit - float(np.max(numpy_rows))) < 1e-6 * abs(fit.figure_of_merit),
    )
    images = al.galaxy_name_image_dict_via_result_from(result)
    check(
        "galaxy_name_image_dict_via_result_from",
        sorted(images) == ["('galaxies', 'lens')", "('galaxies', 'source')"],
    )

    print("JSON interop")
    expected = json.loads((JSON_FILES / "expected.json").read_text())
    grid = al.Grid2DIrregular([tuple(p) for p in expected["points"]])
    pyautolens_tracer = al.from_json(JSON_FILES / "tracer.json")
    check(
        "PyAutoLens tracer.json deflections",
        rel(pyautolens_tracer.deflections_yx_2d_from(grid).array, expected["tracer_deflections"])
        < 1e-9,
    )
    pyautolens_model = al.from_json(JSON_FILES / "model.json")
    check(
        "PyAutoLens model.json parameter order",
        pyautolens_model.parameter_names == expected["model.json"]["parameter_names"],
    )
    al.output_to_json(tracer, work / "tracer.json")
    back = al.from_json(work / "tracer.json")
    check(
        "tracer.json written here reads back",
        rel(back.deflections_yx_2d_from(grid).array, tracer.deflections_yx_2d_from(grid).array)
        < 1e-14,
    )
    al.output_to_json(model, work / "model.json")
    check(
        "model.json written here reads back",
        al.from_json(work / "model.json").prior_count == model.prior_count,
    )

    print("gNFW + dPIE tracer under jax.jit")
    halo = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                dark=al.mp.gNFW(
                    ell_comps=(0.05, -0.05), kappa_s=0.1, inner_slope=1.3, scale_radius=3.0
                ),
                member=al.mp.dPIEMass(
                    centre=(0.5, 0.2),
                    ellipticity=0.2,
                    angle_pos=40.0,
                    sigma=180.0,
                    r_core=0.05,
                    r_cut=3.0,
                ),
            ),
            al.Galaxy(redshift=1.0, bulge=al.lp.Sersic(intensity=1.0, effective_radius=0.3)),
        ]
    )
    points = np.asarray(dataset.grid.array)[::7]
    numpy_image = halo.image_2d_from(al.Grid2DIrregular(points)).array
    jitted = jax.jit(lambda g: halo.image_2d_from(g, xp=jnp))(jnp.asarray(points))
    check(
        "gNFW + dPIE lensed image jit == NumPy",
        rel(jitted, numpy_image) < 1e-10,
        f"{rel(jitted, numpy_image):.1e}",
    )


if __name__ == "__main__":
    main()
