"""Default-prior lookup from the packaged table ``modeling/config/priors.json``.

The table has two parts: ``classes`` (class name -> argument name -> prior entry) searched along
the MRO of the modelled class, and ``generic`` (argument name -> prior entry) used as fallback.
Tuple arguments are looked up as ``<name>_<index>`` first and ``<name>`` second.

A class is looked up as ``<family>.<Name>`` (``lp.Sersic``, ``lp_linear.Sersic``, ``mp.Sersic``,
...; the family is the public module alias its module belongs to) before its bare ``Name``, because
PyAutoLens gives same-named classes of different families different priors. An entry that is
``null`` means "no prior": the argument keeps its constructor default as a fixed value and the
search stops there.
Users can add or override entries with :func:`register_priors`.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

from autogalaxy.modeling.priors import Prior, prior_from_dict

_CONFIG_PATH = Path(__file__).parent / "config" / "priors.json"
_overrides: dict = {"classes": {}, "generic": {}}


@functools.lru_cache(maxsize=1)
def _packaged_table() -> dict:
    with open(_CONFIG_PATH, encoding="utf-8") as f:
        table = json.load(f)
    return {"classes": table.get("classes", {}), "generic": table.get("generic", {})}


def register_priors(classes: dict | None = None, generic: dict | None = None) -> None:
    """Add or override default priors.

    ``classes``: ``{"Isothermal": {"einstein_radius": {"type": "Uniform", "lower_limit": 0,
    "upper_limit": 4}}}``; ``generic``: ``{"einstein_radius": {...}}``. Later calls win.
    """
    for cls_name, entries in (classes or {}).items():
        _overrides["classes"].setdefault(cls_name, {}).update(copy.deepcopy(entries))
    _overrides["generic"].update(copy.deepcopy(generic or {}))


def reset_registered_priors() -> None:
    """Forget every entry added with :func:`register_priors`."""
    _overrides["classes"].clear()
    _overrides["generic"].clear()


# Module prefix -> public family alias; the longest (most specific) prefixes come first.
_FAMILIES = (
    ("autogalaxy.profiles.light_and_mass.linear", "lmp_linear"),
    ("autogalaxy.profiles.light_and_mass", "lmp"),
    ("autogalaxy.profiles.light.linear", "lp_linear"),
    ("autogalaxy.profiles.light.snr", "lp_snr"),
    ("autogalaxy.profiles.light", "lp"),
    ("autogalaxy.profiles.mass", "mp"),
    ("autogalaxy.profiles.point_sources", "ps"),
)


def _class_keys(klass: type) -> list[str]:
    module = getattr(klass, "__module__", "") or ""
    for prefix, family in _FAMILIES:
        if module == prefix or module.startswith(prefix + "."):
            return [f"{family}.{klass.__name__}", klass.__name__]
    return [klass.__name__]


def _entry_for(cls: type, keys: list[str]) -> dict | None:
    table = _packaged_table()
    for klass in getattr(cls, "__mro__", (cls,)):
        # A user's registered entry for a class beats the packaged one, qualified or not.
        for source in (_overrides["classes"], table["classes"]):
            for class_key in _class_keys(klass):
                entries = source.get(class_key)
                if entries:
                    for key in keys:
                        if key in entries:
                            return entries[key]
    for source in (_overrides["generic"], table["generic"]):
        for key in keys:
            if key in source:
                return source[key]
    return None


def default_prior_for(cls: type, name: str, index: int | None = None) -> Prior | None:
    """A fresh default prior for argument ``name`` (component ``index`` of a tuple argument) of
    ``cls``, or ``None`` when the table has no entry."""
    keys = [name] if index is None else [f"{name}_{index}", name]
    entry = _entry_for(cls, keys)
    if entry is None:
        return None
    return prior_from_dict(entry)
