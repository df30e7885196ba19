"""Helpers for the packages' own tests (like ``numpy.testing``); nothing here is used at run time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Mapping


def run_python(
    code: str,
    source_dirs: Iterable[Path | str],
    env_updates: Mapping[str, str] | None = None,
    drop: Iterable[str] = (),
    timeout: float = 120.0,
) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter with ``source_dirs`` first on ``PYTHONPATH``.

    Used to check import-time behaviour (e.g. that importing a package does not import JAX)
    against this checkout's sources. ``drop`` removes environment variables, ``env_updates``
    sets them; the result has ``returncode``, ``stdout`` and ``stderr`` as text.
    """
    env = dict(os.environ)
    for name in drop:
        env.pop(name, None)
    env.update(env_updates or {})
    env["PYTHONPATH"] = os.pathsep.join(
        [str(d) for d in source_dirs]
        + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=timeout
    )


def imported_file_without_jax(package: str, source_dirs: Iterable[Path | str]) -> Path:
    """Import ``package`` in a fresh interpreter (``source_dirs`` first on the path), assert
    that JAX was not imported with it, and return the resolved file it was imported from."""
    result = run_python(
        f"import {package}, sys; assert 'jax' not in sys.modules, 'jax imported'; "
        f"print({package}.__file__)",
        source_dirs,
    )
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip()).resolve()


__all__ = ["imported_file_without_jax", "run_python"]
