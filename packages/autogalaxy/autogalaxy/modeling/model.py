"""Model composition: :class:`Model` (one class and its constructor arguments) and
:class:`Collection` (a container of models), plus the conversion of user-supplied values to
model-tree nodes.

The tree walking and the vector-to-instance mapping they share are :class:`AbstractModel`
(:mod:`autogalaxy.modeling.abstract_model`); :class:`ModelInstance` is what a collection
instantiates to (:mod:`autogalaxy.modeling.model_instance`). All are importable from here.
"""

from __future__ import annotations

import inspect
from typing import Any

from autogalaxy import exc
from autogalaxy.modeling import prior_config
from autogalaxy.modeling.abstract_model import (
    _TUPLE_COMPONENT,
    AbstractModel,
    TuplePrior,
    _instance_of,
    _is_number,
    _structure_changed,
)
from autogalaxy.modeling.arithmetic import CompoundPrior
from autogalaxy.modeling.model_instance import ModelInstance
from autogalaxy.modeling.priors import Prior, next_id

__all__ = ["AbstractModel", "Collection", "Model", "ModelInstance", "TuplePrior"]


def _convert(value):
    """Turn a user-supplied attribute value into a model-tree node."""
    if isinstance(value, (Prior, AbstractModel, TuplePrior)):
        return value
    if inspect.isclass(value):
        return Model(value)
    if (
        isinstance(value, tuple)
        and value
        and all(_is_number(v) or isinstance(v, (Prior, CompoundPrior)) for v in value)
    ):
        return TuplePrior(list(value))
    if isinstance(value, list) and any(
        isinstance(v, (Prior, AbstractModel)) or inspect.isclass(v) for v in value
    ):
        return Collection(value, _as_list=True)
    if isinstance(value, dict) and any(
        isinstance(v, (Prior, AbstractModel)) or inspect.isclass(v) for v in value.values()
    ):
        return Collection(value)
    return value


class Model(AbstractModel):
    """Model of class ``cls`` whose constructor arguments are priors, fixed values or sub-models.

    ``Model(Isothermal, einstein_radius=UniformPrior(0.5, 2.0), centre=(0.0, 0.0))``:
    numbers fix values, priors / models are used as given, classes become nested models, tuples
    become :class:`TuplePrior` (one component per element), and unspecified arguments get their
    default prior from ``modeling/config/priors.json`` (class MRO, then argument name), or keep
    their constructor default when the table has no entry. Keyword arguments that are not
    constructor arguments become attributes of the instance, which requires ``cls`` to accept
    ``**kwargs`` (e.g. ``Galaxy``).
    """

    def __init__(self, cls: type, **kwargs) -> None:
        if not inspect.isclass(cls):
            raise exc.ModelException(f"Model needs a class, got {cls!r}.")
        object.__setattr__(self, "cls", cls)
        object.__setattr__(self, "id", next_id())
        try:
            signature = inspect.signature(cls)
        except (TypeError, ValueError) as err:
            raise exc.ModelException(f"Cannot inspect the constructor of {cls.__name__}.") from err
        args, var_kwargs = [], False
        for param in signature.parameters.values():
            if param.kind is param.VAR_KEYWORD:
                var_kwargs = True
            elif param.kind is not param.VAR_POSITIONAL:
                args.append(param)
        object.__setattr__(self, "_constructor_args", tuple(p.name for p in args))
        object.__setattr__(self, "_accepts_kwargs", var_kwargs)

        unknown = [k for k in kwargs if k not in self._constructor_args]
        if unknown and not var_kwargs:
            raise exc.ModelException(
                f"{cls.__name__} has no constructor argument(s) {', '.join(unknown)}; "
                f"valid arguments are: {', '.join(self._constructor_args)}."
            )
        for param in args:
            name = param.name
            if name in kwargs:
                setattr(self, name, kwargs[name])
            else:
                object.__setattr__(self, name, self._default_node(param))
        for name in kwargs:
            if name not in self._constructor_args:
                setattr(self, name, kwargs[name])

    def _default_node(self, param: inspect.Parameter):
        default = param.default
        name = param.name
        if isinstance(default, tuple) and default and all(_is_number(v) for v in default):
            comps = []
            for i, value in enumerate(default):
                prior = prior_config.default_prior_for(self.cls, name, i)
                comps.append(value if prior is None else prior)
            return TuplePrior(comps)
        prior = prior_config.default_prior_for(self.cls, name)
        if prior is not None:
            return prior
        if default is inspect.Parameter.empty:
            raise exc.ModelException(
                f"No default prior for {self.cls.__name__}.{name} (not in the prior table and the "
                f"constructor gives no default): pass {name}=... to Model()."
            )
        return default

    def _info_header(self, name: str) -> str:
        return f"{name} ({self.cls.__name__})"

    # ---------------------------------------------------------------- attributes
    def _children(self) -> list[tuple[str, Any]]:
        return [
            (k, v)
            for k, v in self.__dict__.items()
            if not k.startswith("_") and k not in ("cls", "id")
        ]

    def _tuple_component(self, name: str):
        match = _TUPLE_COMPONENT.match(name)
        if match is None:
            return None, None
        base, index = match.group(1), int(match.group(2))
        node = self.__dict__.get(base)
        if isinstance(node, TuplePrior) and index < len(node):
            return node, index
        return None, None

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        node, index = self._tuple_component(name)
        if node is not None:
            return node[index]
        raise AttributeError(
            f"Model({self.__dict__.get('cls', type(None)).__name__}) has no attribute {name!r}."
        )

    def __setattr__(self, name: str, value) -> None:
        if name.startswith("_") or name in ("cls", "id"):
            object.__setattr__(self, name, value)
            return
        if name not in self.__dict__:
            node, index = self._tuple_component(name)
            if node is not None:
                node[index] = value
                return
        object.__setattr__(self, name, _convert(value))
        _structure_changed()

    @property
    def constructor_argument_names(self) -> tuple[str, ...]:
        return self._constructor_args

    # ---------------------------------------------------------------- instance
    def instance_for_arguments(self, arguments: dict):
        ctor, extra = {}, {}
        for name, node in self._children():
            value = _instance_of(node, arguments)
            if name in self._constructor_args or self._accepts_kwargs:
                ctor[name] = value
            else:
                extra[name] = value
        instance = self.cls(**ctor)
        for name, value in extra.items():
            # PyAutoFit adds a model's extra constants only where the instance has no such
            # attribute: one the constructor (or class) already defines is left as it is
            if not hasattr(instance, name):
                setattr(instance, name, value)
        return instance


class Collection(AbstractModel):
    """Container of models, priors and values: ``Collection(lens=..., source=...)`` or
    ``Collection([model_a, model_b])``. Instantiates to a :class:`ModelInstance` (or a ``list``
    when it was created from a list inside a :class:`Model` argument)."""

    def __init__(self, *args, _as_list: bool = False, **kwargs) -> None:
        object.__setattr__(self, "id", next_id())
        object.__setattr__(self, "_items", {})
        object.__setattr__(self, "_as_list", _as_list)
        single = args[0] if len(args) == 1 else None
        if isinstance(single, dict):
            items = list(single.items())
        elif (
            single is not None
            and not isinstance(single, (AbstractModel, Prior, str, bytes))
            and hasattr(single, "__iter__")
        ):
            items = [(str(i), v) for i, v in enumerate(single)]
        else:
            items = [(str(i), v) for i, v in enumerate(args)]
        # PyAutoFit counts the items added by position (list / *args / append); its output
        # identifier hashes that count, so it is kept (dict and keyword items do not count)
        object.__setattr__(self, "_item_number", 0 if isinstance(single, dict) else len(items))
        items += list(kwargs.items())
        for key, value in items:
            self._items[str(key)] = _convert(value)

    def _children(self):
        return list(self._items.items())

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        items = self.__dict__.get("_items", {})
        if name in items:
            return items[name]
        raise AttributeError(f"Collection has no item {name!r}.")

    def __setattr__(self, name: str, value) -> None:
        if name.startswith("_") or name == "id":
            object.__setattr__(self, name, value)
        else:
            self._items[name] = _convert(value)
            _structure_changed()

    def __getitem__(self, item):
        if isinstance(item, str):
            return self._items[item]
        return list(self._items.values())[item]

    def __setitem__(self, key, value) -> None:
        self._items[str(key)] = _convert(value)
        _structure_changed()

    def __iter__(self):
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def items(self):
        return list(self._items.items())

    def append(self, value) -> None:
        self._items[str(len(self._items))] = _convert(value)
        object.__setattr__(self, "_item_number", self._item_number + 1)

    def instance_for_arguments(self, arguments: dict):
        values = {k: _instance_of(v, arguments) for k, v in self._items.items()}
        if self._as_list:
            return list(values.values())
        return ModelInstance(values)
