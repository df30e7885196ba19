"""The projected radial grid of a 2-D grid: points from a centre outwards along one direction.

PyAutoArray's ``Grid2D.grid_2d_radial_projected_from`` samples a 2-D region in 1-D, so that
radial profiles (e.g. ``convergence_2d_from`` along a line) can be plotted with the functions
that take a 2-D grid. Its conventions, which these functions reproduce:

* the length is the longest of the four axis-aligned paths from the centre to the edge of the
  extent, in units of the pixel scale of that axis (y for the up / down paths, else x), plus 1;
* the points start at the centre and step by that pixel scale along +x, then are rotated by
  ``angle`` degrees about the centre (clockwise in the release's (y, x) rotation convention);
* every point is offset by 1e-6 arc-seconds in y and x *before* the rotation, so that no point
  falls exactly on a profile centre (where many profiles are singular).
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

#: Offset (arc-seconds) added to y and x of every point before rotating (the release's value).
RADIAL_OFFSET = 1.0e-6


def _longest_path_from(extent, centre, pixel_scales) -> Tuple[float, float]:
    """``(distance, pixel_scale)`` of the longest axis path from ``centre`` to the edge of
    ``extent = (x_min, x_max, y_min, y_max)``; ties prefer the y pixel scale, as the release."""
    x_min, x_max, y_min, y_max = extent
    to_pos_x, to_pos_y = x_max - centre[1], y_max - centre[0]
    to_neg_x, to_neg_y = centre[1] - x_min, centre[0] - y_min
    distance = max(to_pos_x, to_pos_y, to_neg_x, to_neg_y)
    along_y = distance in (to_pos_y, to_neg_y)
    return distance, pixel_scales[0] if along_y else pixel_scales[1]


def radial_projected_shape_slim_from(extent, centre, pixel_scales) -> int:
    """Number of points of the projected radial grid (pixels on the longest path, plus 1)."""
    distance, pixel_scale = _longest_path_from(extent, centre, pixel_scales)
    return int(distance / pixel_scale) + 1


def radial_projected_grid_from(
    extent, centre, pixel_scales, angle: float = 0.0, shape_slim: int = 0
) -> np.ndarray:
    """``[shape_slim, 2]`` (y, x) points from ``centre`` outwards, rotated by ``angle`` degrees.

    ``shape_slim = 0`` takes the length from the extent
    (:func:`radial_projected_shape_slim_from`).
    """
    distance, pixel_scale = _longest_path_from(extent, centre, pixel_scales)
    if shape_slim == 0:
        shape_slim = int(distance / pixel_scale) + 1
    # Offsets from the centre, then the rotation (y' = y cos - x sin, x' = x cos + y sin).
    dy = np.full(shape_slim, RADIAL_OFFSET)
    dx = pixel_scale * np.arange(shape_slim) + RADIAL_OFFSET
    cos_a, sin_a = np.cos(np.radians(angle)), np.sin(np.radians(angle))
    y = dy * cos_a - dx * sin_a + centre[0]
    x = dx * cos_a + dy * sin_a + centre[1]
    return np.stack((y, x), axis=1)
