"""NumPy / JAX backend selection.

NumPy is the default everywhere; JAX is opt-in through the ``xp`` argument and is imported only
inside functions. :func:`configure_jax_environment` runs at package import *without* importing JAX:
it sets environment defaults that JAX reads when it is first imported (float64, an XLA CPU
setting that avoids a deadlock seen in XLA's multi-threaded Eigen FFT on small machines, and one
host device per core so batched likelihoods can use every core).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

import numpy as np

#: XLA flags applied by default when this package is imported before JAX.
DEFAULT_XLA_FLAGS = ("--xla_cpu_multi_thread_eigen=false",)

#: Most host (CPU) devices ``AUTOARRAY_HOST_DEVICES`` may ask for.
MAX_HOST_DEVICES = 8

#: Opt-in XLA flag for CPUs with AVX-512 (never set by default): XLA's CPU backend otherwise emits
#: 256-bit vector code. On the 2-core AMD EPYC (Zen 4) benchmark machine it made the jitted P2
#: likelihood 1.8x faster, but jaxlib 0.10.2 then computes ``jnp.arctan`` wrongly (silently), so
#: it is left to the user; this package's JAX code avoids ``xp.arctan`` (``docs/jax.md``).
WIDE_VECTOR_XLA_FLAG = "--xla_cpu_prefer_vector_width=512"


def host_device_count() -> int:
    """Number of CPU devices JAX is asked to create: 1 unless ``AUTOARRAY_HOST_DEVICES`` is set.

    With several host devices ``Fitness._vmap`` splits a batch across them (one thread each),
    which was measured ~1.2x faster on large problems, but a batched MGE likelihood (NNLS while
    loop inside ``shard_map``) deadlocked with 2 devices on a 2-core machine, so splitting is
    opt-in: set ``AUTOARRAY_HOST_DEVICES`` (at most 8) before importing the package.
    """
    env = os.environ.get("AUTOARRAY_HOST_DEVICES")
    if not env:
        return 1
    return max(1, min(int(env), MAX_HOST_DEVICES))


def cpu_has_avx512(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """True when the host CPU lists the ``avx512f`` feature (read from Linux's ``cpuinfo``).

    Other systems, or an unreadable file, give False.
    """
    try:
        with open(cpuinfo, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("flags"):
                    return "avx512f" in line.split()
    except OSError:
        return False
    return False


def default_xla_flags() -> tuple:
    """The default XLA flags: :data:`DEFAULT_XLA_FLAGS` plus one host device per core."""
    flags = list(DEFAULT_XLA_FLAGS)
    devices = host_device_count()
    if devices > 1:
        flags.append(f"--xla_force_host_platform_device_count={devices}")
    return tuple(flags)


def configure_jax_environment() -> None:
    """Set JAX environment defaults (float64, safe XLA CPU flags) if JAX is not yet imported.

    User-provided values win: a flag already present in ``XLA_FLAGS`` is left alone, and
    ``JAX_ENABLE_X64`` is only set when absent.
    """
    if "jax" in sys.modules:
        return
    flags = os.environ.get("XLA_FLAGS", "")
    for flag in default_xla_flags():
        name = flag.split("=")[0]
        if name not in flags:
            flags = f"{flags} {flag}".strip()
    os.environ["XLA_FLAGS"] = flags
    os.environ.setdefault("JAX_ENABLE_X64", "True")


def tune_allocator() -> bool:
    """Keep large NumPy temporaries on the heap instead of fresh ``mmap`` pages (glibc only).

    A likelihood evaluation creates many multi-megabyte temporaries. By default glibc serves
    each with ``mmap`` and returns it on free, so every temporary pays page faults and zeroing;
    raising the mmap and trim thresholds lets them be reused, roughly halving the cost of the
    NumPy path on ~250k-point grids. Process-wide; set ``AUTOARRAY_NO_MALLOPT=1`` to skip.
    Returns True when the thresholds were set.
    """
    if os.environ.get("AUTOARRAY_NO_MALLOPT") or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    ok = libc.mallopt(m_trim_threshold, 256 << 20) == 1
    return bool(libc.mallopt(m_mmap_threshold, 64 << 20) == 1 and ok)


def jax_numpy() -> ModuleType:
    """Return ``jax.numpy`` with 64-bit floats enabled (imports JAX on first call)."""
    import jax

    if not jax.config.jax_enable_x64:
        jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    from autoarray.pytrees import register_declared_pytrees

    register_declared_pytrees()
    return jnp


def is_jax(xp) -> bool:
    """True when ``xp`` selects the JAX backend."""
    return xp is not np


def is_jax_array(value) -> bool:
    """True for a ``jax.Array`` or tracer, without importing JAX when it is not loaded."""
    if "jax" not in sys.modules:
        return False
    import jax

    return isinstance(value, jax.Array)


def is_traced(value) -> bool:
    """True when ``value`` is (or contains) an abstract JAX tracer rather than a concrete number."""
    if "jax" not in sys.modules:
        return False
    import jax

    if isinstance(value, (tuple, list)):
        return any(is_traced(v) for v in value)
    return isinstance(value, jax.core.Tracer)


def xp_of(*values) -> ModuleType:
    """``jax.numpy`` if any value is a JAX array, else ``numpy``."""
    if any(is_jax_array(v) for v in values):
        return jax_numpy()
    return np
