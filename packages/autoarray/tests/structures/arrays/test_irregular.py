"""ArrayIrregular and the slim/native helpers of array_2d_util."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.structures.arrays import array_2d_util


def test_array_irregular_basics():
    arr = aa.ArrayIrregular([1.0, 2.0, 3.0])
    assert arr.slim is arr
    assert arr.native is arr
    assert arr.in_list == [1.0, 2.0, 3.0]
    assert type(arr * 2.0) is aa.ArrayIrregular


@pytest.mark.parametrize("values", [np.ones((2, 2)), 1.0])
def test_array_irregular_must_be_1d(values):
    with pytest.raises(exc.ArrayException):
        aa.ArrayIrregular(values)


def test_native_from_slim_and_back_for_vectors():
    mask = aa.Mask2D([[False, True], [False, False]], pixel_scales=1.0)
    slim = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    native = array_2d_util.native_from_slim(slim, mask)
    assert native.shape == (2, 2, 2)
    np.testing.assert_array_equal(native[0, 1], [0.0, 0.0])
    np.testing.assert_array_equal(native[1, 0], [3.0, 4.0])
    np.testing.assert_array_equal(array_2d_util.slim_from_native(native, mask), slim)


@pytest.mark.parametrize(
    "old_shape, new_shape", [((3, 3), (5, 5)), ((4, 4), (6, 6)), ((5, 5), (3, 3)), ((4, 3), (2, 5))]
)
def test_resized_array_centre_aligned(old_shape, new_shape):
    array = np.arange(np.prod(old_shape), dtype=float).reshape(old_shape) + 1.0
    out = array_2d_util.resized_array_2d_from(array, new_shape, pad_value=-1.0)
    assert out.shape == new_shape
    back = array_2d_util.resized_array_2d_from(out, old_shape, pad_value=-1.0)
    if all(n >= o for n, o in zip(new_shape, old_shape)):
        np.testing.assert_array_equal(back, array)
        assert np.sum(out == -1.0) == np.prod(new_shape) - np.prod(old_shape)
