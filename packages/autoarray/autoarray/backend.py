"""NumPy / JAX backend selection.

NumPy is the default everywhere; JAX is opt-in through the ``xp`` argument and is imported only
inside functions. :func:`configure_jax_environment` (from :mod:`autoarray.execution`, re-exported
here) runs at package import *without* importing JAX: it sets the environment defaults that
correctness needs and that JAX reads when it is first imported (float64 and an XLA CPU setting
that avoids a deadlock seen in XLA's multi-threaded Eigen FFT on small machines). JAX gets one
host device unless :attr:`autoarray.execution.ExecutionSettings.host_devices` asks for more.
"""

from __future__ import annotations

import sys
from types import ModuleType

import numpy as np

from autoarray.execution import (  # noqa: F401  (re-exported: the JAX environment lives there)
    DEFAULT_XLA_FLAGS,
    MAX_HOST_DEVICES,
    configure_jax_environment,
    default_xla_flags,
    host_device_count,
)

#: Opt-in XLA flag for CPUs with AVX-512 (never set by default): XLA's CPU backend otherwise emits
#: 256-bit vector code. On the 2-core AMD EPYC (Zen 4) benchmark machine it made the jitted P2
#: likelihood 1.8x faster, but jaxlib 0.10.2 then computes ``jnp.arctan`` wrongly (silently), so
#: it is left to the user; this package's JAX code avoids ``xp.arctan`` (``docs/jax.md``).
WIDE_VECTOR_XLA_FLAG = "--xla_cpu_prefer_vector_width=512"


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


def jax_numpy() -> ModuleType:
    """Return ``jax.numpy`` with 64-bit floats enabled (imports JAX on first call)."""
    import jax

    if not jax.config.jax_enable_x64:  # type: ignore[attr-defined]  # a dynamic jax option
        jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    from autoarray.execution import apply_jax_compilation_cache
    from autoarray.jax_dispatch import apply_jax_cpu_dispatch
    from autoarray.pytrees import register_declared_pytrees

    apply_jax_compilation_cache()
    apply_jax_cpu_dispatch()

    register_declared_pytrees()
    return jnp


def is_jax(xp) -> bool:
    """True when ``xp`` selects the JAX backend."""
    return xp is not np


def is_jax_array(value) -> bool:
    """True for a ``jax.Array`` or tracer, without importing JAX when it is not loaded."""
    if sys.modules.get("jax") is None:  # not imported (or blocked): nothing can be a JAX array
        return False
    import jax

    return isinstance(value, jax.Array)


def is_traced(value) -> bool:
    """True when ``value`` is (or contains) an abstract JAX tracer rather than a concrete number."""
    if sys.modules.get("jax") is None:  # not imported (or blocked): nothing can be a JAX array
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
