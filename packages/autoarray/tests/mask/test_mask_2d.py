"""Mask2D: construction, factories, geometry properties, resizing and FITS loading."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.dataset.fits import output_to_fits


def _centres(shape, scale):
    cy, cx = (shape[0] - 1) / 2, (shape[1] - 1) / 2
    rows, cols = np.indices(shape)
    return -(rows - cy) * scale, (cols - cx) * scale


# ---------------------------------------------------------------------------------- construction
def test_constructor_from_list_and_properties():
    mask = aa.Mask2D([[True, False], [False, False]], pixel_scales=0.5, origin=(1, 2))
    assert mask.shape_native == (2, 2)
    assert mask.pixel_scales == (0.5, 0.5)
    assert mask.pixel_scale == 0.5
    assert mask.origin == (1.0, 2.0)
    assert mask.pixels_in_mask == 3
    assert mask.shape_slim == 3
    assert mask.pixel_area == 0.25
    assert mask.native is mask
    assert mask.array.dtype == bool
    assert not mask.is_all_false
    assert not mask.is_all_true
    assert mask.header_dict == {"PIXSCAY": 0.5, "PIXSCAX": 0.5, "ORIGINY": 1.0, "ORIGINX": 2.0}


def test_invert_flips_values():
    mask = aa.Mask2D([[True, False]], pixel_scales=1.0, invert=True)
    np.testing.assert_array_equal(mask.array, [[False, True]])


def test_non_boolean_input_is_cast():
    mask = aa.Mask2D(np.array([[0, 2], [1, 0]]), pixel_scales=1.0)
    np.testing.assert_array_equal(mask.array, [[False, True], [True, False]])


def test_mask_from_mask_unwraps():
    mask = aa.Mask2D([[True, False]], pixel_scales=1.0)
    again = aa.Mask2D(mask, pixel_scales=2.0)
    np.testing.assert_array_equal(again.array, mask.array)
    assert again.pixel_scales == (2.0, 2.0)


@pytest.mark.parametrize("values", [[True, False], np.zeros((2, 2, 2), dtype=bool), True])
def test_non_2d_mask_raises(values):
    with pytest.raises(exc.MaskException):
        aa.Mask2D(values, pixel_scales=1.0)


@pytest.mark.parametrize("pixel_scales", [0.0, -0.1, (0.1, -0.1), (0.0, 0.1)])
def test_non_positive_pixel_scales_raise(pixel_scales):
    with pytest.raises(exc.GeometryException):
        aa.Mask2D.all_false((3, 3), pixel_scales=pixel_scales)
    with pytest.raises(exc.GeometryException):
        aa.Mask2D.circular((3, 3), radius=1.0, pixel_scales=pixel_scales)


def test_pixel_scale_ambiguous_for_rectangular_pixels():
    mask = aa.Mask2D.all_false((2, 2), pixel_scales=(0.1, 0.2))
    assert mask.pixel_area == pytest.approx(0.02)
    with pytest.raises(exc.GeometryException):
        _ = mask.pixel_scale


def test_all_false_and_all_true():
    mask = aa.Mask2D.all_false((3, 4), pixel_scales=1.0)
    assert mask.is_all_false
    assert mask.pixels_in_mask == 12
    inverted = aa.Mask2D.all_false((3, 4), pixel_scales=1.0, invert=True)
    assert inverted.is_all_true
    assert inverted.pixels_in_mask == 0


def test_pixels_in_mask_counts_false():
    rng = np.random.default_rng(1)
    values = rng.random((9, 7)) > 0.4
    mask = aa.Mask2D(values, pixel_scales=0.1)
    assert mask.pixels_in_mask == int(np.sum(~values))


def test_slim_to_native_tuple_row_major():
    mask = aa.Mask2D([[True, False, False], [False, True, True]], pixel_scales=1.0)
    rows, cols = mask.slim_to_native_tuple
    np.testing.assert_array_equal(rows, [0, 0, 1])
    np.testing.assert_array_equal(cols, [1, 2, 0])
    np.testing.assert_array_equal(mask.derive_indexes.native_for_slim, [[0, 1], [0, 2], [1, 0]])


def test_pixel_centres_and_mask_centre():
    mask = aa.Mask2D.all_false((3, 3), pixel_scales=1.0)
    np.testing.assert_array_equal(mask.pixel_centres[:, 0, 0], [1.0, 0.0, -1.0])
    np.testing.assert_array_equal(mask.pixel_centres[0, :, 1], [-1.0, 0.0, 1.0])
    off = aa.Mask2D(
        [[False, False, True], [False, False, True], [True, True, True]], pixel_scales=1.0
    )
    assert off.mask_centre == (0.5, -0.5)
    shifted = aa.Mask2D.all_false((3, 3), pixel_scales=1.0, origin=(1.0, 2.0))
    assert shifted.mask_centre == (1.0, 2.0)


# ---------------------------------------------------------------------------------- circular
def test_circular_radius_is_strict():
    # 3x3 unit grid: edge-centre pixels are at distance exactly 1, corners at sqrt(2).
    mask = aa.Mask2D.circular((3, 3), radius=1.0, pixel_scales=1.0)
    np.testing.assert_array_equal(
        mask.array, [[True, True, True], [True, False, True], [True, True, True]]
    )
    mask = aa.Mask2D.circular((3, 3), radius=1.0 + 1e-9, pixel_scales=1.0)
    np.testing.assert_array_equal(
        mask.array, [[True, False, True], [False, False, False], [True, False, True]]
    )
    mask = aa.Mask2D.circular((3, 3), radius=1.5, pixel_scales=1.0)
    assert mask.is_all_false


def test_circular_matches_brute_force():
    shape, scale, radius, centre = (12, 11), 0.2, 0.75, (0.1, -0.2)
    mask = aa.Mask2D.circular(shape, radius=radius, pixel_scales=scale, centre=centre)
    y, x = _centres(shape, scale)
    expected = np.hypot(y - centre[0], x - centre[1]) >= radius
    np.testing.assert_array_equal(mask.array, expected)
    assert mask.pixels_in_mask == int(np.sum(~expected))


def test_circular_centre_shifts_unmasked_region():
    mask = aa.Mask2D.circular((5, 5), radius=0.5, pixel_scales=1.0, centre=(1.0, -2.0))
    rows, cols = mask.slim_to_native_tuple
    assert (rows.tolist(), cols.tolist()) == ([1], [0])


def test_circular_invert():
    mask = aa.Mask2D.circular((3, 3), radius=1.0, pixel_scales=1.0, invert=True)
    assert mask.pixels_in_mask == 8


def test_circular_with_no_unmasked_pixels_raises():
    with pytest.raises(exc.MaskException):
        aa.Mask2D.circular((4, 4), radius=0.1, pixel_scales=1.0)


@pytest.mark.parametrize("radius", [0.0, -1.0])
def test_circular_non_positive_radius_raises(radius):
    with pytest.raises(exc.MaskException):
        aa.Mask2D.circular((3, 3), radius=radius, pixel_scales=1.0)


# ---------------------------------------------------------------------------------- annular
def test_circular_annular_inclusive_bounds():
    mask = aa.Mask2D.circular_annular(
        (3, 3), inner_radius=1.0, outer_radius=1.0 + 1e-9, pixel_scales=1.0
    )
    # Only the four edge-centre pixels (r = 1) are unmasked.
    np.testing.assert_array_equal(
        mask.array, [[True, False, True], [False, True, False], [True, False, True]]
    )


def test_circular_annular_matches_brute_force():
    shape, scale = (15, 15), 0.1
    mask = aa.Mask2D.circular_annular(
        shape, inner_radius=0.25, outer_radius=0.55, pixel_scales=scale, centre=(0.05, 0.0)
    )
    y, x = _centres(shape, scale)
    r = np.hypot(y - 0.05, x)
    np.testing.assert_array_equal(mask.array, ~((r >= 0.25) & (r <= 0.55)))


@pytest.mark.parametrize("inner, outer", [(1.0, 0.5), (0.5, 0.5), (-0.1, 1.0)])
def test_circular_annular_invalid_radii_raise(inner, outer):
    with pytest.raises(exc.MaskException):
        aa.Mask2D.circular_annular((5, 5), inner, outer, pixel_scales=1.0)


def test_circular_annular_empty_raises():
    with pytest.raises(exc.MaskException):
        aa.Mask2D.circular_annular((3, 3), 0.1, 0.2, pixel_scales=1.0)


# ---------------------------------------------------------------------------------- elliptical
def test_elliptical_with_unit_axis_ratio_is_circular_inclusive():
    ell = aa.Mask2D.elliptical(
        (9, 9), major_axis_radius=2.0, axis_ratio=1.0, angle=30.0, pixel_scales=1.0
    )
    y, x = _centres((9, 9), 1.0)
    np.testing.assert_array_equal(ell.array, np.hypot(y, x) > 2.0)


def test_elliptical_major_axis_along_angle():
    along_x = aa.Mask2D.elliptical(
        (9, 9), major_axis_radius=3.0, axis_ratio=0.4, angle=0.0, pixel_scales=1.0
    )
    rows, cols = along_x.slim_to_native_tuple
    assert np.ptp(cols) > np.ptp(rows)
    assert not along_x.array[4, 1] and along_x.array[1, 4]
    along_y = aa.Mask2D.elliptical(
        (9, 9), major_axis_radius=3.0, axis_ratio=0.4, angle=90.0, pixel_scales=1.0
    )
    np.testing.assert_array_equal(along_y.array, along_x.array.T)
    # 45 degrees counter-clockwise from +x: the major axis runs to the top-right (+y up).
    diagonal = aa.Mask2D.elliptical(
        (9, 9), major_axis_radius=3.0, axis_ratio=0.3, angle=45.0, pixel_scales=1.0
    )
    assert not diagonal.array[2, 6]  # (y, x) = (2, 2)
    assert diagonal.array[2, 2]  # (y, x) = (2, -2)


def test_elliptical_matches_brute_force():
    shape, scale, a, q, phi = (13, 11), 0.2, 0.8, 0.6, 35.0
    mask = aa.Mask2D.elliptical(
        shape, major_axis_radius=a, axis_ratio=q, angle=phi, pixel_scales=scale, centre=(0.1, 0.1)
    )
    y, x = _centres(shape, scale)
    y, x = y - 0.1, x - 0.1
    p = np.radians(phi)
    xr = x * np.cos(p) + y * np.sin(p)
    yr = -x * np.sin(p) + y * np.cos(p)
    np.testing.assert_array_equal(mask.array, np.sqrt(xr**2 + (yr / q) ** 2) > a)


@pytest.mark.parametrize("a, q", [(0.0, 0.5), (1.0, 0.0), (1.0, 1.5), (-1.0, 0.5)])
def test_elliptical_invalid_parameters_raise(a, q):
    with pytest.raises(exc.MaskException):
        aa.Mask2D.elliptical((5, 5), major_axis_radius=a, axis_ratio=q, angle=0.0, pixel_scales=1.0)


# ---------------------------------------------------------------------------------- pixel coordinates
def test_from_pixel_coordinates_without_buffer():
    mask = aa.Mask2D.from_pixel_coordinates((4, 4), [(1, 2), (3, 0)], pixel_scales=1.0)
    expected = np.ones((4, 4), dtype=bool)
    expected[1, 2] = expected[3, 0] = False
    np.testing.assert_array_equal(mask.array, expected)


def test_from_pixel_coordinates_with_buffer_is_clipped_at_edges():
    mask = aa.Mask2D.from_pixel_coordinates((5, 5), [(2, 2)], pixel_scales=1.0, buffer=1)
    expected = np.ones((5, 5), dtype=bool)
    expected[1:4, 1:4] = False
    np.testing.assert_array_equal(mask.array, expected)
    corner = aa.Mask2D.from_pixel_coordinates((5, 5), [(0, 4)], pixel_scales=1.0, buffer=2)
    expected = np.ones((5, 5), dtype=bool)
    expected[0:3, 2:5] = False
    np.testing.assert_array_equal(corner.array, expected)


def test_from_pixel_coordinates_outside_raises():
    with pytest.raises(exc.MaskException):
        aa.Mask2D.from_pixel_coordinates((3, 3), [(3, 0)], pixel_scales=1.0)
    with pytest.raises(exc.MaskException):
        aa.Mask2D.from_pixel_coordinates((3, 3), [(0, -1)], pixel_scales=1.0)


# ---------------------------------------------------------------------------------- resizing
def test_resized_from_pads_and_crops_centred():
    mask = aa.Mask2D([[False, True, False]] * 3, pixel_scales=1.0)
    padded = mask.resized_from((5, 5), pad_value=True)
    assert padded.shape_native == (5, 5)
    np.testing.assert_array_equal(padded.array[1:4, 1:4], mask.array)
    assert padded.array[0].all() and padded.array[:, 0].all()
    assert padded.pixels_in_mask == mask.pixels_in_mask
    unmasked_pad = mask.resized_from((5, 5))
    assert unmasked_pad.pixels_in_mask == 25 - 3
    cropped = padded.resized_from((3, 3))
    np.testing.assert_array_equal(cropped.array, mask.array)
    assert cropped.pixel_scales == mask.pixel_scales


def test_padded_from_adds_masked_border():
    mask = aa.Mask2D.all_false((2, 3), pixel_scales=0.5, origin=(0.1, 0.2))
    padded = mask.padded_from((1, 2))
    assert padded.shape_native == (4, 7)
    assert padded.pixels_in_mask == 6
    assert not padded.array[1:3, 2:5].any()
    assert padded.origin == (0.1, 0.2)


# ---------------------------------------------------------------------------------- FITS
def test_from_fits_round_trip(tmp_path):
    values = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    path = tmp_path / "mask.fits"
    output_to_fits(values, path)
    mask = aa.Mask2D.from_fits(path, pixel_scales=0.2, origin=(0.5, 0.0))
    np.testing.assert_array_equal(mask.array, values != 0)
    assert mask.pixel_scales == (0.2, 0.2)
    assert mask.origin == (0.5, 0.0)
    inverted = aa.Mask2D.from_fits(path, pixel_scales=0.2, invert=True)
    np.testing.assert_array_equal(inverted.array, values == 0)


def test_from_fits_resized(tmp_path):
    path = tmp_path / "mask.fits"
    output_to_fits(np.zeros((3, 3)), path)
    mask = aa.Mask2D.from_fits(path, pixel_scales=1.0, resized_mask_shape=(5, 5))
    assert mask.shape_native == (5, 5)
    assert mask.pixels_in_mask == 9  # the padding is masked


def test_from_fits_missing_file_raises(tmp_path):
    with pytest.raises(exc.FitsException):
        aa.Mask2D.from_fits(tmp_path / "absent.fits", pixel_scales=1.0)


def test_repr_mentions_shape():
    assert "pixels_in_mask=9" in repr(aa.Mask2D.all_false((3, 3), 1.0))


def test_is_circular_and_circular_radius():
    mask = aa.Mask2D.circular(shape_native=(15, 15), pixel_scales=0.2, radius=1.25)
    assert mask.is_circular
    assert mask.circular_radius == pytest.approx(1.3)  # 13 pixels across
    offset = aa.Mask2D.circular(
        shape_native=(16, 16), pixel_scales=0.2, radius=1.1, centre=(0.2, -0.3)
    )
    assert offset.is_circular
    annulus = aa.Mask2D.circular_annular(
        shape_native=(15, 15), pixel_scales=0.2, inner_radius=0.5, outer_radius=1.3
    )
    assert not annulus.is_circular
    # A 13x13 square differs from the disc of its area by more than the release's tolerance
    # (a 9x9 one does not, there as here).
    square = aa.Mask2D(np.pad(np.zeros((13, 13), dtype=bool), 3, constant_values=True), 0.2)
    assert not square.is_circular
    with pytest.raises(aa.exc.MaskException, match="circular mask"):
        _ = square.circular_radius


def test__circular__boundary_pixels_as_pyautoarray():
    # PyAutoArray 2026.10.26.1 keeps 25 pixels in both: a pixel 0.6" from the offset centre
    # is on the radius and stays masked (public imaging/convolution.py compares the two fits)
    centred = aa.Mask2D.circular(shape_native=(51, 51), pixel_scales=0.2, radius=0.6)
    offset = aa.Mask2D.circular(
        shape_native=(21, 21), pixel_scales=0.2, radius=0.6, centre=(0.0, 1.2)
    )
    assert centred.pixels_in_mask == 25
    assert offset.pixels_in_mask == 25
