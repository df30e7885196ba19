"""PSF kernels as plain NumPy arrays: validation, normalisation and the Gaussian kernel.

These are the kernel-only helpers of :class:`autoarray.operators.convolver.Convolver`; nothing
here depends on a mask.
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import raw_array


def kernel_native_checked(values) -> np.ndarray:
    """Validate a PSF kernel and return it as a 2-D float64 NumPy array.

    Raises :class:`autoarray.exc.KernelException` if the kernel is not 2-D, has an even
    dimension, contains NaN/inf or is all zero.
    """
    kernel = np.array(_native_values(values), dtype=float)
    if kernel.ndim != 2:
        raise exc.KernelException(f"A PSF kernel must be 2-D, got shape {kernel.shape}.")
    if kernel.shape[0] % 2 == 0 or kernel.shape[1] % 2 == 0:
        raise exc.KernelException(
            f"A PSF kernel must have odd dimensions (so it has a central pixel), "
            f"got shape {kernel.shape}."
        )
    if not np.all(np.isfinite(kernel)):
        raise exc.KernelException("A PSF kernel contains NaN or infinite values.")
    if not np.any(kernel != 0.0):
        raise exc.KernelException("A PSF kernel is all zero.")
    return kernel


def _native_values(values):
    """Native 2-D values of an Array2D-like object (or the raw input)."""
    if hasattr(values, "native") and hasattr(values, "mask"):
        values = values.native
    return np.asarray(raw_array(values))


def normalized_kernel_from(kernel: np.ndarray) -> np.ndarray:
    total = float(np.sum(kernel))
    if total == 0.0 or not np.isfinite(total):
        raise exc.KernelException(f"A PSF kernel cannot be normalised: its sum is {total}.")
    return kernel / total


def gaussian_kernel_from(
    shape_native: Tuple[int, int],
    pixel_scales,
    sigma: float,
    centre=(0.0, 0.0),
    axis_ratio: float = 1.0,
    angle: float = 0.0,
) -> np.ndarray:
    """Elliptical Gaussian ``1/(σ√(2π)) exp(-½ (r/σ)²)`` evaluated at the pixel centres.

    ``r = sqrt(x'^2 + (y'/q)^2)`` in the frame shifted to ``centre`` and rotated by ``angle``
    (degrees counter-clockwise from +x). Pixel centres follow the (y up, x right, row 0 at the top)
    convention with the array centred on (0, 0).
    """
    if sigma <= 0.0:
        raise exc.KernelException(f"A Gaussian PSF needs sigma > 0, got {sigma}.")
    if not 0.0 < axis_ratio <= 1.0 + 1e-12:
        raise exc.KernelException(f"A Gaussian PSF needs 0 < axis_ratio <= 1, got {axis_ratio}.")
    ny, nx = int(shape_native[0]), int(shape_native[1])
    py, px = _pixel_scales_tuple(pixel_scales)
    y = -(np.arange(ny) - (ny - 1) / 2.0) * py
    x = (np.arange(nx) - (nx - 1) / 2.0) * px
    yy, xx = np.meshgrid(y, x, indexing="ij")
    yy = yy - centre[0]
    xx = xx - centre[1]
    phi = np.radians(angle)
    cos_phi, sin_phi = np.cos(phi), np.sin(phi)
    x_rot = xx * cos_phi + yy * sin_phi
    y_rot = -xx * sin_phi + yy * cos_phi
    r = np.sqrt(x_rot**2 + (y_rot / axis_ratio) ** 2)
    return np.exp(-0.5 * (r / sigma) ** 2) / (sigma * np.sqrt(2.0 * np.pi))


def _pixel_scales_tuple(pixel_scales) -> Tuple[float, float]:
    if np.isscalar(pixel_scales):
        return float(pixel_scales), float(pixel_scales)
    return float(pixel_scales[0]), float(pixel_scales[1])
