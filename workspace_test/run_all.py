"""Run every JAX parity script in ``workspace_test`` in its own process, with a timeout each.

Prints one line per script and a final ``N passed, N failed`` line; exits non-zero if any script
failed or timed out. Dataset simulators run first because the likelihood scripts read their FITS.
On CPUs with AVX-512 the profile and imaging scripts of :data:`WIDE_VECTOR_SCRIPTS` run a second
time with the opt-in ``--xla_cpu_prefer_vector_width=512`` (``docs/jax.md``): XLA miscompiles
``jnp.arctan`` under it, and these runs keep the package's own JAX code correct there.

Scripts after the simulators run ``--jobs`` at a time (default 2, one per core of the CI machine):
each is its own process and they share nothing but the simulated FITS, which exist by then.

Usage: ``python workspace_test/run_all.py [--timeout SECONDS] [--jobs N] [substring ...]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from autoarray.backend import WIDE_VECTOR_XLA_FLAG, cpu_has_avx512
from autoarray.execution import xla_flags_with

ROOT = Path(__file__).resolve().parent
SKIP_DIRS = {"benchmarks", "coverage", "dataset", "output", "__pycache__"}

#: Scripts run again with 512-bit XLA vector code on hosts with AVX-512 (about 3 minutes).
WIDE_VECTOR_SCRIPTS = (
    "profiles_jit_light.py",
    "profiles_jit_mass_total.py",
    "profiles_jit_mass_dark_stellar.py",
    "jax_likelihood_functions/imaging/lp.py",
    "jax_likelihood_functions/imaging/lp_linear.py",
    "jax_grad/imaging_lp.py",
)


def discover() -> list:
    """Parity scripts, simulators first, then the rest in path order."""
    scripts = [
        p
        for p in sorted(ROOT.rglob("*.py"))
        if p.name != "run_all.py"
        and not p.name.startswith("_")
        and not SKIP_DIRS.intersection(p.relative_to(ROOT).parts[:-1])
    ]
    return sorted(scripts, key=lambda p: (p.name != "simulator.py", str(p)))


def runs_from(scripts: list, wide_vectors: bool) -> list:
    """``(script, extra XLA flag or None)`` pairs: every script, then the wide-vector reruns."""
    runs = [(script, None) for script in scripts]
    if wide_vectors:
        runs += [
            (script, WIDE_VECTOR_XLA_FLAG)
            for script in scripts
            if str(script.relative_to(ROOT)) in WIDE_VECTOR_SCRIPTS
        ]
    return runs


def run(script: Path, timeout: float, extra_flag: str | None = None) -> tuple:
    env = dict(os.environ)
    env["XLA_FLAGS"] = xla_flags_with()
    if extra_flag:
        env["XLA_FLAGS"] = f"{env['XLA_FLAGS']} {extra_flag}".strip()
    env.setdefault("MPLBACKEND", "Agg")
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, str(script)],
            cwd=ROOT.parent,
            env=env,
            timeout=timeout,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        ok, output = proc.returncode == 0, proc.stdout
        status = "passed" if ok else f"FAILED (exit {proc.returncode})"
    except subprocess.TimeoutExpired as error:
        ok, output = (
            False,
            (error.stdout or b"").decode()
            if isinstance(error.stdout, bytes)
            else (error.stdout or ""),
        )
        status = f"FAILED (timed out after {timeout:.0f} s)"
    return ok, status, time.perf_counter() - start, output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--timeout", type=float, default=float(os.environ.get("PARITY_TIMEOUT", 900))
    )
    parser.add_argument(
        "--jobs", type=int, default=2, help="scripts run at once after the simulators (default 2)"
    )
    parser.add_argument(
        "filters", nargs="*", help="only run scripts whose path contains one of these"
    )
    args = parser.parse_args()
    scripts = [s for s in discover() if not args.filters or any(f in str(s) for f in args.filters)]
    runs = runs_from(scripts, wide_vectors=cpu_has_avx512())
    # Simulators write the FITS the likelihood scripts read, so they finish before anything else.
    first = [r for r in runs if r[0].name == "simulator.py" and r[1] is None]
    rest = [r for r in runs if r not in first]
    passed = failed = 0

    def report(script: Path, extra_flag: str | None, result: tuple) -> None:
        nonlocal passed, failed
        ok, status, seconds, output = result
        name = (
            script.relative_to(ROOT)
            if extra_flag is None
            else f"{script.relative_to(ROOT)} [{extra_flag}]"
        )
        print(f"{name}: {status} in {seconds:.1f} s", flush=True)
        if ok:
            passed += 1
        else:
            failed += 1
            tail = "\n".join(output.strip().splitlines()[-25:])
            print("    " + tail.replace("\n", "\n    "), flush=True)

    for script, extra_flag in first:
        report(script, extra_flag, run(script, args.timeout, extra_flag))
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [(s, f, pool.submit(run, s, args.timeout, f)) for s, f in rest]
        for script, extra_flag, future in futures:
            report(script, extra_flag, future.result())
    print(f"parity: {passed} passed, {failed} failed", flush=True)
    return 1 if failed or not scripts else 0


if __name__ == "__main__":
    sys.exit(main())
