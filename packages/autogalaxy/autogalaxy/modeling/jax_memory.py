"""Refuse a JAX computation that would not fit in memory, before it runs.

XLA aborts the whole process (no Python exception) when a buffer cannot be allocated, e.g. for
a likelihood on a 6000 x 6000 grid. :class:`MemoryCheckedJit` checks twice for each new argument
shape and raises a ``SearchException`` instead:

1. after tracing, before lowering: the dataset arrays a likelihood closes over become constants
   of the program, which lowering and compiling copy several times (:data:`CONSTANT_COPIES`);
   on a 6000 x 6000 dataset that alone exhausted the memory (measured:
   ``workspace_test/reliability/jax_memory_limit.py``);
2. after compiling: XLA's own estimate of what the program needs (``memory_analysis()``:
   arguments, outputs and temporaries).

A ``MemoryError`` or XLA ``RESOURCE_EXHAUSTED`` raised while lowering, compiling or running is
turned into the same error. "Available" is the least of ``MemAvailable``, the address-space
limit (``ulimit -v``) left to this process and the cgroup's memory limit left (containers,
batch jobs), unless the ``jax_memory_bytes`` execution setting says otherwise.
"""

from __future__ import annotations

import contextlib
import gc
import os
from typing import Iterator

import numpy as np

from autoarray import execution
from autogalaxy import exc

#: Fraction of the available memory one compiled program may use.
MEMORY_FRACTION = 0.8

#: Extra copies of a program's constants made while lowering and compiling it (MLIR module,
#: the HLO handed to XLA, the executable): on a 2000^2 imaging likelihood (0.2 GiB of constants)
#: the resident peak rose by 4.0 times the constants' size from tracing to the compiled program.
CONSTANT_COPIES = 4


def available_bytes() -> int | None:
    """Memory this process can still use (None if unknown): the least of Linux ``MemAvailable``,
    the address-space limit (``RLIMIT_AS``, ``ulimit -v``) minus the current virtual size and the
    cgroup v2 limit minus its usage. The ``jax_memory_bytes`` execution setting
    (``AUTOGALAXY_JAX_MEMORY_BYTES``) overrides it."""
    configured = execution.settings().jax_memory_bytes
    if configured is not None:
        return configured
    limits = [
        _meminfo_available(),
        _address_space_left(),
        _cgroup_left(),
    ]
    known = [limit for limit in limits if limit is not None]
    return max(0, min(known)) if known else None


def _meminfo_available() -> int | None:
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


def _address_space_left() -> int | None:
    """``RLIMIT_AS`` minus this process's virtual size (None when unlimited or unknown)."""
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit == resource.RLIM_INFINITY:
            return None
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return limit - int(line.split()[1]) * 1024
    except (ImportError, OSError, ValueError):
        pass
    return None


def _cgroup_left() -> int | None:
    """The cgroup v2 memory limit minus its usage (None without a limit)."""
    try:
        with open("/proc/self/cgroup", encoding="ascii") as f:
            path = next(
                (line.strip().split(":", 2)[2] for line in f if line.startswith("0::")), None
            )
        if path is None:
            return None
        folder = os.path.join("/sys/fs/cgroup", path.lstrip("/"))
        with open(os.path.join(folder, "memory.max"), encoding="ascii") as f:
            limit = f.read().strip()
        if limit == "max":
            return None
        with open(os.path.join(folder, "memory.current"), encoding="ascii") as f:
            return int(limit) - int(f.read().strip())
    except (OSError, ValueError):
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


def _refuse(what: str, need: int, have: int, estimate: str) -> None:
    raise exc.SearchException(
        f"The JAX {what} needs about {_size(need)} ({estimate}) but only {_size(have)} is "
        "available; running it would abort the process. Use a smaller mask or over-sampling "
        "size, smaller likelihood batches (AUTOGALAXY_VMAP_CHUNK / n_batch), or use_jax=False."
    )


def check_fits(compiled, what: str) -> None:
    """Raise if ``compiled`` needs more than :data:`MEMORY_FRACTION` of the available memory."""
    need = required_bytes(compiled)
    have = available_bytes()
    if need is None or have is None or need <= MEMORY_FRACTION * have:
        return
    _refuse(what, need, have, "XLA's estimate for the compiled program")


def constants_bytes(traced) -> int:
    """Bytes of the constants a traced program closes over (the dataset arrays)."""
    try:
        consts = traced.jaxpr.consts
    except AttributeError:
        return 0
    return sum(int(getattr(c, "nbytes", 0)) for c in consts)


def check_constants_fit(traced, what: str) -> None:
    """Raise before lowering if copying the program's constants would not fit in memory."""
    need = CONSTANT_COPIES * constants_bytes(traced)
    have = available_bytes()
    if have is None or need <= MEMORY_FRACTION * have:
        return
    _refuse(
        what,
        need,
        have,
        f"{CONSTANT_COPIES} copies of its {_size(need // CONSTANT_COPIES)} of dataset constants "
        "made while compiling",
    )


def _out_of_memory(error: BaseException) -> bool:
    return isinstance(error, MemoryError) or "RESOURCE_EXHAUSTED" in str(error)


def shape_key(args) -> tuple:
    """Hashable ``(shape, dtype)`` per argument: what a compiled program is specialised to.

    ``dtype`` objects hash directly; building ``str(dtype)`` cost ~9 us per argument per call,
    which showed on a 0.15 ms likelihood.
    """
    return tuple((a.shape, a.dtype) if hasattr(a, "dtype") else (None, type(a)) for a in args)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off inside the block (restored after, also on error).

    Tracing a likelihood allocates some 10^5-10^6 short-lived Python objects, so the collector
    runs dozens of times inside a first compile, and once over the whole heap (every module
    JAX and this package imported): P1's first ``Fitness._vmap`` call spent 0.11 s CPU in 58
    young and 1 full collection, 0.01 s with the collector paused, and the 300 batches after it
    ran no full collection either way (``docs/performance.md``, round 15). Reference counting
    still frees every object that is not in a cycle. A collector the caller had already
    switched off stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class MemoryCheckedJit:
    """``jax.jit(function)`` whose every new argument shape is memory-checked before running.

    Each shape is traced, lowered and compiled once (:meth:`compiled_for`, with the garbage
    collector paused: :func:`gc_paused`); the memory check reads that executable's own analysis
    and the same executable then runs every later call of that shape, so nothing is compiled
    twice. Calls with tracers (inside an outer ``jit`` / ``vmap`` / ``grad``) go to the plain
    jitted function: the outer transform owns the program.
    """

    def __init__(self, function, what: str) -> None:
        import jax

        self._jitted = jax.jit(function)
        self.what = what
        self._compiled: dict = {}
        self._tracer = jax.core.Tracer
        self._array = jax.Array

    def compiled_for(self, *args):
        """The memory-checked executable for the shapes of ``args`` (compiled on first use).

        The program's dataset constants are checked after tracing and before compiling (XLA
        copies them while compiling, which is where an oversized dataset aborted the process),
        then the executable's own memory analysis; either raises ``SearchException``.
        """
        key = shape_key(args)
        compiled = self._compiled.get(key)
        if compiled is None:
            try:
                with gc_paused():
                    traced = self._jitted.trace(*args)
                    check_constants_fit(traced, self.what)
                    compiled = traced.lower().compile()
            except Exception as error:
                self._raise_if_out_of_memory(error)
                raise
            check_fits(compiled, self.what)
            self._compiled[key] = compiled
        return compiled

    def __call__(self, *args):
        tracer, array = self._tracer, self._array
        if any(isinstance(a, tracer) for a in args):
            return self._jitted(*args)  # inside an outer jit / vmap / grad: it decides memory
        if not all(isinstance(a, (array, np.ndarray)) for a in args):
            # NumPy arrays go to the compiled program as they are (as fast as a device array);
            # ``jnp.asarray`` would add ~40 us a call and compile a program per new shape.
            args = tuple(a if isinstance(a, (array, np.ndarray)) else np.asarray(a) for a in args)
        compiled = self._compiled.get(shape_key(args))
        if compiled is None:
            compiled = self.compiled_for(*args)
        try:  # a try block costs nothing until it raises: this is the per-likelihood path
            return compiled(*args)
        except Exception as error:
            self._raise_if_out_of_memory(error)
            raise

    def _raise_if_out_of_memory(self, error: BaseException) -> None:
        """Turn MemoryError and XLA's RESOURCE_EXHAUSTED (XlaRuntimeError) into SearchException."""
        if isinstance(error, exc.SearchException) or not _out_of_memory(error):
            return
        have = available_bytes()
        raise exc.SearchException(
            f"The JAX {self.what} ran out of memory ({type(error).__name__}: "
            f"{str(error)[:200] or 'allocation failed'}); about "
            f"{_size(have or 0)} was available. Use a smaller mask or over-sampling size, "
            "smaller likelihood batches (AUTOGALAXY_VMAP_CHUNK / n_batch), or use_jax=False."
        ) from error
