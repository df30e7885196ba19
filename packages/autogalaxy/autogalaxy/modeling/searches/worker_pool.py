"""Worker processes of a search (``number_of_cores > 1``).

A search with ``number_of_cores = n > 1`` starts ``n`` worker processes for its NumPy likelihood
batches and, for Nautilus, its neural-network training (:func:`pooled_network_training`). Both
split work whose results do not depend on where they run (each likelihood is a pure function of
its vector; each network is trained from its own fixed seed), so the samples are identical to
a one-core run of the same seed: ``number_of_cores`` is a neutral setting of the fit's
fingerprint. The sampler's own random draws stay in the parent process.

The pool is a ``concurrent.futures.ProcessPoolExecutor``: a worker that dies (killed, out of
memory) breaks the pool and raises instead of leaving the fit waiting for its result forever.
Workers are forked (cheap: they inherit the imported packages and the likelihood) unless JAX is
loaded in this process, whose threads make ``fork`` unsafe; then they are spawned and receive
the pickled likelihood.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Callable, Iterator

import numpy as np

from autogalaxy import exc

#: The likelihood a worker evaluates (set once per worker by :func:`_initialise_worker`), so
#: each batch sends only its parameter vectors, not the analysis.
_WORKER_LIKELIHOOD: Callable | None = None


def _initialise_worker(likelihood: Callable | None) -> None:
    global _WORKER_LIKELIHOOD
    _WORKER_LIKELIHOOD = likelihood


def worker_batch_likelihood(vectors) -> np.ndarray:
    """Figures of merit ``[B]`` of physical vectors ``[B, N]``, in a worker process."""
    if _WORKER_LIKELIHOOD is None:
        raise exc.SearchException(
            "worker_batch_likelihood ran outside a search's worker process (no likelihood was "
            "installed); expected it to be mapped over a pool from worker_pool()."
        )
    return _WORKER_LIKELIHOOD(vectors)


def cores_from(search) -> int:
    """``search.number_of_cores`` as a positive int (``None`` means 1)."""
    cores = search.number_of_cores
    if cores is None:
        return 1
    if isinstance(cores, bool) or not isinstance(cores, (int, np.integer)) or cores < 1:
        raise exc.SearchException(
            f"{type(search).__name__}: number_of_cores={cores!r} is invalid; expected a "
            "positive integer (1: everything in this process)."
        )
    return int(cores)


def start_method() -> str:
    """``fork`` where available and JAX is not loaded (its threads make fork unsafe), else
    ``spawn``."""
    if "fork" in multiprocessing.get_all_start_methods() and "jax" not in sys.modules:
        return "fork"
    return "spawn"


@contextmanager
def worker_pool(cores: int, likelihood: Callable | None) -> Iterator[ProcessPoolExecutor | None]:
    """``cores`` worker processes holding ``likelihood`` (None for ``cores <= 1``).

    On leaving, the workers are shut down (cancelled and not waited for when the fit raised);
    a worker that died turns into a :class:`~autogalaxy.exc.SearchException`.
    """
    if cores <= 1:
        yield None
        return
    method = start_method()
    if method != "fork" and likelihood is not None:
        try:
            pickle.dumps(likelihood)
        except Exception as err:
            raise exc.SearchException(
                f"number_of_cores={cores} sends the likelihood to {method}ed worker processes "
                f"(JAX is loaded, so they are not forked), but it cannot be pickled ({err}). "
                "Expected an analysis whose attributes pickle (no modules, open files or "
                "locks), or number_of_cores=1."
            ) from err
    pool = ProcessPoolExecutor(
        max_workers=cores,
        mp_context=multiprocessing.get_context(method),
        initializer=_initialise_worker,
        initargs=(likelihood,),
    )
    failed = True
    try:
        yield pool
        failed = False
    except BrokenProcessPool as err:
        raise exc.SearchException(
            f"A worker process of the search died ({err}); the fit stopped (its checkpoint "
            "resumes it). Rerun, or use number_of_cores=1 to keep everything in this process."
        ) from err
    finally:
        pool.shutdown(wait=not failed, cancel_futures=failed)


@contextmanager
def pooled_network_training(pool: ProcessPoolExecutor | None) -> Iterator[None]:
    """Nautilus trains each bound's networks on ``pool`` (as its ``pool=`` would) while the
    bound sampling keeps its serial random draws.

    Handing nautilus a sampler pool would also move its bound sampling into the workers, with
    other random draws (and ~10x the points per refill) than the serial run; only the training
    is independent of where it runs (each network has its own fixed seed), so only the training
    is pooled: nautilus's ``NeuralNetworkEmulator.train`` receives ``pool`` when called from
    this thread with none, for the duration of the block.
    """
    if pool is None:
        yield
        return
    from nautilus.neural import NeuralNetworkEmulator

    original = NeuralNetworkEmulator.__dict__.get("train")
    if not isinstance(original, classmethod):
        raise exc.SearchException(
            "Nautilus with number_of_cores > 1 trains networks through "
            "nautilus.neural.NeuralNetworkEmulator.train(..., pool=...) (nautilus-sampler "
            f"1.0); this nautilus ({getattr(sys.modules.get('nautilus'), '__version__', '?')}) "
            "has no such method. Use number_of_cores=1."
        )
    owner = threading.get_ident()
    train = original.__func__

    def pooled_train(cls, *args, pool=None, **kwargs):
        if pool is None and threading.get_ident() == owner:
            pool = executor
        return train(cls, *args, pool=pool, **kwargs)

    executor = pool
    NeuralNetworkEmulator.train = classmethod(pooled_train)  # type: ignore[method-assign]
    try:
        yield
    finally:
        NeuralNetworkEmulator.train = original  # type: ignore[method-assign]
