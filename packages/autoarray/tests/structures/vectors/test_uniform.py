"""VectorYX2D: (y, x) vectors on the unmasked pixels of a uniform grid."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


@pytest.fixture
def grid():
    mask = aa.Mask2D([[True, False], [False, False]], pixel_scales=1.0)
    return aa.Grid2D.from_mask(mask, over_sample_size=1)


def test_construct_from_grid_and_components(grid):
    values = np.array([[3.0, 4.0], [0.0, 1.0], [-1.0, 0.0]])
    vectors = aa.VectorYX2D(values, grid=grid)
    assert vectors.mask is grid.mask
    assert vectors.grid is grid
    assert vectors.slim is vectors
    y, x = vectors.y, vectors.x
    assert type(y) is aa.Array2D and type(x) is aa.Array2D
    np.testing.assert_array_equal(y.array, [3.0, 0.0, -1.0])
    np.testing.assert_array_equal(x.array, [4.0, 1.0, 0.0])
    magnitudes = vectors.magnitudes
    assert type(magnitudes) is aa.Array2D
    np.testing.assert_allclose(magnitudes.array, [5.0, 1.0, 1.0])
    assert vectors.average_magnitude == pytest.approx(7.0 / 3.0)


def test_mask_only_construction(grid):
    vectors = aa.VectorYX2D(np.zeros((3, 2)), mask=grid.mask)
    assert vectors.grid is None
    assert vectors.mask is grid.mask


def test_slim_native_round_trip(grid):
    values = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    vectors = aa.VectorYX2D(values, grid=grid)
    native = vectors.native
    assert native.shape == (2, 2, 2)
    np.testing.assert_array_equal(native[0, 0], [0.0, 0.0])
    np.testing.assert_array_equal(native[0, 1], [1.0, 2.0])
    np.testing.assert_array_equal(native[1, 1], [5.0, 6.0])
    rebuilt = aa.VectorYX2D(native, grid=grid)
    np.testing.assert_array_equal(rebuilt.array, values)


def test_arithmetic_keeps_class(grid):
    vectors = aa.VectorYX2D(np.ones((3, 2)), grid=grid)
    doubled = 2.0 * vectors
    assert type(doubled) is aa.VectorYX2D
    assert doubled.mask is grid.mask


def test_average_phi_is_half_polar_angle(grid):
    vectors = aa.VectorYX2D(np.array([[1.0, 1.0]] * 3), grid=grid)
    assert vectors.average_phi == pytest.approx(22.5)


@pytest.mark.parametrize("values", [np.zeros((2, 2)), np.zeros((3, 3)), np.zeros((3, 3, 2))])
def test_wrong_shapes_raise(grid, values):
    with pytest.raises(exc.ArrayException):
        aa.VectorYX2D(values, grid=grid)


def test_needs_mask_or_grid():
    with pytest.raises(exc.ArrayException):
        aa.VectorYX2D(np.zeros((1, 2)))
