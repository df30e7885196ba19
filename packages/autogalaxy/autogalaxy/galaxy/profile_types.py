"""
Look-up of the profile base classes a galaxy sorts its components by.

The profile modules import autoarray-heavy code and some import the galaxy package, so each
class is imported from its one defining module at call time (and cached) rather than at import.
"""

from __future__ import annotations

import importlib
from typing import Any

from autogalaxy import exc

#: Base class name -> the module that defines it.
_MODULES = {
    "LightProfile": "autogalaxy.profiles.light.abstract",
    "LightProfileLinear": "autogalaxy.profiles.light.linear.abstract",
    "LightProfileOperated": "autogalaxy.profiles.light.operated",
    "Basis": "autogalaxy.profiles.light.basis",
    "MassProfile": "autogalaxy.profiles.mass.abstract",
}

_found: dict = {}


def profile_class(name: str) -> Any:
    """The profile base class ``name`` (one of ``LightProfile``, ``LightProfileLinear``,
    ``LightProfileOperated``, ``Basis``, ``MassProfile``)."""
    cls = _found.get(name)
    if cls is None:
        module = _MODULES.get(name)
        if module is None:
            raise exc.GalaxyException(
                f"unknown profile base class {name!r}; expected one of {sorted(_MODULES)}."
            )
        cls = getattr(importlib.import_module(module), name)
        _found[name] = cls
    return cls


def basis_members(component) -> list:
    """The light profiles inside a ``Basis`` (empty for any other component)."""
    if isinstance(component, profile_class("Basis")):
        return list(component.profile_list)
    return []


_KIND_BY_TYPE: dict = {}


def light_kind(component) -> str | None:
    """``"basis"``, ``"linear"``, ``"operated"`` or ``"standard"`` for a light component, None
    for anything else (mass profiles, ...). Cached per type: fits ask for every component of
    every galaxy several times per likelihood."""
    cls = type(component)
    kind = _KIND_BY_TYPE.get(cls, False)
    if kind is not False:
        return kind
    basis, linear, operated, light = (
        profile_class(name)
        for name in ("Basis", "LightProfileLinear", "LightProfileOperated", "LightProfile")
    )
    if issubclass(cls, basis):
        kind = "basis"
    elif issubclass(cls, linear):
        kind = "linear"
    elif issubclass(cls, operated) and issubclass(cls, light):
        kind = "operated"
    elif issubclass(cls, light):
        kind = "standard"
    else:
        kind = None
    _KIND_BY_TYPE[cls] = kind
    return kind


def is_linear(profile) -> bool:
    return isinstance(profile, profile_class("LightProfileLinear"))


def is_operated(profile) -> bool:
    return isinstance(profile, profile_class("LightProfileOperated"))
