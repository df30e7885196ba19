"""A full point-source model fit with the default search, timed.

Simulates a quad (SIE + external shear at z = 0.5, point source at z = 1.0; four image
positions with 5 mas noise and their time delays with 0.5 day noise), then fits the lens and
the source centre (9 free parameters: SIE centre, ellipticity and Einstein radius, shear, source
centre) with ``al.Nautilus`` as the PyAutoLens workspace's point-source ``start_here`` script
writes it (``n_live=75, n_batch=50``; ``al.Nautilus()`` without arguments has PyAutoFit's
``n_live=3000``). Prints the wall
and CPU time of the search, the likelihood calls, the posterior medians with 3 sigma errors, and
checks that every true value lies within 3 sigma (exit 1 if not).

The image-plane position fit (``FitPositionsImagePairAll``) solves the lens equation at every
likelihood call; ``--source-plane`` fits ``FitPositionsSource`` instead (no solver call).
``--use-jax`` evaluates each batch of ``n_batch`` likelihoods as one ``Fitness._vmap`` call
(compiled once, at the first batch).

Usage: ``python workspace_test/benchmarks/point_fit.py [--output output/point_fit] [--source-plane]
[--n-live 75] [--n-batch 50] [--n-networks 4] [--use-jax] [--cores 1]``

``--cores N`` sets the search's ``number_of_cores``: N worker processes evaluate each NumPy batch
and train each bound's networks; the samples are identical to ``--cores 1`` (same seed), so the
posterior printed is the same.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

import autolens as al

TRUTH = {
    "galaxies.lens.mass.centre_0": 0.01,
    "galaxies.lens.mass.centre_1": -0.01,
    "galaxies.lens.mass.ell_comps_0": 0.15,
    "galaxies.lens.mass.ell_comps_1": -0.05,
    "galaxies.lens.mass.einstein_radius": 1.0,
    "galaxies.lens.shear.gamma_1": 0.05,
    "galaxies.lens.shear.gamma_2": 0.03,
    "galaxies.source.point_0.centre_0": 0.02,
    "galaxies.source.point_0.centre_1": 0.04,
}


def simulate(solver) -> al.PointDataset:
    lens = al.Galaxy(
        redshift=0.5,
        mass=al.mp.Isothermal(centre=(0.01, -0.01), ell_comps=(0.15, -0.05), einstein_radius=1.0),
        shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=0.03),
    )
    source = al.Galaxy(redshift=1.0, point_0=al.ps.Point(centre=(0.02, 0.04)))
    simulator = al.SimulatorPoint(
        solver, positions_noise_sigma=0.005, time_delays_noise_sigma=0.5, noise_seed=1
    )
    return simulator.via_tracer_from(al.Tracer([lens, source]), name="point_0")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="output/point_fit")
    parser.add_argument("--source-plane", action="store_true")
    parser.add_argument("--n-live", type=int, default=75)
    parser.add_argument("--n-batch", type=int, default=50)
    parser.add_argument("--n-networks", type=int, default=4, help="networks per bound")
    parser.add_argument("--use-jax", action="store_true", help="batched JAX likelihood (vmap)")
    parser.add_argument("--cores", type=int, default=1, help="the search's number_of_cores")
    args = parser.parse_args()

    grid = al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05)
    solver = al.PointSolver.for_grid(grid, pixel_scale_precision=0.001, magnification_threshold=0.1)
    dataset = simulate(solver)

    lens = al.Model(al.Galaxy, redshift=0.5, mass=al.mp.Isothermal, shear=al.mp.ExternalShear)
    source = al.Model(al.Galaxy, redshift=1.0, point_0=al.ps.Point)
    model = al.Collection(galaxies=al.Collection(lens=lens, source=source))
    fit_cls = al.FitPositionsSource if args.source_plane else al.FitPositionsImagePairAll
    analysis = al.AnalysisPoint(
        dataset=dataset, solver=solver, fit_positions_cls=fit_cls, use_jax=args.use_jax
    )

    shutil.rmtree(args.output, ignore_errors=True)
    search = al.Nautilus(
        name="point_fit",
        output_path=args.output,
        n_live=args.n_live,
        n_batch=args.n_batch,
        n_networks=args.n_networks,
        number_of_cores=args.cores,
    )
    wall, cpu = time.perf_counter(), time.process_time()
    children = os.times()
    result = search.fit(model=model, analysis=analysis)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    # CPU time of the child processes: workers (number_of_cores > 1) and forked checkpoint writes.
    after = os.times()
    cpu_workers = (after.children_user + after.children_system) - (
        children.children_user + children.children_system
    )

    samples = result.samples
    median = samples.median_pdf_vector
    bounds = samples.values_at_sigma(3.0)
    print(
        f"Nautilus ({fit_cls.__name__}, {model.prior_count} parameters): {wall:.1f} s wall, "
        f"{cpu:.1f} s CPU here + {cpu_workers:.1f} s CPU in child processes (workers, "
        f"checkpoint writes), {samples.total_samples} samples, n_live={args.n_live}, "
        f"number_of_cores={args.cores}"
    )
    failures = 0
    for path, mid, (low, high) in zip(model.paths, median, bounds):
        name = ".".join(path)
        truth = TRUTH[name]
        ok = low <= truth <= high
        failures += not ok
        flag = "" if ok else "   <-- truth outside 3 sigma"
        print(f"{name:45s} {mid:9.4f} [{low:9.4f}, {high:9.4f}]  truth {truth:7.4f}{flag}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
