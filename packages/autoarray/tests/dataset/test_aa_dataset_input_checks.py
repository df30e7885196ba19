"""Bad dataset inputs raise clear DatasetException / FitsException / MaskException."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


def _imaging(noise=0.1):
    data = aa.Array2D.full(1.0, shape_native=(8, 8), pixel_scales=0.1)
    noise_map = aa.Array2D.full(noise, shape_native=(8, 8), pixel_scales=0.1)
    return aa.Imaging(data=data, noise_map=noise_map)


def test_mask_of_another_pixel_scale_is_refused():
    mask = aa.Mask2D.circular((8, 8), radius=0.3, pixel_scales=0.2)
    with pytest.raises(exc.DatasetException, match=r"pixel scales \(0.2, 0.2\) do not match"):
        _imaging().apply_mask(mask)
    same = aa.Mask2D.circular((8, 8), radius=0.3, pixel_scales=0.1)
    assert _imaging().apply_mask(same).pixel_scales == (0.1, 0.1)


@pytest.mark.parametrize("noise", [1e-300, 1e-160, 1e200])
def test_noise_whose_square_under_or_overflows_is_refused(noise):
    with pytest.raises(exc.DatasetException, match="squares under/overflow"):
        _imaging(noise)


def test_small_but_representable_noise_is_accepted():
    assert np.isfinite(np.sum(np.log(np.asarray(_imaging(1e-100).noise_map.array) ** 2)))


@pytest.mark.parametrize("radius", ["2", None, float("nan"), True, -1.0, 0.0])
def test_circular_mask_radius_must_be_a_positive_number(radius):
    with pytest.raises(exc.MaskException, match="radius must be a positive number"):
        aa.Mask2D.circular((8, 8), radius=radius, pixel_scales=0.1)


def test_annular_mask_radii_must_be_numbers():
    with pytest.raises(exc.MaskException, match="annulus"):
        aa.Mask2D.circular_annular((8, 8), inner_radius="0.1", outer_radius=0.3, pixel_scales=0.1)


@pytest.mark.parametrize("payload", [b"", b"SIMPLE  =                    T" * 3])
def test_truncated_fits_names_the_file(tmp_path, payload):
    path = tmp_path / "image.fits"
    array = aa.Array2D.full(1.0, shape_native=(8, 8), pixel_scales=0.1)
    array.output_to_fits(path)
    path.write_bytes(path.read_bytes()[: len(payload)] if payload else b"")
    with pytest.raises(exc.FitsException, match="image.fits"):
        aa.Array2D.from_fits(path, pixel_scales=0.1)
