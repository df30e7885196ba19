"""How JAX hands a CPU program to XLA: the ``jax_cpu_async_dispatch`` execution setting.

By default JAX runs every single-device CPU program on a worker thread of its CPU client and the
calling thread waits for the result (asynchronous dispatch). For the likelihood of a small fit
that hand-over is a large share of the cost: the P1 benchmark likelihood and its gradient take
about a quarter less process CPU time when the program runs inline on the calling thread
(docs/performance.md, round 15), with identical values. The package therefore turns it off by
default (:attr:`~autoarray.execution.ExecutionSettings.jax_cpu_async_dispatch` = False); JAX
applies it to computations that run on one device only (multi-device programs keep their
threads).

JAX reads its flag once, when its CPU backend starts, so the setting is applied at the package's
first JAX use (:func:`autoarray.backend.jax_numpy`, before any of its computations) and again by
:func:`apply_jax_cpu_dispatch` whenever the setting changes; a process whose JAX backend already
runs keeps the dispatch it started with.
"""

from __future__ import annotations

import sys

from autoarray import execution

#: The setting last written to JAX's configuration by :func:`apply_jax_cpu_dispatch` (None: never),
#: so that a user's own later ``jax.config.update`` is not overwritten on every JAX use.
_applied: bool | None = None


def apply_jax_cpu_dispatch() -> None:
    """Write :attr:`ExecutionSettings.jax_cpu_async_dispatch` to JAX's
    ``jax_cpu_enable_async_dispatch`` unless that value was the last one written; nothing
    happens while JAX is not imported."""
    global _applied
    wanted = bool(execution.settings().jax_cpu_async_dispatch)
    if wanted == _applied or "jax" not in sys.modules:
        return
    import jax

    jax.config.update("jax_cpu_enable_async_dispatch", wanted)
    _applied = wanted


__all__ = ["apply_jax_cpu_dispatch"]
