"""NumPy likelihoods with 1 against 2 (or N) BLAS threads, alternated in one process.

The ``blas_threads`` execution setting (``docs/execution.md``) limits every BLAS / LAPACK
library of the process. This script times the NumPy log likelihood of benchmark P2 (standard
and linear light, ``run.py``'s problem) and the NumPy log evidence of P3 (the pixelized source
of ``pixelization.py``) under each thread count in turn, ``--rounds`` times, switching the
setting between samples (``aa.execution.configure(blas_threads=...)``), so every count sees the
same minutes of a shared machine. It reports the median wall and CPU milliseconds per call.

Run: ``timeout 900 python workspace_test/benchmarks/blas_threads.py [--threads 1 2]
[--rounds 5] [--problems P2 P3]``. Writes ``results/<stamp>_blas_threads.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "jax_likelihood_functions" / "imaging"))

#: Each sample repeats its call for at least this long.
MIN_SAMPLE_SECONDS = 0.3


def sample_ms(fn) -> tuple:
    """(wall, CPU) milliseconds per call of ``fn``, over at least :data:`MIN_SAMPLE_SECONDS`."""
    calls, wall, cpu = 0, time.perf_counter(), time.process_time()
    while calls < 2 or time.perf_counter() - wall < MIN_SAMPLE_SECONDS:
        fn()
        calls += 1
    return (
        (time.perf_counter() - wall) * 1e3 / calls,
        (time.process_time() - cpu) * 1e3 / calls,
    )


def p2_call(linear: bool):
    import run

    import autolens as al

    dataset = run.dataset_for(run.PROBLEMS["P2"])
    model = run.model_for(linear)
    vector = run.near_truth_vectors(model, 1, np.random.default_rng(0))[0]
    instance = model.instance_from_vector(list(vector))
    analysis = al.AnalysisImaging(dataset=dataset, use_jax=False)
    return lambda: analysis.fit_from(instance).log_likelihood


def p3_call():
    import _common
    import pixelization

    from autolens.imaging.analysis import AnalysisImaging

    dataset = _common.dataset_from(3.0, 1).apply_over_sampling(
        over_sample_size_lp=1, over_sample_size_pixelization=4
    )
    model = pixelization.model_from()
    vector = np.asarray(model.vector_from_unit_vector(np.full(model.prior_count, 0.53)))
    instance = model.instance_from_vector(vector)
    analysis = AnalysisImaging(dataset=dataset)
    return lambda: analysis.fit_from(instance).log_evidence


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--problems", nargs="+", default=["P2", "P3"], choices=["P2", "P3"])
    args = parser.parse_args()

    from _machine import cpu_info

    import autoarray as aa
    from autoarray import native_libraries

    calls = {}
    if "P2" in args.problems:
        calls["P2 standard"] = p2_call(False)
        calls["P2 linear"] = p2_call(True)
    if "P3" in args.problems:
        calls["P3 log evidence"] = p3_call()

    samples: dict = {(name, t): [] for name in calls for t in args.threads}
    values: dict = {}
    for round_ in range(args.rounds):
        # alternate the order each round so neither count always runs first
        order = args.threads if round_ % 2 == 0 else args.threads[::-1]
        for name, call in calls.items():
            for threads in order:
                aa.execution.configure(blas_threads=threads)
                counts = set(native_libraries.blas_thread_counts().values())
                if counts != {threads}:
                    raise SystemExit(f"BLAS threads {counts} after asking for {threads}")
                values.setdefault(name, set()).add(float(call()))  # warm, and the value
                samples[(name, threads)].append(sample_ms(call))
    for name, seen in values.items():
        spread = (max(seen) - min(seen)) / abs(max(seen))
        if spread > 1e-10:
            raise SystemExit(f"{name}: the value depends on the thread count ({sorted(seen)})")

    rows = []
    for name in calls:
        for threads in args.threads:
            wall = statistics.median(s[0] for s in samples[(name, threads)])
            cpu = statistics.median(s[1] for s in samples[(name, threads)])
            rows.append(dict(problem=name, blas_threads=threads, wall_ms=wall, cpu_ms=cpu))
    meta = dict(
        cpu=cpu_info(),
        cpus=os.cpu_count(),
        load=[round(x, 1) for x in os.getloadavg()],
        rounds=args.rounds,
        openblas_coretype=os.environ.get("OPENBLAS_CORETYPE", ""),
        utc=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    table = ["| problem | BLAS threads | wall ms | CPU ms |", "|---|---|---|---|"]
    table += [
        f"| {r['problem']} | {r['blas_threads']} | {r['wall_ms']:.2f} | {r['cpu_ms']:.2f} |"
        for r in rows
    ]
    text = "\n".join(table) + "\n"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    results = HERE / "results"
    results.mkdir(parents=True, exist_ok=True)
    aa.atomic_write_text(
        results / f"{stamp}_blas_threads.json", json.dumps({"meta": meta, "rows": rows}, indent=1)
    )
    aa.atomic_write_text(
        results / f"{stamp}_blas_threads.md",
        f"NumPy ms per call by BLAS threads, {meta['cpu']['kind']}, load {meta['load']}\n\n" + text,
    )
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
