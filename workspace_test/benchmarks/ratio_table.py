"""Ratios PyAutoLens / this package per path, from result files of one same-window comparison.

``run.py`` writes ``results/STAMP.json`` (this package) and ``reference_pyautolens.py`` writes
``DIR/pyautolens_results[_avx2].json`` (the release; copy each run's file aside before the next
overwrites it). Given several runs of each, taken alternately in the same minutes, this prints
one markdown table per measure (CPU ms per likelihood, then wall ms): the median over the runs
of each side with its range, and the ratio of the medians, with the worst case (the fastest
release run against the slowest run here) in brackets.

Usage: ``python workspace_test/benchmarks/ratio_table.py --ours A.json B.json --release R.json
[--before C.json]`` (``--before``: result files of an earlier tree from the same window, shown
with their own ratio first). Standard library only, so any Python runs it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

#: Paths timed by both scripts, in table order.
PATHS = ("numpy", "jit", "vmap_50", "grad")

#: Ratios below this are marked in the table (issue 16's target).
TARGET = 3.0


def load(files) -> dict:
    """``{(problem, light): [result, ...]}`` over the result files (one entry per run)."""
    runs: dict = {}
    for name in files:
        for result in json.loads(Path(name).read_text())["results"]:
            light = "linear" if result["linear"] else "standard"
            runs.setdefault((result["problem"], light), []).append(result)
    return runs


def value(result: dict, path: str, measure: str) -> float | None:
    if measure == "cpu":
        return result.get("cpu_ms", {}).get(path)
    return result.get(path)


def cell(values: list) -> str:
    if not values:
        return "n/a"
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.3g}"
    return f"{middle:.3g} ({min(values):.3g}-{max(values):.3g})"


def values_of(runs: dict, key, path: str, measure: str) -> list:
    return [v for r in runs.get(key, []) if (v := value(r, path, measure)) is not None]


def ratio_cell(theirs: list, mine: list) -> str:
    ratio = statistics.median(theirs) / statistics.median(mine)
    worst = min(theirs) / max(mine)
    flag = " **<3x**" if ratio < TARGET else ""
    return f"{ratio:.1f}x ({worst:.1f}x){flag}"


def table(ours: dict, release: dict, measure: str, before: dict | None = None) -> str:
    """One row per problem, light and path; with ``before`` (result files of an earlier tree,
    same window) its median and ratio come first."""
    head = f"| path ({measure} ms per likelihood) |"
    rule = "|---|"
    if before:
        head += " before | ratio before (worst) |"
        rule += "---|---|"
    lines = [head + " this package | PyAutoLens | ratio (worst) |", rule + "---|---|---|"]
    for key in sorted(set(ours) & set(release)):
        for path in PATHS:
            mine = values_of(ours, key, path, measure)
            theirs = values_of(release, key, path, measure)
            if not mine or not theirs:
                continue
            row = f"| {key[0]} {key[1]} {path} |"
            if before:
                old = values_of(before, key, path, measure)
                row += f" {cell(old)} | {ratio_cell(theirs, old) if old else 'n/a'} |"
            lines.append(row + f" {cell(mine)} | {cell(theirs)} | {ratio_cell(theirs, mine)} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours", nargs="+", required=True, help="run.py result JSON files")
    parser.add_argument(
        "--release", nargs="+", required=True, help="reference_pyautolens.py result JSON files"
    )
    parser.add_argument(
        "--before", nargs="+", default=[], help="run.py result files of an earlier tree"
    )
    args = parser.parse_args()
    ours, release, before = load(args.ours), load(args.release), load(args.before)
    if not set(ours) & set(release):
        raise SystemExit("the two sets of result files share no problem / light variant")
    for measure in ("cpu", "wall"):
        print(table(ours, release, measure, before))
    return 0


if __name__ == "__main__":
    sys.exit(main())
