"""Time the first ``Fitness._vmap`` call at batch 50 in a fresh process, this package or the release.

Issue 16 compares the cost of a fit's first batched call (trace, compile and first run, nothing
compiled before) with the public PyAutoLens release's on identical pixels. The same code runs on
both sides (the public API is the same): with ``--release`` it is started with the reference
venv's Python and imports the release (``_release.require_release``), else this checkout:

    hatch run bench --export-reference /tmp/problems        # pixels and vectors, once
    python workspace_test/benchmarks/first_call.py /tmp/problems --problem P1 --variant linear
    env -u PYTHONPATH JAX_ENABLE_X64=True /ref/bin/python \\
        workspace_test/benchmarks/first_call.py /tmp/problems --problem P1 --variant linear --release

``--alternate N DIR`` (this side only) starts N rounds of fresh processes, each round every
problem and variant on both sides, alternated, and prints the medians (``--reference-python``
names the release's Python). Each process prints one JSON line: wall and CPU seconds
(``time.process_time``) of the imports, the dataset / analysis setup and the first ``_vmap``
call, and within that call the seconds JAX itself logs (``jax_log_compiles``) for tracing,
lowering to MLIR and XLA compilation, summed over every program compiled, with the number of
programs. ``--warm`` first compiles the single likelihood and its gradient, as
``reference_pyautolens.py``'s "vmap-50 compile" figure does (JAX warm, ``jit``'s trace cache
filled). Both sides run cold: the release's default persistent compilation cache
(``~/.cache/pyauto_jax``) is switched off, and the run stops if any cache is on. Timings on a
shared machine are noisy: compare CPU seconds, alternated, same window.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault(
    "XLA_FLAGS",
    "--xla_cpu_multi_thread_eigen=false --xla_cpu_enable_concurrency_optimized_scheduler=false",
)
os.environ.setdefault("JAX_ENABLE_X64", "True")
os.environ.setdefault("PYAUTO_SKIP_WORKSPACE_VERSION_CHECK", "1")

BATCH = 50

#: JAX's ``jax_log_compiles`` messages ("Finished tracing f for jit in 0.1 sec")
#: mapped to the stage they time.
STAGES = {
    "tracing": re.compile(r"Finished tracing .* in ([0-9.e-]+) sec"),
    "lowering": re.compile(r"Finished jaxpr to MLIR module conversion .* in ([0-9.e-]+) sec"),
    "compile": re.compile(r"Finished XLA compilation of .* in ([0-9.e-]+) sec"),
}


class _StageLog(logging.Handler):
    """Sum the seconds of each stage JAX logs, and count the XLA compilations."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.seconds = {stage: 0.0 for stage in STAGES}
        self.programs: list = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        for stage, pattern in STAGES.items():
            match = pattern.search(message)
            if match:
                self.seconds[stage] += float(match.group(1))
                if stage == "compile":
                    self.programs.append(
                        message.split(" in ")[0][len("Finished XLA compilation of ") :]
                    )


def _clocks() -> tuple:
    return time.perf_counter(), time.process_time()


def _since(start: tuple) -> dict:
    wall, cpu = _clocks()
    return dict(wall=wall - start[0], cpu=cpu - start[1])


def one_process(
    directory: Path,
    problem: str,
    variant: str,
    release: bool,
    warm: bool,
    sequential_min_points: int | None = None,
) -> dict:
    """The first ``_vmap(50)`` call of one problem in this (fresh) process;
    ``sequential_min_points`` sets this package's opt-in ``batch_sequential_min_points``."""
    # Cold: no persistent compilation cache on either side. The release turns one on by default
    # (``~/.cache/pyauto_jax``, programs compiling for over 1 s), unless the variable is set; an
    # empty value switches it off.
    os.environ["JAX_COMPILATION_CACHE_DIR"] = ""
    start = _clocks()
    if release:
        import _release

        _release.require_release()
    import jax
    import numpy as np

    import autolens as al

    if release:
        import autofit as af
        from autofit.non_linear.fitness import Fitness
    else:
        af, Fitness = al, al.Fitness
        if sequential_min_points is not None:
            al.aa.execution.configure(batch_sequential_min_points=sequential_min_points)
    import reference_pyautolens as ref

    if jax.config.jax_compilation_cache_dir:
        raise SystemExit(
            f"a persistent compilation cache is on ({jax.config.jax_compilation_cache_dir}): "
            "the first call would not be cold"
        )
    result = dict(side="release" if release else "ours", problem=problem, variant=variant)
    if sequential_min_points is not None:
        result["sequential_min_points"] = sequential_min_points
    result["import"] = _since(start)

    start = _clocks()
    spec = json.loads((directory / f"{problem}.json").read_text())
    dataset = ref.dataset_from(directory, problem, spec)
    model = ref.model_for(variant == "linear", af)
    vector = ref.vector_in_model_order(model, spec[variant])
    analysis = al.AnalysisImaging(dataset=dataset, use_jax=True)
    fitness = Fitness(model=model, analysis=analysis)
    rng = np.random.default_rng(1)
    batch = np.asarray(vector * (1.0 + 1e-3 * rng.standard_normal((BATCH, vector.size))))
    result["setup"] = _since(start)

    if warm:
        start = _clocks()
        x = jax.numpy.asarray(vector)
        jax.block_until_ready((jax.jit(fitness.call)(x), jax.jit(jax.grad(fitness.call))(x)))
        result["warm_up"] = _since(start)

    log = _StageLog()
    jax.config.update("jax_log_compiles", True)
    logging.getLogger("jax").addHandler(log)  # jax._src.* records propagate to it
    start = _clocks()
    values = np.asarray(jax.block_until_ready(fitness._vmap(jax.numpy.asarray(batch))))
    result["first_call"] = _since(start)
    jax.config.update("jax_log_compiles", False)
    result["stages"] = log.seconds
    result["programs"] = log.programs
    result["finite"] = int(np.isfinite(values).sum())
    strategy = getattr(fitness, "batch_strategy", None)
    if strategy is not None:
        result["strategy"] = str(strategy)
    return result


def alternate(args) -> int:
    """Rounds of fresh processes, both sides alternated; medians of wall and CPU seconds."""
    here = Path(__file__).resolve()
    release_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    rows: dict = {}
    for _ in range(args.alternate):
        for problem in args.problems:
            for variant in args.variants:
                for release in (False, True):
                    if release and args.reference_python is None:
                        continue
                    python = args.reference_python if release else sys.executable
                    command = [python, str(here), str(args.directory), "--problem", problem]
                    command += ["--variant", variant] + (["--release"] if release else [])
                    command += ["--warm"] if args.warm else []
                    out = subprocess.run(
                        command,
                        env=release_env if release else None,
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    line = out.stdout.strip().splitlines()[-1]
                    print(line, flush=True)
                    record = json.loads(line)
                    rows.setdefault((problem, variant, record["side"]), []).append(record)
    print(
        "\n| problem | light | side | first call wall s | first call CPU s | compile s | programs |"
    )
    print("|---|---|---|---|---|---|---|")
    for (problem, variant, side), records in rows.items():
        wall = statistics.median(r["first_call"]["wall"] for r in records)
        cpu = statistics.median(r["first_call"]["cpu"] for r in records)
        compile_s = statistics.median(r["stages"]["compile"] for r in records)
        programs = statistics.median(len(r["programs"]) for r in records)
        print(
            f"| {problem} | {variant} | {side} | {wall:.2f} | {cpu:.2f} | {compile_s:.2f} | "
            f"{programs:g} |"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="folder written by run.py --export-reference")
    parser.add_argument("--problem", default="P1")
    parser.add_argument("--variant", default="standard", choices=("standard", "linear"))
    parser.add_argument("--release", action="store_true", help="import the release (its venv)")
    parser.add_argument("--warm", action="store_true", help="compile jit and grad first")
    parser.add_argument("--alternate", type=int, default=0, help="rounds of fresh processes")
    parser.add_argument("--problems", nargs="+", default=["P1", "P2"])
    parser.add_argument("--variants", nargs="+", default=["standard", "linear"])
    parser.add_argument("--reference-python", default=None, help="the release venv's python")
    parser.add_argument(
        "--sequential-min-points",
        type=int,
        default=None,
        help="this package's opt-in batch_sequential_min_points setting (row by row, untimed)",
    )
    args = parser.parse_args()
    if args.alternate:
        return alternate(args)
    result = one_process(
        args.directory,
        args.problem,
        args.variant,
        args.release,
        args.warm,
        args.sequential_min_points,
    )
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
