"""Pixel <-> scaled coordinate conversions: row 0 at the top, +y up, +x right, (y, x) order."""

import numpy as np
import pytest

from autoarray import exc
from autoarray.geometry import geometry_util


def test_scalar_pixel_scale_is_promoted():
    assert geometry_util.convert_pixel_scales(0.5) == (0.5, 0.5)
    assert geometry_util.convert_pixel_scales(2) == (2.0, 2.0)
    assert geometry_util.convert_pixel_scales(np.float32(0.25)) == (0.25, 0.25)
    assert geometry_util.convert_pixel_scales((0.1, 0.2)) == (0.1, 0.2)


@pytest.mark.parametrize(
    "bad", [0.0, -1.0, (0.1, 0.0), (-0.1, 0.1), (np.inf, 0.1), (np.nan, 0.1), "a", (0.1,), None]
)
def test_invalid_pixel_scales_raise(bad):
    with pytest.raises(exc.GeometryException):
        geometry_util.convert_pixel_scales(bad)


def test_central_pixel():
    assert geometry_util.central_pixel_from((3, 3)) == (1.0, 1.0)
    assert geometry_util.central_pixel_from((4, 5)) == (1.5, 2.0)


def test_pixel_centres_3x3_unit_scale():
    grid = geometry_util.pixel_centres_from((3, 3), (1.0, 1.0))
    assert grid.shape == (3, 3, 2)
    # Row 0 is the top (largest y); column 0 is the left (smallest x).
    np.testing.assert_array_equal(grid[:, 0, 0], [1.0, 0.0, -1.0])
    np.testing.assert_array_equal(grid[0, :, 1], [-1.0, 0.0, 1.0])
    np.testing.assert_array_equal(grid[0, 0], [1.0, -1.0])
    np.testing.assert_array_equal(grid[2, 2], [-1.0, 1.0])


def test_pixel_centres_even_shape_anisotropic_scales_and_origin():
    grid = geometry_util.pixel_centres_from((2, 4), (0.5, 2.0), origin=(1.0, -1.0))
    np.testing.assert_allclose(grid[:, 0, 0], [1.25, 0.75])
    np.testing.assert_allclose(grid[0, :, 1], [-4.0, -2.0, 0.0, 2.0])


def test_scaled_to_pixel_round_trip():
    shape, scales, origin = (5, 6), (0.3, 0.2), (0.1, -0.2)
    centres = geometry_util.pixel_centres_from(shape, scales, origin)
    for row in range(shape[0]):
        for col in range(shape[1]):
            assert geometry_util.pixel_coordinates_from_scaled(
                tuple(centres[row, col]), shape, scales, origin
            ) == (row, col)


def test_scaled_to_pixel_inside_a_pixel():
    # (0.4, -0.4) lies inside the centre pixel of a 3x3 unit grid; (0.9, 0.9) in the top-right.
    assert geometry_util.pixel_coordinates_from_scaled((0.4, -0.4), (3, 3), (1.0, 1.0)) == (1, 1)
    assert geometry_util.pixel_coordinates_from_scaled((0.9, 0.9), (3, 3), (1.0, 1.0)) == (0, 2)
