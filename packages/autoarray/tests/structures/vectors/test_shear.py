"""ShearYX2DIrregular: a vector field read as a weak-lensing shear (γ2, γ1)."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


@pytest.fixture
def shear():
    grid = aa.Grid2DIrregular([(1.0, 0.0), (0.0, 1.0), (-1.0, 2.0)])
    return aa.ShearYX2DIrregular([[0.1, 0.2], [0.0, -0.3], [-0.05, 0.0]], grid=grid)


def test_is_a_vector_field(shear):
    assert isinstance(shear, aa.VectorYX2DIrregular)
    np.testing.assert_array_equal(shear.y.array, [0.1, 0.0, -0.05])
    assert type(shear * 2.0) is aa.ShearYX2DIrregular


def test_ellipticities_and_axes(shear):
    gamma = np.array([np.hypot(0.1, 0.2), 0.3, 0.05])
    assert type(shear.ellipticities) is aa.ArrayIrregular
    np.testing.assert_allclose(shear.ellipticities.array, gamma, rtol=1e-14)
    np.testing.assert_allclose(shear.semi_major_axes.array, 3.0 * (1.0 + gamma), rtol=1e-14)
    np.testing.assert_allclose(shear.semi_minor_axes.array, 3.0 * (1.0 - gamma), rtol=1e-14)


def test_phis_are_half_the_angle_of_gamma_in_degrees(shear):
    # (γ2, γ1) = (0.1, 0.2): ½ atan2(0.1, 0.2); pure -γ1: 90°; pure -γ2: -45°.
    expected = [0.5 * np.degrees(np.arctan2(0.1, 0.2)), 90.0, -45.0]
    np.testing.assert_allclose(shear.phis.array, expected, rtol=1e-14)


def test_elliptical_patches_sit_at_the_positions(shear):
    patches = shear.elliptical_patches
    assert len(patches) == 3
    assert patches[0].center == pytest.approx((0.0, 1.0))
    assert patches[0].width == pytest.approx(shear.semi_major_axes.array[0])
    assert patches[0].height == pytest.approx(shear.semi_minor_axes.array[0])
    assert patches[1].angle == pytest.approx(90.0)


def test_patches_need_positions():
    with pytest.raises(exc.ArrayException, match="grid"):
        _ = aa.ShearYX2DIrregular([[0.1, 0.2]]).elliptical_patches
