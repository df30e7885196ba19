"""autoarray.jax_dispatch: the jax_cpu_async_dispatch setting reaches JAX's configuration."""

import sys
import types

from autoarray import execution, jax_dispatch


def _fake_jax(monkeypatch) -> dict:
    updates: dict = {}
    fake = types.ModuleType("jax")
    fake.config = types.SimpleNamespace(update=lambda name, value: updates.__setitem__(name, value))
    monkeypatch.setitem(sys.modules, "jax", fake)
    monkeypatch.setattr(jax_dispatch, "_applied", None)
    return updates


def test_inline_dispatch_is_the_default():
    assert execution.ExecutionSettings().jax_cpu_async_dispatch is False


def test_the_setting_is_written_once_per_value(monkeypatch):
    updates = _fake_jax(monkeypatch)
    jax_dispatch.apply_jax_cpu_dispatch()
    assert updates == {"jax_cpu_enable_async_dispatch": False}
    updates.clear()
    jax_dispatch.apply_jax_cpu_dispatch()  # same value: a user's own later choice is kept
    assert updates == {}
    with execution.using(jax_cpu_async_dispatch=True):
        jax_dispatch.apply_jax_cpu_dispatch()
        assert updates == {"jax_cpu_enable_async_dispatch": True}


def test_nothing_is_written_before_jax_is_imported(monkeypatch):
    monkeypatch.delitem(sys.modules, "jax", raising=False)
    monkeypatch.setattr(jax_dispatch, "_applied", None)
    jax_dispatch.apply_jax_cpu_dispatch()
    assert jax_dispatch._applied is None
    assert "jax" not in sys.modules
