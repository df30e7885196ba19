import numpy as np
import pytest

import autoarray as aa
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light import linear_operated as lp_linear_operated
from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light import standard_operated as lp_operated
from autogalaxy.profiles.light.operated import LightProfileOperated

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


@pytest.mark.parametrize("name", ["Gaussian", "Moffat", "Sersic"])
def test__operated_profiles_match_standard_and_respect_operated_only(name):
    grid = aa.Grid2DIrregular(POINTS)
    operated = getattr(lp_operated, name)(ell_comps=(0.1, 0.0), intensity=2.0)
    standard = getattr(lp, name)(ell_comps=(0.1, 0.0), intensity=2.0)
    values = standard.image_2d_from(grid).array

    assert isinstance(operated, LightProfileOperated)
    assert isinstance(operated, getattr(lp, name))
    assert operated.image_2d_from(grid).array == pytest.approx(values)
    assert operated.image_2d_from(grid, operated_only=True).array == pytest.approx(values)
    assert operated.image_2d_from(grid, operated_only=False).array == pytest.approx(np.zeros(4))


@pytest.mark.parametrize("name", ["Gaussian", "Moffat", "Sersic"])
def test__linear_operated_profiles(name):
    grid = aa.Grid2DIrregular(POINTS)
    linear = getattr(lp_linear_operated, name)(ell_comps=(0.1, 0.0))

    assert isinstance(linear, LightProfileOperated)
    assert isinstance(linear, lp_linear.LightProfileLinear)
    assert linear.image_2d_from(grid, operated_only=False).array == pytest.approx(np.zeros(4))

    standard = linear.lp_instance_from(3.0)

    assert type(standard) is getattr(lp_operated, name)
    assert standard.image_2d_from(grid).array == pytest.approx(
        3.0 * linear.image_2d_from(grid).array
    )
