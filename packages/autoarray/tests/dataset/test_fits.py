"""FITS helpers: round trips, headers, errors and atomic writes."""

import os

import numpy as np
import pytest
from astropy.io import fits

import autoarray as aa
from autoarray import exc, io_util
from autoarray.dataset import fits as fits_io


def test_round_trip_keeps_orientation_and_dtype(tmp_path):
    values = np.arange(12.0).reshape(3, 4)
    path = tmp_path / "array.fits"
    fits_io.output_to_fits(values, path)
    loaded = fits_io.ndarray_via_fits_from(path)
    assert loaded.dtype == np.float64
    np.testing.assert_array_equal(loaded, values)  # row 0 stays row 0: no flipping


def test_integer_input_written_as_float(tmp_path):
    path = tmp_path / "ints.fits"
    fits_io.output_to_fits(np.array([[1, 2], [3, 4]]), path)
    with fits.open(path) as hdul:
        assert hdul[0].data.dtype.kind == "f"


def test_header_dict_round_trip(tmp_path):
    path = tmp_path / "header.fits"
    fits_io.output_to_fits(np.zeros((2, 2)), path, header_dict={"PIXSCAY": 0.1, "OBJECT": "lens"})
    header = fits_io.header_dict_via_fits_from(path)
    assert header["PIXSCAY"] == 0.1
    assert header["OBJECT"] == "lens"


def test_creates_parent_directories(tmp_path):
    path = tmp_path / "a" / "b" / "image.fits"
    fits_io.output_to_fits(np.ones((2, 2)), path)
    assert path.is_file()


def test_existing_file_without_overwrite_raises(tmp_path):
    path = tmp_path / "image.fits"
    fits_io.output_to_fits(np.ones((2, 2)), path)
    with pytest.raises(exc.FitsException):
        fits_io.output_to_fits(np.zeros((2, 2)), path)
    np.testing.assert_array_equal(fits_io.ndarray_via_fits_from(path), np.ones((2, 2)))
    fits_io.output_to_fits(np.zeros((2, 2)), path, overwrite=True)
    np.testing.assert_array_equal(fits_io.ndarray_via_fits_from(path), np.zeros((2, 2)))


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "image.fits"
    fits_io.output_to_fits(np.ones((3, 3)), path)
    fits_io.output_to_fits(np.ones((3, 3)), path, overwrite=True)
    assert sorted(os.listdir(tmp_path)) == ["image.fits"]


def test_failed_atomic_write_cleans_up_and_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "image.fits"
    fits_io.output_to_fits(np.ones((2, 2)), path)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(io_util.os, "replace", broken_replace)
    with pytest.raises(OSError):
        fits_io.output_to_fits(np.zeros((2, 2)), path, overwrite=True)
    monkeypatch.undo()
    assert sorted(os.listdir(tmp_path)) == ["image.fits"]
    np.testing.assert_array_equal(fits_io.ndarray_via_fits_from(path), np.ones((2, 2)))


def test_atomic_write_bytes(tmp_path):
    path = tmp_path / "data.bin"
    io_util.atomic_write_bytes(path, b"abc")
    assert path.read_bytes() == b"abc"
    assert os.listdir(tmp_path) == ["data.bin"]


def test_missing_file_raises(tmp_path):
    with pytest.raises(exc.FitsException):
        fits_io.ndarray_via_fits_from(tmp_path / "absent.fits")
    with pytest.raises(exc.FitsException):
        aa.Array2D.from_fits(tmp_path / "absent.fits", pixel_scales=0.1)


def test_three_dimensional_image_raises(tmp_path):
    path = tmp_path / "cube.fits"
    fits.PrimaryHDU(np.zeros((2, 3, 4))).writeto(path)
    with pytest.raises(exc.FitsException):
        fits_io.ndarray_via_fits_from(path)
    with pytest.raises(exc.FitsException):
        aa.Array2D.from_fits(path, pixel_scales=0.1)
    with pytest.raises(exc.FitsException):
        aa.Mask2D.from_fits(path, pixel_scales=0.1)


def test_empty_hdu_and_missing_hdu_raise(tmp_path):
    path = tmp_path / "multi.fits"
    fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(np.ones((2, 2)))]).writeto(path)
    with pytest.raises(exc.FitsException):
        fits_io.ndarray_via_fits_from(path, hdu=0)  # primary HDU has no data
    np.testing.assert_array_equal(fits_io.ndarray_via_fits_from(path, hdu=1), np.ones((2, 2)))
    with pytest.raises(exc.FitsException):
        fits_io.ndarray_via_fits_from(path, hdu=2)


def test_corrupt_file_raises(tmp_path):
    path = tmp_path / "bad.fits"
    path.write_bytes(b"this is not a FITS file")
    with pytest.raises(exc.FitsException):
        fits_io.ndarray_via_fits_from(path)


def test_only_2d_arrays_can_be_written(tmp_path):
    with pytest.raises(exc.FitsException):
        fits_io.output_to_fits(np.zeros(3), tmp_path / "line.fits")
    with pytest.raises(exc.FitsException):
        fits_io.output_to_fits(np.zeros((2, 2, 2)), tmp_path / "cube.fits")
    assert os.listdir(tmp_path) == []


def test_array_2d_from_fits(tmp_path):
    path = tmp_path / "image.fits"
    values = np.arange(6.0).reshape(2, 3)
    fits_io.output_to_fits(values, path)
    arr = aa.Array2D.from_fits(path, pixel_scales=0.05, origin=(0.1, 0.2))
    assert arr.mask.is_all_false
    assert arr.pixel_scales == (0.05, 0.05)
    assert arr.origin == (0.1, 0.2)
    np.testing.assert_array_equal(arr.native.array, values)
