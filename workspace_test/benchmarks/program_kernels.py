"""Kernels, thread-partitioned loops and CPU time of the compiled single-likelihood programs.

For each problem of ``run.py`` (P1, P2; standard or linear light) this compiles
``jax.jit(fitness.call)`` and ``jax.jit(jax.grad(fitness.call))`` and prints, per program:

* ``kernels``: top-level instructions of its non-fused computations (the entry computation and
  the branches of conditionals / bodies of loops) other than parameters, constants, tuples,
  tuple elements and bitcasts: each is one XLA:CPU thunk (round 14's count, extended to the
  branches, which a single likelihood runs one of);
* ``partitioned``: loops XLA:CPU splits across its intra-op threads (``outer_dimension_partitions``
  in the compiled HLO): each costs a fork / join on the thread pool per call;
* ``compile_cpu_s`` and ``cpu_ms`` (process CPU ms per call, median of ``--rounds`` rounds);

and with ``--trace`` the median / minimum run time of every thunk over 200 calls of the jitted
likelihood (``jax.profiler`` with ``--xla_cpu_enable_xprof_traceme``): a loop whose median is
far above its minimum waited on the thread pool. ``--emulate-avx2`` restarts the script under
``_isa.py``'s emulation of a CPU without AVX-512. Timings on a shared machine are noisy; compare
programs only within one run (docs/performance.md, round 15).

Usage: ``python workspace_test/benchmarks/program_kernels.py [--problems P1] [--linear]
[--rounds 7] [--trace] [--emulate-avx2]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time

import numpy as np
from _isa import emulation, restart_emulating_avx2

#: Instructions that are not kernels of their own at run time.
NOT_KERNELS = frozenset({"parameter", "constant", "tuple", "get-tuple-element", "bitcast"})

_COMPUTATION = re.compile(r"^(?:ENTRY )?%?([\w.\-]+) .*\{$")
_INSTRUCTION = re.compile(r"^\s+(?:ROOT )?%?[\w.\-]+ = (?:\([^=]*\)|\S+) ([\w\-]+)\(")


def kernel_count(hlo: str) -> int:
    """Kernels of a compiled program's HLO text (see the module docstring)."""
    inner = set(re.findall(r"(?:calls|to_apply)=%?([\w.\-]+)", hlo))
    count = 0
    computation = None
    for line in hlo.splitlines():
        if not line.startswith(" "):
            match = _COMPUTATION.match(line)
            computation = match.group(1) if match else None
            continue
        if computation is None or computation in inner:
            continue
        match = _INSTRUCTION.match(line)
        if match and match.group(1) not in NOT_KERNELS:
            count += 1
    return count


def cpu_ms_per_call(fn, vector, calls: int, rounds: int) -> float:
    """Median over ``rounds`` of the process CPU milliseconds per call of ``fn(vector)``."""
    fn(vector).block_until_ready()
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(calls):
            fn(vector).block_until_ready()
        samples.append((time.process_time() - start) / calls * 1e3)
    return statistics.median(samples)


def thunk_times(fn, vector, calls: int = 200) -> list:
    """``(name, median us, min us)`` of every XLA thunk over ``calls`` traced calls, longest
    median first (needs ``--xla_cpu_enable_xprof_traceme=true`` in ``XLA_FLAGS``)."""
    import glob
    import gzip

    import jax

    for _ in range(50):
        fn(vector).block_until_ready()
    with tempfile.TemporaryDirectory() as folder:
        with jax.profiler.trace(folder, create_perfetto_trace=True):
            for _ in range(calls):
                fn(vector).block_until_ready()
        (path,) = glob.glob(f"{folder}/**/*.trace.json.gz", recursive=True)
        with gzip.open(path) as handle:
            events = json.load(handle)["traceEvents"]
    durations: dict = {}
    for event in events:
        name = event.get("name", "")
        if event.get("ph") == "X" and not name.startswith(("$", "end: ")):
            durations.setdefault(name, []).append(event.get("dur", 0.0))
    rows = [
        (name, statistics.median(values), min(values))
        for name, values in durations.items()
        if len(values) >= calls
    ]
    return sorted(rows, key=lambda row: -row[1])


def profile(problem: str, linear: bool, rounds: int, trace: bool) -> dict:
    import jax
    import jax.numpy as jnp
    import run as bench

    import autolens as al

    dataset = bench.dataset_for(bench.PROBLEMS[problem])
    model = bench.model_for(linear)
    vector = jnp.asarray(bench.near_truth_vectors(model, 1, np.random.default_rng(0))[0])
    fitness = al.Fitness(model=model, analysis=al.AnalysisImaging(dataset=dataset, use_jax=True))
    calls = {"P1": {"jit": 300, "grad": 100}}.get(problem, {"jit": 8, "grad": 3})
    result = dict(problem=problem, light="linear" if linear else "standard")
    for name, fn in (("jit", fitness.call), ("grad", jax.grad(fitness.call))):
        start = time.process_time()
        compiled = jax.jit(fn).lower(vector).compile()
        compile_s = time.process_time() - start
        hlo = compiled.as_text()
        result[name] = dict(
            kernels=kernel_count(hlo),
            partitioned=hlo.count("outer_dimension_partitions"),
            compile_cpu_s=round(compile_s, 3),
            cpu_ms=round(cpu_ms_per_call(compiled, vector, calls[name], rounds), 4),
        )
        if trace and name == "jit":
            result["thunks"] = [
                (thunk, round(median, 2), round(least, 2))
                for thunk, median, least in thunk_times(compiled, vector)[:25]
            ]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", nargs="+", default=["P1"])
    parser.add_argument("--linear", action="store_true", help="linear light profiles")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--trace", action="store_true", help="per-thunk times of the jit")
    parser.add_argument("--emulate-avx2", action="store_true")
    args = parser.parse_args()
    if args.emulate_avx2:
        restart_emulating_avx2()
    if args.trace and "xla_cpu_enable_xprof_traceme" not in os.environ.get("XLA_FLAGS", ""):
        if "jax" in sys.modules:
            raise SystemExit("--trace must set XLA_FLAGS before JAX is imported")
        flags = os.environ.get("XLA_FLAGS", "")
        os.environ["XLA_FLAGS"] = f"{flags} --xla_cpu_enable_xprof_traceme=true".strip()
    for problem in args.problems:
        result = profile(problem, args.linear, args.rounds, args.trace)
        result["emulated_isa"] = emulation()["emulated_isa"]
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
