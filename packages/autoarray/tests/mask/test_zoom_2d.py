"""``Mask2D.zoom`` (``Zoom2D``) and ``shape_native_masked_pixels`` equal PyAutoArray
2026.10.26.1's (``tests/files/arrays/expected.json``)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa

EXPECTED = json.loads(
    (Path(__file__).parents[1] / "files" / "arrays" / "expected.json").read_text(encoding="utf-8")
)


def _mask_array():
    mask = np.ones((9, 10), dtype=bool)
    mask[2:6, 3:9] = False
    mask[3, 5] = True
    return mask


@pytest.fixture
def mask():
    return aa.Mask2D(_mask_array(), pixel_scales=(0.5, 0.3), origin=(0.2, -0.1))


def test_zoom_quantities_equal_the_release(mask):
    expected = EXPECTED["zoom"]
    zoom = mask.zoom
    assert isinstance(zoom, aa.Zoom2D)
    np.testing.assert_allclose(zoom.centre, expected["centre"], atol=1e-12)
    np.testing.assert_allclose(zoom.offset_pixels, expected["offset_pixels"], atol=1e-12)
    np.testing.assert_allclose(zoom.offset_scaled, expected["offset_scaled"], atol=1e-12)
    assert zoom.region == expected["region"]
    assert list(zoom.shape_native) == expected["shape_native"]
    np.testing.assert_allclose(zoom.extent_from(buffer=1), expected["extent_buffer_1"], atol=1e-12)
    np.testing.assert_allclose(zoom.extent_from(buffer=0), expected["extent_buffer_0"], atol=1e-12)
    assert list(mask.shape_native_masked_pixels) == expected["shape_native_masked_pixels"]


def test_zoomed_mask_and_array_equal_the_release(mask):
    expected = EXPECTED["zoom"]
    zoomed_mask = mask.zoom.mask_2d_from(buffer=1)
    np.testing.assert_array_equal(zoomed_mask.array.astype(int), expected["mask_buffer_1"])
    np.testing.assert_allclose(zoomed_mask.origin, expected["mask_buffer_1_origin"], atol=1e-12)

    array = aa.Array2D(np.arange(90.0).reshape(9, 10) ** 1.5, mask=mask)
    zoomed = mask.zoom.array_2d_from(array=array, buffer=2)
    assert isinstance(zoomed, aa.Array2D)
    np.testing.assert_allclose(zoomed.native.array, expected["array_buffer_2"], rtol=1e-14)
    np.testing.assert_array_equal(zoomed.mask.array.astype(int), expected["array_buffer_2_mask"])
    np.testing.assert_allclose(zoomed.mask.origin, expected["array_buffer_2_origin"], atol=1e-12)


def test_region_of_a_tall_mask_grows_its_columns():
    values = np.ones((8, 8), dtype=bool)
    values[1:7, 3:5] = False  # 6 rows x 2 columns: lengths 5 and 1, grown by 2 on each side
    zoom = aa.Mask2D(values, pixel_scales=1.0).zoom
    assert zoom.region == [1, 7, 1, 7]
    assert zoom.shape_native == (6, 6)


def test_zoom_of_a_fully_masked_mask_and_a_bad_buffer_raise(mask):
    with pytest.raises(aa.exc.MaskException, match="unmasked"):
        aa.Zoom2D(aa.Mask2D(np.ones((3, 3), dtype=bool), pixel_scales=1.0))
    with pytest.raises(aa.exc.MaskException, match="buffer"):
        mask.zoom.mask_2d_from(buffer=-1)
