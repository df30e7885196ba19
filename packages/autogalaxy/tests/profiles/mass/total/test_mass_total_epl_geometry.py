import numpy as np
import pytest

from autogalaxy import convert
from autogalaxy.profiles.mass.total import epl_geometry


def test__ellipticity_is_clamped_without_changing_direction():
    e1, e2, f = epl_geometry.effective_ell_comps_from((0.0, 2.0))
    assert f == pytest.approx(convert.ELL_COMPS_MAGNITUDE_CLAMP)
    assert (e1, e2) == pytest.approx((0.0, convert.ELL_COMPS_MAGNITUDE_CLAMP))
    assert epl_geometry.effective_ell_comps_from((0.3, -0.4)) == pytest.approx((0.3, -0.4, 0.5))


def test__points_at_the_centre_move_to_a_stand_in():
    at_centre, y, x = epl_geometry.centre_safe_from(np.array([0.0, 0.5]), np.array([0.0, 0.1]))
    assert at_centre.tolist() == [True, False]
    assert y.tolist() == [0.0, 0.5] and x.tolist() == [1.0, 0.1]
