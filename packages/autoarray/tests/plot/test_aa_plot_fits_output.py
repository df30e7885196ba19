import numpy as np
import pytest
from astropy.io import fits

import autoarray as aa
from autoarray.plot import fits_array, fits_imaging


def test_fits_array_of_an_array_round_trips_with_pixel_scales(tmp_path, dataset):
    fits_array(dataset.data, tmp_path / "data.fits")
    with fits.open(tmp_path / "data.fits") as hdul:
        assert hdul[0].header["PIXSCAY"] == 0.2 and hdul[0].header["ORIGINX"] == 0.0
        np.testing.assert_array_equal(hdul[0].data, dataset.data.native.array)
    loaded = aa.Array2D.from_fits(tmp_path / "data.fits", pixel_scales=0.2)
    np.testing.assert_array_equal(loaded.native.array, dataset.data.native.array)


def test_fits_array_of_a_mask_is_read_back_by_mask_from_fits(tmp_path, dataset):
    fits_array(dataset.mask, tmp_path / "mask.fits")
    with fits.open(tmp_path / "mask.fits") as hdul:
        assert hdul[0].name == "MASK"
    loaded = aa.Mask2D.from_fits(tmp_path / "mask.fits", pixel_scales=0.2)
    np.testing.assert_array_equal(loaded.array, dataset.mask.array)
    inverted = aa.Mask2D.from_fits(tmp_path / "mask.fits", pixel_scales=0.2, invert=True)
    np.testing.assert_array_equal(inverted.array, ~dataset.mask.array)


def test_existing_files_are_kept_unless_overwrite(tmp_path, dataset):
    fits_array(dataset.data, tmp_path / "a.fits")
    with pytest.raises(aa.exc.FitsException, match="overwrite"):
        fits_array(dataset.data, tmp_path / "a.fits")
    fits_array(dataset.mask, tmp_path / "a.fits", overwrite=True, ext_name="mine")
    with fits.open(tmp_path / "a.fits") as hdul:
        assert hdul[0].name == "MINE"


def test_fits_imaging_single_file_and_separate_files(tmp_path, dataset):
    fits_imaging(
        dataset,
        file_path=tmp_path / "dataset.fits",
        data_path=tmp_path / "d" / "data.fits",
        psf_path=tmp_path / "d" / "psf.fits",
        noise_map_path=tmp_path / "d" / "noise_map.fits",
    )
    with fits.open(tmp_path / "dataset.fits") as hdul:
        assert [h.name for h in hdul] == ["MASK", "DATA", "PSF", "NOISE_MAP"]
        np.testing.assert_array_equal(hdul["PSF"].data, dataset.psf.kernel_native)
        np.testing.assert_array_equal(hdul["NOISE_MAP"].data, dataset.noise_map.native.array)
    loaded = aa.Imaging.from_fits(
        data_path=tmp_path / "d" / "data.fits",
        noise_map_path=tmp_path / "d" / "noise_map.fits",
        psf_path=tmp_path / "d" / "psf.fits",
        pixel_scales=0.2,
        check_noise_map=False,
    )  # masked pixels are written as 0
    np.testing.assert_allclose(loaded.data.native.array, dataset.data.native.array)
    with pytest.raises(aa.exc.FitsException, match="exists"):
        fits_imaging(dataset, data_path=tmp_path / "d" / "data.fits")
    with pytest.raises(aa.exc.FitsException, match="file_path"):
        fits_imaging(dataset)
