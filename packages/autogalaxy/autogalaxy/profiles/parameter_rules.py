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


def _vector(values: list, xp):
    """One float64 vector of ``values`` (scalars stacked, arrays raveled)."""
    values = [xp.asarray(v, dtype=xp.float64) for v in values]
    if all(v.ndim == 0 for v in values):
        return xp.stack(values)
    return xp.concatenate([xp.ravel(v) for v in values])


def valid_from(instance, xp=np):
    """Boolean (traceable) that every recorded rule holds for every profile in ``instance``.

    The values are gathered first and each kind of rule is then checked once on one vector, so
    a model adds a handful of operations to the traced likelihood whatever its number of
    profiles (one comparison chain per parameter made the validity ~100 scalar operations of
    a lens model's program). Every checked value must be finite; ``unit_disk`` pairs need
    ``e1^2 + e2^2 < 1`` (false for NaN and inf too).
    """
    groups: dict = {}
    _gather(instance, groups, 0, set())
    finite = [v for key, values in groups.items() if key[0] != "unit_disk" for v in values]
    valid = xp.asarray(True)
    if finite:
        valid = xp.all(xp.isfinite(_vector(finite, xp)))
    for (rule, lower, upper, inclusive), values in groups.items():
        if rule == "unit_disk":
            e1 = _vector([v[0] for v in values], xp)
            e2 = _vector([v[1] for v in values], xp)
            ok = e1 * e1 + e2 * e2 < 1.0
        elif rule == "positive":
            ok = _vector(values, xp) > 0.0
        elif rule == "non_negative":
            ok = _vector(values, xp) >= 0.0
        elif rule == "range":
            vector = _vector(values, xp)
            ok = xp.asarray(True)
            if lower is not None:
                ok = xp.logical_and(ok, vector >= lower if inclusive else vector > lower)
            if upper is not None:
                ok = xp.logical_and(ok, vector <= upper if inclusive else vector < upper)
        else:  # "finite": covered above
            continue
        valid = xp.logical_and(valid, xp.all(ok))
    return valid
