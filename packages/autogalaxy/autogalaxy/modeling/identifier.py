"""PyAutoFit's identifier of a fit: the md5 folder name ``<output>/<path_prefix>/<unique_tag>/<name>/
<identifier>`` that PyAutoLens derives from the search, the model and the ``unique_tag``.

PyAutoFit (2026.10.26.1) walks ``[search, model, unique_tag]`` into a list of strings and hashes
``".".join(list)`` with md5. The walk, reproduced here for this project's objects:

* a model: ``"Model", "cls", <PyAutoGalaxy class path>`` then each attribute name and value in
  constructor order; a collection: ``"Collection", "item_number", "0"`` then each key and value;
* a prior: its class name and its defining numbers (``"UniformPrior", "lower_limit", "0.0",
  "upper_limit", "1.0"``; Gaussian: ``mean`` and ``sigma``; truncated Gaussian: all four);
  a tuple of priors: ``"TuplePrior"`` then ``"<name>_<i>"`` and each component; a tuple of fixed
  numbers: the numbers;
* a float is rounded to a multiple of 1e-8 and written by ``str``; ints, strings and booleans by
  ``str``; ``None`` adds nothing (its key stays);
* a search: its class name, then its identifier fields (:data:`SEARCH_FIELDS`: PyAutoFit's names,
  with the values this project's search uses, so a setting it does not expose is the value its
  sampler library applies), then ``"seed", <seed>`` when the search has a seed that is not None
  and the fields do not name it (PyAutoFit's searches without a ``seed`` argument hash none).

Priors built by arithmetic (``2 * prior``) are refused: PyAutoFit hashes them under the names of
the script's local variables, which cannot be reproduced.
"""

from __future__ import annotations

from hashlib import md5
from typing import Any, Callable

from autogalaxy import exc
from autogalaxy.modeling.arithmetic import CompoundPrior
from autogalaxy.modeling.model import Collection, Model, TuplePrior
from autogalaxy.modeling.priors import (
    GaussianPrior,
    LogUniformPrior,
    Prior,
    TruncatedGaussianPrior,
    UniformPrior,
)

#: Floats are rounded to this increment first (PyAutoFit's ``RESOLUTION``).
RESOLUTION = 1e-8

#: The numbers that define each prior class, in PyAutoFit's order.
PRIOR_FIELDS = {
    UniformPrior: ("lower_limit", "upper_limit"),
    LogUniformPrior: ("lower_limit", "upper_limit"),
    GaussianPrior: ("mean", "sigma"),
    TruncatedGaussianPrior: ("mean", "sigma", "lower_limit", "upper_limit"),
}

#: Constructor arguments of this project's classes that PyAutoGalaxy's do not have: left out
#: of the walk while they hold their default.
EXTRA_ARGUMENTS = {"Galaxy": {"label": None}}


class _Clipper:
    """PyAutoFit's gradient searches hash their (absent) clipper as ``"ClipperNone"``."""

    description = ("ClipperNone",)


def _attribute(name: str) -> Callable[[Any], Any]:
    return lambda search: getattr(search, name)


def _constant(value) -> Callable[[Any], Any]:
    return lambda search: value


#: Search class name -> ``(field, value getter)`` in PyAutoFit's order, and whether a seed that is
#: not None is appended. Fields the project's search does not expose take the value the sampler
#: library uses (nautilus / dynesty defaults, as this project calls them).
SEARCH_FIELDS: dict[str, tuple[tuple[tuple[str, Callable[[Any], Any]], ...], bool]] = {
    "Nautilus": (
        (
            ("n_live", _attribute("n_live")),
            ("n_update", _constant(None)),
            ("enlarge_per_dim", _constant(1.1)),
            ("n_points_min", _constant(None)),
            ("split_threshold", _constant(100)),
            ("n_networks", _attribute("n_networks")),
            ("n_like_new_bound", _constant(None)),
            ("seed", _attribute("seed")),
            ("n_shell", _constant(1)),
            ("n_eff", _attribute("n_eff")),
        ),
        False,
    ),
    "DynestyStatic": (
        (
            ("nlive", _attribute("nlive")),
            ("bound", _attribute("bound")),
            ("sample", _attribute("sample")),
            ("bootstrap", _constant(None)),
            ("enlarge", _constant(None)),
            ("walks", _constant(None)),
            ("facc", _constant(0.5)),
            ("slices", _constant(None)),
            ("fmove", _constant(0.9)),
            ("max_move", _constant(100)),
        ),
        False,
    ),
    "Emcee": ((("nwalkers", _attribute("nwalkers")),), False),
    "LBFGS": ((("clipper", _constant(_Clipper())),), True),
    "MultiStartProdigy": ((("clipper", _constant(_Clipper())),), True),
    # No PyAutoFit counterpart: this project's own settings.
    "NUTS": (
        (
            ("num_warmup", _attribute("num_warmup")),
            ("num_samples", _attribute("num_samples")),
            ("target_acceptance_rate", _attribute("target_acceptance_rate")),
        ),
        True,
    ),
}


class Identifier:
    """The walk of an object (``description``, one entry a line) and its md5 (``str``)."""

    def __init__(self, obj) -> None:
        self.hash_list: list[str] = []
        self._add(obj)

    @property
    def description(self) -> str:
        return "\n".join(self.hash_list)

    def __str__(self) -> str:
        return md5(".".join(self.hash_list).encode("utf-8")).hexdigest()

    def __repr__(self) -> str:
        return f"<Identifier {self}>"

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    # ------------------------------------------------------------------------------- walk
    def _add(self, value) -> None:
        from autogalaxy.modeling.searches.abstract import AbstractSearch

        if value is None:
            return
        if isinstance(value, bool) or isinstance(value, (str, int)):
            self.hash_list.append(str(value))
        elif isinstance(value, float):
            try:
                value = RESOLUTION * round(value / RESOLUTION)
            except (OverflowError, ValueError):  # inf / nan are written as they are
                pass
            self.hash_list.append(str(value))
        elif isinstance(value, Model):
            self._add_model(value)
        elif isinstance(value, Collection):
            item_number = str(getattr(value, "_item_number", 0))
            self.hash_list.extend(("Collection", "item_number", item_number))
            for key, item in value.items():
                self._add_item(key, item)
        elif isinstance(value, TuplePrior):
            raise exc.ModelException("A TuplePrior is walked through its model (it needs a name).")
        elif isinstance(value, Prior):
            self._add_prior(value)
        elif isinstance(value, CompoundPrior):
            raise exc.ModelException(
                "The PyAutoFit identifier of a model with a derived parameter (prior arithmetic) "
                "cannot be reproduced: PyAutoFit hashes it under the script's variable names. "
                "Give the search an explicit identifier, or fit without the derived parameter."
            )
        elif isinstance(value, AbstractSearch):
            self._add_search(value)
        elif isinstance(value, _Clipper):
            self.hash_list.extend(value.description)
        elif isinstance(value, type):
            self.hash_list.append(_class_path(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                self._add_item(str(key), item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self._add(item)
        else:
            raise exc.ModelException(
                f"No PyAutoFit identifier for a {type(value).__name__} ({value!r}); expected "
                "models, priors, searches, numbers, strings, tuples, lists or dicts."
            )

    def _add_item(self, key: str, value) -> None:
        if key.startswith("_") or key in ("id", "paths"):
            return
        self.hash_list.append(key)
        if isinstance(value, TuplePrior):
            self._add_tuple(key, value)
        else:
            self._add(value)

    def _add_model(self, model: Model) -> None:
        self.hash_list.extend(("Model", "cls", _class_path(model.cls)))
        extra = EXTRA_ARGUMENTS.get(model.cls.__name__, {})
        for name, node in model._children():
            if name in extra and node is extra[name]:
                continue
            self._add_item(name, node)

    def _add_tuple(self, name: str, node: TuplePrior) -> None:
        components = node.components
        if not any(isinstance(c, (Prior, CompoundPrior)) for c in components):
            for component in components:
                self._add(component)
            return
        self.hash_list.append("TuplePrior")
        for index, component in enumerate(components):
            self.hash_list.append(f"{name}_{index}")
            self._add(component)

    def _add_prior(self, prior: Prior) -> None:
        fields = PRIOR_FIELDS.get(type(prior))
        if fields is None:
            raise exc.ModelException(
                f"No PyAutoFit identifier for the prior {type(prior).__name__}; expected one of "
                f"{', '.join(cls.__name__ for cls in PRIOR_FIELDS)}."
            )
        self.hash_list.append(type(prior).__name__)
        for field in fields:
            self.hash_list.append(field)
            self._add(float(getattr(prior, field)))

    def _add_search(self, search) -> None:
        name = type(search).__name__
        spec = None
        for klass in type(search).__mro__:
            spec = SEARCH_FIELDS.get(klass.__name__)
            if spec is not None:
                break
        if spec is None:
            raise exc.SearchException(
                f"No PyAutoFit identifier fields for the search {name}; known searches: "
                f"{', '.join(SEARCH_FIELDS)}."
            )
        fields, hashes_seed = spec
        self.hash_list.append(name)
        for field, getter in fields:
            self.hash_list.append(field)
            self._add(getter(search))
        seed = getattr(search, "seed", None)
        if hashes_seed and seed is not None:
            self.hash_list.append("seed")
            self._add(seed)


def _class_path(cls: type) -> str:
    """PyAutoGalaxy's class path of ``cls`` where it has one (``autogalaxy.galaxy.galaxy.Galaxy``),
    else this project's."""
    from autogalaxy.imaging.class_paths import pyauto_class_path_for

    return pyauto_class_path_for(cls)


def identifier_from(search, model, unique_tag: str | None = None) -> str:
    """PyAutoFit's output-folder identifier of fitting ``model`` with ``search`` (and the
    ``unique_tag`` folder, which is hashed too when given)."""
    parts: list = [search, model]
    if unique_tag is not None:
        parts.append(unique_tag)
    return str(Identifier(parts))
