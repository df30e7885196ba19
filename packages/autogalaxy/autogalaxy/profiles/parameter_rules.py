"""Parameter rules of the profiles, for traced (JAX) parameters.

On the NumPy path a profile constructor raises :class:`~autogalaxy.exc.ProfileException` for an
invalid parameter (e.g. ``|ell_comps| >= 1``, a negative Einstein radius, a zero effective
radius) and the search's ``Fitness`` resamples the point. Traced parameters cannot raise, so
each check met with a traced value records its rule here, per profile class; the ``Fitness``
then evaluates every recorded rule on the traced instance (:func:`valid_from`) and replaces the
figure of merit by the resample value where any fails, so both backends reject the same points.
"""

from __future__ import annotations

import numpy as np

#: class -> {(parameter name, rule, lower, upper, inclusive)}
_RULES: dict[type, set[tuple]] = {}

_SKIP_TYPES = (str, bytes, int, float, bool, type(None), np.ndarray)


def record(profile, name: str, rule: str, lower=None, upper=None, inclusive: bool = False) -> None:
    """Remember that ``type(profile).name`` obeys ``rule`` ("finite", "positive",
    "non_negative", "unit_disk" or "range")."""
    _RULES.setdefault(type(profile), set()).add((name, rule, lower, upper, inclusive))


def _elements(value) -> list:
    """The scalars of a parameter value (a number, a 0-d / 1-d array or a tuple of them)."""
    if isinstance(value, (tuple, list)):
        out: list = []
        for v in value:
            out.extend(_elements(v))
        return out
    return [value]


def _gather(instance, groups: dict, depth: int, seen: set) -> None:
    """Append every value a recorded rule applies to, in ``instance`` and what it holds, to
    ``groups[(rule, lower, upper, inclusive)]``; ``unit_disk`` values go in as pairs."""
    if isinstance(instance, _SKIP_TYPES) or id(instance) in seen or depth > 8:
        return
    seen.add(id(instance))
    for name, rule, lower, upper, inclusive in _RULES.get(type(instance), ()):
        value = getattr(instance, name, None)
        if value is None:
            continue
        if rule == "unit_disk":
            groups.setdefault(("unit_disk", None, None, False), []).append(value)
        else:
            groups.setdefault((rule, lower, upper, inclusive), []).extend(_elements(value))
    if isinstance(instance, (list, tuple)):
        children = list(instance)
    elif isinstance(instance, dict):
        children = list(instance.values())
    elif hasattr(instance, "__dict__") and not type(instance).__module__.startswith("jax"):
        children = list(vars(instance).values())
    else:
        children = []
    for child in children:
        if hasattr(child, "__dict__") or isinstance(child, (list, tuple, dict)):
            _gather(child, groups, depth + 1, seen)


def _each(values: list, check, xp):
    """``check`` holds for every value: one elementwise chain, no stacked vector.

    Stacking the values (``xp.stack``) made XLA:CPU emit a ``concatenate`` with one separate
    kernel per stacked parameter slice (23 of the 54 kernels of the P1 batched likelihood, each
    ~30 ms of LLVM compile). Elementwise checks combined with ``logical_and`` fuse into the
    likelihood's final kernel instead; the extra traced operations cost microseconds.
    """
    valid = None
    for value in values:
        ok = check(xp.asarray(value, dtype=xp.float64))
        if ok.ndim:
            ok = xp.all(ok)
        valid = ok if valid is None else xp.logical_and(valid, ok)
    return xp.asarray(True) if valid is None else valid


def _squared(value, xp):
    value = xp.asarray(value, dtype=xp.float64)
    return value * value


def _range_check(lower, upper, inclusive: bool, xp):
    def check(value):
        ok = xp.ones(value.shape, dtype=bool)
        if lower is not None:
            ok = xp.logical_and(ok, value >= lower if inclusive else value > lower)
        if upper is not None:
            ok = xp.logical_and(ok, value <= upper if inclusive else value < upper)
        return ok

    return check


def valid_from(instance, xp=np):
    """Boolean (traceable) that every recorded rule holds for every profile in ``instance``.

    The values are gathered first, grouped by rule, and each value is checked elementwise (see
    :func:`_each`). Every checked value must be finite; ``unit_disk`` pairs need
    ``e1^2 + e2^2 < 1`` (false for NaN and inf too).
    """
    groups: dict = {}
    _gather(instance, groups, 0, set())
    finite = [v for key, values in groups.items() if key[0] != "unit_disk" for v in values]
    valid = _each(finite, xp.isfinite, xp)
    for (rule, lower, upper, inclusive), values in groups.items():
        if rule == "unit_disk":
            radii2 = [_squared(v[0], xp) + _squared(v[1], xp) for v in values]
            ok = _each(radii2, lambda r2: r2 < 1.0, xp)
        elif rule == "positive":
            ok = _each(values, lambda v: v > 0.0, xp)
        elif rule == "non_negative":
            ok = _each(values, lambda v: v >= 0.0, xp)
        elif rule == "range":
            ok = _each(values, _range_check(lower, upper, inclusive, xp), xp)
        else:  # "finite": covered above
            continue
        valid = xp.logical_and(valid, ok)
    return valid
