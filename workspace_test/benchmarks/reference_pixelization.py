"""Pixelized-source fits of the public PyAutoLens release on exported pixels (reference side).

Runs in the *separate* PyAutoLens virtual environment (its package names clash with this
monorepo's), on the arrays and cases written by ``pixelization_parity.py --export DIR``:

    hatch run python workspace_test/benchmarks/pixelization_parity.py --export /tmp/pix_parity
    /work/refvenv/bin/python workspace_test/benchmarks/reference_pixelization.py /tmp/pix_parity
    hatch run python workspace_test/benchmarks/pixelization_parity.py --compare /tmp/pix_parity

Writes ``DIR/reference_results.json`` (atomically): per case the log evidence, chi-squared,
the regularization and log-det terms and the reconstruction. :func:`fit_from` builds the
dataset and the fit through the public names only, so this package runs the same function.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("JAX_ENABLE_X64", "True")
os.environ.setdefault("PYAUTO_SKIP_WORKSPACE_VERSION_CHECK", "1")
# The release turns on JAX's persistent compilation cache unless this variable is set
# (``~/.cache/pyauto_jax``, every program that compiled for over 1 s): its compile figures were
# then read back from disk. Empty switches the cache off, so both sides compile cold.
os.environ.setdefault("JAX_COMPILATION_CACHE_DIR", "")

if __name__ == "__main__":  # as a module (tests share its cases) it checks nothing
    import _release

    _release.require_release()

import numpy as np  # noqa: E402


def dataset_from(al, directory: Path, spec: dict):
    scale = spec["pixel_scale"]
    arrays = {k: np.load(directory / f"{k}.npy") for k in ("data", "noise", "psf", "mask")}
    dataset = al.Imaging(
        data=al.Array2D.no_mask(values=arrays["data"], pixel_scales=scale),
        noise_map=al.Array2D.no_mask(values=arrays["noise"], pixel_scales=scale),
        psf=al.Convolver(kernel=al.Array2D.no_mask(values=arrays["psf"], pixel_scales=scale)),
        check_noise_map=False,
    )
    dataset = dataset.apply_mask(
        mask=al.Mask2D(mask=arrays["mask"].astype(bool), pixel_scales=scale)
    )
    return dataset.apply_over_sampling(
        over_sample_size_lp=spec["sub_size_lp"],
        over_sample_size_pixelization=spec["sub_size_pixelization"],
    )


def fit_from(al, dataset, case: dict):
    """The ``FitImaging`` of one case (lens SIE + shear, optional linear Sersic light; source
    rectangular pixelization with Constant or Adapt regularization)."""
    lens = dict(
        mass=al.mp.Isothermal(
            centre=(0.01, -0.02), ell_comps=(0.05, -0.04), einstein_radius=case["einstein_radius"]
        ),
        shear=al.mp.ExternalShear(gamma_1=0.02, gamma_2=-0.01),
    )
    if case["lens_light"]:
        lens["bulge"] = al.lp_linear.Sersic(
            centre=(0.0, 0.0), ell_comps=(0.05, 0.02), effective_radius=0.8, sersic_index=3.0
        )
    kind = case["regularization"]
    if isinstance(kind, list):  # ["matern", nu]
        kind = tuple(kind)
    if kind == "constant":
        regularization = al.reg.Constant(coefficient=case["coefficient"])
    elif kind == "adapt":
        regularization = al.reg.Adapt(
            inner_coefficient=0.5, outer_coefficient=2.0, signal_scale=1.0
        )
    elif kind == "constant_split":
        regularization = al.reg.ConstantSplit(coefficient=case["coefficient"])
    elif kind == "adapt_split":
        regularization = al.reg.AdaptSplit(
            inner_coefficient=0.5, outer_coefficient=2.0, signal_scale=1.0
        )
    elif kind == "gaussian":
        regularization = al.reg.GaussianKernel(coefficient=case["coefficient"], scale=0.3)
    elif kind == "exponential":
        regularization = al.reg.ExponentialKernel(coefficient=case["coefficient"], scale=0.3)
    else:
        regularization = al.reg.MaternKernel(coefficient=case["coefficient"], scale=0.3, nu=kind[1])
    mesh_kind = case.get("mesh", "uniform")
    shape = tuple(case["shape"])
    if mesh_kind == "uniform":
        mesh = al.mesh.RectangularUniform(shape=shape)
    elif mesh_kind == "adapt_density":
        mesh = al.mesh.RectangularRTUAdaptDensity(shape=shape)
    elif mesh_kind == "bilinear_density":
        mesh = al.mesh.RectangularBilinearAdaptDensity(shape=shape)
    elif mesh_kind == "bilinear_image":
        mesh = al.mesh.RectangularBilinearAdaptImage(shape=shape, weight_power=1.0)
    elif mesh_kind in ("delaunay", "delaunay_hilbert", "delaunay_kmeans"):
        mesh = al.mesh.Delaunay(pixels=shape[0] * shape[1], zeroed_pixels=0)
    elif mesh_kind in ("knn", "knn_hilbert"):
        mesh = al.mesh.KNearestNeighbor(pixels=shape[0] * shape[1], zeroed_pixels=0)
    elif mesh_kind == "delaunay_nn":
        mesh = al.mesh.DelaunayNN(pixels=shape[0] * shape[1], zeroed_pixels=0)
    elif mesh_kind == "knn_barycentric":
        mesh = al.mesh.KNNBarycentric(pixels=shape[0] * shape[1], zeroed_pixels=0)
    else:
        mesh = al.mesh.RectangularRTUAdaptImage(shape=shape, weight_power=1.0, weight_floor=0.0)
    source = al.Galaxy(
        redshift=1.0,
        pixelization=al.Pixelization(mesh=mesh, regularization=regularization),
    )
    tracer = al.Tracer(galaxies=[al.Galaxy(redshift=0.5, **lens), source])
    images, grids = {}, {}
    if kind in ("adapt", "adapt_split") or mesh_kind in ("adapt_image", "bilinear_image"):
        images = {source: dataset.data}
    if mesh_kind in ("delaunay", "knn", "knn_barycentric", "delaunay_nn"):
        overlay = al.image_mesh.Overlay(shape=shape)
        grids = {source: overlay.image_plane_mesh_grid_from(mask=dataset.mask)}
    elif mesh_kind in ("delaunay_hilbert", "knn_hilbert"):
        hilbert = al.image_mesh.Hilbert(
            pixels=shape[0] * shape[1], weight_power=1.0, weight_floor=0.1
        )
        grids = {
            source: hilbert.image_plane_mesh_grid_from(mask=dataset.mask, adapt_data=dataset.data)
        }
    elif mesh_kind == "delaunay_kmeans":
        kmeans = al.image_mesh.KMeans(pixels=shape[0] * shape[1], weight_power=1.0)
        grids = {
            source: kmeans.image_plane_mesh_grid_from(mask=dataset.mask, adapt_data=dataset.data)
        }
    adapt_images = None
    if images or grids:
        adapt_images = al.AdaptImages(
            galaxy_image_dict=images, galaxy_image_plane_mesh_grid_dict=grids
        )
    settings = al.Settings(use_positive_only_solver=case["positive_only"])
    return al.FitImaging(
        dataset=dataset, tracer=tracer, adapt_images=adapt_images, settings=settings
    )


def summary_from(fit) -> dict:
    inversion = fit.inversion
    return {
        "log_evidence": float(fit.log_evidence),
        "chi_squared": float(fit.chi_squared),
        "regularization_term": float(inversion.regularization_term),
        "log_det_curvature_reg_matrix_term": float(inversion.log_det_curvature_reg_matrix_term),
        "log_det_regularization_matrix_term": float(inversion.log_det_regularization_matrix_term),
        "reconstruction": np.asarray(inversion.reconstruction, dtype=float).tolist(),
    }


def time_case(al, dataset, case: dict) -> str:
    """Median NumPy ``FitImaging`` log evidence time of one case (``--time NAME``)."""
    import statistics
    import time

    samples, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        _ = fit_from(al, dataset, case).log_evidence
        samples.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - start_cpu) * 1e3)
    return (
        f"{case['name']} NumPy log evidence {statistics.median(samples):.1f} ms "
        f"(CPU {statistics.median(cpu):.1f} ms)"
    )


def model_from(af, al, case: dict):
    """The release's model of a ``uniform`` / ``constant`` case, built in the order of
    ``pixelization.py``'s :func:`model_from` (the lens mass, shear and light), so one unit vector
    gives both packages the same parameters. The regularization is a fixed
    ``Constant(coefficient)`` instance on both sides (a ``Constant`` *class* would make the
    coefficient free, LogUniform 1e-6..1e6, in both packages)."""
    if case.get("mesh", "uniform") != "uniform" or case["regularization"] != "constant":
        raise SystemExit(f"--grad models a uniform mesh with constant regularization: {case}")
    pixelization = af.Model(
        al.Pixelization,
        mesh=al.mesh.RectangularUniform(shape=tuple(case["shape"])),
        regularization=al.reg.Constant(coefficient=case["coefficient"]),
    )
    extra = {"bulge": al.lp_linear.Sersic} if case["lens_light"] else {}
    lens = af.Model(
        al.Galaxy, redshift=0.5, mass=al.mp.Isothermal, shear=al.mp.ExternalShear, **extra
    )
    source = af.Model(al.Galaxy, redshift=1.0, pixelization=pixelization)
    return af.Collection(galaxies=af.Collection(lens=lens, source=source))


def time_grad(al, dataset, case: dict, unit: float, batch: int) -> str:
    """The release's jitted ``Fitness.call``, ``jax.grad`` of it and its batched objective on
    ``batch`` rows (``--grad NAME UNIT BATCH``): first-call seconds, median milliseconds per
    likelihood, the values and the parameter vector (as JSON on the last line, for the caller
    to compare with its own)."""
    import statistics
    import time

    import autofit as af
    import jax
    import jax.numpy as jnp
    from autofit.non_linear.fitness import Fitness

    model = model_from(af, al, case)
    analysis = al.AnalysisImaging(dataset=dataset, use_jax=True)
    fitness = Fitness(
        model=model, analysis=analysis, fom_is_log_likelihood=True, resample_figure_of_merit=-1.0e99
    )
    vector = model.vector_from_unit_vector([unit] * model.prior_count)
    x = jnp.asarray(vector)
    # The batch of pixelization.py's vmap timing: the same generator, seed and unit range.
    units = np.random.default_rng(1).uniform(0.4, 0.6, size=(batch, model.prior_count))
    rows = jnp.asarray(np.stack([model.vector_from_unit_vector(list(u)) for u in units]))
    result = {"vector": [float(v) for v in vector]}
    paths = (
        ("jit", jax.jit(fitness.call), x, 1, 5),
        ("grad", jax.jit(jax.grad(fitness.call)), x, 1, 5),
        ("vmap", fitness.objective("batched"), rows, batch, 2),
    )
    for label, fn, arg, likelihoods, rounds in paths:
        start, start_cpu = time.perf_counter(), time.process_time()
        value = jax.block_until_ready(fn(arg))
        compile_s = (time.perf_counter() - start, time.process_time() - start_cpu)
        samples, cpu = [], []
        for _ in range(rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            jax.block_until_ready(fn(arg))
            samples.append((time.perf_counter() - start) * 1e3 / likelihoods)
            cpu.append((time.process_time() - start_cpu) * 1e3 / likelihoods)
        result[label] = {
            "value": np.asarray(value).tolist(),
            "compile_s": compile_s[0],
            "compile_cpu_s": compile_s[1],
            "ms": statistics.median(samples),
            "cpu_ms": statistics.median(cpu),
        }
    return json.dumps(result)


def main() -> int:
    import autolens as al

    directory = Path(sys.argv[1])
    spec = json.loads((directory / "spec.json").read_text())
    dataset = dataset_from(al, directory, spec)
    if len(sys.argv) > 3 and sys.argv[2] == "--time":
        case = next(c for c in spec["cases"] if c["name"] == sys.argv[3])
        print(time_case(al, dataset, case))
        return 0
    if len(sys.argv) > 5 and sys.argv[2] == "--grad":
        case = next(c for c in spec["cases"] if c["name"] == sys.argv[3])
        print(time_grad(al, dataset, case, float(sys.argv[4]), int(sys.argv[5])))
        return 0
    results = {case["name"]: summary_from(fit_from(al, dataset, case)) for case in spec["cases"]}
    handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
    with os.fdopen(handle, "w") as stream:
        json.dump({"version": al.__version__, "results": results}, stream)
    os.replace(temporary, directory / "reference_results.json")
    for name, result in results.items():
        print(f"{name}: log evidence {result['log_evidence']:.10f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
