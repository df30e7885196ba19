"""Point solver benchmark: one SIE + shear quad solve on NumPy, and ``jax.vmap`` of the JAX
solver over many source positions (fixed lens passed as an argument, so XLA does not fold it).

Problem (as issue 20 measured PyAutoLens 2026.10.26.1, 156 ms per NumPy solve): SIE
(ell_comps (0.15, -0.05), θ_E 1.0) + shear (0.05, 0.03), source at (0.02, 0.04), solver on a
100x100 grid at 0.05", ``pixel_scale_precision=0.001``. Prints medians (CPU time too: the
machine is shared, so wall times are noisy) and the lens-equation residual of the images.
With ``--reference-python`` the release's NumPy solve is timed in the same window.

Usage: ``python workspace_test/benchmarks/point_solver.py [--sources 1000] [--reference-python PY]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

import numpy as np

REFERENCE_SNIPPET = """
import os, statistics, time
import autolens
assert "site-packages" in autolens.__file__, autolens.__file__
os.environ.setdefault("PYAUTO_SKIP_WORKSPACE_VERSION_CHECK", "1")
import autolens as al
lens = al.Galaxy(redshift=0.5, mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.15, -0.05), einstein_radius=1.0),
                 shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=0.03))
tracer = al.Tracer(galaxies=[lens, al.Galaxy(redshift=1.0)])
solver = al.PointSolver.for_grid(grid=al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05),
                                 pixel_scale_precision=0.001, magnification_threshold=0.1)
samples, cpu = [], []
for _ in range(7):
    t, c = time.perf_counter(), time.process_time()
    solver.solve(tracer=tracer, source_plane_coordinate=(0.02, 0.04))
    samples.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
print(1e3 * statistics.median(samples), 1e3 * statistics.median(cpu))
"""


def timed(fn, rounds=7):
    wall, cpu = [], []
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return 1e3 * statistics.median(wall), 1e3 * statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--reference-python")
    args = parser.parse_args()

    import autolens as al
    from autolens.point import polish

    lens = al.Galaxy(
        redshift=0.5,
        mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.15, -0.05), einstein_radius=1.0),
        shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=0.03),
    )
    tracer = al.Tracer([lens, al.Galaxy(redshift=1.0)])
    grid = al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05)
    solver = al.PointSolver.for_grid(grid, pixel_scale_precision=0.001, magnification_threshold=0.1)
    source = np.array([0.02, 0.04])

    positions = solver.solve(tracer, source).array
    residual = np.abs(polish.source_plane_points_from(tracer, positions, 1) - source).max()
    wall, cpu = timed(lambda: solver.solve(tracer, source))
    print(
        f'NumPy: {positions.shape[0]} images, max lens-equation residual {residual:.1e}"; '
        f"{wall:.1f} ms per solve (CPU {cpu:.1f} ms)"
    )

    if args.reference_python:
        out = subprocess.run(
            [args.reference_python, "-c", REFERENCE_SNIPPET],
            capture_output=True,
            text=True,
            check=True,
            # Without PYTHONPATH (it points at this monorepo's packages, which would shadow
            # the reference venv's autolens and time this code twice).
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )
        reference_ms, reference_cpu = (
            float(v) for v in out.stdout.strip().splitlines()[-1].split()
        )
        print(
            f"PyAutoLens release, same window: {reference_ms:.1f} ms per NumPy solve (CPU "
            f"{reference_cpu:.1f} ms); ratio {reference_ms / wall:.1f}x wall, "
            f"{reference_cpu / cpu:.1f}x CPU"
        )

    from autoarray.backend import jax_numpy

    jnp = jax_numpy()
    import jax

    from autolens.point.solver_jax import _register_tracer

    _register_tracer(tracer)
    batched = jax.jit(jax.vmap(lambda t, s: solver.solve_padded(t, s, xp=jnp), in_axes=(None, 0)))
    sources = jnp.asarray(np.random.default_rng(0).uniform(-0.3, 0.3, size=(args.sources, 2)))
    start = time.perf_counter()
    found, mask = batched(tracer, sources)
    found.block_until_ready()
    compile_s = time.perf_counter() - start
    wall, cpu = timed(lambda: batched(tracer, sources)[0].block_until_ready(), rounds=3)
    counts = np.bincount(np.asarray(mask).sum(axis=1))
    single = jax.jit(lambda t, s: solver.solve_padded(t, s, xp=jnp))
    single(tracer, sources[0])[0].block_until_ready()
    one_wall, _ = timed(lambda: single(tracer, sources[0])[0].block_until_ready())
    print(
        f"JAX: jit one solve {one_wall:.2f} ms; vmap over {args.sources} sources "
        f"{wall / args.sources:.3f} ms per source (CPU {cpu / args.sources:.3f} ms; compile {compile_s:.1f} s); "
        f"image counts {dict(enumerate(counts.tolist()))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
