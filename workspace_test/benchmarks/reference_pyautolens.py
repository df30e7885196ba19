"""Time the public PyAutoLens release on the benchmark problems, on identical pixels.

Ratios between packages only mean something when both are timed in the same minutes (this
machine's speed drifts up to 2x between hours). This script runs in a *separate* virtual
environment holding PyPI's ``autolens`` (its package names clash with this monorepo's):

    python -m venv /tmp/pal && /tmp/pal/bin/pip install "autolens[jax]==2026.7.29.1"
    hatch run bench --export-reference /tmp/pal_problems          # this package: pixels, vectors
    /tmp/pal/bin/python workspace_test/benchmarks/reference_pyautolens.py /tmp/pal_problems
    hatch run bench                                               # this package, same window

It rebuilds each problem from the exported arrays (mask, PSF, noise, over-sampling), checks
that PyAutoLens's NumPy log likelihood of the exported vector equals this package's (relative
1e-8, else it stops), then times, as ``run.py`` does (median of rounds, each at least 0.2 s):
the NumPy ``fit_from``, a jitted likelihood of a vector, ``Fitness._vmap`` per likelihood at
batch 50 (PyAutoLens's own ``jax.vmap(jax.jit(call))``), the jitted gradient and
``jax.jit(analysis.fit_from)(instance).log_likelihood``. Writes
``DIR/pyautolens_results.json`` (atomically) and prints a markdown table. ``--emulate-avx2``
restarts under ``_isa.py``'s emulation of a CPU without AVX-512 (then
``DIR/pyautolens_results_avx2.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# The XLA flags this package applies by default (``DEFAULT_XLA_FLAGS`` in autoarray/execution.py,
# which cannot be imported here: the release's autoarray has the same name), so both sides of a
# same-window comparison run the same XLA configuration.
os.environ.setdefault(
    "XLA_FLAGS",
    "--xla_cpu_multi_thread_eigen=false --xla_cpu_enable_concurrency_optimized_scheduler=false",
)
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
from _isa import emulation, restart_emulating_avx2  # noqa: E402
from _machine import cpu_info  # noqa: E402

MIN_SAMPLE_SECONDS = 0.2
AGREEMENT = 1e-8


#: Per timed path, the process CPU ms per call of each round of :func:`median_ms` (all threads);
#: on a shared machine CPU time moves less with the load than wall time.
CPU_MS: dict = {}


def median_ms(fn, rounds: int, key: str | None = None) -> float:
    """Median over ``rounds`` of the mean ms per call of ``fn`` repeated for >= 0.2 s; with
    ``key`` the CPU ms per call of each round is kept in :data:`CPU_MS`."""
    samples = []
    for _ in range(rounds):
        calls, start, cpu_start = 0, time.perf_counter(), time.process_time()
        while calls == 0 or time.perf_counter() - start < MIN_SAMPLE_SECONDS:
            fn()
            calls += 1
        samples.append((time.perf_counter() - start) * 1e3 / calls)
        if key is not None:
            CPU_MS.setdefault(key, []).append((time.process_time() - cpu_start) * 1e3 / calls)
    return statistics.median(samples)


def dataset_from(directory: Path, name: str, spec: dict):
    import autolens as al

    scale = spec["pixel_scale"]
    arrays = {k: np.load(directory / f"{name}_{k}.npy") for k in ("data", "noise", "psf", "mask")}
    dataset = al.Imaging(
        data=al.Array2D.no_mask(values=arrays["data"], pixel_scales=scale),
        noise_map=al.Array2D.no_mask(values=arrays["noise"], pixel_scales=scale),
        psf=al.Convolver(kernel=al.Array2D.no_mask(values=arrays["psf"], pixel_scales=scale)),
        over_sample_size_lp=spec["sub_size"],
        # The exported noise map is 0 outside the mask; apply_mask checks the unmasked pixels.
        check_noise_map=False,
    )
    dataset = dataset.apply_mask(
        mask=al.Mask2D(mask=arrays["mask"].astype(bool), pixel_scales=scale)
    )
    return dataset.apply_over_sampling(over_sample_size_lp=spec["sub_size"])


def model_for(linear: bool, af=None):
    """The benchmark model; ``af`` is where ``Model`` / ``Collection`` come from (None: the
    release's PyAutoFit; ``first_call.py`` passes this package, which re-exports them)."""
    import autolens as al

    if af is None:
        import autofit as af

    lp = al.lp_linear if linear else al.lp
    lens = af.Model(
        al.Galaxy,
        redshift=0.5,
        bulge=af.Model(lp.Sersic),
        mass=af.Model(al.mp.Isothermal),
        shear=af.Model(al.mp.ExternalShear),
    )
    source = af.Model(al.Galaxy, redshift=1.0, bulge=af.Model(lp.Sersic))
    return af.Collection(galaxies=af.Collection(lens=lens, source=source))


def path_name(path) -> tuple:
    """PyAutoFit names tuple components ``(..., 'centre', 'centre_0')``; the export ``centre_0``."""
    path = [str(p) for p in path]
    if len(path) >= 2 and path[-1].startswith(path[-2] + "_"):
        path = path[:-2] + path[-1:]
    return tuple(path)


def vector_in_model_order(model, variant: dict) -> np.ndarray:
    by_path = {tuple(p): v for p, v in zip(variant["paths"], variant["vector"])}
    order = [path_name(p) for p in model.paths]
    missing = [p for p in order if p not in by_path]
    if missing:
        raise SystemExit(f"parameters {missing} of the PyAutoLens model are not in the export")
    return np.asarray([by_path[p] for p in order], dtype=float)


def bench(directory: Path, name: str, variant_name: str, rounds: int) -> dict:
    import jax
    import jax.numpy as jnp
    from autofit.non_linear.fitness import Fitness

    import autolens as al

    spec = json.loads((directory / f"{name}.json").read_text())
    variant = spec[variant_name]
    dataset = dataset_from(directory, name, spec)
    model = model_for(variant_name == "linear")
    vector = vector_in_model_order(model, variant)
    instance = model.instance_from_vector(vector=list(vector))

    analysis_np = al.AnalysisImaging(dataset=dataset, use_jax=False)
    log_l = float(analysis_np.fit_from(instance=instance).log_likelihood)
    relative = abs(log_l - variant["log_likelihood"]) / abs(variant["log_likelihood"])
    if not relative <= AGREEMENT:
        raise SystemExit(
            f"{name} {variant_name}: PyAutoLens log L {log_l!r} differs from the "
            f"export's {variant['log_likelihood']!r} (relative {relative:.2e}): the "
            "problems are not identical, timings would not compare"
        )
    result = dict(
        problem=name,
        linear=variant_name == "linear",
        log_likelihood=log_l,
        relative_difference=relative,
    )
    CPU_MS.clear()
    result["numpy"] = median_ms(
        lambda: analysis_np.fit_from(instance=instance).log_likelihood, rounds, "numpy"
    )

    analysis_jax = al.AnalysisImaging(dataset=dataset, use_jax=True)
    fitness = Fitness(model=model, analysis=analysis_jax)
    single = jax.jit(fitness.call)
    grad = jax.jit(jax.grad(fitness.call))
    x = jnp.asarray(vector)
    batch = jnp.asarray(
        vector * (1.0 + 1e-3 * np.random.default_rng(1).standard_normal((50, x.size)))
    )
    jax.block_until_ready((single(x), grad(x)))
    start = time.perf_counter()
    jax.block_until_ready(fitness._vmap(batch))
    result["compile_s"] = time.perf_counter() - start
    result["jit"] = median_ms(lambda: single(x).block_until_ready(), rounds, "jit")
    result["vmap_50"] = (
        median_ms(lambda: fitness._vmap(batch).block_until_ready(), rounds, "vmap_50") / 50
    )
    result["grad"] = median_ms(lambda: grad(x).block_until_ready(), rounds, "grad")
    fit_jit = jax.jit(analysis_jax.fit_from)
    jax.block_until_ready(fit_jit(instance).log_likelihood)
    result["fit_jit"] = median_ms(
        lambda: jax.block_until_ready(fit_jit(instance).log_likelihood), rounds
    )
    # CPU ms per likelihood (median of rounds); a batch call's CPU time is shared by its rows.
    result["cpu_ms"] = {
        key: statistics.median(values) / (50 if key == "vmap_50" else 1)
        for key, values in CPU_MS.items()
    }
    return result


def markdown_table(results) -> str:
    rows = [
        "| problem | light | NumPy fit | jit | jit(fit_from).log_likelihood | vmap 50 | grad | "
        "vmap-50 compile (s) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rows.append(
            f"| {r['problem']} | {'linear' if r['linear'] else 'standard'} | "
            f"{r['numpy']:.3f} | {r['jit']:.3f} | {r.get('fit_jit', float('nan')):.3f} | "
            f"{r['vmap_50']:.3f} | {r['grad']:.3f} | "
            f"{r['compile_s']:.2f} |"
        )
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="folder written by run.py --export-reference")
    parser.add_argument("--problems", nargs="+", default=["P1", "P2"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--emulate-avx2", action="store_true", help="restart under _isa.py's AVX2 emulation"
    )
    args = parser.parse_args()
    if args.emulate_avx2:
        restart_emulating_avx2()

    import jax

    import autolens as al

    results = []
    for name in args.problems:
        for variant in ("standard", "linear"):
            results.append(bench(args.directory, name, variant, args.rounds))
            print(json.dumps(results[-1]), flush=True)
    meta = dict(
        autolens=al.__version__,
        jax=jax.__version__,
        cpus=os.cpu_count(),
        xla_flags=os.environ.get("XLA_FLAGS", ""),
        utc=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        cpu=cpu_info(),
        emulation=emulation(),
    )
    emulated = bool(meta["emulation"]["emulated_isa"])
    target = args.directory / (
        "pyautolens_results_avx2.json" if emulated else "pyautolens_results.json"
    )
    with tempfile.NamedTemporaryFile("w", dir=args.directory, delete=False, suffix=".tmp") as f:
        json.dump({"meta": meta, "results": results}, f, indent=2)
    os.replace(f.name, target)
    print(
        f"PyAutoLens {al.__version__}, ms per likelihood on {meta['cpu']['kind']}"
        + (" (AVX2 emulation)" if emulated else "")
        + "\n\n"
        + markdown_table(results)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
