"""Array2D: slim / native representations, factories, masking, resizing and FITS output."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


@pytest.fixture
def mask():
    return aa.Mask2D(
        [[True, False, True], [False, False, False], [True, False, True]], pixel_scales=1.0
    )


def test_slim_input_is_stored_slim(mask):
    arr = aa.Array2D([1.0, 2.0, 3.0, 4.0, 5.0], mask)
    assert arr.shape == (5,)
    assert arr.shape_slim == 5
    assert arr.shape_native == (3, 3)
    assert arr.slim is arr
    assert arr.mask is mask
    assert arr.pixel_scales == (1.0, 1.0)
    assert arr.origin == (0.0, 0.0)
    assert arr.pixel_area == 1.0


def test_native_places_slim_values_row_major_with_zeros(mask):
    arr = aa.Array2D([1.0, 2.0, 3.0, 4.0, 5.0], mask)
    native = arr.native
    assert type(native) is aa.Array2D
    assert native.mask is mask
    assert native.shape == (3, 3)
    np.testing.assert_array_equal(native.array, [[0.0, 1.0, 0.0], [2.0, 3.0, 4.0], [0.0, 5.0, 0.0]])
    assert native.native is native


def test_native_input_is_zeroed_where_masked_and_stored_slim(mask):
    values = np.arange(1.0, 10.0).reshape(3, 3)
    arr = aa.Array2D(values, mask)
    np.testing.assert_array_equal(arr.array, [2.0, 4.0, 5.0, 6.0, 8.0])
    np.testing.assert_array_equal(
        arr.native.array, [[0.0, 2.0, 0.0], [4.0, 5.0, 6.0], [0.0, 8.0, 0.0]]
    )


def test_slim_native_round_trips(mask):
    rng = np.random.default_rng(0)
    slim = rng.normal(size=5)
    arr = aa.Array2D(slim, mask)
    np.testing.assert_array_equal(arr.native.slim.array, slim)
    np.testing.assert_array_equal(aa.Array2D(arr.native.array, mask).array, slim)
    native = aa.Array2D(slim, mask, store_native=True)
    assert native.shape == (3, 3)
    np.testing.assert_array_equal(native.slim.array, slim)
    np.testing.assert_array_equal(native.native.array, arr.native.array)


def test_round_trip_on_random_mask():
    rng = np.random.default_rng(5)
    mask = aa.Mask2D(rng.random((8, 6)) > 0.5, pixel_scales=0.3)
    slim = rng.normal(size=mask.pixels_in_mask)
    arr = aa.Array2D(slim, mask)
    native = arr.native.array
    assert np.all(native[mask.array] == 0.0)
    np.testing.assert_array_equal(native[~mask.array], slim)
    np.testing.assert_array_equal(arr.native.slim.array, slim)


def test_boolean_values(mask):
    arr = aa.Array2D(np.ones((3, 3), dtype=bool), mask)
    assert arr.array.dtype == bool
    assert arr.array.all()
    assert arr.native.array.sum() == 5


@pytest.mark.parametrize(
    "values", [np.ones(4), np.ones(6), np.ones((3, 4)), np.ones((5, 1)), np.ones((3, 3, 1))]
)
def test_shape_mismatch_raises(mask, values):
    with pytest.raises(exc.ArrayException):
        aa.Array2D(values, mask)


def test_mask_must_be_mask2d():
    with pytest.raises(exc.ArrayException):
        aa.Array2D(np.ones((2, 2)), np.zeros((2, 2), dtype=bool))


def test_no_mask_native_and_slim_input():
    arr = aa.Array2D.no_mask([[1.0, 2.0], [3.0, 4.0]], pixel_scales=0.5, origin=(1.0, 0.0))
    assert arr.mask.is_all_false
    assert arr.pixel_scales == (0.5, 0.5)
    assert arr.origin == (1.0, 0.0)
    np.testing.assert_array_equal(arr.array, [1.0, 2.0, 3.0, 4.0])
    slim = aa.Array2D.no_mask([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], pixel_scales=1.0, shape_native=(2, 3))
    np.testing.assert_array_equal(slim.native.array, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    wrapped = aa.Array2D.no_mask(slim, pixel_scales=1.0, shape_native=(2, 3))
    np.testing.assert_array_equal(wrapped.array, slim.array)


def test_no_mask_errors():
    with pytest.raises(exc.ArrayException):
        aa.Array2D.no_mask([1.0, 2.0], pixel_scales=1.0)
    with pytest.raises(exc.ArrayException):
        aa.Array2D.no_mask(np.ones((2, 2, 2)), pixel_scales=1.0)
    with pytest.raises(exc.GeometryException):
        aa.Array2D.no_mask(np.ones((2, 2)), pixel_scales=0.0)
    with pytest.raises(exc.GeometryException):
        aa.Array2D.no_mask(np.ones((2, 2)), pixel_scales=-0.1)


def test_full_ones_zeros():
    full = aa.Array2D.full(2.5, (2, 3), pixel_scales=0.1)
    assert full.shape_native == (2, 3)
    np.testing.assert_array_equal(full.array, np.full(6, 2.5))
    np.testing.assert_array_equal(aa.Array2D.ones((2, 2), 1.0).array, np.ones(4))
    np.testing.assert_array_equal(aa.Array2D.zeros((2, 2), 1.0).array, np.zeros(4))


def test_apply_mask(mask):
    arr = aa.Array2D.no_mask(np.arange(9.0).reshape(3, 3), pixel_scales=1.0)
    masked = arr.apply_mask(mask)
    assert masked.mask is mask
    np.testing.assert_array_equal(masked.array, [1.0, 3.0, 4.0, 5.0, 7.0])
    with pytest.raises(exc.MaskException):
        arr.apply_mask(aa.Mask2D.all_false((2, 2), 1.0))


def test_resized_from_pads_with_zeros_and_crops():
    arr = aa.Array2D.no_mask(np.arange(1.0, 10.0).reshape(3, 3), pixel_scales=1.0)
    padded = arr.resized_from((5, 5))
    assert padded.shape_native == (5, 5)
    np.testing.assert_array_equal(padded.native.array[1:4, 1:4], arr.native.array)
    assert padded.native.array[0].sum() == 0.0
    assert padded.mask.is_all_false
    masked_pad = arr.resized_from((5, 5), mask_pad_value=True)
    assert masked_pad.mask.pixels_in_mask == 9
    cropped = arr.resized_from((1, 1))
    np.testing.assert_array_equal(cropped.array, [5.0])


def test_padded_before_and_trimmed_after_convolution():
    arr = aa.Array2D.no_mask(np.arange(12.0).reshape(3, 4), pixel_scales=1.0)
    padded = arr.padded_before_convolution_from((3, 5))
    assert padded.shape_native == (5, 8)
    trimmed = padded.trimmed_after_convolution_from((3, 5))
    assert trimmed.shape_native == (3, 4)
    np.testing.assert_array_equal(trimmed.native.array, arr.native.array)


def test_output_to_fits_round_trip(tmp_path, mask):
    arr = aa.Array2D([1.0, 2.0, 3.0, 4.0, 5.0], mask)
    path = tmp_path / "image.fits"
    arr.output_to_fits(path)
    loaded = aa.Array2D.from_fits(path, pixel_scales=1.0)
    np.testing.assert_array_equal(loaded.native.array, arr.native.array)
    assert loaded.header["PIXSCAY"] == 1.0
    with pytest.raises(exc.FitsException):
        arr.output_to_fits(path)
    (arr * 2.0).output_to_fits(path, overwrite=True)
    np.testing.assert_array_equal(
        aa.Array2D.from_fits(path, pixel_scales=1.0).native.array, 2.0 * arr.native.array
    )


def test_repr():
    assert "Array2D" in repr(aa.Array2D.ones((1, 2), 1.0))


def test_non_finite_values_in_masked_pixels_become_zero(mask):
    values = np.full((3, 3), np.nan)
    values[~mask.array] = [1.0, 2.0, 3.0, 4.0, 5.0]
    arr = aa.Array2D(values, mask, store_native=True)
    assert np.all(np.isfinite(arr.array))
    assert np.all(arr.array[mask.array] == 0.0)
    np.testing.assert_array_equal(arr.slim.array, [1.0, 2.0, 3.0, 4.0, 5.0])
    # The caller's array is not modified.
    assert np.isnan(values[0, 0])
