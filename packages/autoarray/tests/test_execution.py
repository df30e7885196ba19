"""autoarray.execution: one settings object for threads, blocks, caches, devices and allocator."""

import os
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from autoarray import exc, execution
from autoarray.testing import run_python

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def test_defaults_are_the_measured_ones():
    defaults = execution.ExecutionSettings()
    assert defaults.host_devices == 1  # splitting a batch over devices is opt-in
    assert defaults.numpy_threads is None
    assert defaults.vjp_block_rows == 65_536 and defaults.vjp_min_blocks == 2
    assert defaults.tune_allocator is True
    assert defaults.cond_remat_min_points == 16_384
    assert execution.settings_from_environment({}) == defaults


def test_cond_remat_min_points_is_checked():
    assert execution.ExecutionSettings(cond_remat_min_points=0).cond_remat_min_points == 0
    with pytest.raises(exc.ExecutionException, match="cond_remat_min_points"):
        execution.ExecutionSettings(cond_remat_min_points=-1)


def test_environment_overrides_are_parsed_once_into_settings():
    settings = execution.settings_from_environment(
        {
            "AUTOARRAY_HOST_DEVICES": "99",
            "AUTOGALAXY_NUMPY_THREADS": "2",
            "AUTOGALAXY_VJP_BLOCK_ROWS": "0",
            "AUTOGALAXY_VMAP_CHUNK": "7",
            "AUTOGALAXY_VMAP_DEVICES": "1",
            "AUTOARRAY_CONVOLUTION_METHOD": "fft",
            "AUTOARRAY_NO_MALLOPT": "1",
            "AUTOGALAXY_NOT_A_SETTING": "5",
        }
    )
    assert settings.host_devices == execution.MAX_HOST_DEVICES
    assert (settings.numpy_threads, settings.vjp_block_rows, settings.vmap_chunk) == (2, 0, 7)
    assert settings.vmap_devices == 1 and settings.convolution_method == "fft"
    assert settings.tune_allocator is False


def test_malformed_values_raise():
    with pytest.raises(exc.ExecutionException, match="AUTOGALAXY_NUMPY_THREADS"):
        execution.settings_from_environment({"AUTOGALAXY_NUMPY_THREADS": "many"})
    with pytest.raises(exc.ExecutionException, match="convolution_method"):
        execution.settings_from_environment({"AUTOARRAY_CONVOLUTION_METHOD": "magic"})
    with pytest.raises(exc.ExecutionException, match="unknown"):
        execution.configure(threads=2)
    with pytest.raises(exc.ExecutionException, match="numpy_threads"):
        execution.configure(numpy_threads=0)


def test_jax_compilation_cache_settings_are_parsed_and_checked():
    settings = execution.settings_from_environment(
        {"AUTOARRAY_JAX_CACHE_DIR": "/tmp/cache", "AUTOARRAY_JAX_CACHE_MIN_SECONDS": "0"}
    )
    assert settings.jax_compilation_cache_dir == "/tmp/cache"
    assert settings.jax_compilation_cache_min_seconds == 0.0
    assert execution.ExecutionSettings().jax_compilation_cache_dir is None
    with pytest.raises(exc.ExecutionException, match="jax_compilation_cache_min_seconds"):
        execution.ExecutionSettings(jax_compilation_cache_min_seconds=-1.0)
    with pytest.raises(exc.ExecutionException, match="folder path"):
        execution.ExecutionSettings(jax_compilation_cache_dir=3)


def test_jax_compilation_cache_is_applied_to_an_imported_jax(monkeypatch):
    updates = {}
    fake = types.ModuleType("jax")
    fake.config = types.SimpleNamespace(update=lambda name, value: updates.__setitem__(name, value))
    monkeypatch.setitem(sys.modules, "jax", fake)
    monkeypatch.setattr(execution, "_applied_cache", (None, 1.0))
    with execution.using(jax_compilation_cache_dir="/tmp/c", jax_compilation_cache_min_seconds=0):
        assert updates == {
            "jax_compilation_cache_dir": "/tmp/c",
            "jax_persistent_cache_min_compile_time_secs": 0.0,
        }
    assert updates["jax_compilation_cache_dir"] is None  # restored on leaving the block


def test_using_restores_the_previous_settings():
    before = execution.settings()
    with execution.using(numpy_threads=3, vjp_block_rows=100) as inside:
        assert execution.settings() is inside
        assert inside.numpy_threads == 3
    assert execution.settings() is before


def test_host_devices_cannot_change_once_jax_is_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "jax", types.ModuleType("jax"))
    with pytest.raises(exc.ExecutionException, match="before JAX"):
        execution.configure(host_devices=2)


def test_numpy_chunking_follows_settings():
    with execution.using(numpy_parallel_min_points=10, numpy_threads=3):
        assert execution.numpy_chunking_from(9) == (None, 1)
        assert execution.numpy_chunking_from(100) == (34, 3)
    with execution.using(numpy_parallel_min_points=10, numpy_threads=1):
        assert execution.numpy_chunking_from(100) == (None, 1)


def test_map_row_blocks_covers_every_row_once():
    rows = np.arange(20.0).reshape(10, 2)
    with execution.using(numpy_parallel_min_points=4, numpy_threads=3):
        blocks = execution.map_row_blocks(lambda block: block * 2.0, rows)
    assert len(blocks) == 3
    np.testing.assert_array_equal(np.concatenate(blocks), rows * 2.0)
    assert execution.map_row_blocks(lambda block: block, rows) is None  # too few by default


def test_jax_vjp_block_rows_only_for_large_fits():
    block = execution.settings().vjp_block_rows
    minimum = execution.settings().vjp_min_blocks * block
    assert execution.jax_vjp_block_rows_from(minimum - 1) is None
    assert execution.jax_vjp_block_rows_from(minimum) == block
    with execution.using(vjp_block_rows=100, vjp_min_blocks=4):
        assert execution.jax_vjp_block_rows_from(399) is None
        assert execution.jax_vjp_block_rows_from(400) == 100
    with execution.using(vjp_block_rows=0):
        assert execution.jax_vjp_block_rows_from(10**7) is None


def test_vmap_chunk_and_devices():
    assert execution.vmap_chunk_from(None) is None
    assert execution.vmap_chunk_from(1_000) == 60
    assert execution.vmap_chunk_from(10**6) == execution.settings().vmap_min_chunk
    with execution.using(vmap_chunk=5, vmap_devices=1):
        assert execution.vmap_chunk_from(1_000) == 5
        assert execution.vmap_devices_from(4) == 1
    assert execution.vmap_devices_from(4) == 4


def test_identity_cache_keeps_its_keys_alive_and_drops_the_oldest():
    cache = execution.IdentityCache(size=2)
    owners = [object() for _ in range(3)]
    built = []

    def build(owner):
        built.append(owner)
        return len(built)

    assert cache.get(owners[0], build) == 1
    assert cache.get(owners[0], build) == 1
    cache.get(owners[1], build)
    cache.get(owners[2], build)
    assert len(cache) == 2
    assert cache.get(owners[0], build) == 4  # evicted, rebuilt


def test_import_does_not_tune_the_allocator_but_the_first_fit_does():
    code = (
        "import autoarray.execution as e, autoarray; assert e._allocator_tuned is None; "
        "e.prepare_numpy_work(); print(e._allocator_tuned)"
    )
    result = run_python(code, [PACKAGE_ROOT], drop=("AUTOARRAY_NO_MALLOPT",))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(sys.platform.startswith("linux"))
    skipped = run_python(code, [PACKAGE_ROOT], env_updates={"AUTOARRAY_NO_MALLOPT": "1"})
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stdout.strip() == "None"


def test_blas_threads_setting_is_validated_and_read_from_the_environment():
    assert execution.ExecutionSettings().blas_threads == 1  # measured: docs/performance.md
    assert execution.ExecutionSettings(blas_threads=None).blas_threads is None
    for bad in (0, -2, 1.5, "2", True):
        with pytest.raises(exc.ExecutionException, match="blas_threads"):
            execution.ExecutionSettings(blas_threads=bad)
    with pytest.raises(exc.ExecutionException, match="blas_threads"):
        execution.configure(blas_threads=0)
    assert execution.settings_from_environment({"AUTOARRAY_BLAS_THREADS": "3"}).blas_threads == 3
    default = execution.settings_from_environment({"AUTOARRAY_BLAS_THREADS": "default"})
    assert default.blas_threads is None
    with pytest.raises(exc.ExecutionException, match="AUTOARRAY_BLAS_THREADS"):
        execution.settings_from_environment({"AUTOARRAY_BLAS_THREADS": "all"})
    with pytest.raises(exc.ExecutionException, match="blas_threads"):
        execution.settings_from_environment({"AUTOARRAY_BLAS_THREADS": "0"})


def test_blas_threads_are_limited_by_the_first_fit_and_by_configure_not_by_import():
    code = (
        "import scipy.linalg\n"
        "from threadpoolctl import threadpool_info\n"
        "def counts(): return sorted({i['num_threads'] for i in threadpool_info() "
        "if i['user_api'] == 'blas'})\n"
        "print(counts())\n"
        "import autoarray.execution as e, autoarray; print(counts())\n"
        "e.prepare_numpy_work(); print(counts())\n"
        "with e.using(blas_threads=2): print(counts())\n"
        "print(counts())\n"
        "e.configure(blas_threads=None); print(counts())\n"
    )
    # the libraries' own count is 2 here, so each change below is visible
    result = run_python(
        code,
        [PACKAGE_ROOT],
        env_updates={"OPENBLAS_NUM_THREADS": "2"},
        drop=("AUTOARRAY_BLAS_THREADS",),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")[:6]
    assert lines == [lines[0], lines[0], "[1]", "[2]", "[1]", lines[0]]
    assert lines[0] == "[2]" or os.cpu_count() == 1  # OpenBLAS caps its count at the cores
