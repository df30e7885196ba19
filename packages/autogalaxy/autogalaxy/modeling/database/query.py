"""Query expressions of the aggregator (PyAutoFit syntax).

``agg.model.galaxies.lens.mass.einstein_radius > 1.0`` compares the inferred (maximum-likelihood)
value of a parameter; ``agg.model.galaxies.lens.mass == al.mp.Isothermal`` tests the class of a
model component; ``agg.search.name == "fit"`` and ``agg.search.unique_tag == "lens_3"`` test the
search name and the lens (dataset) name. Predicates combine with ``&``, ``|`` and ``~``.
"""

from __future__ import annotations

import inspect
import operator
from typing import Callable

from autogalaxy import exc

_MISSING = object()


class Predicate:
    """A boolean test of a :class:`~autogalaxy.modeling.database.record.FitRecord`."""

    def __init__(self, test: Callable, text: str) -> None:
        self._test = test
        self.text = text

    def __call__(self, record) -> bool:
        return bool(self._test(record))

    def __and__(self, other: "Predicate") -> "Predicate":
        return Predicate(lambda r: self(r) and other(r), f"({self.text} & {other.text})")

    def __or__(self, other: "Predicate") -> "Predicate":
        return Predicate(lambda r: self(r) or other(r), f"({self.text} | {other.text})")

    def __invert__(self) -> "Predicate":
        return Predicate(lambda r: not self(r), f"~{self.text}")

    def __repr__(self) -> str:
        return f"<Predicate {self.text}>"


def _walk(obj, path: tuple[str, ...]):
    for name in path:
        if obj is None:
            return _MISSING
        try:
            obj = obj[name] if isinstance(obj, dict) else getattr(obj, name)
        except (AttributeError, KeyError, TypeError):
            return _MISSING
    return obj


class _Path:
    """An attribute path that turns comparisons into :class:`Predicate` objects."""

    __hash__ = None  # comparisons build predicates, so paths cannot be dict keys

    def __init__(self, path: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "_path", path)

    def __getattr__(self, name: str) -> "_Path":
        if name.startswith("__"):
            raise AttributeError(name)
        return type(self)(self._path + (name,))

    def _value(self, record):
        raise exc.AggregatorException("A query path needs agg.model... or agg.search...")

    def _compare(self, op, other, symbol: str) -> Predicate:
        text = f"{self._text()} {symbol} {getattr(other, '__name__', repr(other))}"

        def test(record):
            value = self._value(record, other)
            if value is _MISSING or value is None:
                return False
            try:
                return op(value, other)
            except TypeError:
                return False

        return Predicate(test, text)

    def _text(self) -> str:
        return ".".join(self._path)

    def __eq__(self, other):  # type: ignore[override]
        return self._compare(operator.eq, other, "==")

    def __ne__(self, other):  # type: ignore[override]
        return self._compare(operator.ne, other, "!=")

    def __lt__(self, other):
        return self._compare(operator.lt, other, "<")

    def __le__(self, other):
        return self._compare(operator.le, other, "<=")

    def __gt__(self, other):
        return self._compare(operator.gt, other, ">")

    def __ge__(self, other):
        return self._compare(operator.ge, other, ">=")

    def contains(self, text: str) -> Predicate:
        """True when the (string) value contains ``text``."""
        return Predicate(
            lambda r: isinstance(v := self._value(r, text), str) and text in v,
            f"{self._text()} contains {text!r}",
        )


class ModelPath(_Path):
    """``agg.model....``: a class comparison tests the model component's class (subclasses
    match); anything else compares the maximum-likelihood value at that path."""

    def _value(self, record, other=None):
        if inspect.isclass(other):
            node = _walk(record.model, self._path)
            if node is _MISSING:
                return _MISSING
            cls = getattr(node, "cls", type(node))
            # A subclass of the queried class counts as that class (PyAutoFit behaviour).
            return other if inspect.isclass(cls) and issubclass(cls, other) else cls
        return _walk(record.instance, self._path)

    def _text(self) -> str:
        return "model." + ".".join(self._path)


class SearchPath(_Path):
    """``agg.search.name`` (search name), ``agg.search.unique_tag`` (lens name) or any other
    record attribute such as ``agg.search.batch``."""

    def _value(self, record, other=None):
        if len(self._path) != 1:
            raise exc.AggregatorException(
                f"agg.search.{'.'.join(self._path)}: expected one attribute such as "
                "agg.search.name or agg.search.unique_tag."
            )
        return getattr(record, self._path[0], _MISSING)

    def _text(self) -> str:
        return "search." + ".".join(self._path)
