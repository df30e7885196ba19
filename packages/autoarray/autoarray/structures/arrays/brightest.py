"""Brightest pixel of an ``Array2D`` inside a scaled-coordinate region (data preparation: lens
light centres, positions), with PyAutoArray's region convention and pixel-centre coordinates."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.geometry import geometry_util


def _scaled_from_pixel(array, row: float, col: float) -> Tuple[float, float]:
    cy, cx = geometry_util.central_pixel_from(array.shape_native)
    ps_y, ps_x = array.pixel_scales
    origin_y, origin_x = array.origin
    return (origin_y - (row - cy) * ps_y, origin_x + (col - cx) * ps_x)


def _pixel_from_scaled(array, y: float, x: float) -> Tuple[int, int]:
    return geometry_util.pixel_coordinates_from_scaled(
        (y, x), array.shape_native, array.pixel_scales, array.origin
    )


def brightest_pixel_in_region_from(array, region) -> Tuple[int, int]:
    """(row, column) of the brightest native pixel whose centre lies in
    ``region = (y0, y1, x0, x1)`` (scaled units; the first brightest in row-major order)."""
    if region is None or len(region) != 4:
        raise exc.ArrayException(f"region must be (y0, y1, x0, x1) in scaled units, got {region!r}")
    ps_y, ps_x = array.pixel_scales
    row_min, _ = _pixel_from_scaled(array, region[1] - ps_y / 2.0, 0.0)
    row_max, _ = _pixel_from_scaled(array, region[0] + ps_y / 2.0, 0.0)
    _, col_min = _pixel_from_scaled(array, 0.0, region[2] + ps_x / 2.0)
    _, col_max = _pixel_from_scaled(array, 0.0, region[3] - ps_x / 2.0)
    row_min, col_min = max(0, row_min), max(0, col_min)
    row_max = min(array.shape_native[0] - 1, row_max)
    col_max = min(array.shape_native[1] - 1, col_max)
    if row_min > row_max or col_min > col_max:
        raise exc.ArrayException(f"region {region!r} holds no pixel centre of the array")
    native = np.asarray(array.native.array)
    extracted = native[row_min : row_max + 1, col_min : col_max + 1]
    row, col = np.argwhere(extracted == np.max(extracted))[0]
    return int(row_min + row), int(col_min + col)


def brightest_coordinate_in_region_from(array, region, return_in_pixels: bool = False):
    """Scaled (y, x) centre of :func:`brightest_pixel_in_region_from` (or its (row, column))."""
    row, col = brightest_pixel_in_region_from(array, region)
    if return_in_pixels:
        return row, col
    return _scaled_from_pixel(array, row, col)


def brightest_sub_pixel_coordinate_in_region_from(
    array, region, box_size: int = 1
) -> Tuple[float, float]:
    """Flux-weighted centroid of the ``(2 box_size + 1)^2`` pixels around the brightest pixel in
    ``region`` (clipped at the array edges), in scaled units."""
    row, col = brightest_pixel_in_region_from(array, region)
    ny, nx = array.shape_native
    r0, r1 = max(0, row - box_size), min(ny, row + box_size + 1)
    c0, c1 = max(0, col - box_size), min(nx, col + box_size + 1)
    weights = np.asarray(array.native.array)[r0:r1, c0:c1]
    rows, cols = np.meshgrid(np.arange(r0, r1), np.arange(c0, c1), indexing="ij")
    total = np.sum(weights)
    return _scaled_from_pixel(array, np.sum(weights * rows) / total, np.sum(weights * cols) / total)
