"""Models as PyAutoFit-format dicts (``model.json``): ``Collection.from_dict(d)``, ``model.dict()``.

PyAutoFit's encoding: ``{"type": "collection", "arguments": {name: node}}``;
``{"type": "model", "class_path": ..., "arguments": {name: node}}``; a free parameter
``{"type": "Uniform", "id": 3, "lower_limit": ..., "upper_limit": ...}`` (``Gaussian``,
``TruncatedGaussian``, ``LogUniform`` likewise); a fixed value ``{"type": "Constant",
"value": ...}``; a tuple argument ``{"type": "tuple_prior", "arguments": {"centre_0": node,
...}}``; a fixed object the instance encoding of :mod:`autogalaxy.imaging.model_json`.
Priors with the same ``id`` are one shared parameter. Reading creates each prior where it first
appears (depth first, in argument order), as PyAutoFit does, so a model read here and one read
by PyAutoFit from the same file order their parameter vectors alike.
"""

from __future__ import annotations

import numbers

from autogalaxy import exc
from autogalaxy.modeling.arithmetic import CompoundPrior
from autogalaxy.modeling.model import AbstractModel, Collection, Model, TuplePrior
from autogalaxy.modeling.priors import (
    GaussianPrior,
    LogUniformPrior,
    Prior,
    TruncatedGaussianPrior,
    UniformPrior,
)

#: JSON type name and argument names of each prior class.
_PRIOR_FIELDS = {
    UniformPrior: ("Uniform", ("lower_limit", "upper_limit")),
    LogUniformPrior: ("LogUniform", ("lower_limit", "upper_limit")),
    GaussianPrior: ("Gaussian", ("mean", "sigma")),
    TruncatedGaussianPrior: ("TruncatedGaussian", ("mean", "sigma", "lower_limit", "upper_limit")),
}
_PRIOR_CLASS = {name: (cls, fields) for cls, (name, fields) in _PRIOR_FIELDS.items()}


def prior_to_dict(prior: Prior) -> dict:
    for cls in type(prior).__mro__:
        if cls in _PRIOR_FIELDS:
            name, fields = _PRIOR_FIELDS[cls]
            out = {"type": name, "id": int(prior.id)}
            out.update({f: float(getattr(prior, f)) for f in fields})
            return out
    raise exc.PriorException(f"{type(prior).__name__} has no PyAutoFit JSON encoding.")


def _node_to_dict(name: str, node):
    from autogalaxy.imaging.model_json import model_obj_to_dict

    if isinstance(node, Prior):
        return prior_to_dict(node)
    if isinstance(node, CompoundPrior):
        raise exc.ModelException(
            f"{name} = {node!r} is a derived parameter (prior arithmetic), which model JSON "
            "files cannot hold; write the model before tying parameters."
        )
    if isinstance(node, AbstractModel):
        return model_to_dict(node)
    if isinstance(node, TuplePrior):
        return {
            "type": "tuple_prior",
            "arguments": {
                f"{name}_{i}": _node_to_dict(f"{name}_{i}", c)
                for i, c in enumerate(node.components)
            },
        }
    if node is None:
        return None
    if isinstance(node, (numbers.Real, str, tuple, list)) and not isinstance(node, bool):
        return {"type": "Constant", "value": model_obj_to_dict(node)}
    return model_obj_to_dict(node)


def model_to_dict(model: AbstractModel) -> dict:
    """The PyAutoFit dict of a :class:`Model` or :class:`Collection`."""
    if isinstance(model, Collection):
        return {
            "type": "collection",
            "arguments": {k: _node_to_dict(k, v) for k, v in model.items()},
        }
    from autogalaxy.imaging.class_paths import pyauto_class_path_for

    return {
        "class_path": pyauto_class_path_for(model.cls),
        "type": "model",
        "arguments": {k: _node_to_dict(k, v) for k, v in model._children()},
    }


def _prior_from(entry: dict) -> Prior:
    cls, fields = _PRIOR_CLASS[entry["type"]]
    missing = [f for f in fields if f not in entry]
    if missing:
        raise exc.PriorException(f"Prior entry {entry} lacks {', '.join(missing)}.")
    return cls(**{f: entry[f] for f in fields})


def _node_from(value, priors: dict, top: bool = False):
    from autogalaxy.imaging.class_paths import class_from_path
    from autogalaxy.imaging.model_json import instance_from_dict, model_obj_from_dict

    if not isinstance(value, dict):
        return model_obj_from_dict(value)
    kind = value.get("type")
    if kind in _PRIOR_CLASS:
        if "id" not in value:
            return _prior_from(value)
        if value["id"] not in priors:
            priors[value["id"]] = _prior_from(value)
        return priors[value["id"]]
    if kind == "Constant":
        return model_obj_from_dict(value.get("value"))
    if kind == "tuple_prior":
        items = sorted(
            value.get("arguments", {}).items(), key=lambda kv: int(kv[0].rpartition("_")[2])
        )
        return tuple(_node_from(v, priors) for _, v in items)
    if kind == "collection":
        arguments = value.get("arguments", {})
        nodes = {k: _node_from(v, priors) for k, v in arguments.items()}
        if not top and nodes and all(k.isdigit() for k in nodes):
            # A list argument (e.g. a Basis' profile_list) that PyAutoFit wrote with keys 0..n.
            return [nodes[k] for k in sorted(nodes, key=int)]
        return Collection(nodes)
    if kind == "model":
        cls = class_from_path(value["class_path"])
        arguments = {k: _node_from(v, priors) for k, v in value.get("arguments", {}).items()}
        from autogalaxy.imaging.model_json import _accepts_kwargs, _constructor_names

        if not _accepts_kwargs(cls):
            accepted = set(_constructor_names(cls))
            arguments = {k: v for k, v in arguments.items() if k in accepted}
        return Model(cls, **arguments)
    if kind == "instance":
        cls = class_from_path(value["class_path"])
        arguments = {k: model_obj_from_dict(v) for k, v in value.get("arguments", {}).items()}
        return instance_from_dict(cls, arguments)
    return model_obj_from_dict(value)


def model_from_dict(value: dict) -> AbstractModel:
    """The :class:`Model` / :class:`Collection` of a PyAutoFit model dict."""
    if not isinstance(value, dict) or value.get("type") not in ("model", "collection"):
        raise exc.ModelException(
            f"A model dict needs type 'model' or 'collection', got {str(value)[:80]!r}."
        )
    return _node_from(value, {}, top=True)
