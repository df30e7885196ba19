"""Model composition: :class:`Model`, :class:`Collection`, :class:`TuplePrior`, :class:`ModelInstance`.

A model is a tree whose leaves are priors (free parameters) or fixed values. Its parameter vector
holds one entry per *unique* prior, ordered by the priors' global creation ``id``. Instances are
plain objects built from a vector by calling each class's constructor, so they work with any
array backend: with a JAX vector every free attribute is a traced scalar.
"""

from __future__ import annotations

import inspect
import re
from abc import ABC, abstractmethod
from typing import Any, Iterator

import numpy as np

from autoarray.pytrees import Pytree
from autogalaxy import exc
from autogalaxy.modeling import prior_config
from autogalaxy.modeling.arithmetic import CompoundPrior
from autogalaxy.modeling.priors import Prior, next_id

_TUPLE_COMPONENT = re.compile(r"^(.+)_(\d+)$")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


# ----------------------------------------------------------------------------------------------
# instances
# ----------------------------------------------------------------------------------------------
class ModelInstance(Pytree):
    """Instance of a :class:`Collection`: attribute access plus iteration in insertion order.

    ``list(instance.galaxies)`` gives the galaxies; ``instance[0]`` / ``instance["lens"]`` index it.
    As a JAX pytree, an instance whose parameters are all scalars is one leaf: a float64 array
    of them (:mod:`autoarray.pytree_packing`), so passing it to ``jax.jit`` is one transfer.
    """

    __pytree_static__ = ("_order",)
    __pytree_pack__ = ("*",)

    def __init__(self, items: dict | None = None) -> None:
        self._order = tuple(items or {})
        for key, value in (items or {}).items():
            setattr(self, key, value)

    def _keys(self) -> list[str]:
        order = [k for k in getattr(self, "_order", ()) if k in self.__dict__]
        extra = [k for k in self.__dict__ if not k.startswith("_") and k not in order]
        return order + extra

    def keys(self) -> list[str]:
        return self._keys()

    def values(self) -> list:
        return [self.__dict__[k] for k in self._keys()]

    def items(self) -> list[tuple[str, Any]]:
        return [(k, self.__dict__[k]) for k in self._keys()]

    @property
    def dict(self) -> dict:
        return dict(self.items())

    def __iter__(self) -> Iterator:
        return iter([self.__dict__[k] for k in self._keys()])

    def __len__(self) -> int:
        return len(self._keys())

    def __getitem__(self, item):
        if isinstance(item, str):
            return getattr(self, item)
        return [self.__dict__[k] for k in self._keys()][item]

    def __setattr__(self, key, value):
        object.__setattr__(self, key, value)
        if not key.startswith("_") and key not in getattr(self, "_order", ()):
            object.__setattr__(self, "_order", tuple(getattr(self, "_order", ())) + (key,))

    def __repr__(self) -> str:
        return f"ModelInstance({', '.join(self._keys())})"


# ----------------------------------------------------------------------------------------------
# model tree
# ----------------------------------------------------------------------------------------------
class TuplePrior:
    """A tuple-valued parameter (e.g. ``centre``) whose components are priors or fixed values.

    Components are reachable as ``<name>_<i>`` on the owning model and as ``tuple_prior[i]``.
    """

    def __init__(self, components: list) -> None:
        self.components = [_convert_scalar(c) for c in components]

    def __len__(self) -> int:
        return len(self.components)

    def __getitem__(self, index: int):
        return self.components[index]

    def __setitem__(self, index: int, value) -> None:
        self.components[index] = _convert_scalar(value)
        _structure_changed()

    def _index_of(self, name: str) -> int | None:
        match = _TUPLE_COMPONENT.match(name)
        if match is None or int(match.group(2)) >= len(self.components):
            return None
        return int(match.group(2))

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "components":
            raise AttributeError(name)
        index = self._index_of(name)
        if index is None:
            raise AttributeError(f"TuplePrior has no component {name!r}.")
        return self.components[index]

    def __setattr__(self, name: str, value) -> None:
        if name == "components":
            object.__setattr__(self, name, value)
            return
        index = self._index_of(name)
        if index is None:
            raise exc.ModelException(f"TuplePrior has no component {name!r}.")
        self.components[index] = _convert_scalar(value)
        _structure_changed()

    def instance_for(self, arguments: dict):
        return tuple(_instance_of(c, arguments) for c in self.components)

    def __repr__(self) -> str:
        return f"TuplePrior({self.components!r})"


def _convert_scalar(value):
    if isinstance(value, (Prior, AbstractModel)):
        return value
    if inspect.isclass(value):
        return Model(value)
    return value


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


#: Bumped whenever any model's structure changes (an attribute, item or tuple component is
#: set), which invalidates every model's cached prior ordering.
_STRUCTURE_VERSION = [0]


def _structure_changed() -> None:
    _STRUCTURE_VERSION[0] += 1


def _instance_of(node, arguments: dict):
    if isinstance(node, Prior):
        return arguments[node]
    if isinstance(node, CompoundPrior):
        return node.instance_for(arguments)
    if isinstance(node, TuplePrior):
        return node.instance_for(arguments)
    if isinstance(node, AbstractModel):
        return node.instance_for_arguments(arguments)
    return node


class AbstractModel(ABC):
    """Behaviour shared by :class:`Model` and :class:`Collection`."""

    # ------------------------------------------------------------- tree walking
    @abstractmethod
    def _children(self) -> list[tuple[str, Any]]:
        """Implemented by every concrete subclass."""

    def path_priors(self) -> list[tuple[tuple[str, ...], Prior]]:
        """Every (path, prior) occurrence in depth-first attribute order (shared priors repeat)."""
        out = []
        for name, node in self._children():
            if isinstance(node, Prior):
                out.append(((name,), node))
            elif isinstance(node, CompoundPrior):
                out.extend(((name,), prior) for prior in node.priors())
            elif isinstance(node, TuplePrior):
                for i, comp in enumerate(node.components):
                    if isinstance(comp, Prior):
                        out.append(((name, f"{name}_{i}"), comp))
                    elif isinstance(comp, CompoundPrior):
                        out.extend(((name, f"{name}_{i}"), p) for p in comp.priors())
            elif isinstance(node, AbstractModel):
                out.extend(((name,) + path, prior) for path, prior in node.path_priors())
        return out

    def models(self) -> list["AbstractModel"]:
        """This model and every nested model (depth first, each once)."""
        seen, out = set(), []

        def walk(m):
            if id(m) in seen:
                return
            seen.add(id(m))
            out.append(m)
            for _, node in m._children():
                if isinstance(node, AbstractModel):
                    walk(node)

        walk(self)
        return out

    @property
    def priors_ordered_by_id(self) -> list[Prior]:
        """Unique free-parameter priors, sorted by creation id (= parameter-vector order).

        Cached until any model's structure changes (every sampler call needs it).
        """
        cached = self.__dict__.get("_priors_cache")
        if cached is not None and cached[0] == _STRUCTURE_VERSION[0]:
            return list(cached[1])
        unique = {id(p): p for _, p in self.path_priors()}
        priors = sorted(unique.values(), key=lambda p: p.id)
        object.__setattr__(self, "_priors_cache", (_STRUCTURE_VERSION[0], tuple(priors)))
        return priors

    @property
    def prior_count(self) -> int:
        """Number of free parameters."""
        return len(self.priors_ordered_by_id)

    @property
    def total_free_parameters(self) -> int:
        """Number of free parameters (alias of ``prior_count``)."""
        return self.prior_count

    @property
    def paths(self) -> list[tuple[str, ...]]:
        """Name path of each free parameter, in vector order (first occurrence of shared priors);
        tuple components appear as their component name, e.g. ``(..., 'mass', 'centre_0')``."""
        first: dict[int, tuple[str, ...]] = {}
        for path, prior in self.path_priors():
            if id(prior) not in first:
                first[id(prior)] = _collapse(path)
        return [first[id(p)] for p in self.priors_ordered_by_id]

    @property
    def unique_prior_paths(self) -> list[tuple[str, ...]]:
        """PyAutoFit's full path of each free parameter, in vector order: tuple components keep
        their tuple's name (``(..., 'centre', 'centre_0')``) and a shared prior its last path."""
        last: dict[int, tuple[str, ...]] = {}
        for path, prior in self.path_priors():
            last[id(prior)] = path
        return [last[id(p)] for p in self.priors_ordered_by_id]

    @property
    def parameter_names(self) -> list[str]:
        """Last element of each path."""
        return [p[-1] for p in self.paths]

    @property
    def joined_paths(self) -> list[str]:
        """Paths joined with '.', e.g. ``galaxies.lens.mass.einstein_radius``."""
        return [".".join(p) for p in self.paths]

    # ------------------------------------------------------------- instances
    @abstractmethod
    def instance_for_arguments(self, arguments: dict):
        """Implemented by every concrete subclass."""

    def _check_vector(self, vector, xp):
        if xp is np:
            vector = np.asarray(vector, dtype=float)
        shape = getattr(vector, "shape", None)
        if shape is None or len(shape) != 1 or shape[0] != self.prior_count:
            raise exc.ModelException(
                f"Parameter vector of shape {shape} does not match the model's "
                f"{self.prior_count} free parameters ({', '.join(self.joined_paths)})."
            )
        return vector

    def instance_from_vector(self, vector, xp=np):
        """Instance built from a vector of physical parameter values (length ``prior_count``).

        With ``xp=jnp`` (or a JAX array / tracer as ``vector``) the free attributes are JAX
        scalars and tuple parameters tuples of them; on NumPy they are Python floats.
        """
        xp = _backend_for(vector, xp)
        vector = self._check_vector(vector, xp)
        priors = self.priors_ordered_by_id
        if xp is np:
            arguments = {p: float(vector[i]) for i, p in enumerate(priors)}
        else:
            arguments = {p: vector[i] for i, p in enumerate(priors)}
        return self.instance_for_arguments(arguments)

    def vector_from_unit_vector(self, unit_vector, xp=np):
        """Physical values for unit-cube coordinates; works on ``[N]`` and batched ``[..., N]``."""
        xp = _backend_for(unit_vector, xp)
        priors = self.priors_ordered_by_id
        unit = np.asarray(unit_vector, dtype=float) if xp is np else unit_vector
        if xp is np and not np.all((unit >= 0.0) & (unit <= 1.0)):
            raise exc.ModelException(
                f"Unit vector {np.round(unit, 6).tolist() if unit.size <= 20 else unit.shape} has "
                "values outside [0, 1] (or NaN); unit-cube coordinates must lie in [0, 1]."
            )
        if unit.shape[-1] != len(priors):
            raise exc.ModelException(
                f"Unit vector of shape {unit.shape} does not match the model's "
                f"{len(priors)} free parameters."
            )
        return xp.stack([p.value_for(unit[..., i], xp=xp) for i, p in enumerate(priors)], axis=-1)

    def unit_vector_from_vector(self, vector, xp=np):
        """Unit-cube coordinates (prior CDF) of physical values; ``[N]`` or ``[..., N]``."""
        xp = _backend_for(vector, xp)
        priors = self.priors_ordered_by_id
        vec = np.asarray(vector, dtype=float) if xp is np else vector
        return xp.stack(
            [p.unit_value_for(vec[..., i], xp=xp) for i, p in enumerate(priors)], axis=-1
        )

    def instance_from_unit_vector(self, unit_vector, xp=np):
        """Instance at unit-cube coordinates (each prior's inverse CDF applied)."""
        return self.instance_from_vector(self.vector_from_unit_vector(unit_vector, xp=xp), xp=xp)

    @property
    def physical_values_from_prior_medians(self) -> list[float]:
        """Physical values at unit 0.5 for every free parameter (vector order)."""
        return [float(p.value_for(0.5)) for p in self.priors_ordered_by_id]

    def instance_from_prior_medians(self):
        """Instance with every free parameter at its prior median."""
        return self.instance_from_vector(self.physical_values_from_prior_medians)

    def random_unit_vector_from(self, rng: np.random.Generator | None = None) -> np.ndarray:
        rng = np.random.default_rng() if rng is None else rng
        return rng.uniform(size=self.prior_count)

    def random_vector_from_priors(self, rng: np.random.Generator | None = None) -> list[float]:
        """Physical values drawn from the priors."""
        return list(self.vector_from_unit_vector(self.random_unit_vector_from(rng)))

    def random_instance(self, rng: np.random.Generator | None = None):
        """Instance with parameters drawn from the priors."""
        return self.instance_from_vector(self.random_vector_from_priors(rng))

    def log_prior_list_from_vector(self, vector, xp=np) -> list:
        """Log prior density of each physical value (vector order)."""
        xp = _backend_for(vector, xp)
        if xp is np:
            vector = np.asarray(vector, dtype=float)
            return [
                float(p.log_prior_from_value(vector[i]))
                for i, p in enumerate(self.priors_ordered_by_id)
            ]
        return [
            p.log_prior_from_value(vector[i], xp=xp)
            for i, p in enumerate(self.priors_ordered_by_id)
        ]

    # ------------------------------------------------------------- info
    # ------------------------------------------------------------- copies and dicts
    def copy(self) -> "AbstractModel":
        """A deep copy; its priors keep their ids (same parameter order), but are new objects,
        so changing the copy leaves this model unchanged."""
        import copy

        _structure_changed()
        return copy.deepcopy(self)

    def dict(self) -> dict:
        """The PyAutoFit-format dict of this model (what ``model.json`` holds)."""
        from autogalaxy.modeling.model_dict import model_to_dict

        return model_to_dict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "AbstractModel":
        """The model of a PyAutoFit-format dict (e.g. ``json.load`` of a ``model.json``)."""
        from autogalaxy.modeling.model_dict import model_from_dict

        return model_from_dict(d)

    @property
    def info(self) -> str:
        """Readable indented tree of the model with the prior of every free parameter."""
        lines = [f"Total Free Parameters = {self.prior_count}", ""]
        lines.extend(self._info_lines(0))
        return "\n".join(lines) + "\n"

    def _info_lines(self, depth: int) -> list[str]:
        pad = "    " * depth
        lines = []
        for name, node in self._children():
            if isinstance(node, AbstractModel):
                header = name if not isinstance(node, Model) else f"{name} ({node.cls.__name__})"
                lines.append(pad + header)
                lines.extend(node._info_lines(depth + 1))
            elif isinstance(node, TuplePrior):
                lines.append(pad + name)
                for i, comp in enumerate(node.components):
                    lines.append(_info_row("    " * (depth + 1), f"{name}_{i}", comp))
            else:
                lines.append(_info_row(pad, name, node))
        return lines

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.prior_count} free parameters>"


def _backend_for(vector, xp):
    """``xp``, switched to ``jax.numpy`` when a JAX array / tracer is given with ``xp=np``."""
    if xp is np and (type(vector).__module__ or "").startswith("jax"):
        import jax.numpy as jnp

        return jnp
    return xp


def _collapse(path: tuple[str, ...]) -> tuple[str, ...]:
    # (..., "centre", "centre_0") -> (..., "centre_0")
    if len(path) >= 2 and _TUPLE_COMPONENT.match(path[-1]) and path[-1].startswith(path[-2] + "_"):
        return path[:-2] + (path[-1],)
    return path


def _info_row(pad: str, name: str, node) -> str:
    text = str(node) if isinstance(node, Prior) else repr(node)
    return f"{pad}{name:<{max(1, 40 - len(pad))}} {text}"


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

    def instance_for_arguments(self, arguments: dict):
        values = {k: _instance_of(v, arguments) for k, v in self._items.items()}
        if self._as_list:
            return list(values.values())
        return ModelInstance(values)
