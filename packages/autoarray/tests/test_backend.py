"""Backend selection and import hygiene: NumPy by default, JAX never imported by ``import
autoarray``, JAX environment defaults set at import, and the package under test is this
checkout's."""

import os
import sys
import types
from pathlib import Path

import numpy as np

import autoarray
from autoarray import backend, execution
from autoarray.testing import imported_file_without_jax, run_python

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # packages/autoarray
PACKAGES_DIR = PACKAGE_ROOT.parent  # packages/


def _run_python(code: str, env_updates=None, drop=()):
    return run_python(code, [PACKAGE_ROOT], env_updates=env_updates, drop=drop)


def test_autoarray_is_imported_from_this_checkout():
    module_file = Path(autoarray.__file__).resolve()
    assert module_file.is_relative_to(PACKAGES_DIR.resolve())
    assert module_file == (PACKAGE_ROOT / "autoarray" / "__init__.py").resolve()


def test_import_does_not_import_jax():
    module_file = imported_file_without_jax("autoarray", [PACKAGE_ROOT])
    assert module_file.is_relative_to(PACKAGES_DIR.resolve())


def test_numpy_path_operations_do_not_import_jax():
    code = """
import sys
import numpy as np
import autoarray as aa

mask = aa.Mask2D.circular((7, 7), radius=2.5, pixel_scales=1.0)
grid = aa.Grid2D.from_mask(mask, over_sample_size=2)
image = aa.Array2D(np.ones(mask.pixels_in_mask), mask)
_ = (image * 2.0).native
_ = grid.over_sampler.binned_array_2d_from(np.ones(grid.over_sampler.sub_total))
_ = mask.derive_mask.blurring_from((3, 3))
_ = aa.Grid2DIrregular([(0.0, 1.0)]).distances_to_coordinate_from()
assert 'jax' not in sys.modules, 'jax imported on the NumPy path'
"""
    result = _run_python(code)
    assert result.returncode == 0, result.stderr


def test_import_sets_jax_environment_defaults():
    code = (
        "import os, autoarray; print(os.environ['XLA_FLAGS']); print(os.environ['JAX_ENABLE_X64'])"
    )
    result = _run_python(code, drop=("XLA_FLAGS", "JAX_ENABLE_X64", "AUTOARRAY_HOST_DEVICES"))
    assert result.returncode == 0, result.stderr
    flags, x64 = result.stdout.strip().splitlines()
    assert "--xla_cpu_multi_thread_eigen=false" in flags.split()
    assert "--xla_cpu_enable_concurrency_optimized_scheduler=false" in flags.split()
    assert not any("device_count" in flag for flag in flags.split())  # splitting is opt-in
    assert x64 == "True"


def test_user_environment_values_win():
    code = (
        "import os, autoarray; print(os.environ['XLA_FLAGS']); print(os.environ['JAX_ENABLE_X64'])"
    )
    result = _run_python(
        code,
        env_updates={
            "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=true --xla_some_other_flag=1 "
            "--xla_force_host_platform_device_count=1",
            "JAX_ENABLE_X64": "0",
        },
    )
    assert result.returncode == 0, result.stderr
    flags, x64 = result.stdout.strip().splitlines()
    # The user's value of a flag wins; package defaults the user did not mention are appended.
    assert flags.split() == [
        "--xla_cpu_multi_thread_eigen=true",
        "--xla_some_other_flag=1",
        "--xla_force_host_platform_device_count=1",
        "--xla_cpu_enable_concurrency_optimized_scheduler=false",
    ]
    assert x64 == "0"


def _cpuinfo(tmp_path, flags_line: str) -> str:
    path = tmp_path / "cpuinfo"
    path.write_text(f"processor\t: 0\nmodel name\t: test\n{flags_line}\n\nprocessor\t: 1\n")
    return str(path)


def test_cpu_has_avx512_reads_the_first_flags_line(tmp_path):
    assert backend.cpu_has_avx512(_cpuinfo(tmp_path, "flags\t\t: fpu sse2 avx2 avx512f avx512bw"))
    assert not backend.cpu_has_avx512(_cpuinfo(tmp_path, "flags\t\t: fpu sse2 avx2 avx512_bf16"))
    assert not backend.cpu_has_avx512(_cpuinfo(tmp_path, "model\t\t: 1"))
    assert not backend.cpu_has_avx512(str(tmp_path / "missing"))


def test_wide_vector_flag_is_never_a_default(monkeypatch):
    monkeypatch.delitem(sys.modules, "jax", raising=False)
    monkeypatch.setattr(backend, "cpu_has_avx512", lambda cpuinfo="": True)
    monkeypatch.setenv("XLA_FLAGS", "")
    backend.configure_jax_environment()
    assert backend.WIDE_VECTOR_XLA_FLAG not in os.environ["XLA_FLAGS"].split()


def test_existing_unrelated_flags_are_kept(monkeypatch):
    monkeypatch.delitem(sys.modules, "jax", raising=False)
    monkeypatch.setenv("XLA_FLAGS", "--xla_dump_to=/tmp/x")
    monkeypatch.delenv("JAX_ENABLE_X64", raising=False)
    backend.configure_jax_environment()
    assert os.environ["XLA_FLAGS"].split() == [
        "--xla_dump_to=/tmp/x",
        "--xla_cpu_multi_thread_eigen=false",
        "--xla_cpu_enable_concurrency_optimized_scheduler=false",
    ]
    assert os.environ["JAX_ENABLE_X64"] == "True"
    monkeypatch.setenv("XLA_FLAGS", "--xla_dump_to=/tmp/x")
    with execution.using(host_devices=2):  # applies the flag itself
        assert os.environ["XLA_FLAGS"].split() == [
            "--xla_dump_to=/tmp/x",
            "--xla_cpu_multi_thread_eigen=false",
            "--xla_cpu_enable_concurrency_optimized_scheduler=false",
            "--xla_force_host_platform_device_count=2",
        ]
        # Idempotent: a second call adds nothing.
        backend.configure_jax_environment()
        assert os.environ["XLA_FLAGS"].split() == [
            "--xla_dump_to=/tmp/x",
            "--xla_cpu_multi_thread_eigen=false",
            "--xla_cpu_enable_concurrency_optimized_scheduler=false",
            "--xla_force_host_platform_device_count=2",
        ]


def test_host_devices_from_the_environment_reach_xla_flags():
    code = "import os, autoarray; print(os.environ['XLA_FLAGS'])"
    result = _run_python(code, env_updates={"AUTOARRAY_HOST_DEVICES": "2"}, drop=("XLA_FLAGS",))
    assert result.returncode == 0, result.stderr
    assert "--xla_force_host_platform_device_count=2" in result.stdout.split()


def test_environment_left_alone_once_jax_is_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "jax", types.ModuleType("jax"))
    monkeypatch.delenv("XLA_FLAGS", raising=False)
    monkeypatch.delenv("JAX_ENABLE_X64", raising=False)
    backend.configure_jax_environment()
    assert "XLA_FLAGS" not in os.environ
    assert "JAX_ENABLE_X64" not in os.environ


def test_is_jax_selects_on_module_identity():
    assert backend.is_jax(np) is False
    assert backend.is_jax(types.ModuleType("jax.numpy")) is True


def test_numpy_values_are_not_jax_arrays():
    assert backend.is_jax_array(np.zeros(3)) is False
    assert backend.is_jax_array(1.0) is False
    assert backend.is_traced(1.0) is False
    assert backend.is_traced((1.0, np.zeros(2))) is False


def test_xp_of_numpy_values_is_numpy():
    assert backend.xp_of(np.zeros(2), 1.0) is np
    assert backend.xp_of() is np
