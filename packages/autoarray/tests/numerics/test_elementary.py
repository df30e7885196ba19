"""The float64 log / arctan kernels of ``autoarray.numerics``: the very arithmetic the JAX path
runs, evaluated here on NumPy (the JAX versions are checked by ``workspace_test``)."""

from fractions import Fraction

import numpy as np
import pytest

from autoarray import numerics
from autoarray.numerics import elementary

#: Largest error allowed, in units in the last place of the correctly rounded result.
MAX_ULP = 4


def _to_bits(values):
    return np.asarray(values, dtype=np.float64).view(np.int64)


def _to_float(values):
    return np.asarray(values, dtype=np.int64).view(np.float64)


def _log(x):
    return elementary.log_core(np.asarray(x, dtype=np.float64), np, _to_bits, _to_float)


def _arctan_ratio(numerator, denominator):
    numerator, denominator = np.broadcast_arrays(
        np.asarray(numerator, dtype=np.float64), np.asarray(denominator, dtype=np.float64)
    )
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        return elementary.arctan_ratio_core(numerator, denominator, np, _to_bits, _to_float)


def _ulp_error(values, reference):
    return np.abs(values - reference) / np.spacing(np.abs(reference))


def test_log_core_within_a_few_ulp_over_the_normal_range():
    rng = np.random.default_rng(3)
    x = np.concatenate(
        [
            np.exp(rng.uniform(-700.0, 700.0, 200_000)),
            rng.uniform(0.5, 2.0, 200_000),
            1.0 + rng.normal(0.0, 1e-9, 2_000),
            [2.2250738585072014e-308, 1.7976931348623157e308, 0.5, 2.0, np.sqrt(0.5)],
        ]
    )
    reference = np.log(x)
    nonzero = reference != 0.0
    assert _ulp_error(_log(x)[nonzero], reference[nonzero]).max() <= MAX_ULP
    assert _log(1.0) == 0.0


def test_log_core_special_values():
    values = _log([0.0, -0.0, -1.0, np.inf, -np.inf, np.nan, 1e-310])
    np.testing.assert_array_equal(values[:2], [-np.inf, -np.inf])
    assert np.isnan(values[2]) and values[3] == np.inf
    assert np.isnan(values[4]) and np.isnan(values[5])
    # Subnormals count as zero, as they do under XLA on CPU (which flushes them).
    assert values[6] == -np.inf


def test_arctan_ratio_core_within_a_few_ulp():
    rng = np.random.default_rng(4)
    numerator = np.concatenate(
        [rng.normal(0.0, 2.0, 200_000), np.tan(rng.uniform(-1.57, 1.57, 200_000))]
    )
    denominator = np.concatenate([rng.uniform(0.05, 3.0, 200_000), np.ones(200_000)])
    reference = np.arctan2(numerator, denominator)
    values = _arctan_ratio(numerator, denominator)
    assert _ulp_error(values, reference).max() <= MAX_ULP
    # The reduction boundaries tan(pi/8) and tan(3 pi/8), and huge / tiny ratios.
    edges = np.array([0.41421356237309504880, 2.41421356237309504880, 1e300, 1e-300, -7.5])
    assert _ulp_error(_arctan_ratio(edges, 1.0), np.arctan(edges)).max() <= MAX_ULP


def test_arctan_ratio_core_special_values():
    values = _arctan_ratio(
        [0.0, -0.0, np.inf, -np.inf, 3.0, np.nan], [1.0, 1.0, 1.0, 2.0, np.inf, 1.0]
    )
    assert values[0] == 0.0 and np.signbit(values[1])
    assert values[2] == pytest.approx(np.pi / 2, abs=0) and values[3] == -values[2]
    assert values[4] == 0.0 and np.isnan(values[5])


def test_pade_from_taylor_is_exact():
    # [1/1] approximant of exp: (1 + x/2) / (1 - x/2).
    taylor = [Fraction(1), Fraction(1), Fraction(1, 2)]
    p, q = elementary.pade_from_taylor(taylor, 1)
    assert p == [1, Fraction(1, 2)] and q == [1, Fraction(-1, 2)]
    # The kernels' approximants reproduce the first 2m + 1 Taylor terms exactly.
    for sign, order in ((1, 4), (-1, 6)):
        terms = [Fraction(sign) ** k / (2 * k + 1) for k in range(2 * order + 1)]
        p, q = elementary.pade_from_taylor(terms, order)
        for k in range(2 * order + 1):
            product = sum(q[j] * terms[k - j] for j in range(min(k, order) + 1))
            assert product == (p[k] if k <= order else 0)


def test_numpy_path_uses_numpy_functions():
    x = np.array([0.3, 1.7, 42.0])
    np.testing.assert_array_equal(numerics.log(x), np.log(x))
    np.testing.assert_array_equal(numerics.arctan(x), np.arctan(x))
    np.testing.assert_array_equal(numerics.arctan_ratio(x, 2.0), np.arctan2(x, 2.0))


def test_log_exponent_extraction_is_exact_across_binades():
    # The exponent as a float without an int64 conversion: exactly k for 2^k and 1.5 * 2^k, and
    # k for the reduction boundary sqrt(1/2) 2^(k+1) (where the reduced mantissa wraps).
    k = np.arange(-1021, 1023)
    for x in (np.ldexp(1.0, k), np.ldexp(1.5, k), np.ldexp(np.sqrt(0.5), k + 1)):
        offset = _to_bits(x) - elementary._SQRT_HALF_BITS
        exponent = elementary._float_of_exponent(offset, _to_bits, _to_float)
        np.testing.assert_array_equal(exponent, (offset >> 52).astype(np.float64))
    np.testing.assert_array_equal(
        elementary._float_of_exponent(
            _to_bits(np.ldexp(1.0, k)) - elementary._SQRT_HALF_BITS, _to_bits, _to_float
        ),
        k,
    )
