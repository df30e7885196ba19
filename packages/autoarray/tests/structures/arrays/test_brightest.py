"""``Array2D.brightest_coordinate_in_region_from`` / ``brightest_sub_pixel_coordinate_in_region_from``
and ``total_pixels`` / ``total_area`` against PyAutoArray 2026.10.26.1 (a seeded random 11x14
array, pixel scales (0.2, 0.1), origin (0.3, -0.2))."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc

SHAPE, SCALES, ORIGIN = (11, 14), (0.2, 0.1), (0.3, -0.2)

# region -> (centre, pixel, sub-pixel box 1, sub-pixel box 2), PyAutoArray's numbers.
UNMASKED = {
    (-0.5, 0.5, -0.4, 0.4): (
        (-0.30000000000000004, -0.05),
        (8, 8),
        (-0.2782540453099504, -0.037921535526127675),
        (-0.2589879123637999, -0.02631523909088873),
    ),
    (-0.2, 0.9, -0.8, 0.1): (
        (0.30000000000000004, -0.75),
        (5, 1),
        (0.2892656165740318, -0.7589307101485292),
        (0.32471669498327493, -0.7083745282881158),
    ),
    (-5, 5, -5, 5): (
        (1.1, -0.15000000000000002),
        (1, 7),
        (1.1125813128756703, -0.13298833639308488),
        (0.9873648807834965, -0.15716053312921227),
    ),
}
MASKED = {
    (-0.5, 0.5, -0.4, 0.4): (
        (0.30000000000000004, 0.05),
        (5, 9),
        (0.3019350088782707, 0.04847487666261881),
        (0.292686195900189, 0.033349220141131224),
    ),
    (-5, 5, -5, 5): (
        (0.30000000000000004, -0.75),
        (5, 1),
        (0.3049151673252375, -0.7062937661401745),
        (0.30574708773106707, -0.6385229355926194),
    ),
}


def values():
    return np.random.default_rng(3).random(SHAPE)


def unmasked():
    return aa.Array2D.no_mask(values=values(), pixel_scales=SCALES, origin=ORIGIN)


def masked():
    mask = aa.Mask2D.circular(shape_native=SHAPE, radius=0.6, pixel_scales=SCALES, origin=ORIGIN)
    return aa.Array2D(values=values()[~np.asarray(mask)], mask=mask)


@pytest.mark.parametrize(
    "array, region, expected",
    [(unmasked, r, e) for r, e in UNMASKED.items()] + [(masked, r, e) for r, e in MASKED.items()],
)
def test_matches_pyautoarray(array, region, expected):
    a = array()
    centre, pixel, sub_1, sub_2 = expected
    assert a.brightest_coordinate_in_region_from(region=region) == pytest.approx(centre, abs=1e-14)
    assert a.brightest_coordinate_in_region_from(region=region, return_in_pixels=True) == pixel
    assert a.brightest_sub_pixel_coordinate_in_region_from(region=region) == pytest.approx(
        sub_1, abs=1e-14
    )
    assert a.brightest_sub_pixel_coordinate_in_region_from(
        region=region, box_size=2
    ) == pytest.approx(sub_2, abs=1e-14)


def test_total_pixels_and_area():
    assert (unmasked().total_pixels, masked().total_pixels) == (154, 52)
    assert masked().total_area == pytest.approx(52 * 0.02, rel=1e-14)


def test_region_without_pixels_is_refused():
    with pytest.raises(exc.ArrayException, match="no pixel centre"):
        unmasked().brightest_coordinate_in_region_from(region=(50.0, 60.0, 50.0, 60.0))
