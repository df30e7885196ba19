"""Shared driver of the point-source JAX parity scripts.

A quad is simulated (NumPy solver) behind an Isothermal + ExternalShear lens; the model frees
the lens mass and shear (and the source centre for ``ps.Point``). Checks, for one position fit:

* ``jax.jit(analysis.fit_from)(instance)`` returns a ``FitPointDataset`` whose log likelihood
  equals NumPy's (rtol ``RTOL``);
* ``Fitness._vmap`` over draws near the truth equals NumPy row by row;
* ``jax.grad`` of the figure of merit (through the solver's implicit-function step) equals
  central finite differences of the NumPy likelihood.

A small solver grid keeps the compile and the run short.
"""

from __future__ import annotations

import sys
import time

import numpy as np

RTOL = 1e-6
GRAD_RTOL = 1e-4


def solver_from(al):
    grid = al.Grid2D.uniform(shape_native=(60, 60), pixel_scales=0.06)
    return al.PointSolver.for_grid(grid=grid, pixel_scale_precision=0.005, max_images=8)


def truth_from(al, point):
    lens = al.Galaxy(
        redshift=0.5,
        mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.1, 0.05), einstein_radius=1.2),
        shear=al.mp.ExternalShear(gamma_1=0.03, gamma_2=-0.02),
    )
    source = al.Galaxy(redshift=1.0, point_0=point)
    return al.Tracer([lens, source])


def dataset_from(al, solver):
    tracer = truth_from(al, al.ps.Point(centre=(0.03, 0.05)))
    simulator = al.SimulatorPoint(
        solver, positions_noise_sigma=0.01, time_delays_noise_sigma=0.5, noise_seed=1
    )
    return simulator.via_tracer_from(tracer, name="point_0")


def model_from(al, solved: bool):
    lens = al.Model(al.Galaxy, redshift=0.5, mass=al.mp.Isothermal, shear=al.mp.ExternalShear)
    lens.mass.centre.centre_0 = al.GaussianPrior(mean=0.0, sigma=0.01)
    lens.mass.centre.centre_1 = al.GaussianPrior(mean=0.0, sigma=0.01)
    lens.mass.ell_comps.ell_comps_0 = al.GaussianPrior(mean=0.1, sigma=0.01)
    lens.mass.ell_comps.ell_comps_1 = al.GaussianPrior(mean=0.05, sigma=0.01)
    lens.mass.einstein_radius = al.GaussianPrior(mean=1.2, sigma=0.01)
    lens.shear.gamma_1 = al.GaussianPrior(mean=0.03, sigma=0.01)
    lens.shear.gamma_2 = al.GaussianPrior(mean=-0.02, sigma=0.01)
    if solved:
        source = al.Model(al.Galaxy, redshift=1.0, point_0=al.ps.PointSolved)
    else:
        point = al.Model(al.ps.Point)
        point.centre.centre_0 = al.GaussianPrior(mean=0.03, sigma=0.005)
        point.centre.centre_1 = al.GaussianPrior(mean=0.05, sigma=0.005)
        source = al.Model(al.Galaxy, redshift=1.0, point_0=point)
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


def _rel(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.abs(a - b) / np.maximum(np.abs(b), 1.0)


def run(name: str, fit_positions_cls_name: str, solved: bool, batch: int = 8) -> int:
    import autolens as al
    from autoarray.backend import jax_numpy

    jnp = jax_numpy()
    import jax

    failures = []
    solver = solver_from(al)
    dataset = dataset_from(al, solver)
    fit_cls = getattr(al, fit_positions_cls_name)
    model = model_from(al, solved)
    analysis_np = al.AnalysisPoint(dataset, solver, fit_positions_cls=fit_cls, use_jax=False)
    analysis = al.AnalysisPoint(dataset, solver, fit_positions_cls=fit_cls, use_jax=True)
    instance = model.instance_from_prior_medians()

    start = time.perf_counter()
    fit = jax.jit(analysis.fit_from)(instance)
    value = float(fit.log_likelihood)
    reference = float(analysis_np.log_likelihood_function(instance))
    print(
        f"{name}: jit(fit_from) {time.perf_counter() - start:.1f} s; log L JAX {value:.10f} "
        f"NumPy {reference:.10f}"
    )
    if not isinstance(fit, al.FitPointDataset) or _rel(value, reference) > RTOL:
        failures.append("jit(fit_from) round trip differs from NumPy")

    fitness = al.Fitness(model, analysis)
    fitness_np = al.Fitness(model, analysis_np)
    rng = np.random.default_rng(3)
    params = np.array(
        [
            model.vector_from_unit_vector(rng.uniform(0.3, 0.7, size=model.prior_count))
            for _ in range(batch)
        ]
    )
    start = time.perf_counter()
    values = np.asarray(fitness._vmap(jnp.asarray(params)))
    numpy_values = np.array([fitness_np.call(row) for row in params])
    rel = _rel(values, numpy_values)
    print(
        f"{name}: _vmap batch {batch} {time.perf_counter() - start:.1f} s; max rel diff "
        f"{rel.max():.2e}"
    )
    if rel.max() > RTOL:
        failures.append(f"_vmap differs from NumPy on rows {np.where(rel > RTOL)[0].tolist()}")

    x = params[0]
    start = time.perf_counter()
    grad = np.asarray(fitness._grad(jnp.asarray(x)))
    step = 1e-6
    numeric = np.zeros_like(x)
    for i in range(x.size):
        up, down = x.copy(), x.copy()
        up[i] += step
        down[i] -= step
        numeric[i] = (fitness_np.call(up) - fitness_np.call(down)) / (2.0 * step)
    scale = np.maximum(np.abs(numeric).max(), 1.0)
    grad_rel = np.abs(grad - numeric).max() / scale
    print(
        f"{name}: grad {time.perf_counter() - start:.1f} s; max |grad - FD| / max|FD| "
        f"{grad_rel:.2e}"
    )
    if not np.all(np.isfinite(grad)) or grad_rel > GRAD_RTOL:
        failures.append(f"grad differs from finite differences ({grad_rel:.2e})")

    for failure in failures:
        print(f"{name}: FAILED: {failure}")
    if not failures:
        print(f"{name}: jit, _vmap and grad agree with NumPy")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(0)
