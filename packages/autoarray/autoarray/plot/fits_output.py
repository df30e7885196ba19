"""``fits_array`` / ``fits_imaging``: PyAutoLens's FITS outputs of arrays, masks and datasets.

Files are written atomically; an existing file is only replaced with ``overwrite=True``. Headers
carry the pixel scales and origin (``PIXSCAY``, ``PIXSCAX``, ``ORIGINY``, ``ORIGINX``) so
``Array2D.from_fits`` / ``Imaging.from_fits`` read them back.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from autoarray import exc
from autoarray.io_util import atomic_write_bytes


def _native_and_header(array) -> tuple:
    """Native float64 values and header dict of an ``Array2D``, ``Mask2D`` (1 = masked) or
    2-D ndarray."""
    from autoarray.mask.mask_2d import Mask2D

    if isinstance(array, Mask2D):
        return np.asarray(array.array, dtype=np.float64), array.header_dict
    mask = getattr(array, "mask", None)
    if mask is not None and hasattr(array, "native"):
        return np.asarray(array.native.array, dtype=np.float64), mask.header_dict
    values = np.asarray(getattr(array, "array", array), dtype=np.float64)
    if values.ndim != 2:
        raise exc.FitsException(f"only 2-D arrays can be written to FITS, got shape {values.shape}")
    return values, {}


def _hdu(fits, values, header_dict, ext_name, primary: bool):
    header = fits.Header()
    for key, value in header_dict.items():
        header[key] = value
    if ext_name:
        header["EXTNAME"] = ext_name.upper()
    cls = fits.PrimaryHDU if primary else fits.ImageHDU
    return cls(values, header=header)


def _write_hdus(hdus, file_path, overwrite: bool) -> None:
    from astropy.io import fits

    path = Path(file_path)
    if path.exists() and not overwrite:
        raise exc.FitsException(f"{path} exists; pass overwrite=True to replace it")
    buffer = io.BytesIO()
    fits.HDUList(hdus).writeto(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def fits_array(array, file_path, overwrite: bool = False, ext_name: str | None = None) -> None:
    """Write one array (``Array2D``, ``Mask2D`` or 2-D ndarray) to a single-HDU FITS file. A mask
    is written as 1.0 (masked) / 0.0, read back by ``Mask2D.from_fits``; its HDU is named
    ``MASK`` unless ``ext_name`` says otherwise."""
    from astropy.io import fits

    from autoarray.mask.mask_2d import Mask2D

    values, header = _native_and_header(array)
    if ext_name is None and isinstance(array, Mask2D):
        ext_name = "mask"
    _write_hdus([_hdu(fits, values, header, ext_name, primary=True)], file_path, overwrite)


def fits_imaging(
    dataset,
    file_path=None,
    data_path=None,
    psf_path=None,
    noise_map_path=None,
    overwrite: bool = False,
) -> None:
    """Write an ``Imaging`` dataset: one multi-HDU file (``file_path``: HDUs ``MASK``, ``DATA``,
    ``PSF`` if present, ``NOISE_MAP``) and/or one file per component (``data_path``,
    ``psf_path``, ``noise_map_path``). Every target is checked before anything is written."""
    from astropy.io import fits

    targets = [p for p in (file_path, data_path, psf_path, noise_map_path) if p is not None]
    if not targets:
        raise exc.FitsException(
            "fits_imaging needs file_path and/or data_path / psf_path / noise_map_path"
        )
    if psf_path is not None and dataset.psf is None:
        raise exc.DatasetException("psf_path was given but the dataset has no PSF.")
    if not overwrite:
        for path in targets:
            if Path(path).exists():
                raise exc.FitsException(f"{path} exists; pass overwrite=True to replace it")
    header = dataset.mask.header_dict
    data = np.asarray(dataset.data.native.array, dtype=np.float64)
    noise = np.asarray(dataset.noise_map.native.array, dtype=np.float64)
    psf = None if dataset.psf is None else np.asarray(dataset.psf.kernel_native, dtype=np.float64)
    if file_path is not None:
        hdus = [
            _hdu(fits, np.asarray(dataset.mask.array, dtype=np.float64), header, "mask", True),
            _hdu(fits, data, header, "data", False),
        ]
        if psf is not None:
            hdus.append(_hdu(fits, psf, header, "psf", False))
        hdus.append(_hdu(fits, noise, header, "noise_map", False))
        _write_hdus(hdus, file_path, overwrite=True)
    for path, values in ((data_path, data), (psf_path, psf), (noise_map_path, noise)):
        if path is not None:
            _write_hdus([_hdu(fits, values, header, None, True)], path, overwrite=True)
