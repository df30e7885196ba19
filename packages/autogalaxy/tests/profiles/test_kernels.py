"""autogalaxy.profiles.kernels: the in-place NumPy evaluation equals the plain expression."""

import numpy as np
import pytest

from autogalaxy.profiles import kernels


def _radii_squared():
    values = np.random.default_rng(5).uniform(0.0, 9.0, size=500)
    values[0] = 0.0  # the centre: log(0) = -inf must give exp(-inf) = 0 quietly
    return values


@pytest.mark.parametrize("exponent", [0.5, 1.0, 0.125, 0.37, 2.0])
def test_in_place_evaluation_equals_the_plain_expression_bit_for_bit(exponent):
    radii_squared = _radii_squared()
    plain = 2.5 * np.exp(-1.7 * kernels.radii_squared_power_from(radii_squared, exponent))
    via_formula = kernels.amplitude_exp_rate_power_from(radii_squared, 2.5, -1.7, exponent)
    handed_over = radii_squared.copy()
    in_place = kernels.amplitude_exp_rate_power_from(
        handed_over, 2.5, -1.7, exponent, overwrite=True
    )
    assert in_place is handed_over  # evaluated in the array the caller handed over
    np.testing.assert_array_equal(via_formula, plain)
    np.testing.assert_array_equal(in_place, plain)


def test_without_overwrite_the_input_is_left_alone():
    radii_squared = _radii_squared()
    before = radii_squared.copy()
    kernels.amplitude_exp_rate_power_from(radii_squared, 1.0, -1.0, 0.3)
    np.testing.assert_array_equal(radii_squared, before)


def test_array_parameters_take_the_plain_expression_even_when_overwrite_is_allowed():
    radii_squared = _radii_squared()
    before = radii_squared.copy()
    amplitude = np.array([1.5])  # not a plain number: no in-place evaluation
    values = kernels.amplitude_exp_rate_power_from(
        radii_squared, amplitude, -1.0, 0.3, overwrite=True
    )
    np.testing.assert_array_equal(radii_squared, before)
    np.testing.assert_allclose(values, 1.5 * np.exp(-(before**0.3)), rtol=1e-14)


def test_eccentric_quadratic_form_in_place_equals_the_plain_expression_bit_for_bit():
    rng = np.random.default_rng(8)
    dy, dx = rng.uniform(-3.0, 3.0, size=(2, 400))
    c_xx, c_xy, c_yy = 1.3, -0.4, 0.9
    plain = kernels.eccentric_radii_squared_via_offsets_from(dy, dx, c_xx, c_xy, c_yy)
    handed_y, handed_x = dy.copy(), dx.copy()
    in_place = kernels.eccentric_radii_squared_via_offsets_from(
        handed_y, handed_x, c_xx, c_xy, c_yy, overwrite=True
    )
    np.testing.assert_array_equal(in_place, plain)
    np.testing.assert_allclose(plain, c_xx * dx**2 + c_xy * dx * dy + c_yy * dy**2, rtol=1e-13)
    # Without overwrite the offsets are left alone.
    kernels.eccentric_radii_squared_via_offsets_from(dy, dx, c_xx, c_xy, c_yy)
    np.testing.assert_array_equal(dy, np.random.default_rng(8).uniform(-3.0, 3.0, size=(2, 400))[0])
