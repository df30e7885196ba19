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


def _rule_ok(value, rule: str, lower, upper, inclusive: bool, xp):
    if rule == "unit_disk":
        return value[0] * value[0] + value[1] * value[1] < 1.0
    values = (
        xp.stack([xp.asarray(v, dtype=xp.float64) for v in value])
        if isinstance(value, (tuple, list))
        else xp.asarray(value, dtype=xp.float64)
    )
    ok = xp.isfinite(values)
    if rule == "positive":
        ok = xp.logical_and(ok, values > 0.0)
    elif rule == "non_negative":
        ok = xp.logical_and(ok, values >= 0.0)
    elif rule == "range":
        if lower is not None:
            ok = xp.logical_and(ok, values >= lower if inclusive else values > lower)
        if upper is not None:
            ok = xp.logical_and(ok, values <= upper if inclusive else values < upper)
    return xp.all(ok)


def valid_from(instance, xp=np, _depth: int = 0, _seen=None):
    """Boolean (traceable) that every recorded rule holds for every profile in ``instance``."""
    seen = set() if _seen is None else _seen
    valid = xp.asarray(True)
    if isinstance(instance, _SKIP_TYPES) or id(instance) in seen or _depth > 8:
        return valid
    seen.add(id(instance))
    for name, rule, lower, upper, inclusive in _RULES.get(type(instance), ()):
        value = getattr(instance, name, None)
        if value is not None:
            valid = xp.logical_and(valid, _rule_ok(value, rule, lower, upper, inclusive, xp))
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
            valid = xp.logical_and(valid, valid_from(child, xp, _depth + 1, seen))
    return valid
