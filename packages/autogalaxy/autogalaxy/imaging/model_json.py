"""JSON files of galaxies, tracers and models in PyAutoLens's format (``al.output_to_json`` /
``al.from_json``), so files move both ways between this project and PyAutoLens.

Encoding (PyAutoLens / autoconf's): an object is ``{"type": "instance", "class_path": ...,
"arguments": {constructor argument: value}}``; a tuple ``{"type": "tuple", "values": [...]}``,
a list ``{"type": "list", "values": [...]}``, a dict ``{"type": "dict", "arguments": {...}}``,
an array ``{"type": "ndarray", "array": [...], "dtype": ...}``; numbers, strings, booleans and
None as themselves. Models (``"type": "model"`` / ``"collection"``) are handled by
:mod:`autogalaxy.modeling.model_dict`. Class paths are PyAutoLens's (see :mod:`class_paths`).

Files written by earlier versions of this project (tuples and lists as bare JSON lists) still
read: a bare list of two numbers is read as a tuple.
"""

from __future__ import annotations

import inspect
import json
import numbers
import os

import numpy as np

from autogalaxy.imaging.class_paths import class_from_path, pyauto_class_path_for

_MODEL_TYPES = ("model", "collection")


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


def _accepts_kwargs(cls) -> bool:
    try:
        parameters = inspect.signature(cls.__init__).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.kind == p.VAR_KEYWORD for p in parameters)


def _is_galaxy(obj) -> bool:
    from autogalaxy.galaxy.galaxy import Galaxy

    return isinstance(obj, Galaxy)


def _is_array(obj) -> bool:
    return isinstance(obj, np.ndarray) or (
        hasattr(obj, "__array__") and hasattr(obj, "dtype") and not hasattr(obj, "__dict__")
    )


def _irregular_structure_to_dict(obj):
    """``Grid2DIrregular`` / ``ArrayIrregular`` by their ``values`` (point-source datasets)."""
    from autoarray import ArrayIrregular, Grid2DIrregular

    if not isinstance(obj, (ArrayIrregular, Grid2DIrregular)):
        return None
    values = np.asarray(obj.array)
    return {
        "type": "instance",
        "class_path": pyauto_class_path_for(type(obj)),
        "arguments": {
            "values": {"type": "ndarray", "array": values.tolist(), "dtype": str(values.dtype)}
        },
    }


def model_obj_to_dict(obj):
    """The PyAutoLens JSON description of ``obj`` (galaxies, profiles, tracers, models, ...)."""
    from autogalaxy.modeling.model import AbstractModel

    if isinstance(obj, AbstractModel):
        from autogalaxy.modeling.model_dict import model_to_dict

        return model_to_dict(obj)
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, numbers.Integral):
        return int(obj)
    if isinstance(obj, numbers.Real):
        return float(obj)
    irregular = _irregular_structure_to_dict(obj)
    if irregular is not None:
        return irregular
    if _is_array(obj):
        array = np.asarray(obj)
        if array.ndim == 0:
            return array.item()
        return {"type": "ndarray", "array": array.tolist(), "dtype": str(array.dtype)}
    if type(obj) is tuple:
        return {"type": "tuple", "values": [model_obj_to_dict(v) for v in obj]}
    if type(obj) is list:
        return {"type": "list", "values": [model_obj_to_dict(v) for v in obj]}
    if type(obj) is dict:
        return {"type": "dict", "arguments": {str(k): model_obj_to_dict(v) for k, v in obj.items()}}
    if _is_galaxy(obj):
        arguments = {"redshift": model_obj_to_dict(obj.redshift), "label": obj.label}
        for name, value in vars(obj).items():
            if name in ("id", "redshift", "label") or name.startswith("_"):
                continue
            arguments[name] = model_obj_to_dict(value)
        return _instance_dict(obj, arguments)
    tracer_galaxies = getattr(obj, "galaxies", None)
    if tracer_galaxies is not None and hasattr(obj, "cosmology"):
        return _instance_dict(
            obj,
            {
                "galaxies": {
                    "type": "list",
                    "values": [model_obj_to_dict(g) for g in tracer_galaxies],
                },
                "cosmology": model_obj_to_dict(obj.cosmology),
            },
        )
    if isinstance(obj, list):  # list subclasses (Galaxies) are written as PyAutoLens lists
        return {"type": "list", "values": [model_obj_to_dict(v) for v in obj]}
    arguments = {}
    for name in _constructor_names(type(obj)):
        if hasattr(obj, name):
            arguments[name] = model_obj_to_dict(getattr(obj, name))
    return _instance_dict(obj, arguments)


def _instance_dict(obj, arguments: dict) -> dict:
    return {
        "type": "instance",
        "class_path": pyauto_class_path_for(type(obj)),
        "arguments": arguments,
    }


def instance_from_dict(cls, arguments: dict):
    """``cls(**arguments)``; arguments ``cls`` does not take are set as attributes when ``cls``
    accepts ``**kwargs`` (galaxies) and otherwise dropped (PyAutoLens writes a few internal
    constructor arguments, e.g. ``Tracer(fields=[])``, that carry nothing here)."""
    if _accepts_kwargs(cls):
        return cls(**arguments)
    accepted = set(_constructor_names(cls))
    return cls(**{k: v for k, v in arguments.items() if k in accepted})


def model_obj_from_dict(value):
    """Inverse of :func:`model_obj_to_dict` (also reads the files PyAutoLens writes)."""
    if isinstance(value, list):
        items = [model_obj_from_dict(v) for v in value]
        if len(items) == 2 and all(isinstance(v, numbers.Real) for v in items):
            return tuple(items)
        return items
    if not isinstance(value, dict):
        return value
    kind = value.get("type")
    if kind in _MODEL_TYPES:
        from autogalaxy.modeling.model_dict import model_from_dict

        return model_from_dict(value)
    if kind == "ndarray":
        return np.asarray(value["array"], dtype=value.get("dtype", "float64"))
    if kind == "tuple":
        return tuple(model_obj_from_dict(v) for v in value.get("values", []))
    if kind == "list":
        return [model_obj_from_dict(v) for v in value.get("values", [])]
    if kind == "dict":
        return {k: model_obj_from_dict(v) for k, v in value.get("arguments", {}).items()}
    if kind == "instance":
        cls = class_from_path(value["class_path"])
        arguments = {k: model_obj_from_dict(v) for k, v in value.get("arguments", {}).items()}
        return instance_from_dict(cls, arguments)
    return {k: model_obj_from_dict(v) for k, v in value.items()}


def model_obj_to_json(obj, file_path) -> None:
    """Write the JSON description of ``obj`` atomically (PyAutoLens's ``output_to_json``)."""
    from autogalaxy.modeling.output import atomic_write_text

    atomic_write_text(file_path, json.dumps(model_obj_to_dict(obj), indent=4))
    make_readable(file_path)


def make_readable(file_path) -> None:
    """Give an atomically written file (created 0600 by ``mkstemp``) the usual 0644 mode."""
    try:
        os.chmod(file_path, 0o644)
    except OSError:
        pass


def model_obj_from_json(file_path):
    """Read a JSON file written by :func:`model_obj_to_json` or by PyAutoLens (``from_json``)."""
    with open(file_path) as f:
        return model_obj_from_dict(json.load(f))
