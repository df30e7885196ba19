"""``Array1D`` / ``Mask1D``: slim and native forms on a 1-D mask."""

import numpy as np
import pytest

import autoarray as aa


def test_slim_and_native_on_a_partly_masked_line():
    mask = aa.Mask1D([False, True, False, False], pixel_scales=0.5)
    array = aa.Array1D([1.0, 2.0, 3.0, 4.0], mask=mask)
    np.testing.assert_array_equal(array.array, [1.0, 3.0, 4.0])
    np.testing.assert_array_equal(array.native.array, [1.0, 0.0, 3.0, 4.0])
    np.testing.assert_array_equal(array.native.slim.array, [1.0, 3.0, 4.0])
    assert array.shape_native == (4,) and array.shape_slim == (3,)
    assert array.pixel_scales == (0.5,) and array.origin == (0.0,)


def test_factories():
    np.testing.assert_array_equal(aa.Array1D.ones(3, pixel_scales=1.0).array, [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(aa.Array1D.zeros((2,), pixel_scales=1.0).array, [0.0, 0.0])
    assert aa.Mask1D.all_false(5, pixel_scales=(0.2,)).pixels_in_mask == 5


def test_bad_input_raises():
    with pytest.raises(aa.exc.MaskException, match="pixel_scales"):
        aa.Mask1D([False], pixel_scales=-1.0)
    with pytest.raises(aa.exc.MaskException, match="1-D"):
        aa.Mask1D(np.zeros((2, 2)), pixel_scales=1.0)
    with pytest.raises(aa.exc.ArrayException, match="match neither"):
        aa.Array1D([1.0, 2.0], mask=aa.Mask1D.all_false(3, pixel_scales=1.0))
