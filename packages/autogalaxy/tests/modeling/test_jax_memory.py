"""The JAX memory check's arithmetic, on NumPy (no program is compiled)."""

import resource
import types

import numpy as np
import pytest

from autoarray import execution
from autogalaxy import exc
from autogalaxy.modeling import jax_memory


def test_address_space_limit_bounds_the_available_memory(monkeypatch):
    limit = 6 * 2**30
    monkeypatch.setattr(resource, "getrlimit", lambda which: (limit, limit))
    left = jax_memory._address_space_left()
    assert left is not None and left < limit  # the limit minus this process's virtual size
    assert jax_memory.available_bytes() <= max(0, left)


def test_unlimited_address_space_is_no_bound(monkeypatch):
    unlimited = resource.RLIM_INFINITY
    monkeypatch.setattr(resource, "getrlimit", lambda which: (unlimited, unlimited))
    assert jax_memory._address_space_left() is None


def test_constants_that_would_not_fit_are_refused_before_compiling():
    traced = types.SimpleNamespace(jaxpr=types.SimpleNamespace(consts=[np.zeros(2**20)]))
    assert jax_memory.constants_bytes(traced) == 8 * 2**20
    with execution.using(jax_memory_bytes=8 * 2**20):
        with pytest.raises(exc.SearchException, match="copies of its 8.00 MiB of dataset"):
            jax_memory.check_constants_fit(traced, "likelihood")
    with execution.using(jax_memory_bytes=2**30):
        jax_memory.check_constants_fit(traced, "likelihood")  # 32 MiB of 1 GiB: fine


def test_out_of_memory_errors_are_recognised():
    assert jax_memory._out_of_memory(MemoryError())
    assert jax_memory._out_of_memory(RuntimeError("RESOURCE_EXHAUSTED: Out of memory"))
    assert not jax_memory._out_of_memory(ValueError("shape mismatch"))


def test_gc_paused_switches_the_collector_off_inside_and_back_on_after():
    import gc

    assert gc.isenabled()
    with jax_memory.gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError, match="inside"):
        with jax_memory.gc_paused():
            raise ValueError("raised inside")
    assert gc.isenabled()


def test_gc_paused_leaves_a_collector_switched_off_by_the_caller_off():
    import gc

    gc.disable()
    try:
        with jax_memory.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Stage:
    """Stands in for JAX's traced / lowered / compiled stages, recording the collector's state."""

    def __init__(self, log):
        self.log = log
        self.jaxpr = types.SimpleNamespace(consts=[])

    def trace(self, *args):
        import gc

        self.log.append(("trace", gc.isenabled()))
        return self

    def lower(self):
        import gc

        self.log.append(("lower", gc.isenabled()))
        return self

    def compile(self):
        import gc

        self.log.append(("compile", gc.isenabled()))
        return self

    def memory_analysis(self):
        return None


def test_a_first_compile_runs_with_the_collector_paused_and_is_kept():
    import gc

    log: list = []
    checked = jax_memory.MemoryCheckedJit.__new__(jax_memory.MemoryCheckedJit)
    checked._jitted = _Stage(log)
    checked.what = "likelihood"
    checked._compiled = {}
    x = np.zeros(3)
    compiled = checked.compiled_for(x)
    assert log == [("trace", False), ("lower", False), ("compile", False)]
    assert gc.isenabled()
    assert checked.compiled_for(x) is compiled and len(log) == 3  # compiled once per shape
