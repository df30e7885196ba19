"""PyAutoGalaxy / PyAutoLens class paths <-> this project's classes, for JSON interop.

PyAutoLens names each object in its JSON files by its class path
(``autogalaxy.profiles.light.standard.sersic.Sersic``). Several of this project's classes live
in other modules (``Exponential`` is in ``sersic.py`` here), so the paths are translated through
the public name both projects share (``lp.Exponential``). ``pyauto_class_paths.json`` lists
PyAutoLens 2026.10.26.1's path for each public name (``{"lp.Sersic": "autogalaxy...Sersic"}``).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
from pathlib import Path

from autogalaxy import exc

_TABLE_FILE = Path(__file__).with_name("pyauto_class_paths.json")

#: Public namespace name -> module of this project holding those classes.
_NAMESPACES = {
    "lp": "autogalaxy.profiles.light.standard",
    "lp_linear": "autogalaxy.profiles.light.linear",
    "lp_basis": "autogalaxy.profiles.light.basis",
    "lp_operated": "autogalaxy.profiles.light.standard_operated",
    "lp_linear_operated": "autogalaxy.profiles.light.linear_operated",
    "mp": "autogalaxy.profiles.mass",
    "lmp": "autogalaxy.profiles.light_and_mass",
    "lmp_linear": "autogalaxy.profiles.light_and_mass.linear",
    "lp_snr": "autogalaxy.profiles.light.snr",
    "cosmo": "autogalaxy.cosmology",
}
_TOP_LEVEL = {
    "Galaxy": "autogalaxy.galaxy.galaxy",
    "Galaxies": "autogalaxy.galaxy.galaxies",
    "Tracer": "autolens.lens.tracer",
}


@functools.lru_cache(maxsize=1)
def _pyauto_paths() -> dict:
    """``{"lp.Sersic": PyAutoLens class path}``."""
    return json.loads(_TABLE_FILE.read_text())


def _class_for_name(name: str):
    """This project's class for a public name such as ``lp.Sersic`` or ``Tracer`` (or None)."""
    namespace, _, attribute = name.rpartition(".")
    module_name = _NAMESPACES.get(namespace) if namespace else _TOP_LEVEL.get(attribute)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    cls = getattr(module, attribute, None)
    return cls if inspect.isclass(cls) else None


@functools.lru_cache(maxsize=1)
def _name_for_class() -> dict:
    """``{our class: public name}`` for every public name both projects have."""
    out = {}
    for name in _pyauto_paths():
        cls = _class_for_name(name)
        if cls is not None:
            out.setdefault(cls, name)
    return out


@functools.lru_cache(maxsize=1)
def _name_for_pyauto_path() -> dict:
    return {path: name for name, path in _pyauto_paths().items()}


def pyauto_class_path_for(cls) -> str:
    """The class path PyAutoLens uses for ``cls`` (this project's own path for classes that
    PyAutoLens does not have, e.g. a user's class)."""
    name = _name_for_class().get(cls)
    if name is not None:
        return _pyauto_paths()[name]
    return f"{cls.__module__}.{cls.__qualname__}"


def class_from_path(class_path: str):
    """The class named by ``class_path``: a PyAutoLens path, or a path of this project."""
    name = _name_for_pyauto_path().get(class_path)
    if name is not None:
        cls = _class_for_name(name)
        if cls is not None:
            return cls
    module_name, _, attribute = class_path.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module_name), attribute, None)
    except ImportError:
        cls = None
    if not inspect.isclass(cls):
        public = f" ({name} in PyAutoLens)" if name else ""
        raise exc.ModelException(
            f"The JSON names class {class_path!r}{public}, which this project does not provide."
        )
    return cls
