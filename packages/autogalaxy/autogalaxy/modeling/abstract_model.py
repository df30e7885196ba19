"""The model tree and its mapping from parameter vectors to instances.

A model is a tree whose leaves are priors (free parameters) or fixed values. Its parameter vector
holds one entry per *unique* prior, ordered by the priors' global creation ``id``. Instances are
plain objects built from a vector by calling each class's constructor, so they work with any
array backend: with a JAX vector every free attribute is a traced scalar.

:class:`AbstractModel` walks the tree (paths, unique priors, vector order) and maps vectors / unit
vectors / prior medians to instances; :class:`TuplePrior` is a tuple-valued node. The concrete
nodes :class:`~autogalaxy.modeling.model.Model` and :class:`~autogalaxy.modeling.model.Collection`
live in :mod:`autogalaxy.modeling.model`.
"""

from __future__ import annotations

import inspect
import re
from abc import ABC, abstractmethod
from typing import Any

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.arithmetic import CompoundPrior
from autogalaxy.modeling.priors import Prior

_TUPLE_COMPONENT = re.compile(r"^(.+)_(\d+)$")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


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
    """A tuple component: a class becomes a :class:`~autogalaxy.modeling.model.Model`."""
    if inspect.isclass(value):
        # Model derives from AbstractModel (this module), so it can only be imported here.
        from autogalaxy.modeling.model import Model

        return Model(value)
    return value


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

    def _info_header(self, name: str) -> str:
        """The line naming this model in :attr:`info` (a :class:`Model` adds its class)."""
        return name

    def _info_lines(self, depth: int) -> list[str]:
        pad = "    " * depth
        lines = []
        for name, node in self._children():
            if isinstance(node, AbstractModel):
                lines.append(pad + node._info_header(name))
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
