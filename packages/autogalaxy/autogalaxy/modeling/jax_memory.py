"""Refuse a JAX computation that would not fit in memory, before it runs.

XLA aborts the whole process (no Python exception) when a buffer cannot be allocated, e.g. for
a likelihood on a 6000 x 6000 grid. :class:`MemoryCheckedJit` compiles a jitted function for
each new argument shape, asks XLA how much memory the compiled program needs
(``memory_analysis()``: arguments, outputs and temporaries) and raises a ``SearchException``
when that exceeds the memory available, instead of running it.
"""

from __future__ import annotations

import os

from autoarray import execution
from autogalaxy import exc

#: Fraction of the available memory one compiled program may use.
MEMORY_FRACTION = 0.8


def available_bytes() -> int | None:
    """Memory available to this process (Linux ``MemAvailable``; None if unknown). The
    ``jax_memory_bytes`` execution setting (``AUTOGALAXY_JAX_MEMORY_BYTES``) overrides it."""
    configured = execution.settings().jax_memory_bytes
    if configured is not None:
        return configured
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def required_bytes(compiled) -> int | None:
    """Bytes a compiled program needs (None when XLA does not say)."""
    try:
        stats = compiled.memory_analysis()
    except Exception:  # not every backend implements it
        return None
    if stats is None:
        return None
    return int(
        stats.argument_size_in_bytes
        + stats.output_size_in_bytes
        + stats.temp_size_in_bytes
        - getattr(stats, "alias_size_in_bytes", 0)
    )


def _size(n: int) -> str:
    return f"{n / 2**30:.2f} GiB" if n >= 2**30 else f"{n / 2**20:.2f} MiB"


def check_fits(compiled, what: str) -> None:
    """Raise if ``compiled`` needs more than :data:`MEMORY_FRACTION` of the available memory."""
    need = required_bytes(compiled)
    have = available_bytes()
    if need is None or have is None or need <= MEMORY_FRACTION * have:
        return
    raise exc.SearchException(
        f"The JAX {what} needs about {_size(need)} (XLA's estimate for the compiled program) "
        f"but only {_size(have)} is available; running it would abort the "
        "process. Use a smaller mask or over-sampling size, smaller likelihood batches "
        "(AUTOGALAXY_VMAP_CHUNK / n_batch), or use_jax=False."
    )


class MemoryCheckedJit:
    """``jax.jit(function)`` whose every new argument shape is memory-checked before running."""

    def __init__(self, function, what: str) -> None:
        import jax

        self._jitted = jax.jit(function)
        self.what = what
        self._compiled: dict = {}

    def __call__(self, *args):
        import jax

        if any(isinstance(a, jax.core.Tracer) for a in args):
            return self._jitted(*args)  # inside an outer jit / vmap / grad: it decides memory
        key = tuple((getattr(a, "shape", None), str(getattr(a, "dtype", type(a)))) for a in args)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._jitted.lower(*args).compile()
            check_fits(compiled, self.what)
            self._compiled[key] = compiled
        return compiled(*[jax.numpy.asarray(a) for a in args])
