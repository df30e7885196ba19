"""Pixel <-> scaled-coordinate conversions (arc-seconds, (y, x) ordering, row 0 at the top)."""

from __future__ import annotations

from typing import Tuple, Union

import numpy as np

from autoarray import exc

PixelScales = Union[float, Tuple[float, float]]


def convert_pixel_scales(pixel_scales: PixelScales) -> Tuple[float, float]:
    """Promote a scalar pixel scale to ``(py, px)`` and check both are positive and finite."""
    if isinstance(pixel_scales, (int, float, np.integer, np.floating)):
        pixel_scales = (float(pixel_scales), float(pixel_scales))
    try:
        py, px = (float(p) for p in pixel_scales)
    except (TypeError, ValueError) as error:
        raise exc.GeometryException(
            f"pixel_scales must be a positive number or a (y, x) pair, got {pixel_scales!r}"
        ) from error
    if not (np.isfinite(py) and np.isfinite(px) and py > 0.0 and px > 0.0):
        raise exc.GeometryException(
            f"pixel_scales must be positive and finite (arc-seconds per pixel), got {(py, px)}"
        )
    return py, px


def central_pixel_from(shape_native: Tuple[int, int]) -> Tuple[float, float]:
    """Fractional (row, column) of the array centre."""
    return (shape_native[0] - 1) / 2.0, (shape_native[1] - 1) / 2.0


def pixel_centres_from(
    shape_native: Tuple[int, int],
    pixel_scales: Tuple[float, float],
    origin: Tuple[float, float] = (0.0, 0.0),
) -> np.ndarray:
    """Scaled (y, x) centres of every pixel, shape ``[ny, nx, 2]``."""
    cy, cx = central_pixel_from(shape_native)
    rows = np.arange(shape_native[0], dtype=float)
    cols = np.arange(shape_native[1], dtype=float)
    y = origin[0] - (rows - cy) * pixel_scales[0]
    x = origin[1] + (cols - cx) * pixel_scales[1]
    grid = np.empty((shape_native[0], shape_native[1], 2))
    grid[..., 0] = y[:, None]
    grid[..., 1] = x[None, :]
    return grid


def pixel_coordinates_from_scaled(
    scaled: Tuple[float, float],
    shape_native: Tuple[int, int],
    pixel_scales: Tuple[float, float],
    origin: Tuple[float, float] = (0.0, 0.0),
) -> Tuple[int, int]:
    """Integer (row, column) of the pixel containing a scaled (y, x) coordinate."""
    cy, cx = central_pixel_from(shape_native)
    row = int((-scaled[0] + origin[0]) / pixel_scales[0] + cy + 0.5)
    col = int((scaled[1] - origin[1]) / pixel_scales[1] + cx + 0.5)
    return row, col
