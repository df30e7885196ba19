"""Per-point kernels shared by profile formulas, each with one meaning on both backends.

A profile quantity has one implementation (its ``xp`` formula); where a faster way to evaluate
part of it is worth keeping, that way lives here, is called by the formula, and has a parity
test against the plain ``xp`` expression (``tests/profiles/test_kernels.py``).
"""

from __future__ import annotations

import contextlib
from numbers import Real

import numpy as np

import autoarray as aa

#: Exact types checked first by :func:`is_concrete` / :func:`plain_scalars` (no ABC lookups).
_PLAIN_NUMBER_TYPES = frozenset({float, int, np.float64, np.float32, np.int64, np.int32})


def is_concrete(*values) -> bool:
    """True when every value (tuples / lists are searched) is a plain Python or NumPy number.

    Parameter validation runs only then: JAX arrays and tracers (the ``xp=jax.numpy`` path,
    ``jax.vmap`` over parameters) are never converted to Python numbers.
    """
    for value in values:
        if type(value) in _PLAIN_NUMBER_TYPES:
            continue
        if isinstance(value, (tuple, list)):
            if not is_concrete(*value):
                return False
        elif isinstance(value, np.ndarray):
            if value.dtype.kind not in "biuf":
                return False
        elif not isinstance(value, (Real, np.number)):
            return False
    return True


def plain_scalars(*values) -> bool:
    """True when every value (tuples / lists are searched) is a plain 0-d number.

    Guards the NumPy fast paths that convert parameters with ``float``.
    """
    for value in values:
        if type(value) in _PLAIN_NUMBER_TYPES:
            continue
        if isinstance(value, (tuple, list)):
            if not plain_scalars(*value):
                return False
        elif not (is_concrete(value) and np.ndim(value) == 0):
            return False
    return True


def log_of_zero_allowed(xp=np):
    """Context in which ``log(0) = -inf`` raises no NumPy warning (a no-op on JAX)."""
    if xp is np:
        return np.errstate(divide="ignore")
    return contextlib.nullcontext()


def radii_squared_power_from(radii_squared, exponent, xp=np):
    """``radii_squared ** exponent`` for ``radii_squared >= 0``, the fast way.

    A general power costs about as much as ``exp(exponent * log(x))`` plus overhead, so that form
    is used (``aa.numerics.log``, fast on JAX); exponents 1/2 and 1 (Exponential, n = 1/2 Sersic,
    Gaussian) reduce to ``sqrt`` / nothing when they are plain numbers.
    """
    if is_concrete(exponent) and exponent == 1.0:
        return radii_squared
    if xp is not np:
        return _power_with_finite_gradient(radii_squared, exponent, xp)
    if is_concrete(exponent) and exponent == 0.5:
        return xp.sqrt(radii_squared)
    with log_of_zero_allowed(xp):
        return xp.exp(exponent * aa.numerics.log(radii_squared, xp=xp))


def _power_with_finite_gradient(radii_squared, exponent, xp):
    """JAX path of :func:`radii_squared_power_from` whose gradient is finite at ``r^2 = 0``.

    A profile centre that coincides with a grid point gives ``r^2 = 0`` there, where the power's
    derivative is ``0 / 0``; the point's gradient contribution would be NaN and poison the whole
    likelihood gradient. The double ``where`` evaluates the power only at ``r^2 > 0`` and gives the
    point its exact value ``0 ** exponent`` as a constant, so it contributes zero to the gradient
    (the symmetric limit). Values are unchanged.
    """
    positive = radii_squared > 0.0
    safe = xp.where(positive, radii_squared, 1.0)
    if is_concrete(exponent) and exponent == 0.5:
        power = xp.sqrt(safe)
    else:
        power = xp.exp(exponent * aa.numerics.log(safe, xp=xp))
    at_zero = xp.where(exponent > 0.0, 0.0, xp.inf)
    return xp.where(positive, power, at_zero)


def amplitude_exp_rate_power_from(
    radii_squared, amplitude, rate, exponent, xp=np, overwrite: bool = False
):
    """``amplitude * exp(rate * radii_squared ** exponent)``: the Gaussian and Sersic family.

    ``overwrite=True`` says the caller hands ``radii_squared`` over (a fresh array it will not
    read again). On NumPy with plain-number scalars the same operations then run in place in it
    (no temporaries of the size of the grid; the values are the same to the last bit);
    otherwise, and always on JAX, the expression is evaluated as written.
    """
    if not (
        overwrite
        and xp is np
        and isinstance(radii_squared, np.ndarray)
        and radii_squared.dtype == np.float64
        and plain_scalars(amplitude, rate, exponent)
    ):
        return amplitude * xp.exp(rate * radii_squared_power_from(radii_squared, exponent, xp=xp))
    exponent = float(exponent)
    values = radii_squared
    if exponent == 0.5:
        np.sqrt(values, out=values)
    elif exponent != 1.0:
        with log_of_zero_allowed(np):
            np.log(values, out=values)
        values *= exponent
        np.exp(values, out=values)
    values *= float(rate)
    np.exp(values, out=values)
    values *= float(amplitude)
    return values


def eccentric_radii_squared_via_offsets_from(
    dy, dx, c_xx, c_xy, c_yy, xp=np, overwrite: bool = False
):
    """The quadratic form ``c_xx dx^2 + c_xy dx dy + c_yy dy^2`` of centred offsets, written as
    ``c_xx [dx (dx + (c_xy/c_xx) dy) + (c_yy/c_xx) dy^2]`` (``c_xx > 0`` always).

    ``overwrite=True`` says ``dy`` and ``dx`` are fresh arrays the caller hands over: on NumPy with
    plain-number coefficients the same operations then run in place (one new array, not five);
    the values are the same to the last bit.
    """
    if not (
        overwrite
        and xp is np
        and isinstance(dy, np.ndarray)
        and isinstance(dx, np.ndarray)
        and plain_scalars(c_xx, c_xy, c_yy)
    ):
        return c_xx * (dx * (dx + (c_xy / c_xx) * dy) + (c_yy / c_xx) * (dy * dy))
    c_xx, c_xy, c_yy = float(c_xx), float(c_xy), float(c_yy)
    radii_squared = np.multiply(c_xy / c_xx, dy)
    radii_squared += dx
    radii_squared *= dx
    np.multiply(dy, dy, out=dy)
    np.multiply(c_yy / c_xx, dy, out=dy)
    radii_squared += dy
    radii_squared *= c_xx
    return radii_squared


__all__ = [
    "eccentric_radii_squared_via_offsets_from",
    "is_concrete",
    "plain_scalars",
    "amplitude_exp_rate_power_from",
    "log_of_zero_allowed",
    "radii_squared_power_from",
]
