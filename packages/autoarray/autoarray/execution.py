"""How the code runs, apart from what it computes: threads, row blocks, caches, devices, allocator.

Every execution choice is read from one :class:`ExecutionSettings` (:func:`settings`); nothing
else reads environment variables but :data:`ENVIRONMENT`'s, once at first import (listed in
``docs/execution.md``). Measured defaults (``docs/performance.md``); change them in code::

    import autoarray as aa
    aa.execution.configure(numpy_threads=1, vjp_block_rows=0)
    with aa.execution.using(convolution_method="fft"):
        ...

Import-time side effects: only what correctness needs (:func:`configure_jax_environment`: float64,
XLA flags against two XLA:CPU deadlocks). Allocator, BLAS threads: first fit or :func:`configure`;
JAX's CPU dispatch: its first use (``jax_dispatch.py``); more host devices: ``host_devices``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from collections import OrderedDict
from typing import Callable, Iterator, Mapping

from autoarray import exc, native_libraries
from autoarray.native_libraries import tune_allocator

#: XLA flags applied at import (before JAX), each against a measured XLA:CPU deadlock (Eigen
#: FFT; concurrency-optimized schedule + Delaunay batches): causes, cost, opt-out in docs/jax.md.
DEFAULT_XLA_FLAGS = (
    "--xla_cpu_multi_thread_eigen=false",
    "--xla_cpu_enable_concurrency_optimized_scheduler=false",
)

#: Most host (CPU) devices :attr:`ExecutionSettings.host_devices` may ask for.
MAX_HOST_DEVICES = 8

#: Convolution methods :attr:`ExecutionSettings.convolution_method` may force.
CONVOLUTION_METHODS = ("fft", "real_space", "dense")

#: Batch strategies :attr:`ExecutionSettings.batch_strategy` may force
#: (``autogalaxy/modeling/batch_strategy.py``).
BATCH_STRATEGIES = ("vmap", "chunked", "sequential")


@dataclasses.dataclass(frozen=True)
class ExecutionSettings:
    """Every execution choice, with the measured defaults (``docs/execution.md``).

    Attributes
    ----------
    host_devices
        CPU devices JAX creates (``--xla_force_host_platform_device_count``, set before JAX is
        imported); opt-in: more split a batch across cores (~1.2x on large problems) but a
        batched MGE likelihood deadlocked with 2 devices on a 2-core machine.
    numpy_threads
        Threads of a NumPy fit's per-point pass; None: the usable cores, at most 4; 1: no split.
    numpy_parallel_min_points
        NumPy fits with fewer points run in one block on the calling thread.
    vjp_block_rows
        Rows per backward block of a large JAX fit (:func:`autoarray.row_blocked_vjp`); 0: plain
        autodiff (needed for forward-mode ``jax.jacfwd`` of a likelihood).
    vjp_min_blocks
        A JAX fit is differentiated block by block from this many blocks on.
    jax_column_binning_min_points
        JAX fits with at least this many points bin linear-profile columns one by one.
    vmap_chunk
        Likelihoods per vectorised chunk of a batched call; None: from ``vmap_chunk_points``.
    vmap_chunk_points
        Target ray-traced points held by one vectorised chunk (keeps intermediates in cache).
    vmap_min_chunk
        Smallest automatic chunk (a loop of single likelihoods was ~2x slower).
    vmap_devices
        Most host devices a batched call uses; None: all of them.
    batch_strategy
        How ``Fitness._vmap`` runs a batch: None times the candidates (one ``vmap``, chunks of
        ``vmap_chunk``, the single jitted likelihood row by row) on the first batch of each
        shape and keeps the fastest; ``"vmap"``, ``"chunked"`` or ``"sequential"`` forces one.
    batch_probe_repeats
        Timed runs per candidate when the batch strategy is measured (the minimum is kept).
    batch_probe_min_points
        Batches whose likelihoods evaluate fewer points run vectorised untimed (the dispatch a
        vectorised program saves outweighs its per-row work, P1: 2.2-2.6x); 0: time every size
        below ``batch_sequential_min_points``. Unknown sizes are timed.
    batch_sequential_min_points
        On a CPU, likelihoods of at least this many points run row by row without timing (one
        compile instead of two); None (default): time them, since the main job ran 3.5x slower so.
    batch_memory_bytes
        Most memory one vectorised batch program may need (rows x the single likelihood's XLA
        estimate); wider ones are not tried (P2-sized pixelized ``vmap(8)``: 6 GB resident).
    convolution_method
        Force ``"fft"``, ``"real_space"`` or ``"dense"`` PSF convolution; None: the cost model.
    tune_allocator
        Raise glibc's mmap / trim thresholds (Linux only, process-wide) at the first fit, so large
        NumPy temporaries are reused, not mapped afresh (~2x on ~250k-point NumPy fits).
    blas_threads
        Threads of every BLAS / LAPACK library (NumPy's, SciPy's, JAX's CPU linear algebra), set
        by the first fit or :func:`configure`; None: each library's default (``docs/execution.md``).
    dataset_cache_size
        Datasets whose fit constants (grids, noise sums, PSF state) are kept in memory.
    jax_memory_bytes
        Memory a compiled JAX likelihood may count on (its programs are refused above 80% of
        it, before they run); None: what the machine has available.
    jax_compilation_cache_dir
        Folder of JAX's persistent compilation cache (None: none), reused by later processes: a
        resumed NUTS toy fit compiles ~3 s instead of ~13 s. For programs compiled after it is set.
    jax_compilation_cache_min_seconds
        Only programs whose compilation took at least this long are written to the cache (JAX's
        default is 1 s; 0 keeps every program, e.g. the many small ones of a sampler's warm-up).
    jax_cpu_async_dispatch
        JAX's default (True): CPU programs run on a worker thread; False (inline) is set at JAX's
        first use (``jax_dispatch.py``; P1 likelihood -25% CPU).
    cond_remat_min_points
        From this many points a traced per-point ``lax.cond`` (the SIE's) recomputes its branch in
        reverse mode rather than saving both branches' intermediates (P2 grad -9%, P1 +7% CPU).
    """

    host_devices: int = 1
    numpy_threads: int | None = None
    numpy_parallel_min_points: int = 32_768
    vjp_block_rows: int = 65_536
    vjp_min_blocks: int = 2
    jax_column_binning_min_points: int = 32_768
    vmap_chunk: int | None = None
    vmap_chunk_points: int = 60_000
    vmap_min_chunk: int = 4
    vmap_devices: int | None = None
    batch_strategy: str | None = None
    batch_probe_repeats: int = 3
    batch_probe_min_points: int = 10_000
    batch_sequential_min_points: int | None = None
    batch_memory_bytes: int = 2 * 2**30
    convolution_method: str | None = None
    tune_allocator: bool = True
    blas_threads: int | None = 1
    dataset_cache_size: int = 16
    jax_memory_bytes: int | None = None
    jax_compilation_cache_dir: str | None = None
    jax_compilation_cache_min_seconds: float = 1.0
    jax_cpu_async_dispatch: bool = False
    cond_remat_min_points: int = 16_384

    def __post_init__(self):
        if not 1 <= self.host_devices <= MAX_HOST_DEVICES:
            raise exc.ExecutionException(
                f"host_devices={self.host_devices}: expected 1 to {MAX_HOST_DEVICES}."
            )
        for name in ("numpy_threads", "vmap_chunk", "vmap_devices", "jax_memory_bytes"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise exc.ExecutionException(f"{name}={value}: expected None or at least 1.")
        if self.blas_threads is not None and (
            type(self.blas_threads) is not int or self.blas_threads < 1
        ):
            raise exc.ExecutionException(
                f"blas_threads={self.blas_threads!r}: expected None or a whole number >= 1."
            )
        if self.vjp_block_rows < 0:
            raise exc.ExecutionException(
                f"vjp_block_rows={self.vjp_block_rows}: expected 0 (off) or a positive row count."
            )
        for name in (
            "numpy_parallel_min_points",
            "vjp_min_blocks",
            "vmap_chunk_points",
            "vmap_min_chunk",
            "dataset_cache_size",
            "jax_column_binning_min_points",
            "batch_probe_repeats",
            "batch_memory_bytes",
        ):
            if getattr(self, name) < 1:
                raise exc.ExecutionException(f"{name}={getattr(self, name)}: expected at least 1.")
        non_negative = ("batch_probe_min_points", "batch_sequential_min_points")
        for name in non_negative + ("cond_remat_min_points", "jax_compilation_cache_min_seconds"):
            if (getattr(self, name) or 0) < 0:
                raise exc.ExecutionException(f"{name}={getattr(self, name)}: expected >= 0.")
        if self.jax_compilation_cache_dir is not None and not isinstance(
            self.jax_compilation_cache_dir, (str, os.PathLike)
        ):
            raise exc.ExecutionException(
                f"jax_compilation_cache_dir={self.jax_compilation_cache_dir!r}: expected None or "
                "a folder path."
            )
        if self.batch_strategy not in (None,) + BATCH_STRATEGIES:
            raise exc.ExecutionException(
                f"batch_strategy={self.batch_strategy!r}: expected None (measure) or one of "
                f"{BATCH_STRATEGIES}."
            )
        if self.convolution_method not in (None,) + CONVOLUTION_METHODS:
            raise exc.ExecutionException(
                f"convolution_method={self.convolution_method!r}: expected None or one of "
                f"{CONVOLUTION_METHODS}."
            )


#: Environment overrides: variable -> (setting, parser). Read once, by :func:`settings_from_environment`.
ENVIRONMENT: dict = {
    "AUTOARRAY_HOST_DEVICES": ("host_devices", lambda v: max(1, min(int(v), MAX_HOST_DEVICES))),
    "AUTOGALAXY_NUMPY_THREADS": ("numpy_threads", lambda v: max(1, int(v))),
    "AUTOGALAXY_VJP_BLOCK_ROWS": ("vjp_block_rows", lambda v: max(0, int(v))),
    "AUTOGALAXY_VMAP_CHUNK": ("vmap_chunk", lambda v: max(1, int(v))),
    "AUTOGALAXY_VMAP_DEVICES": ("vmap_devices", lambda v: max(1, int(v))),
    "AUTOGALAXY_BATCH_STRATEGY": ("batch_strategy", lambda v: None if v == "auto" else v),
    "AUTOARRAY_CONVOLUTION_METHOD": ("convolution_method", str),
    "AUTOARRAY_NO_MALLOPT": ("tune_allocator", lambda v: False),
    "AUTOARRAY_BLAS_THREADS": ("blas_threads", lambda v: None if v == "default" else int(v)),
    "AUTOGALAXY_JAX_MEMORY_BYTES": ("jax_memory_bytes", lambda v: max(1, int(float(v)))),
    "AUTOGALAXY_BATCH_MEMORY_BYTES": ("batch_memory_bytes", lambda v: max(1, int(float(v)))),
    "AUTOARRAY_JAX_CACHE_DIR": ("jax_compilation_cache_dir", str),
    "AUTOARRAY_JAX_CACHE_MIN_SECONDS": ("jax_compilation_cache_min_seconds", float),
}


def settings_from_environment(environ: Mapping[str, str] | None = None) -> ExecutionSettings:
    """The default settings with the overrides of :data:`ENVIRONMENT` found in ``environ``
    (``os.environ`` if None); empty values are ignored, malformed ones raise."""
    environ = os.environ if environ is None else environ
    changes = {}
    for variable, (name, parse) in ENVIRONMENT.items():
        value = environ.get(variable)
        if not value:
            continue
        try:
            changes[name] = parse(value)
        except ValueError as error:
            raise exc.ExecutionException(
                f"{variable}={value!r} is not valid for setting {name!r}: {error}"
            ) from None
    return ExecutionSettings(**changes)


_settings = settings_from_environment()


def settings() -> ExecutionSettings:
    """The settings in force."""
    return _settings


def configure(**changes) -> ExecutionSettings:
    """Replace the named settings (the others are kept) and return the new settings.

    ``host_devices`` only takes effect before JAX is imported; changing it afterwards raises.
    """
    global _settings
    unknown = set(changes) - {field.name for field in dataclasses.fields(ExecutionSettings)}
    if unknown:
        raise exc.ExecutionException(
            f"unknown execution settings {sorted(unknown)}; expected fields of ExecutionSettings."
        )
    new = dataclasses.replace(_settings, **changes)
    if new.host_devices != _settings.host_devices and "jax" in sys.modules:
        raise exc.ExecutionException(
            "host_devices must be set before JAX is imported (XLA reads it once at start-up)."
        )
    _settings = new
    if "host_devices" in changes:
        configure_jax_environment()
    apply_jax_compilation_cache()
    if "blas_threads" in changes or native_libraries.blas_threads_applied():
        native_libraries.apply_blas_threads(new.blas_threads)
    return new


@contextlib.contextmanager
def using(**changes) -> Iterator[ExecutionSettings]:
    """Apply :func:`configure` changes inside a ``with`` block, restoring the previous settings."""
    global _settings
    previous = _settings
    try:
        yield configure(**changes)
    finally:
        _settings = previous
        apply_jax_compilation_cache()
        if native_libraries.blas_threads_applied():
            native_libraries.apply_blas_threads(previous.blas_threads)


# ------------------------------------------------------------------------- JAX environment
def host_device_count() -> int:
    """Number of CPU devices JAX is asked to create (:attr:`ExecutionSettings.host_devices`)."""
    return _settings.host_devices


def default_xla_flags() -> tuple:
    """:data:`DEFAULT_XLA_FLAGS`, plus the host-device flag when more than one is asked for."""
    flags = list(DEFAULT_XLA_FLAGS)
    devices = host_device_count()
    if devices > 1:
        flags.append(f"--xla_force_host_platform_device_count={devices}")
    return tuple(flags)


def configure_jax_environment() -> None:
    """Set JAX environment defaults (float64, safe XLA CPU flags) if JAX is not yet imported.

    Run at package import. User-provided values win: a flag already present in ``XLA_FLAGS``
    is left alone, and ``JAX_ENABLE_X64`` is only set when absent.
    """
    if "jax" in sys.modules:
        return
    os.environ["XLA_FLAGS"] = xla_flags_with()
    os.environ.setdefault("JAX_ENABLE_X64", "True")


def xla_flags_with(extra: tuple = ()) -> str:
    """This process's ``XLA_FLAGS`` plus the package defaults and ``extra``, each appended only
    where no flag of the same name is set (the user's values win); e.g. for worker processes."""
    flags = os.environ.get("XLA_FLAGS", "")
    for flag in default_xla_flags() + tuple(extra):
        name = flag.split("=")[0]
        if name not in flags:
            flags = f"{flags} {flag}".strip()
    return flags


_applied_cache: tuple = (None, 1.0)


def apply_jax_compilation_cache() -> None:
    """Point JAX's persistent compilation cache at :attr:`ExecutionSettings.jax_compilation_cache_dir`.

    Called by ``autoarray.backend.jax_numpy`` (JAX's first use) and by :func:`configure`; does
    nothing while JAX is not imported or when the settings are the ones already applied.
    """
    global _applied_cache
    wanted = (
        None
        if _settings.jax_compilation_cache_dir is None
        else os.fspath(_settings.jax_compilation_cache_dir),
        float(_settings.jax_compilation_cache_min_seconds),
    )
    if wanted == _applied_cache or "jax" not in sys.modules:
        return
    import jax

    jax.config.update("jax_compilation_cache_dir", wanted[0])
    jax.config.update("jax_persistent_cache_min_compile_time_secs", wanted[1])
    _applied_cache = wanted


# ------------------------------------------------------------------------- allocator
_allocator_tuned: bool | None = None


def prepare_numpy_work() -> None:
    """Apply the process-wide settings that heavy NumPy work wants (the allocator thresholds when
    :attr:`ExecutionSettings.tune_allocator`, the BLAS threads); called when a fit's constants
    are built, so by every JAX or NumPy analysis before its first likelihood."""
    global _allocator_tuned
    if _allocator_tuned is None and _settings.tune_allocator:
        _allocator_tuned = tune_allocator()
    native_libraries.apply_blas_threads(_settings.blas_threads)


# ------------------------------------------------------------------------- NumPy threads
_pools: dict = {}


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def numpy_chunking_from(points: int) -> tuple:
    """``(block rows or None, threads)`` for NumPy per-point work on ``points`` points.

    Blocks are as large as possible (one per thread): each block pays the Python cost of a whole
    pass (~0.3 ms), and smaller, cache-sized blocks cost more CPU time than they saved.
    """
    if points < _settings.numpy_parallel_min_points:
        return None, 1
    threads = _settings.numpy_threads
    if threads is None:
        threads = max(1, min(usable_cores(), 4))
    if threads == 1:
        return None, 1
    return -(-points // threads), threads


def thread_pool(threads: int):
    """A shared ``ThreadPoolExecutor`` with ``threads`` workers (None for one thread)."""
    if threads <= 1:
        return None
    pool = _pools.get(threads)
    if pool is None:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="autoarray-exec")
        _pools[threads] = pool
    return pool


def map_row_blocks(function: Callable, rows) -> list | None:
    """``[function(block) for block in row blocks of rows]`` on the thread pool, or None when
    :func:`numpy_chunking_from` says the rows are too few to split (call ``function(rows)``).

    ``function`` must treat rows independently; NumPy releases the GIL in its loops, so the
    blocks use every thread.
    """
    chunk, threads = numpy_chunking_from(rows.shape[0])
    if chunk is None:
        return None
    blocks = [rows[i : i + chunk] for i in range(0, rows.shape[0], chunk)]
    pool = thread_pool(threads)
    if pool is None:
        return [function(block) for block in blocks]
    return list(pool.map(function, blocks))


# ------------------------------------------------------------------------- JAX blocking
def jax_vjp_block_rows_from(points: int) -> int | None:
    """Rows per backward block for a JAX fit on ``points`` points, or None for plain autodiff.

    Measured on the P2 benchmark (252k points, 2-core CPU): gradient 53 ms plain, 36.5 / 30.0 /
    28.9 / 26.6 ms with blocks of 4k / 8k / 16k / 32k rows (value 8.8 ms, unchanged).
    """
    block = _settings.vjp_block_rows
    if block <= 0 or points < _settings.vjp_min_blocks * block:
        return None
    return block


def vmap_chunk_from(points: int | None) -> int | None:
    """Likelihoods per vectorised chunk (None: one ``vmap`` over the whole per-device batch)."""
    if _settings.vmap_chunk is not None:
        return _settings.vmap_chunk
    if not points:
        return None
    return max(_settings.vmap_min_chunk, _settings.vmap_chunk_points // int(points))


def vmap_devices_from(available: int) -> int:
    """Host devices a batched call of ``available`` usable devices runs on."""
    if _settings.vmap_devices is None:
        return available
    return max(1, min(available, _settings.vmap_devices))


# ------------------------------------------------------------------------- caches
class IdentityCache:
    """Values built from objects, keyed by object identity, least recently used dropped first.

    The cache holds a reference to each key object, so an ``id`` cannot be recycled while its
    entry lives. ``size`` None follows :attr:`ExecutionSettings.dataset_cache_size`.
    """

    def __init__(self, size: int | None = None):
        self._size = size
        self._entries: OrderedDict = OrderedDict()

    def get(self, owner, build: Callable):
        """The value for ``owner``, built by ``build(owner)`` on first use."""
        key = id(owner)
        entry = self._entries.get(key)
        if entry is not None and entry[0] is owner:
            self._entries.move_to_end(key)
            return entry[1]
        value = build(owner)
        self._entries[key] = (owner, value)
        size = _settings.dataset_cache_size if self._size is None else self._size
        while len(self._entries) > size:
            self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)


__all__ = [
    "BATCH_STRATEGIES",
    "CONVOLUTION_METHODS",
    "apply_jax_compilation_cache",
    "DEFAULT_XLA_FLAGS",
    "ENVIRONMENT",
    "ExecutionSettings",
    "IdentityCache",
    "MAX_HOST_DEVICES",
    "configure",
    "configure_jax_environment",
    "default_xla_flags",
    "host_device_count",
    "jax_vjp_block_rows_from",
    "map_row_blocks",
    "numpy_chunking_from",
    "prepare_numpy_work",
    "settings",
    "settings_from_environment",
    "thread_pool",
    "tune_allocator",
    "usable_cores",
    "using",
    "vmap_chunk_from",
    "vmap_devices_from",
]
