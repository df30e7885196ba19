"""A JAX likelihood too large for the memory is refused with a clear error, never an abort.

Each case runs in a child process whose address space is capped (``RLIMIT_AS``, as
``ulimit -v``), so the machine itself is never short of memory. The child builds an N x N
imaging dataset (noise 1, 5 x 5 PSF, no over-sampling), a Sersic ``Fitness`` on JAX and calls
its jitted likelihood once:

1. ``--size`` pixels a side under ``--cap-gib``: the memory check must refuse it with a
   ``SearchException`` naming the memory needed and available, before XLA runs out;
2. the same with the check switched off (``jax_memory_bytes`` = 1 PB): what happens without it
   (reported; a ``MemoryError`` / ``RESOURCE_EXHAUSTED`` is still turned into the package's
   error by ``MemoryCheckedJit``, an abort by a signal would be a failure of the check only
   in case 1);
3. a 200 x 200 dataset under the same cap runs and gives a finite log likelihood.

The default (2000^2 under 3.0 GiB) takes well under a minute; ``hatch run reliability`` runs
the realistic ``--size 6000 --cap-gib 12`` (a few minutes, mostly page faults). Exits non-zero
on failure.

Usage: ``python workspace_test/reliability/jax_memory_limit.py [--size N] [--cap-gib G]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time


def child(size: int, check: bool) -> int:
    import numpy as np

    import autoarray as aa
    import autogalaxy as ag
    from autoarray import execution
    from autoarray.backend import jax_numpy
    from autogalaxy import exc
    from autogalaxy.modeling import Collection, Model
    from autogalaxy.modeling.fitness import Fitness

    jnp = jax_numpy()
    scale = 0.05
    rng = np.random.default_rng(0)
    dataset = aa.Imaging(
        data=aa.Array2D.no_mask(rng.normal(size=(size, size)), pixel_scales=scale),
        noise_map=aa.Array2D.no_mask(np.ones((size, size)), pixel_scales=scale),
        psf=aa.Convolver.from_gaussian((5, 5), scale, sigma=0.1),
        over_sample_size_lp=1,
    )
    model = Collection(
        galaxies=Collection(g=Model(ag.Galaxy, redshift=0.5, bulge=Model(ag.lp.Sersic)))
    )
    fitness = Fitness(model, ag.AnalysisImaging(dataset=dataset, use_jax=True))
    vector = jnp.asarray(model.physical_values_from_prior_medians)
    changes = {} if check else {"jax_memory_bytes": 10**15}
    print("READY", flush=True)
    with execution.using(**changes):
        try:
            value = float(fitness._jit(vector))
        except exc.SearchException as error:
            print(f"REFUSED {error}", flush=True)
            return 3
        except MemoryError as error:
            print(f"MEMORYERROR {error}", flush=True)
            return 4
    print(f"LOGL {value!r}", flush=True)
    return 0


def run_child(size: int, cap_gib: float, check: bool, timeout: float) -> tuple:
    """(outcome, last output line, seconds); outcome: refused / memoryerror / ok / signal N / rc."""

    def cap():
        import resource

        limit = int(cap_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(size), "--check", str(int(check))],
        preexec_fn=cap,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    if proc.returncode not in (0, 3):  # what the process died of (XLA's message)
        last = f"{last} | stderr: {' '.join(proc.stderr.strip().splitlines()[-3:])}"
    outcomes = {0: "ok", 3: "refused", 4: "memoryerror"}
    if proc.returncode < 0:
        outcome = f"signal {-proc.returncode}"
    else:
        outcome = outcomes.get(proc.returncode, f"rc {proc.returncode}")
    return outcome, last, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--cap-gib", type=float, default=3.0)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--child", type=int)
    parser.add_argument("--check", type=int, default=1)
    args = parser.parse_args()
    if args.child is not None:
        return child(args.child, bool(args.check))

    from autogalaxy.modeling.jax_memory import _meminfo_available

    free = _meminfo_available()
    if free is not None and args.cap_gib * 2**30 > 0.8 * free:
        # the child without the check really allocates up to the cap
        print(
            f"FAIL --cap-gib {args.cap_gib} is over 80% of the {free / 2**30:.1f} GiB available; "
            "choose a smaller cap (and --size) so the machine is never short of memory."
        )
        return 1
    failures = 0
    outcome, last, seconds = run_child(args.size, args.cap_gib, True, args.timeout)
    ok = outcome == "refused" and "available" in last and ("GiB" in last or "MiB" in last)
    failures += not ok
    print(
        f"{'ok  ' if ok else 'FAIL'} {args.size}^2 under {args.cap_gib} GiB, memory check on: "
        f"{outcome} ({seconds:.0f} s)\n     {last[:400]}",
        flush=True,
    )
    outcome, last, seconds = run_child(args.size, args.cap_gib, False, args.timeout)
    print(
        f"info {args.size}^2 under {args.cap_gib} GiB, memory check off: {outcome} "
        f"({seconds:.0f} s)\n     {last[:400]}",
        flush=True,
    )
    outcome, last, seconds = run_child(200, args.cap_gib, True, args.timeout)
    ok = outcome == "ok" and last.startswith("LOGL")
    failures += not ok
    print(
        f"{'ok  ' if ok else 'FAIL'} 200^2 under {args.cap_gib} GiB, memory check on: {outcome} "
        f"({seconds:.0f} s) {last[:200]}",
        flush=True,
    )
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
