"""Process-wide knobs of the native libraries NumPy, SciPy and JAX call into: glibc's allocator
thresholds and the thread pools of the BLAS / LAPACK libraries.

These change the whole process, so only :mod:`autoarray.execution` calls them, from its
settings (``tune_allocator``, ``blas_threads``), and never at import.

Why BLAS threads are a setting: OpenBLAS starts one thread per core and its idle threads spin
waiting for work. On a small or shared machine a second thread that the kernel has descheduled
stalls every call: a 325x325 Cholesky (the P3 pixelized-source system) took 80-140 ms of CPU
with two threads on a loaded 2-core host against 0.7-2.5 ms with one (``docs/performance.md``).
NumPy, SciPy and JAX's CPU ``cholesky`` / ``solve`` (which call SciPy's LAPACK) are all limited
by :func:`limit_blas_threads`.
"""

from __future__ import annotations

import sys

#: The ``threads`` of the last :func:`apply_blas_threads` (``_NOT_APPLIED`` before the first).
_NOT_APPLIED = object()
_blas_applied: object = _NOT_APPLIED

#: Each BLAS library's own thread count (file path -> threads), read the first time
#: :func:`limit_blas_threads` runs, before anything is changed; what ``None`` restores.
_library_defaults: dict = {}


def tune_allocator() -> bool:
    """Raise glibc's mmap (64 MiB) and trim (256 MiB) thresholds so large NumPy temporaries
    stay on the heap and are reused; returns True when both were set (Linux / glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    ok = libc.mallopt(m_trim_threshold, 256 << 20) == 1
    return bool(libc.mallopt(m_mmap_threshold, 64 << 20) == 1 and ok)


def _blas_controllers() -> list:
    """threadpoolctl's controllers of the BLAS libraries loaded in this process.

    SciPy's LAPACK is imported first: it is the library that SciPy's and JAX's CPU linear
    algebra call, and a library loaded after a limit is set would keep its own thread count.
    """
    import scipy.linalg  # noqa: F401
    from threadpoolctl import ThreadpoolController

    return [lib for lib in ThreadpoolController().lib_controllers if lib.user_api == "blas"]


def blas_thread_counts() -> dict:
    """``{library file: threads}`` of every loaded BLAS library (OpenBLAS, MKL, BLIS)."""
    return {lib.filepath: lib.num_threads for lib in _blas_controllers()}


def limit_blas_threads(threads: int | None) -> dict:
    """Give every loaded BLAS library ``threads`` threads; None gives each back the count it
    had before the first call (its own default, which follows ``OPENBLAS_NUM_THREADS`` /
    ``MKL_NUM_THREADS``). Returns :func:`blas_thread_counts` afterwards."""
    for lib in _blas_controllers():
        _library_defaults.setdefault(lib.filepath, lib.num_threads)
        wanted = _library_defaults[lib.filepath] if threads is None else threads
        if lib.num_threads != wanted:
            lib.set_num_threads(wanted)
    return blas_thread_counts()


def apply_blas_threads(threads: int | None) -> None:
    """:func:`limit_blas_threads` unless ``threads`` is the value applied last: a comparison,
    cheap enough to run before every fit (the library scan it skips takes ~1 ms)."""
    global _blas_applied
    if threads != _blas_applied:
        limit_blas_threads(threads)
        _blas_applied = threads


def blas_threads_applied() -> bool:
    """Whether :func:`apply_blas_threads` has run in this process (then later setting changes
    are applied at once)."""
    return _blas_applied is not _NOT_APPLIED


__all__ = [
    "apply_blas_threads",
    "blas_thread_counts",
    "blas_threads_applied",
    "limit_blas_threads",
    "tune_allocator",
]
