"""Likelihood benchmark suite: ms per likelihood on two fixed imaging problems.

P1: 180x180 at 0.2"/px, 21x21 Gaussian PSF (sigma 0.2"), circular mask r=3" (716 pixels),
    over-sampling 1.
P2: 200x200 at 0.05"/px, 21x21 Gaussian PSF (sigma 0.05"), mask r=3.5" (~15,400 pixels),
    over-sampling 4.
Model: lens Sersic light + Isothermal + ExternalShear, source Sersic; standard and linear light.

For each problem and light variant it times (medians of rounds): the NumPy
``fit_from(instance).log_likelihood`` (first, before any JAX work), then in interleaved rounds a
jitted single likelihood, ``Fitness._vmap`` per
likelihood at batch 50 and 500, the jitted gradient, the vmap compile time, and the jitted
``fit_from(instance).log_likelihood`` path next to the jitted
``log_likelihood_function(instance)`` (the same instance in, a scalar out). Writes a JSON file
and a markdown table under ``workspace_test/benchmarks/results/``.

Each timing is the median of at least 0.2 s of calls; ``cores_used`` (CPU time / wall time
per path) shows how many cores a path kept busy.

Usage: ``python workspace_test/benchmarks/run.py [--rounds 3] [--problems P1 P2] [--quick]
[--wide-vectors]``; ``--wide-vectors`` adds the opt-in ``--xla_cpu_prefer_vector_width=512`` to
``XLA_FLAGS`` (``docs/jax.md``) before JAX is imported. ``--emulate-avx2`` restarts the run
under ``_isa.py``'s emulation of a CPU without AVX-512 (XLA, OpenBLAS and NumPy limited to AVX2).

``--export-reference DIR`` instead writes the problems' pixels and one parameter vector per light
variant (with this package's log likelihood of it), plus the simulation's true parameters
(``truth``), for ``reference_pyautolens.py`` and ``reference_peers.py``, which time the public
PyAutoLens release and the JAX peers on identical pixels in the same minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from _isa import emulation, restart_emulating_avx2
from _machine import cpu_info

import autolens as al

RESULTS = Path(__file__).resolve().parent / "results"

PROBLEMS = {
    "P1": dict(shape=(180, 180), pixel_scale=0.2, psf_sigma=0.2, mask_radius=3.0, sub_size=1),
    "P2": dict(shape=(200, 200), pixel_scale=0.05, psf_sigma=0.05, mask_radius=3.5, sub_size=4),
}


def true_tracer() -> "al.Tracer":
    lens = al.Galaxy(
        redshift=0.5,
        bulge=al.lp.Sersic(
            centre=(0.0, 0.0),
            ell_comps=(0.05, 0.02),
            intensity=1.0,
            effective_radius=0.8,
            sersic_index=3.0,
        ),
        mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.1, 0.05), einstein_radius=1.6),
        shear=al.mp.ExternalShear(gamma_1=0.03, gamma_2=-0.02),
    )
    source = al.Galaxy(
        redshift=1.0,
        bulge=al.lp.Sersic(
            centre=(0.1, 0.05),
            ell_comps=(0.1, -0.05),
            intensity=0.4,
            effective_radius=0.3,
            sersic_index=1.5,
        ),
    )
    return al.Tracer(galaxies=[lens, source])


def dataset_for(problem: dict):
    grid = al.Grid2D.uniform(problem["shape"], problem["pixel_scale"], over_sample_size=4)
    psf = al.Convolver.from_gaussian(
        (21, 21), problem["pixel_scale"], sigma=problem["psf_sigma"], normalize=True
    )
    simulator = al.SimulatorImaging(
        exposure_time=2000.0,
        psf=psf,
        background_sky_level=1.0,
        add_poisson_noise_to_data=True,
        noise_seed=1,
    )
    dataset = simulator.via_tracer_from(tracer=true_tracer(), grid=grid)
    mask = al.Mask2D.circular(problem["shape"], problem["mask_radius"], problem["pixel_scale"])
    dataset = dataset.apply_mask(mask)
    return dataset.apply_over_sampling(over_sample_size_lp=problem["sub_size"])


def model_for(linear: bool):
    lp = al.lp_linear if linear else al.lp
    lens = al.Model(
        al.Galaxy,
        redshift=0.5,
        bulge=al.Model(lp.Sersic),
        mass=al.Model(al.mp.Isothermal),
        shear=al.Model(al.mp.ExternalShear),
    )
    source = al.Model(al.Galaxy, redshift=1.0, bulge=al.Model(lp.Sersic))
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


def near_truth_vectors(model, batch: int, rng) -> np.ndarray:
    """Parameter vectors drawn close to the prior medians (unit-cube values 0.5 +- 0.05)."""
    units = np.clip(0.5 + 0.05 * rng.standard_normal((batch, model.prior_count)), 0.01, 0.99)
    return np.asarray([model.vector_from_unit_vector(u) for u in units], dtype=float)


#: Every timing sample repeats its call at least this long (short calls get many repeats).
MIN_SAMPLE_SECONDS = 0.2

#: CPU seconds / wall seconds of every timed path, accumulated per bench_problem run.
_CORES: dict = {}

#: Per timed path, one CPU-time sample per call of :func:`median_ms` (process CPU ms per call of
#: ``fn``, all threads). On a shared machine CPU time moves less with the load than wall time.
_CPU_MS: dict = {}


def median_ms(fn, repeats: int, key: str | None = None) -> float:
    """Median wall milliseconds of ``fn`` over at least ``repeats`` calls and
    :data:`MIN_SAMPLE_SECONDS`; with ``key`` the CPU / wall ratio is accumulated in ``_CORES``."""
    times = []
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    while len(times) < repeats or time.perf_counter() - wall_start < MIN_SAMPLE_SECONDS:
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    if key is not None:
        _CPU_MS.setdefault(key, []).append((time.process_time() - cpu_start) * 1e3 / len(times))
        cpu, wall = _CORES.get(key, (0.0, 0.0))
        _CORES[key] = (
            cpu + time.process_time() - cpu_start,
            wall + time.perf_counter() - wall_start,
        )
    return statistics.median(times)


def bench_problem(name: str, linear: bool, rounds: int, batches) -> dict:
    import jax
    import jax.numpy as jnp

    problem = PROBLEMS[name]
    dataset = dataset_for(problem)
    model = model_for(linear)
    rng = np.random.default_rng(0)
    vectors = near_truth_vectors(model, max(batches), rng)
    instance = model.instance_from_vector(list(vectors[0]))

    analysis_np = al.AnalysisImaging(dataset=dataset, use_jax=False)
    _CORES.clear()
    _CPU_MS.clear()
    # The NumPy path is timed first, before any JAX work in this problem: a NumPy user runs no
    # XLA threads next to it.
    numpy_samples = [
        median_ms(lambda: analysis_np.fit_from(instance).log_likelihood, 5, "numpy")
        for _ in range(rounds)
    ]
    analysis_jax = al.AnalysisImaging(dataset=dataset, use_jax=True)
    fitness = al.Fitness(model=model, analysis=analysis_jax)

    log_l_np = float(analysis_np.fit_from(instance).log_likelihood)
    single = jax.jit(fitness.call)
    grad = jax.jit(jax.grad(fitness.call))
    fit_jit = jax.jit(analysis_jax.fit_from)
    # The same instance in, a scalar out: what returning the whole fit is compared with.
    instance_jit = jax.jit(analysis_jax.log_likelihood_function)
    vector = jnp.asarray(vectors[0])
    log_l_jax = float(single(vector))
    jax.block_until_ready(grad(vector))
    jax.block_until_ready(fit_jit(instance).log_likelihood)
    jax.block_until_ready(instance_jit(instance))

    compile_s = {}
    strategies = {}
    for batch in batches:
        params = jnp.asarray(vectors[:batch])
        start = time.perf_counter()
        jax.block_until_ready(fitness._vmap(params))
        compile_s[batch] = time.perf_counter() - start
        # what Fitness._vmap chose for this batch shape, and why (timed on these rows)
        strategies[str(batch)] = str(fitness.batch_strategy)

    samples = {
        k: [] for k in ["jit", "fit_jit", "instance_jit", "grad"] + [f"vmap_{b}" for b in batches]
    }
    samples["numpy"] = numpy_samples
    for _ in range(rounds):
        samples["jit"].append(median_ms(lambda: single(vector).block_until_ready(), 10, "jit"))
        samples["fit_jit"].append(
            median_ms(lambda: jax.block_until_ready(fit_jit(instance).log_likelihood), 10)
        )
        samples["instance_jit"].append(
            median_ms(lambda: jax.block_until_ready(instance_jit(instance)), 10)
        )
        samples["grad"].append(median_ms(lambda: jax.block_until_ready(grad(vector)), 5, "grad"))
        for batch in batches:
            params = jnp.asarray(vectors[:batch])
            samples[f"vmap_{batch}"].append(
                median_ms(lambda p=params: fitness._vmap(p).block_until_ready(), 3, f"vmap_{batch}")
                / batch
            )
    result = {key: statistics.median(values) for key, values in samples.items()}
    result["cores_used"] = {key: cpu / wall for key, (cpu, wall) in _CORES.items() if wall > 0}
    # CPU ms per likelihood (median of rounds); a batch call's CPU time is shared by its rows.
    result["cpu_ms"] = {
        key: statistics.median(values) / (int(key[5:]) if key.startswith("vmap_") else 1)
        for key, values in _CPU_MS.items()
    }
    result.update(
        problem=name,
        linear=linear,
        pixels=int(dataset.mask.pixels_in_mask),
        sub_pixels=int(dataset.grids.lp.over_sampler.sub_total),
        log_likelihood_numpy=log_l_np,
        log_likelihood_jax=log_l_jax,
        relative_difference=abs(log_l_jax - log_l_np) / abs(log_l_np),
        compile_s={str(k): v for k, v in compile_s.items()},
        batch_strategy=strategies,
    )
    return result


def truth_vector(model) -> list:
    """:func:`true_tracer`'s parameters in ``model``'s order (paths such as
    ``("galaxies", "lens", "bulge", "centre_0")``: galaxy, component, attribute[_index])."""
    galaxies = dict(zip(("lens", "source"), true_tracer().galaxies))
    values = []
    for _, galaxy, component, name in model.paths:
        profile = getattr(galaxies[galaxy], component)
        if hasattr(profile, name):
            values.append(float(getattr(profile, name)))
        else:
            attribute, _, index = name.rpartition("_")
            values.append(float(getattr(profile, attribute)[int(index)]))
    return values


def export_reference(directory: Path, problems) -> None:
    """Write ``NAME_{data,noise,psf,mask}.npy`` and ``NAME.json`` (problem settings, and per
    light variant the parameter vector, its paths and this package's NumPy log likelihood)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in problems:
        problem = PROBLEMS[name]
        dataset = dataset_for(problem)
        arrays = dict(
            data=dataset.data.native,
            noise=dataset.noise_map.native,
            psf=dataset.psf.kernel_native,
            mask=dataset.mask,
        )
        for key, values in arrays.items():
            np.save(directory / f"{name}_{key}.npy", np.asarray(values))
        spec = dict(problem)
        analysis = al.AnalysisImaging(dataset=dataset, use_jax=False)
        for linear in (False, True):
            model = model_for(linear)
            # The first row of bench_problem's draw (same seed; rows are drawn in order).
            vector = near_truth_vectors(model, 1, np.random.default_rng(0))[0]
            instance = model.instance_from_vector(list(vector))
            spec["linear" if linear else "standard"] = dict(
                vector=[float(v) for v in vector],
                paths=[list(path) for path in model.paths],
                log_likelihood=float(analysis.fit_from(instance).log_likelihood),
            )
        # The simulation's own parameters (standard light): a likelihood near the noise level, a
        # sharper agreement check for reference scripts than the near-prior vectors above.
        model = model_for(False)
        vector = truth_vector(model)
        spec["truth"] = dict(
            vector=vector,
            paths=[list(path) for path in model.paths],
            log_likelihood=float(
                analysis.fit_from(model.instance_from_vector(vector)).log_likelihood
            ),
        )
        al.aa.atomic_write_text(directory / f"{name}.json", json.dumps(spec, indent=1))
        print(f"exported {name} to {directory}")


def markdown_table(results) -> str:
    header = (
        "| problem | light | NumPy fit | jit | jit(fit_from).log_likelihood | "
        "jit(log_likelihood_function) | vmap 50 | vmap 500 | grad | vmap-50 compile (s) |"
        "\n|---|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for r in results:
        rows.append(
            f"| {r['problem']} | {'linear' if r['linear'] else 'standard'} | {r['numpy']:.3f} | "
            f"{r['jit']:.3f} | {r['fit_jit']:.3f} | {r.get('instance_jit', float('nan')):.3f} | "
            f"{r.get('vmap_50', float('nan')):.3f} | "
            f"{r.get('vmap_500', float('nan')):.3f} | {r['grad']:.3f} | "
            f"{r['compile_s'].get('50', float('nan')):.2f} |"
        )
    cores_header = (
        "\nCores kept busy (CPU time / wall time):\n\n| problem | light | NumPy fit | jit | "
        "vmap 50 | vmap 500 | grad |\n|---|---|---|---|---|---|---|\n"
    )
    cores_rows = []
    for r in results:
        cores = r.get("cores_used", {})
        cells = " | ".join(
            f"{cores.get(k, float('nan')):.2f}"
            for k in ("numpy", "jit", "vmap_50", "vmap_500", "grad")
        )
        cores_rows.append(
            f"| {r['problem']} | {'linear' if r['linear'] else 'standard'} | {cells} |"
        )
    strategy_lines = [
        f"* {r['problem']} {'linear' if r['linear'] else 'standard'}, {line}"
        for r in results
        for line in r.get("batch_strategy", {}).values()
    ]
    strategies = (
        "\n`Fitness._vmap` strategy (first call of each batch shape):\n\n"
        + "\n".join(strategy_lines)
        + "\n"
        if strategy_lines
        else ""
    )
    return (
        header + "\n".join(rows) + "\n" + cores_header + "\n".join(cores_rows) + "\n" + strategies
    )


def use_wide_vectors() -> None:
    """Append the opt-in 512-bit vector flag to ``XLA_FLAGS``; JAX must not be imported yet."""
    from autoarray.backend import WIDE_VECTOR_XLA_FLAG

    if "jax" in sys.modules:
        raise SystemExit("--wide-vectors must take effect before JAX is imported")
    os.environ["XLA_FLAGS"] = f"{os.environ.get('XLA_FLAGS', '')} {WIDE_VECTOR_XLA_FLAG}".strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--problems", nargs="+", default=["P1", "P2"])
    parser.add_argument("--quick", action="store_true", help="1 round, batch 50 only")
    parser.add_argument(
        "--export-reference",
        type=Path,
        metavar="DIR",
        help="write the problems for reference_pyautolens.py and exit",
    )
    parser.add_argument(
        "--wide-vectors",
        action="store_true",
        help="time with 512-bit XLA vector code (the AVX-512 opt-in)",
    )
    parser.add_argument(
        "--emulate-avx2",
        action="store_true",
        help="restart under the AVX2 emulation of _isa.py (a CPU without AVX-512)",
    )
    args = parser.parse_args()
    if args.emulate_avx2:
        if args.wide_vectors:
            raise SystemExit("--wide-vectors (512-bit code) contradicts --emulate-avx2")
        restart_emulating_avx2()
    if args.wide_vectors:
        use_wide_vectors()
    if args.export_reference is not None:
        export_reference(args.export_reference, args.problems)
        return 0
    rounds = 1 if args.quick else args.rounds
    batches = (50,) if args.quick else (50, 500)
    results = []
    for name in args.problems:
        for linear in (False, True):
            result = bench_problem(name, linear, rounds, batches)
            results.append(result)
            print(json.dumps(result), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    meta = dict(
        machine=platform.platform(),
        processor=platform.processor(),
        cpus=os.cpu_count(),
        python=sys.version.split()[0],
        xla_flags=os.environ.get("XLA_FLAGS", ""),
        cpu=cpu_info(),
        emulation=emulation(),
    )
    import jax

    meta["jax"] = jax.__version__
    meta["device"] = str(jax.devices()[0])
    meta["devices"] = len(jax.devices())
    table = markdown_table(results)
    al.aa.atomic_write_text(
        RESULTS / f"{stamp}.json", json.dumps({"meta": meta, "results": results}, indent=2)
    )
    al.aa.atomic_write_text(
        RESULTS / f"{stamp}.md",
        f"ms per likelihood on {meta['cpu']['kind']}"
        + (" (AVX2 emulation)" if meta["emulation"]["emulated_isa"] else "")
        + f", {meta}\n\n"
        + table,
    )
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
