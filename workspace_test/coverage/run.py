"""Coverage of the main job: run ``examples/simulate_and_fit.py`` on several noise seeds.

Each seed simulates a new noise realisation of the same lens (``--noise-seed``), fits it from
scratch (``--fresh``) into ``<output>/seed_<n>/`` and writes ``coverage.json``; this script then
prints one table (parameter, truth, and per seed the posterior median, sigma = half the 1-sigma
interval, pull = (median - truth) / sigma and whether the 3-sigma interval holds the truth) and a
summary per seed. It exits non-zero if any truth falls outside its 3-sigma interval.

A run takes a few minutes per seed (not part of ``hatch run parity``). Usage::

    python workspace_test/coverage/run.py [--seeds 1 2 3] [--output output/coverage]
        [--table-only] [-- extra arguments for the example]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "simulate_and_fit.py"
NAME = "hst_like_lens"


def run_seed(seed: int, output: Path, extra: list) -> float:
    """Run the example for one noise seed; return its wall time in seconds."""
    start = time.perf_counter()
    command = [sys.executable, str(EXAMPLE), "--output", str(output / f"seed_{seed}")]
    command += ["--noise-seed", str(seed), "--fresh", *extra]
    log = output / f"seed_{seed}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as handle:
        code = subprocess.call(command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    print(f"seed {seed}: exit {code} in {seconds:.0f} s (log {log})", flush=True)
    return seconds


def table_from(output: Path, seeds: list) -> tuple[str, bool]:
    """The coverage table of the finished seeds, and whether every truth was covered."""
    results = {}
    for seed in seeds:
        path = output / f"seed_{seed}" / NAME / "coverage.json"
        if not path.exists():
            raise SystemExit(f"No coverage for seed {seed}: {path} is missing (did the run fail?)")
        results[seed] = {r["parameter"]: r for r in json.loads(path.read_text())["parameters"]}
    names = list(results[seeds[0]])
    width = max(len(n) for n in names) + 2
    header = f"| {'parameter':<{width}}| {'truth':>8} |"
    rule = f"|{'-' * (width + 1)}|{'-' * 10}|"
    for seed in seeds:
        header += f" seed {seed} median | sigma    | pull  | 3σ  |"
        rule += f"{'-' * 16}|{'-' * 10}|{'-' * 7}|{'-' * 5}|"
    lines = [header, rule]
    for name in names:
        line = f"| {name:<{width}}| {results[seeds[0]][name]['truth']:8.4f} |"
        for seed in seeds:
            r = results[seed][name]
            line += (
                f" {r['median']:14.4f} | {r['sigma']:.2e} | {r['pull']:5.2f} | "
                f"{'yes' if r['covered'] else 'NO ':3} |"
            )
        lines.append(line)
    all_covered = True
    lines.append("")
    pulls_all = []
    for seed in seeds:
        rows = results[seed].values()
        covered = sum(r["covered"] for r in rows)
        pulls = [r["pull"] for r in rows]
        pulls_all += pulls
        all_covered &= covered == len(rows)
        lines.append(
            f"seed {seed}: {covered}/{len(rows)} truths inside 3 sigma; max |pull| "
            f"{max(abs(p) for p in pulls):.2f}; sum of pull^2 {sum(p * p for p in pulls):.1f} "
            f"(expected {len(rows)} +- {(2 * len(rows)) ** 0.5:.0f})"
        )
    lines.append(
        f"all seeds: sum of pull^2 {sum(p * p for p in pulls_all):.1f} over {len(pulls_all)} "
        f"parameters (expected {len(pulls_all)} +- {(2 * len(pulls_all)) ** 0.5:.0f})"
    )
    return "\n".join(lines), all_covered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--output", default="output/coverage")
    parser.add_argument(
        "--table-only", action="store_true", help="print the table of finished runs only"
    )
    parser.add_argument("extra", nargs="*", help="arguments passed on to the example (after --)")
    args = parser.parse_args()
    output = Path(args.output).resolve()
    if not args.table_only:
        for seed in args.seeds:
            run_seed(seed, output, args.extra)
    table, all_covered = table_from(output, args.seeds)
    print(table)
    return 0 if all_covered else 1


if __name__ == "__main__":
    sys.exit(main())
