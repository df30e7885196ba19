"""Systematic bias of the main job's fit, measured on noise-free ("Asimov") data.

The main job (``examples/simulate_and_fit.py``) is simulated and fitted with the same physics, so
on data without noise its maximum likelihood must sit on the truth. Anything that makes the fit's
model differ from the simulation's (over-sampling, PSF blurring of light outside the mask, the
linear intensities) moves the maximum; this script measures by how much, in units of the
statistical 1-sigma errors:

    bias = -H^-1 g,   sigma = sqrt(diag(-H^-1)),   pull = bias / sigma

with ``g`` and ``H`` the gradient and Hessian of the log likelihood at the truth (central finite
differences; the log likelihood is quadratic there to far better than the biases measured).
The noise map is the true Poisson noise of the noise-free image, the data is that image.

A fit whose largest ``|pull|`` is of order 1 or more cannot give 3-sigma coverage reliably: its
posteriors are centred off the truth on every noise seed. Usage::

    python workspace_test/coverage/asimov_bias.py [--tolerance 0.02 0.002] [--numpy]

Each ``--tolerance`` is the fit's adaptive over-sampling tolerance in units of the noise map:
with ``--mode total`` (the example's) the root-sum-square of all pixels' errors over their noise,
which bounds every parameter's |pull| (``al.over_sample_size_adaptive_from``); with
``--mode pixel`` each pixel's own error over its noise.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

import autolens as al

ROOT = Path(__file__).resolve().parents[2]


def example_module():
    """The main job's module (``examples/simulate_and_fit.py``), imported by path."""
    spec = importlib.util.spec_from_file_location(
        "simulate_and_fit", ROOT / "examples" / "simulate_and_fit.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def noise_free_dataset(ex) -> al.Imaging:
    """The example's simulation without Poisson noise (data = blurred image, true noise map)."""
    grid = al.Grid2D.uniform(shape_native=ex.SHAPE, pixel_scales=ex.PIXEL_SCALE)
    tracer = ex.true_tracer()
    grid = grid.apply_over_sampling(
        al.over_sample_size_adaptive_from(
            grid, ex.tracer_image_from(tracer), ex.SIMULATION_TOLERANCE, sizes=ex.SIMULATION_SIZES
        )
    )
    psf = al.Convolver.from_gaussian(
        ex.PSF_SHAPE, ex.PIXEL_SCALE, sigma=ex.PSF_SIGMA, normalize=True
    )
    simulator = al.SimulatorImaging(
        exposure_time=ex.EXPOSURE_TIME,
        psf=psf,
        background_sky_level=ex.BACKGROUND_SKY,
        add_poisson_noise_to_data=False,
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=grid)
    mask = al.Mask2D.circular(
        shape_native=ex.SHAPE, radius=ex.MASK_RADIUS, pixel_scales=ex.PIXEL_SCALE
    )
    return al.Imaging(data=dataset.data, noise_map=dataset.noise_map, psf=dataset.psf).apply_mask(
        mask
    )


def derivatives_from(fitness: al.Fitness, point: np.ndarray, steps: np.ndarray, batch: int):
    """Gradient and Hessian of ``fitness`` at ``point`` by central differences of size ``steps``."""
    n = point.size
    eye = np.eye(n)
    rows = (
        [point]
        + [point + steps[i] * eye[i] for i in range(n)]
        + [point - steps[i] * eye[i] for i in range(n)]
    )
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            for si, sj in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
                rows.append(point + si * steps[i] * eye[i] + sj * steps[j] * eye[j])
            pairs.append((i, j))
    values = np.asarray(batched(fitness, rows, batch))
    f0, plus, minus = values[0], values[1 : n + 1], values[n + 1 : 2 * n + 1]
    gradient = (plus - minus) / (2.0 * steps)
    hessian = np.diag((plus - 2.0 * f0 + minus) / steps**2)
    for (i, j), (pp, pm, mp, mm) in zip(pairs, values[2 * n + 1 :].reshape(-1, 4)):
        hessian[i, j] = hessian[j, i] = (pp - pm - mp + mm) / (4.0 * steps[i] * steps[j])
    return gradient, hessian


def batched(fitness, rows, size):
    rows = np.asarray(rows, dtype=float)
    if not fitness.use_jax:
        return np.array([fitness.call(r) for r in rows])
    padded = np.concatenate([rows, np.repeat(rows[-1:], -len(rows) % size, axis=0)])
    values = [fitness.call_many(padded[i : i + size]) for i in range(0, len(padded), size)]
    return np.concatenate(values)[: len(rows)]


def pulls_for(ex, dataset, sizes, use_jax: bool, batch: int = 50):
    """(names, truth, bias, sigma) of the example's model fitted to ``dataset`` with ``sizes``."""
    dataset = dataset.apply_over_sampling(over_sample_size_lp=sizes)
    analysis = al.AnalysisImaging(dataset=dataset, use_jax=use_jax)
    model = ex.lens_model(centre=(0.0, 0.0))
    truth = np.array([ex.true_value_from(path) for path in model.paths])
    fitness = al.Fitness(model, analysis)
    # Steps: a first pass with tiny steps gives each parameter's conditional width; the
    # derivatives are then taken with a tenth of it (well inside the quadratic region).
    n = truth.size
    h = np.maximum(1e-4 * np.abs(truth), 1e-5)
    eye = np.eye(n)
    rows = (
        [truth]
        + [truth + h[i] * eye[i] for i in range(n)]
        + [truth - h[i] * eye[i] for i in range(n)]
    )
    v = batched(fitness, rows, batch)
    curvature = (v[1 : n + 1] - 2 * v[0] + v[n + 1 :]) / h**2
    conditional = 1.0 / np.sqrt(np.maximum(-curvature, 1e-12))
    gradient, hessian = derivatives_from(fitness, truth, 0.3 * conditional, batch)
    covariance = np.linalg.inv(-hessian)
    bias = covariance @ gradient
    sigma = np.sqrt(np.diag(covariance))
    names = [".".join(p[1:]) for p in model.paths]
    return names, truth, bias, sigma


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance", type=float, nargs="+", default=[0.02])
    parser.add_argument("--mode", choices=("pixel", "total"), default="total")
    parser.add_argument("--exact", action="store_true", help="also fit with the simulation's sizes")
    parser.add_argument("--numpy", action="store_true")
    args = parser.parse_args()
    ex = example_module()
    use_jax = not args.numpy and ex.jax_available()
    t = time.perf_counter()
    dataset = noise_free_dataset(ex)
    noise = np.asarray(dataset.noise_map.array)
    image_from = ex.tracer_image_from(ex.true_tracer())
    print(
        f"noise-free dataset: {dataset.mask.pixels_in_mask} pixels ({time.perf_counter() - t:.0f} s)"
    )
    configs = []
    for tol in args.tolerance:
        sizes = al.over_sample_size_adaptive_from(
            dataset.grid, image_from, tol * noise, mode=args.mode
        )
        configs.append((f"mode={args.mode}, tolerance {tol:g} x noise", sizes))
    if args.exact:
        sizes = al.over_sample_size_adaptive_from(
            dataset.grid, image_from, ex.SIMULATION_TOLERANCE, sizes=ex.SIMULATION_SIZES
        )
        configs.append(("simulation's sizes", sizes))
    worst = 0.0
    for label, sizes in configs:
        t = time.perf_counter()
        histogram = np.bincount(np.asarray(sizes.array))
        names, truth, bias, sigma = pulls_for(ex, dataset, sizes, use_jax)
        pull = bias / sigma
        print(
            f"\n{label}: sub sizes { {s: int(c) for s, c in enumerate(histogram) if c} } "
            f"({time.perf_counter() - t:.0f} s); max |pull| {np.max(np.abs(pull)):.2f}"
        )
        print(f"  {'parameter':<30}{'truth':>10}{'bias':>12}{'sigma':>12}{'pull':>8}")
        for name, tr, b, s, p in zip(names, truth, bias, sigma, pull):
            print(f"  {name:<30}{tr:10.4f}{b:12.2e}{s:12.2e}{p:8.2f}")
        worst = max(worst, float(np.max(np.abs(pull))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
