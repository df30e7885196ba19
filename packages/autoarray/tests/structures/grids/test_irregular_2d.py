"""Grid2DIrregular: arbitrary (y, x) coordinates with no mask."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


def test_list_of_tuples():
    grid = aa.Grid2DIrregular([(1.0, 2.0), (3.0, 4.0)])
    assert grid.shape == (2, 2)
    assert grid.array.dtype == np.float64
    assert grid.in_list == [(1.0, 2.0), (3.0, 4.0)]
    assert grid.slim is grid and grid.native is grid
    assert grid.is_transformed is False


def test_integer_input_is_cast_to_float_and_single_point_reshaped():
    grid = aa.Grid2DIrregular([1, 2])
    assert grid.shape == (1, 2)
    assert grid.array.dtype.kind == "f"


@pytest.mark.parametrize("values", [[1.0, 2.0, 3.0], np.zeros((3, 3)), np.zeros((2, 2, 2)), []])
def test_wrong_shapes_raise(values):
    with pytest.raises(exc.GridException):
        aa.Grid2DIrregular(values)


def test_from_yx_1d():
    grid = aa.Grid2DIrregular.from_yx_1d([1.0, 2.0], [3.0, 4.0])
    np.testing.assert_array_equal(grid.array, [[1.0, 3.0], [2.0, 4.0]])


def test_distances():
    grid = aa.Grid2DIrregular([(0.0, 3.0), (4.0, 0.0)])
    d = grid.distances_to_coordinate_from()
    assert type(d) is aa.ArrayIrregular
    np.testing.assert_allclose(d.array, [3.0, 4.0])
    np.testing.assert_allclose(
        grid.squared_distances_to_coordinate_from((0.0, 3.0)).array, [0.0, 25.0]
    )


def test_grid_via_deflections():
    grid = aa.Grid2DIrregular([(1.0, 1.0), (2.0, 2.0)])
    traced = grid.grid_2d_via_deflection_grid_from(np.array([[0.5, 0.5], [1.0, 0.0]]))
    assert type(traced) is aa.Grid2DIrregular
    np.testing.assert_allclose(traced.array, [[0.5, 0.5], [1.0, 2.0]])


def test_furthest_distances_and_closest():
    grid = aa.Grid2DIrregular([(0.0, 0.0), (0.0, 3.0), (4.0, 0.0)])
    far = grid.furthest_distances_to_other_coordinates()
    assert type(far) is aa.ArrayIrregular
    np.testing.assert_allclose(far.array, [4.0, 5.0, 5.0])
    closest = grid.grid_of_closest_from(aa.Grid2DIrregular([(3.9, 0.2), (0.1, 0.1)]))
    np.testing.assert_array_equal(closest.array, [[4.0, 0.0], [0.0, 0.0]])
