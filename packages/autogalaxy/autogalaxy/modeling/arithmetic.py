"""Prior arithmetic (PyAutoFit's derived parameters): ``2.0 * prior``, ``prior ** 2``,
``prior_a + prior_b``, ``-prior``, ``prior / 3`` ... build a :class:`CompoundPrior`.

A compound is not a free parameter: the model's free parameters are the priors inside it, and an
instance gets the compound's value computed from theirs. So
``model.lens.mass.einstein_radius = 1.5 * model.source.bulge.effective_radius`` ties two
attributes with one parameter. Values are computed with plain operators, so they are traced
scalars under JAX.
"""

from __future__ import annotations

import operator

_SYMBOLS = {
    operator.add: "+",
    operator.sub: "-",
    operator.mul: "*",
    operator.truediv: "/",
    operator.floordiv: "//",
    operator.pow: "**",
    operator.mod: "%",
}


class ArithmeticMixin:
    """Operators shared by priors and compounds: each returns a :class:`CompoundPrior`."""

    def _compound(self, op, other, reflected: bool = False):
        return CompoundPrior(op, other, self) if reflected else CompoundPrior(op, self, other)

    def __add__(self, other):
        return self._compound(operator.add, other)

    def __radd__(self, other):
        return self._compound(operator.add, other, reflected=True)

    def __sub__(self, other):
        return self._compound(operator.sub, other)

    def __rsub__(self, other):
        return self._compound(operator.sub, other, reflected=True)

    def __mul__(self, other):
        return self._compound(operator.mul, other)

    def __rmul__(self, other):
        return self._compound(operator.mul, other, reflected=True)

    def __truediv__(self, other):
        return self._compound(operator.truediv, other)

    def __rtruediv__(self, other):
        return self._compound(operator.truediv, other, reflected=True)

    def __floordiv__(self, other):
        return self._compound(operator.floordiv, other)

    def __pow__(self, other):
        return self._compound(operator.pow, other)

    def __rpow__(self, other):
        return self._compound(operator.pow, other, reflected=True)

    def __mod__(self, other):
        return self._compound(operator.mod, other)

    def __neg__(self):
        return CompoundPrior(operator.neg, self, None)

    def __abs__(self):
        return CompoundPrior(operator.abs, self, None)


def _is_leaf_prior(value) -> bool:
    from autogalaxy.modeling.priors import Prior

    return isinstance(value, Prior)


class CompoundPrior(ArithmeticMixin):
    """``op(left, right)`` (or ``op(left)`` for unary operators) of priors, compounds and
    numbers."""

    def __init__(self, op, left, right) -> None:
        self.op = op
        self.left = left
        self.right = right

    def priors(self) -> list:
        """The free-parameter priors this compound depends on (each once, in first-use order)."""
        out, seen = [], set()
        for operand in (self.left, self.right):
            found = (
                operand.priors()
                if isinstance(operand, CompoundPrior)
                else ([operand] if _is_leaf_prior(operand) else [])
            )
            for prior in found:
                if id(prior) not in seen:
                    seen.add(id(prior))
                    out.append(prior)
        return out

    @staticmethod
    def _value_of(operand, arguments: dict):
        if isinstance(operand, CompoundPrior):
            return operand.instance_for(arguments)
        if _is_leaf_prior(operand):
            return arguments[operand]
        return operand

    def instance_for(self, arguments: dict):
        """The compound's value for the priors' values in ``arguments`` ({prior: value})."""
        left = self._value_of(self.left, arguments)
        if self.op in (operator.neg, operator.abs):
            return self.op(left)
        return self.op(left, self._value_of(self.right, arguments))

    def __repr__(self) -> str:
        if self.op is operator.neg:
            return f"-({self.left!r})"
        if self.op is operator.abs:
            return f"abs({self.left!r})"
        return f"({self.left!r} {_SYMBOLS.get(self.op, self.op)} {self.right!r})"
