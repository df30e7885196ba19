"""Batch-fitting benchmark: N small lenses on a LocalCluster of 1 and of 2 workers.

Reports, per worker count: wall time of the batch (cluster already started and warmed up),
throughput (lenses / s), the per-lens scheduler overhead (worker-slot time not spent inside a
task, between the first task start and the last task end, divided by the lens count) and the
per-lens bookkeeping inside the task (dataset, recipe pickles, database row: task time minus
search time). Then the throughput ratio of 2 workers to 1 and a projection to a larger cluster.

    python workspace_test/benchmarks/batch.py                 # 100 lenses, 1 and 2 workers
    python workspace_test/benchmarks/batch.py --lenses 20     # quicker
    python workspace_test/benchmarks/batch.py --json out.json

Timings on a shared machine are noisy: compare ratios from the same run only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "packages" / "autolens" / "tests" / "batch"))


def _warm_up() -> str:
    """Import what a fit needs (on a worker), so the timed batch measures fits only."""
    import matplotlib.pyplot  # noqa: F401

    import autolens  # noqa: F401

    return "ok"


def run_once(n_workers: int, datasets: dict, out: Path) -> dict:
    import batch_lenses
    from distributed import Client

    import autolens as al
    from autogalaxy.modeling.batch.cluster import local_cluster

    cluster = local_cluster(n_workers=n_workers)
    client = Client(cluster)
    try:
        client.run(_warm_up)
        start = time.time()
        result = al.fit_batch(
            datasets,
            batch_lenses.model(),
            batch_lenses.search(out),
            name=f"workers_{n_workers}",
            client=client,
            progress=False,
        )
        wall = time.time() - start
    finally:
        client.close()
        cluster.close()
    outcomes = [o for o in result.outcomes if o["status"] == "done"]
    if len(outcomes) != len(datasets):
        raise SystemExit(f"{len(datasets) - len(outcomes)} lenses did not finish: {result.failed}")
    task_s = sum(o["ended"] - o["started"] for o in outcomes)
    fit_s = sum(o["fit_time_s"] for o in outcomes)
    span = max(o["ended"] for o in outcomes) - min(o["started"] for o in outcomes)
    n = len(outcomes)
    return {
        "workers": n_workers,
        "lenses": n,
        "wall_s": wall,
        "throughput_lenses_per_s": n / wall,
        "mean_task_s": task_s / n,
        "mean_fit_s": fit_s / n,
        "scheduler_overhead_per_lens_s": max(span * n_workers - task_s, 0.0) / n,
        "bookkeeping_per_lens_s": (task_s - fit_s) / n,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lenses", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--cores", type=int, default=1000, help="cluster size to project to")
    parser.add_argument("--json", default=None, help="write the figures to this file")
    args = parser.parse_args(argv)

    import batch_lenses

    radii = batch_lenses.radii(args.lenses)
    datasets = {name: batch_lenses.simulate(r, seed=i) for i, (name, r) in enumerate(radii.items())}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n_workers in args.workers:
            row = run_once(n_workers, datasets, Path(tmp))
            rows.append(row)
            print(
                f"{n_workers} worker(s): {row['lenses']} lenses in {row['wall_s']:.1f} s = "
                f"{row['throughput_lenses_per_s']:.3f} lenses/s; fit {row['mean_fit_s']:.3f} s, "
                f"task {row['mean_task_s']:.3f} s, bookkeeping {row['bookkeeping_per_lens_s']:.4f}"
                f" s, scheduler overhead {row['scheduler_overhead_per_lens_s']:.4f} s per lens "
                f"({100 * row['scheduler_overhead_per_lens_s'] / row['mean_fit_s']:.2f}% of a fit)"
            )
    figures = {
        "rows": rows,
        "cpu_count": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }
    by_workers = {r["workers"]: r for r in rows}
    if 1 in by_workers and 2 in by_workers:
        ratio = by_workers[2]["throughput_lenses_per_s"] / by_workers[1]["throughput_lenses_per_s"]
        figures["throughput_ratio_2_to_1"] = ratio
        print(f"throughput ratio 2 workers / 1 worker: {ratio:.2f}")
    one = by_workers.get(1, rows[0])
    per_lens = one["mean_task_s"] + one["scheduler_overhead_per_lens_s"]
    projected = args.cores / per_lens
    figures["projection"] = {
        "cores": args.cores,
        "seconds_per_lens_per_core": per_lens,
        "lenses_per_hour": 3600.0 * projected,
    }
    print(
        f"projection: {args.cores} single-threaded workers at {per_lens:.3f} s per lens "
        f"-> {3600.0 * projected:,.0f} lenses per hour (if fits, not the scheduler or the "
        "file system, stay the bottleneck)"
    )
    print(f"load average during the run: {figures['load_average']}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
