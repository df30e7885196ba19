import numpy as np
import pytest
from scipy.integrate import quad

from autogalaxy.profiles.mass.dark import ludlow16

# PyAutoGalaxy 2026.10.26.1's Ludlow16 concentrations (M in M_sun / h, z).
REFERENCE_CONCENTRATIONS = [
    ((1e9 * 0.6774, 0.5), 12.044392301075906),
    ((1e12 * 0.6774, 0.3), 7.894208239535137),
    ((3e13 * 0.6774, 1.2), 4.293992087015125),
    ((1e10 * 0.6774, 2.0), 6.200142155095206),
]


@pytest.mark.parametrize("inputs, expected", REFERENCE_CONCENTRATIONS)
def test__concentration__matches_pyautogalaxy(inputs, expected):
    assert ludlow16.concentration_from(*inputs) == pytest.approx(expected, rel=1e-12)


def test__concentration_falls_with_mass_and_redshift():
    masses = [1e9, 1e11, 1e13, 1e15]
    c = [ludlow16.concentration_from(m, 0.5) for m in masses]
    assert np.all(np.diff(c) < 0.0)
    assert ludlow16.concentration_from(1e12, 1.5) < ludlow16.concentration_from(1e12, 0.2)


def test__sigma_is_normalised_to_sigma8_and_falls_with_radius():
    cosmology = ludlow16.COSMOLOGY_PLANCK15
    assert ludlow16.sigma_from(8.0) == pytest.approx(cosmology["sigma8"], rel=1e-14)
    sigmas = ludlow16.sigma_from(np.array([0.1, 1.0, 8.0, 30.0]))
    assert np.all(np.diff(sigmas) < 0.0)


def test__growth_factor_is_one_today_and_matches_the_integral():
    om0 = 0.3

    def exact(z):
        e = lambda zz: np.sqrt(om0 * (1 + zz) ** 3 + 1 - om0)  # noqa: E731
        return e(z) * quad(lambda zz: (1 + zz) / e(zz) ** 3, z, np.inf, epsrel=1e-12)[0]

    assert ludlow16.growth_factor_from(0.0, om0) == pytest.approx(1.0, rel=1e-15)
    # the fixed trapezoid rule is PyAutoGalaxy's; it is accurate to ~1e-4
    assert ludlow16.growth_factor_from(1.0, om0) == pytest.approx(exact(1.0) / exact(0.0), rel=1e-3)


def test__transfer_function_is_one_on_large_scales_and_falls_on_small():
    c = ludlow16.COSMOLOGY_PLANCK15
    t = ludlow16.transfer_function_eh98(
        np.array([1e-5, 1e-2, 1.0, 100.0]), c["h"], c["Om0"], c["Ob0"], c["Tcmb0"]
    )
    assert t[0] == pytest.approx(1.0, abs=1e-4)
    assert np.all(np.diff(t) < 0.0)


def test__top_hat_window_series_joins_the_closed_form():
    edge = ludlow16.WINDOW_SERIES_BELOW
    below = ludlow16.top_hat_window(np.array([edge * (1 - 1e-9)]))
    above = ludlow16.top_hat_window(np.array([edge * (1 + 1e-9)]))
    assert below[0] == pytest.approx(above[0], rel=1e-8)  # closed form loses ~1e-10 there
    assert ludlow16.top_hat_window(np.array([0.0]))[0] == 1.0


def test__einasto_mass_ratio_is_one_at_c_equal_one_and_falls():
    ratio = ludlow16.einasto_mass_ratio_from(np.array([1.0, 5.0, 20.0]))
    assert ratio[0] == pytest.approx(1.0, rel=1e-14)
    assert np.all(np.diff(ratio) < 0.0)
