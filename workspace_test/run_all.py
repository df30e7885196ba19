"""Run every JAX parity script in ``workspace_test`` in its own process, with a timeout each.

Prints one line per script and a final ``N passed, N failed`` line; exits non-zero if any script
failed or timed out. Dataset simulators run first because the likelihood scripts read their FITS.

Usage: ``python workspace_test/run_all.py [--timeout SECONDS] [substring ...]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SKIP_DIRS = {"benchmarks", "dataset", "output", "__pycache__"}


def discover() -> list:
    """Parity scripts, simulators first, then the rest in path order."""
    scripts = [
        p for p in sorted(ROOT.rglob("*.py"))
        if p.name != "run_all.py"
        and not p.name.startswith("_")
        and not SKIP_DIRS.intersection(p.relative_to(ROOT).parts[:-1])
    ]
    return sorted(scripts, key=lambda p: (p.name != "simulator.py", str(p)))


def run(script: Path, timeout: float) -> tuple:
    env = dict(os.environ)
    env.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false")
    env.setdefault("MPLBACKEND", "Agg")
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, str(script)], cwd=ROOT.parent, env=env, timeout=timeout,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        ok, output = proc.returncode == 0, proc.stdout
        status = "passed" if ok else f"FAILED (exit {proc.returncode})"
    except subprocess.TimeoutExpired as error:
        ok, output = False, (error.stdout or b"").decode() if isinstance(error.stdout, bytes) else (error.stdout or "")
        status = f"FAILED (timed out after {timeout:.0f} s)"
    return ok, status, time.perf_counter() - start, output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=float(os.environ.get("PARITY_TIMEOUT", 900)))
    parser.add_argument("filters", nargs="*", help="only run scripts whose path contains one of these")
    args = parser.parse_args()
    scripts = [s for s in discover() if not args.filters or any(f in str(s) for f in args.filters)]
    passed = failed = 0
    for script in scripts:
        ok, status, seconds, output = run(script, args.timeout)
        name = script.relative_to(ROOT)
        print(f"{name}: {status} in {seconds:.1f} s", flush=True)
        if ok:
            passed += 1
        else:
            failed += 1
            tail = "\n".join(output.strip().splitlines()[-25:])
            print("    " + tail.replace("\n", "\n    "), flush=True)
    print(f"parity: {passed} passed, {failed} failed", flush=True)
    return 1 if failed or not scripts else 0


if __name__ == "__main__":
    sys.exit(main())
