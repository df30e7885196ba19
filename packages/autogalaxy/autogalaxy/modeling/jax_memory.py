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


def shape_key(args) -> tuple:
    """Hashable ``(shape, dtype)`` per argument: what a compiled program is specialised to.

    ``dtype`` objects hash directly; building ``str(dtype)`` cost ~9 us per argument per call,
    which showed on a 0.15 ms likelihood.
    """
    return tuple((a.shape, a.dtype) if hasattr(a, "dtype") else (None, type(a)) for a in args)


class MemoryCheckedJit:
    """``jax.jit(function)`` whose every new argument shape is memory-checked before running.

    Each shape is lowered and compiled once (:meth:`compiled_for`); the memory check reads that
    executable's own analysis and the same executable then runs every later call of that shape,
    so nothing is compiled twice. Calls with tracers (inside an outer ``jit`` / ``vmap`` /
    ``grad``) go to the plain jitted function: the outer transform owns the program.
    """

    def __init__(self, function, what: str) -> None:
        import jax

        self._jitted = jax.jit(function)
        self.what = what
        self._compiled: dict = {}
        self._tracer = jax.core.Tracer
        self._array = jax.Array

    def compiled_for(self, *args):
        """The memory-checked executable for the shapes of ``args`` (compiled on first use);
        raises ``SearchException`` when XLA says it needs more memory than is available."""
        key = shape_key(args)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._jitted.lower(*args).compile()
            check_fits(compiled, self.what)
            self._compiled[key] = compiled
        return compiled

    def __call__(self, *args):
        tracer, array = self._tracer, self._array
        if any(isinstance(a, tracer) for a in args):
            return self._jitted(*args)
        if not all(isinstance(a, array) for a in args):
            import jax.numpy as jnp

            args = tuple(a if isinstance(a, array) else jnp.asarray(a) for a in args)
        compiled = self._compiled.get(shape_key(args))
        if compiled is None:
            compiled = self.compiled_for(*args)
        return compiled(*args)
