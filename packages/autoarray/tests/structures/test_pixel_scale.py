import pytest

import autoarray as aa
from autoarray import exc


def test__grid_2d_and_array_2d__pixel_scale_of_square_pixels():
    grid = aa.Grid2D.uniform(shape_native=(4, 4), pixel_scales=0.05)
    array = aa.Array2D.no_mask([[1.0, 2.0], [3.0, 4.0]], pixel_scales=0.1)

    assert grid.pixel_scale == 0.05
    assert array.pixel_scale == 0.1


def test__grid_1d_and_array_1d__pixel_scale():
    assert aa.Grid1D.uniform(shape_native=(4,), pixel_scales=0.3).pixel_scale == 0.3
    assert aa.Array1D.no_mask([1.0, 2.0], pixel_scales=0.2).pixel_scale == 0.2


def test__grid_2d__non_square_pixels__follows_the_mask():
    grid = aa.Grid2D.uniform(shape_native=(4, 4), pixel_scales=(0.05, 0.1))

    with pytest.raises(exc.GeometryException):
        _ = grid.pixel_scale
