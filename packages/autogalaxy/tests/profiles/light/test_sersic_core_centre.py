"""SersicCore at R = 0 (a centre on a grid point): the analytic limit, never NaN."""

import numpy as np
import pytest

import autoarray as aa
from autogalaxy.profiles.light import standard as lp


def _centre_and_neighbour(**kwargs):
    grid = aa.Grid2DIrregular([(0.0, 0.0), (0.0, 0.1)])
    profile = lp.SersicCore(centre=(0.0, 0.0), ell_comps=(0.1, 0.05), **kwargs)
    with np.errstate(all="raise"):  # no 0 * inf / log(0) warning is left to NumPy
        return profile.image_2d_from(grid).array


def test_flat_core_is_the_core_value_of_pyautogalaxy():
    # PyAutoGalaxy 2026.10.26.1 gives these centre values (gamma = 0: a flat core)
    assert _centre_and_neighbour(gamma=0.0)[0] == pytest.approx(0.06144000255772423, rel=1e-12)
    values = _centre_and_neighbour(gamma=0.0, radius_break=0.05, alpha=2.0, sersic_index=2.5)
    assert values[0] == pytest.approx(0.0646561652318952, rel=1e-12)
    assert values[1] == pytest.approx(0.03454788471293319, rel=1e-12)


def test_flat_core_centre_is_the_limit_of_nearby_points():
    profile = lp.SersicCoreSph(gamma=0.0, radius_break=0.05, alpha=3.0)
    centre = profile.image_2d_via_radii_from(np.array([0.0]))[0]
    near = profile.image_2d_via_radii_from(np.array([1e-7]))[0]
    assert centre == pytest.approx(near, rel=1e-9)


def test_negative_gamma_is_zero_and_positive_gamma_a_cusp():
    assert _centre_and_neighbour(gamma=-0.3)[0] == 0.0
    assert _centre_and_neighbour(gamma=0.3)[0] == np.inf  # genuinely singular, as PyAutoGalaxy


def test_no_break_radius_is_the_sersic_limit():
    # radius_break = 0: a Sersic, finite at the centre whatever gamma (PyAutoGalaxy gives NaN)
    profile = lp.SersicCoreSph(radius_break=0.0, gamma=0.25, alpha=3.0, intensity=0.05)
    centre = profile.image_2d_via_radii_from(np.array([0.0]))[0]
    assert centre == pytest.approx(0.05 * 2.0 ** (-0.25 / 3.0), rel=1e-12)
    assert np.isfinite(_centre_and_neighbour(radius_break=0.0, gamma=0.25)).all()
