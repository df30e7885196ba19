"""``Grid2D.scaled_minima / scaled_maxima / extent_with_buffer_from / total_area`` against
PyAutoArray 2026.10.26.1 (circular mask, radius 0.6, pixel scales (0.2, 0.1), origin (0.3, -0.2))."""

import pytest

import autoarray as aa


def grid():
    mask = aa.Mask2D.circular(
        shape_native=(11, 14), radius=0.6, pixel_scales=(0.2, 0.1), origin=(0.3, -0.2)
    )
    return aa.Grid2D.from_mask(mask=mask)


def test_matches_pyautoarray():
    g = grid()
    assert g.scaled_minima == pytest.approx((-0.1, -0.75), abs=1e-15)
    assert g.scaled_maxima == pytest.approx((0.7000000000000001, 0.35000000000000003), abs=1e-15)
    assert g.extent_with_buffer_from() == pytest.approx(
        [-0.75000001, 0.35000001000000003, -0.10000001, 0.7000000100000001], abs=1e-15
    )
    assert g.extent_with_buffer_from(buffer=0.5) == pytest.approx(
        [-1.25, 0.8500000000000001, -0.6, 1.2000000000000002], abs=1e-15
    )
    assert (g.total_pixels, g.pixel_area) == (52, pytest.approx(0.02, rel=1e-14))
    assert g.total_area == pytest.approx(1.04, rel=1e-14)


def test_native_storage_gives_the_same_minima():
    """Masked pixels (stored as 0 in native form) do not count."""
    assert grid().native.scaled_minima == grid().scaled_minima
