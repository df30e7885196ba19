"""
Lazy look-up of the profile base classes a galaxy sorts its components by.

The profile modules import autoarray-heavy code and may themselves import the galaxy package,
so the classes are resolved at call time (and cached once found) rather than at import.
"""

from __future__ import annotations

import importlib

_CANDIDATES = {
    "LightProfile": (
        "autogalaxy.profiles.light.abstract",
        "autogalaxy.profiles.light",
    ),
    "LightProfileLinear": (
        "autogalaxy.profiles.light.linear.abstract",
        "autogalaxy.profiles.light.linear",
        "autogalaxy.profiles.light.abstract",
        "autogalaxy.profiles.light",
    ),
    "LightProfileOperated": (
        "autogalaxy.profiles.light.operated.abstract",
        "autogalaxy.profiles.light.operated",
        "autogalaxy.profiles.light.abstract",
        "autogalaxy.profiles.light",
    ),
    "Basis": (
        "autogalaxy.profiles.basis",
        "autogalaxy.profiles.light.basis",
        "autogalaxy.profiles.light",
    ),
    "MassProfile": (
        "autogalaxy.profiles.mass.abstract",
        "autogalaxy.profiles.mass.abstract.abstract",
        "autogalaxy.profiles.mass",
    ),
    "Pixelization": (
        "autoarray.inversion.pixelization",
        "autoarray",
    ),
}

_found: dict = {}


class _Never:
    """Placeholder for a base class whose module does not exist: nothing is an instance."""


def profile_class(name: str) -> type:
    """The class ``name`` (e.g. ``"LightProfile"``) or ``_Never`` if it does not exist (yet)."""
    if name in _found:
        return _found[name]
    for module_name in _CANDIDATES[name]:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        cls = getattr(module, name, None)
        if isinstance(cls, type):
            _found[name] = cls
            return cls
    return _Never


def basis_members(basis) -> list:
    """The light profiles inside a ``Basis``."""
    for attribute in ("profile_list", "light_profile_list"):
        members = getattr(basis, attribute, None)
        if members is not None:
            return list(members)
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
    bases = [profile_class(name) for name in
             ("Basis", "LightProfileLinear", "LightProfileOperated", "LightProfile")]
    if issubclass(cls, bases[0]):
        kind = "basis"
    elif issubclass(cls, bases[1]):
        kind = "linear"
    elif issubclass(cls, bases[2]) and issubclass(cls, bases[3]):
        kind = "operated"
    elif issubclass(cls, bases[3]):
        kind = "standard"
    else:
        kind = None
    if _Never not in bases:
        _KIND_BY_TYPE[cls] = kind
    return kind


def is_linear(profile) -> bool:
    return isinstance(profile, profile_class("LightProfileLinear"))


def is_operated(profile) -> bool:
    return isinstance(profile, profile_class("LightProfileOperated"))
