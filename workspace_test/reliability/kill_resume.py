"""Kill-and-resume loop: every search survives random ``kill -9`` and ends as if never killed.

For each search a reference fit runs uninterrupted; then the same fit (same seed, a fresh output
folder) is started in a subprocess and killed with SIGKILL at a random moment, again and again,
each restart resuming from the checkpoint, until ``--kills`` kills have landed (a fit that
completes first is checked and a new round starts in a fresh folder). After the last kill the
fit is run to completion. Checked: every restart either completes or is killed (no crash, no
unreadable checkpoint), the final ``samples.csv`` equals the reference (rtol 1e-9) and so does
the log evidence. A likelihood delay (``--delay``) makes fits last long enough to be killed.

CI runs the short default (1 kill per search); the long run is
``hatch run reliability`` (``--kills 20``). Exits non-zero on any failure. Timings are noisy on
a shared machine.

Usage: ``python workspace_test/reliability/kill_resume.py [--kills N] [--searches a,b] [--delay S]``
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
WORKER = HERE / "_kill_worker.py"


#: Searches whose workers compile with JAX (and so use the shared compilation cache).
JAX_SEARCHES = ("nuts",)

CHECKPOINTS = (
    "nautilus.hdf5",
    "dynesty.save",
    "emcee.npz",
    "lbfgs.checkpoint.npz",
    "nuts.checkpoint.npz",
    "prodigy.checkpoint.npz",
)


#: Environment of the workers: JAX searches (NUTS) share a persistent compilation cache, which
#: the uninterrupted reference run fills, so every restart reuses the compiled programs instead
#: of spending ~10 s recompiling (without it, nearly every kill landed during compilation and 20
#: kills did not finish in 3000 s on the loaded machine). Set by ``main`` for its temporary folder.
WORKER_ENV: dict = dict(os.environ)


def run_worker(kind: str, out: Path, delay: float, kill_after: float | None, timeout: float):
    """Start a worker; SIGKILL it ``kill_after`` s after READY.

    Returns (status, stderr tail, seconds from READY to exit)."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), kind, str(out), str(delay)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=WORKER_ENV,
    )
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    start = time.monotonic()
    ready_at = None
    while ready_at is None and time.monotonic() - start < timeout:
        if selector.select(timeout=0.5):
            line = proc.stdout.readline()
            if line.startswith("READY"):
                ready_at = time.monotonic()
            elif line == "" and proc.poll() is not None:
                break
    deadline = (ready_at or start) + (kill_after if kill_after is not None else timeout)
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if proc.poll() is None:
        if kill_after is None:
            proc.kill()
            proc.wait()
            return "hang", "", timeout
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return "killed", "", kill_after
    err = proc.stderr.read()
    elapsed = time.monotonic() - (ready_at or start)
    return ("completed" if proc.returncode == 0 else "crashed"), err[-2000:], elapsed


def read_fit(folder: Path):
    from autogalaxy.modeling.output import read_samples_csv

    _, params, log_l, weights = read_samples_csv(folder / "fit" / "samples.csv")
    summary = json.loads((folder / "fit" / "result.json").read_text())
    return params, log_l, weights, summary.get("log_evidence")


def same_fit(ref, got) -> tuple[bool, float]:
    if ref[0].shape != got[0].shape:
        return False, float("inf")
    diff = max(
        float(np.max(np.abs(a - b) / (np.abs(a) + 1e-300))) if a.size else 0.0
        for a, b in zip(ref[:3], got[:3])
    )
    ev_ok = (ref[3] is None and got[3] is None) or (
        ref[3] is not None and got[3] is not None and abs(ref[3] - got[3]) <= 1e-9 * abs(ref[3])
    )
    return diff <= 1e-9 and ev_ok, diff


def kill_loop(kind: str, kills: int, delay: float, rng, root: Path, timeout: float) -> dict:
    stats = {
        "search": kind,
        "kills": 0,
        "mid_run_kills": 0,
        "rounds": 0,
        "restarts_completed": 0,
        "crashes": 0,
        "hangs": 0,
        "mismatches": 0,
        "max_rel_diff": 0.0,
        "errors": [],
    }
    status, err, ref_elapsed = run_worker(kind, root / f"{kind}_ref", 0.0, None, timeout)
    # kill anywhere in (about) the run: setup, sampling, and the checkpoints in between
    window = max(1.2, 0.9 * ref_elapsed)
    if status != "completed":
        stats["errors"].append(f"reference run {status}: {err}")
        stats["crashes"] += 1
        return stats
    reference = read_fit(root / f"{kind}_ref")
    if kind in JAX_SEARCHES:
        # The reference compiled everything; restarts load it from the cache and are much
        # shorter, so the kill window is timed on a second, cached run (compared too: programs
        # loaded from the cache must give the freshly compiled result).
        status, err, warm_elapsed = run_worker(kind, root / f"{kind}_warm", 0.0, None, timeout)
        if status != "completed":
            stats["errors"].append(f"cached run {status}: {err}")
            stats["crashes"] += 1
            return stats
        ok, diff = same_fit(reference, read_fit(root / f"{kind}_warm"))
        if not ok:
            stats["mismatches"] += 1
            stats["errors"].append(f"cached run differs from the reference (rel {diff:.3g})")
        window = max(1.2, 0.9 * warm_elapsed)
    while stats["kills"] < kills:
        stats["rounds"] += 1
        out = root / f"{kind}_killed_{stats['rounds']}"
        while stats["kills"] < kills:
            status, err, _ = run_worker(kind, out, delay, float(rng.uniform(0.05, window)), timeout)
            if status == "killed":
                stats["kills"] += 1
                stats["mid_run_kills"] += any((out / "fit" / c).exists() for c in CHECKPOINTS)
                continue
            if status != "completed":
                stats["crashes" if status == "crashed" else "hangs"] += 1
                stats["errors"].append(f"restart {status}: {err}")
            break
        status, err, _ = run_worker(kind, out, 0.0, None, timeout)  # run to the end
        if status != "completed":
            stats["crashes" if status == "crashed" else "hangs"] += 1
            stats["errors"].append(f"final run {status}: {err}")
            break
        stats["restarts_completed"] += 1
        ok, diff = same_fit(reference, read_fit(out))
        stats["max_rel_diff"] = max(stats["max_rel_diff"], diff)
        if not ok:
            stats["mismatches"] += 1
            stats["errors"].append(f"round {stats['rounds']}: result differs (rel {diff:.3g})")
    return stats


def concurrent_check(root: Path, delay: float) -> bool:
    """Two fits started at once into one folder: one completes, the other is refused clearly."""
    out = root / "concurrent"
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), "emcee", str(out), str(delay)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=WORKER_ENV,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    codes = sorted(rc for rc, _ in results)
    refused = [err for rc, err in results if rc != 0]
    ok = codes[0] == 0 and (
        codes[1] == 0 or (len(refused) == 1 and "in use by another fit" in refused[0])
    )
    both = "both completed (one after the other)" if codes == [0, 0] else "one refused clearly"
    print(f"{'ok  ' if ok else 'FAIL'} concurrent fits into one folder: {both}", flush=True)
    if not ok:
        for err in refused:
            print("     " + err.strip()[-1000:].replace("\n", "\n     "))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=1)
    parser.add_argument("--searches", default="nautilus,dynesty,emcee,lbfgs")
    parser.add_argument("--delay", type=float, default=0.002)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=240.0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        WORKER_ENV["AUTOARRAY_JAX_CACHE_DIR"] = str(Path(tmp) / "jax_cache")
        WORKER_ENV["AUTOARRAY_JAX_CACHE_MIN_SECONDS"] = "0"
        failures += not concurrent_check(Path(tmp), max(args.delay, 0.01))
        for kind in args.searches.split(","):
            t0 = time.monotonic()
            s = kill_loop(kind, args.kills, args.delay, rng, Path(tmp), args.timeout)
            bad = s["crashes"] + s["hangs"] + s["mismatches"] + (s["kills"] < args.kills)
            failures += bad
            print(
                f"{'ok  ' if not bad else 'FAIL'} {kind:9s} kills survived {s['kills']:3d} (with a "
                f"checkpoint present {s['mid_run_kills']:3d}) "
                f"rounds {s['rounds']} completed {s['restarts_completed']} crashes "
                f"{s['crashes']} hangs {s['hangs']} mismatches {s['mismatches']} max rel diff "
                f"{s['max_rel_diff']:.2g} ({time.monotonic() - t0:.0f} s)",
                flush=True,
            )
            for e in s["errors"]:
                print("     " + e.strip().replace("\n", "\n     "))
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
