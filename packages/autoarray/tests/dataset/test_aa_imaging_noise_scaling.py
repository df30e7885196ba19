"""``Imaging.apply_noise_scaling``: values checked against PyAutoArray 2026.10.26.1 (3x3 data
1..9, noise 2, the top-left pixel masked in the scaling mask)."""

import numpy as np
import pytest

import autoarray as aa


@pytest.fixture
def imaging():
    mask = aa.Mask2D.all_false(shape_native=(3, 3), pixel_scales=1.0)
    return aa.Imaging(
        data=aa.Array2D(np.arange(1.0, 10.0).reshape(3, 3), mask),
        noise_map=aa.Array2D(np.full((3, 3), 2.0), mask),
    )


@pytest.fixture
def scaling_mask():
    values = np.zeros((3, 3), dtype=bool)
    values[0, 0] = True
    return aa.Mask2D(values, pixel_scales=1.0)


def test_unmasked_pixels_get_the_noise_value_and_zero_data(imaging, scaling_mask):
    scaled = imaging.apply_noise_scaling(mask=scaling_mask)
    noise = scaled.noise_map.native.array
    data = scaled.data.native.array
    assert noise[0, 0] == 2.0 and data[0, 0] == 1.0
    assert np.all(np.delete(noise.ravel(), 0) == 1e8)
    assert np.all(np.delete(data.ravel(), 0) == 0.0)
    assert scaled.mask.pixels_in_mask == 9  # the dataset's own mask is unchanged


@pytest.mark.parametrize("snr, expected", [(0.5, 11.0), (2.0, 2.75)])
def test_signal_to_noise_value_uses_the_mean_data_of_the_scaled_pixels(
    imaging, scaling_mask, snr, expected
):
    scaled = imaging.apply_noise_scaling(
        mask=scaling_mask, signal_to_noise_value=snr, should_zero_data=False
    )
    np.testing.assert_allclose(scaled.noise_map.native.array[0], [2.0, expected, expected])
    np.testing.assert_allclose(scaled.data.native.array, imaging.data.native.array)


def test_bad_inputs_raise(imaging, scaling_mask):
    with pytest.raises(aa.exc.DatasetException, match="Mask2D"):
        imaging.apply_noise_scaling(mask=np.zeros((3, 3), dtype=bool))
    with pytest.raises(aa.exc.DatasetException, match="shape"):
        imaging.apply_noise_scaling(mask=aa.Mask2D.all_false((4, 4), pixel_scales=1.0))
    with pytest.raises(aa.exc.DatasetException, match="signal_to_noise_value"):
        imaging.apply_noise_scaling(mask=scaling_mask, signal_to_noise_value=-1.0)


def test_mask_from_fits_with_invert_selects_the_region(tmp_path):
    region = np.zeros((3, 3))
    region[1, 1] = 1.0
    aa.output_to_fits(region, tmp_path / "region.fits")
    mask = aa.Mask2D.from_fits(tmp_path / "region.fits", pixel_scales=1.0, invert=True)
    assert mask.array[1, 1] == np.False_ and mask.pixels_in_mask == 1
    np.testing.assert_array_equal(aa.ndarray_via_fits_from(tmp_path / "region.fits", hdu=0), region)
