"""FITS input/output with astropy; outputs are written atomically."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from autoarray import exc
from autoarray.io_util import atomic_write_bytes


def ndarray_via_fits_from(file_path, hdu: int = 0) -> np.ndarray:
    """Read a 2-D float64 image from HDU ``hdu`` of a FITS file (no flipping)."""
    from astropy.io import fits

    path = Path(file_path)
    if not path.is_file():
        raise exc.FitsException(f"FITS file not found: {path}")
    try:
        with fits.open(path, memmap=False) as hdul:
            if hdu >= len(hdul):
                raise exc.FitsException(f"{path} has {len(hdul)} HDUs; HDU {hdu} was requested")
            data = hdul[hdu].data
    except OSError as error:
        raise exc.FitsException(f"could not read FITS file {path}: {error}") from error
    if data is None or np.ndim(data) != 2:
        shape = None if data is None else np.shape(data)
        raise exc.FitsException(f"{path} HDU {hdu} must hold a 2-D image, found shape {shape}")
    return np.asarray(data, dtype=np.float64)


def header_dict_via_fits_from(file_path, hdu: int = 0) -> dict:
    """The header of HDU ``hdu`` as a plain dict."""
    from astropy.io import fits

    with fits.open(file_path, memmap=False) as hdul:
        return dict(hdul[hdu].header)


def output_to_fits(
    values, file_path, overwrite: bool = False, header_dict: dict | None = None
) -> None:
    """Write a 2-D array to a FITS file atomically (refuses to overwrite unless asked)."""
    import io

    from astropy.io import fits

    path = Path(file_path)
    if path.exists() and not overwrite:
        raise exc.FitsException(f"{path} exists; pass overwrite=True to replace it")
    values = np.asarray(values)
    if values.ndim != 2:
        raise exc.FitsException(f"only 2-D arrays can be written to FITS, got shape {values.shape}")
    header = fits.Header()
    for key, value in (header_dict or {}).items():
        header[key] = value
    buffer = io.BytesIO()
    fits.PrimaryHDU(values.astype(np.float64), header=header).writeto(buffer)
    atomic_write_bytes(path, buffer.getvalue())
