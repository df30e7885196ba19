"""JSON description of galaxies / tracers: ``{"type": "instance", "class_path": ..., "arguments":
{...}}`` per object, arrays as ``{"type": "ndarray", "array": [...], "dtype": ...}``.

Objects are described by their constructor arguments, read back from attributes of the same
name; galaxies by ``redshift``, ``label`` and their named components. Tuples are written as
lists and numeric lists of length 2 (centres, ellipticity components) are read back as tuples.
"""

from __future__ import annotations

import importlib
import inspect
import json
import numbers
import os

import numpy as np


def _class_path(obj) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _constructor_names(cls) -> list:
    try:
        signature = inspect.signature(cls.__init__)
    except (TypeError, ValueError):
        return []
    return [
        p.name
        for p in signature.parameters.values()
        if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


def _is_galaxy(obj) -> bool:
    from autogalaxy.galaxy.galaxy import Galaxy

    return isinstance(obj, Galaxy)


def _irregular_structure_to_dict(obj):
    """``Grid2DIrregular`` / ``ArrayIrregular`` by their ``values`` (point-source datasets)."""
    from autoarray import ArrayIrregular, Grid2DIrregular

    if not isinstance(obj, (ArrayIrregular, Grid2DIrregular)):
        return None
    values = np.asarray(obj.array)
    return {
        "type": "instance",
        "class_path": _class_path(obj),
        "arguments": {"values": {"type": "ndarray", "array": values.tolist(), "dtype": str(values.dtype)}},
    }


def model_obj_to_dict(obj):
    """A JSON-compatible description of ``obj`` (galaxies, profiles, tracers, numbers)."""
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, numbers.Integral):
        return int(obj)
    if isinstance(obj, numbers.Real):
        return float(obj)
    irregular = _irregular_structure_to_dict(obj)
    if irregular is not None:
        return irregular
    if isinstance(obj, np.ndarray) or hasattr(obj, "__array__") and hasattr(obj, "dtype") and not hasattr(obj, "__dict__"):
        array = np.asarray(obj)
        if array.ndim == 0:
            return float(array)
        return {"type": "ndarray", "array": array.tolist(), "dtype": str(array.dtype)}
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "redshift") and type(obj) in (list, tuple):
        return [model_obj_to_dict(v) for v in obj]
    if _is_galaxy(obj):
        arguments = {"redshift": model_obj_to_dict(obj.redshift), "label": obj.label}
        for name, value in vars(obj).items():
            if name in ("id", "redshift", "label"):
                continue
            arguments[name] = model_obj_to_dict(value)
        return {"type": "instance", "class_path": _class_path(obj), "arguments": arguments}
    tracer_galaxies = getattr(obj, "galaxies", None)
    if tracer_galaxies is not None and hasattr(obj, "cosmology"):
        return {
            "type": "instance",
            "class_path": _class_path(obj),
            "arguments": {
                "galaxies": [model_obj_to_dict(g) for g in tracer_galaxies],
                "cosmology": model_obj_to_dict(obj.cosmology),
            },
        }
    arguments = {}
    for name in _constructor_names(type(obj)):
        if hasattr(obj, name):
            arguments[name] = model_obj_to_dict(getattr(obj, name))
    return {"type": "instance", "class_path": _class_path(obj), "arguments": arguments}


def _import(class_path: str):
    module, _, name = class_path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def model_obj_from_dict(value):
    """Inverse of :func:`model_obj_to_dict`."""
    if isinstance(value, list):
        items = [model_obj_from_dict(v) for v in value]
        if len(items) == 2 and all(isinstance(v, numbers.Real) for v in items):
            return tuple(items)
        return items
    if not isinstance(value, dict):
        return value
    kind = value.get("type")
    if kind == "ndarray":
        return np.asarray(value["array"], dtype=value.get("dtype", "float64"))
    if kind == "instance":
        cls = _import(value["class_path"])
        arguments = {k: model_obj_from_dict(v) for k, v in value.get("arguments", {}).items()}
        accepted = _constructor_names(cls)
        try:
            has_var_kwargs = any(
                p.kind == p.VAR_KEYWORD for p in inspect.signature(cls.__init__).parameters.values()
            )
        except (TypeError, ValueError):
            has_var_kwargs = False
        if has_var_kwargs:
            return cls(**arguments)
        kwargs = {k: v for k, v in arguments.items() if k in accepted}
        obj = cls(**kwargs)
        for k, v in arguments.items():
            if k not in accepted:
                setattr(obj, k, v)
        return obj
    return {k: model_obj_from_dict(v) for k, v in value.items()}


def model_obj_to_json(obj, file_path) -> None:
    """Write the JSON description of ``obj`` atomically."""
    from autogalaxy.modeling.output import atomic_write_text

    atomic_write_text(file_path, json.dumps(model_obj_to_dict(obj), indent=2))
    make_readable(file_path)


def make_readable(file_path) -> None:
    """Give an atomically written file (created 0600 by ``mkstemp``) the usual 0644 mode."""
    try:
        os.chmod(file_path, 0o644)
    except OSError:
        pass


def model_obj_from_json(file_path):
    with open(file_path) as f:
        return model_obj_from_dict(json.load(f))
