"""``Mask2D.elliptical_annular`` against PyAutoArray 2026.10.26.1 (masks packed with
``np.packbits`` of the native boolean array, row-major)."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc

CASES = [
    (
        dict(
            shape_native=(15, 15),
            inner_major_axis_radius=0.5,
            inner_axis_ratio=0.5,
            inner_phi=45.0,
            outer_major_axis_radius=1.5,
            outer_axis_ratio=0.8,
            outer_phi=90.0,
            pixel_scales=(0.2, 0.2),
        ),
        91,
        "f83fe03f803e003c007800f061e1c3c307800f001e003e00fe03fe0f80",
    ),
    (
        dict(
            shape_native=(12, 17),
            inner_major_axis_radius=0.3,
            inner_axis_ratio=0.7,
            inner_phi=20.0,
            outer_major_axis_radius=1.2,
            outer_axis_ratio=0.6,
            outer_phi=-30.0,
            pixel_scales=(0.15, 0.1),
            centre=(0.2, -0.1),
        ),
        70,
        "001f8003c0006078107c003c0000010000e0007e003ffffffff0",
    ),
]


@pytest.mark.parametrize("kwargs, masked, packed", CASES)
def test_matches_pyautoarray(kwargs, masked, packed):
    mask = aa.Mask2D.elliptical_annular(**kwargs)
    native = np.asarray(mask)
    assert int(native.sum()) == masked
    assert np.packbits(native).tobytes().hex() == packed


def test_round_annulus_is_the_circular_annulus():
    kwargs = dict(shape_native=(10, 10), pixel_scales=(0.1, 0.1))
    ring = aa.Mask2D.elliptical_annular(
        inner_major_axis_radius=0.15,
        inner_axis_ratio=1.0,
        inner_phi=0.0,
        outer_major_axis_radius=0.4,
        outer_axis_ratio=1.0,
        outer_phi=0.0,
        **kwargs,
    )
    circular = aa.Mask2D.circular_annular(inner_radius=0.15, outer_radius=0.4, **kwargs)
    np.testing.assert_array_equal(np.asarray(ring), np.asarray(circular))


def test_bad_axis_ratio_is_refused():
    with pytest.raises(exc.MaskException, match="outer_axis_ratio"):
        aa.Mask2D.elliptical_annular(
            shape_native=(5, 5),
            inner_major_axis_radius=0.1,
            inner_axis_ratio=0.5,
            inner_phi=0.0,
            outer_major_axis_radius=1.0,
            outer_axis_ratio=0.0,
            outer_phi=0.0,
            pixel_scales=0.1,
        )
