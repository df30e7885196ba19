"""Dask clients for batch fitting: a pinned ``LocalCluster`` on this machine or any scheduler.

Each local worker is one process with one thread, and its BLAS / OpenMP / XLA thread pools are
pinned to one thread through the environment the nanny starts it with, so ``n`` workers use ``n``
cores instead of ``n x cores`` oversubscribed threads. The cluster listens on the loopback
interface only and starts no dashboard.
"""

from __future__ import annotations

import logging
import os

from autoarray import execution
from autogalaxy import exc

#: Environment of every local worker process: one thread per numerical library.
PINNED_THREADS_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
}


def distributed():
    """The ``dask.distributed`` module, or a BatchException naming the package to install."""
    try:
        import distributed as dist
    except ImportError as err:
        raise exc.BatchException(
            "Batch fitting needs Dask distributed: pip install 'dask[distributed]' "
            "(or pip install 'autogalaxy[batch]')."
        ) from err
    return dist


def worker_env() -> dict[str, str]:
    """:data:`PINNED_THREADS_ENV` plus XLA flags keeping JAX on one thread per worker."""
    env = dict(PINNED_THREADS_ENV)
    env["XLA_FLAGS"] = execution.xla_flags_with(("intra_op_parallelism_threads=1",))
    return env


def local_cluster(n_workers: int | None = None, silence_logs: int = logging.ERROR):
    """A ``LocalCluster``: ``n_workers`` (default: one per core) single-threaded worker
    processes with pinned thread pools, loopback only, no dashboard."""
    dist = distributed()
    n = int(n_workers or os.cpu_count() or 1)
    if n < 1:
        raise exc.BatchException(f"n_workers must be at least 1, got {n_workers}.")
    return dist.LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        # No dashboard; the scheduler's small health / metrics HTTP server listens on a free
        # loopback port (its default, 8787, may be taken by another cluster).
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        silence_logs=silence_logs,
        env=worker_env(),
    )


def connect(address: str, timeout: float = 10.0):
    """A ``Client`` of the scheduler at ``address``, or a BatchException within ``timeout``
    seconds when it cannot be reached."""
    dist = distributed()
    try:
        return dist.Client(address, timeout=timeout)
    except (OSError, TimeoutError) as err:
        raise exc.BatchException(
            f"Cannot reach the Dask scheduler at {address!r} within {timeout:g} s ({err}). "
            "Check the address (tcp://host:port) and that the scheduler is running, or pass "
            "client=None to fit on a LocalCluster on this machine."
        ) from err
