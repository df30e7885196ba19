"""Make a reference script import the public PyAuto releases, never this checkout's packages.

This monorepo's packages carry the releases' names (``autoarray``, ``autogalaxy``,
``autolens``). ``hatch run`` and the development wrappers put their folders on ``PYTHONPATH``,
and a reference virtual environment started from such a shell would import *this* code: the
"reference" figure would then compare the code with itself (it happened to the point-source
benchmarks). A reference script calls :func:`require_release` before anything else; a script
that starts one uses :func:`release_env`.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

PACKAGES = Path(__file__).resolve().parents[2] / "packages"


def _in_checkout(path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(PACKAGES)
    except (OSError, ValueError):
        return False


def require_release(names=("autoarray", "autogalaxy", "autolens")) -> None:
    """Drop this checkout's package folders from ``sys.path``, import ``names`` and stop
    (``SystemExit``) unless each comes from outside the checkout."""
    sys.path[:] = [entry for entry in sys.path if not _in_checkout(entry or ".")]
    for name in names:
        module = importlib.import_module(name)
        if _in_checkout(module.__file__):
            raise SystemExit(
                f"{name} was imported from this checkout ({module.__file__}), not from the "
                "reference release; run this script with the reference venv's Python and "
                "without PYTHONPATH."
            )


def release_env() -> dict:
    """This process's environment without ``PYTHONPATH``: for starting a reference script."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
