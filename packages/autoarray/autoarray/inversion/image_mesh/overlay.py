"""``Overlay(shape)``: a uniform image-plane mesh grid over the mask.

``Overlay(shape)``: a uniform ``ny x nx`` grid over the unmasked pixels' bounding box (pixel
scales ``(E + p)/n`` per axis, ``E`` the extent of the unmasked pixel centres, origin the box
centre), keeping the points that fall in an unmasked image pixel (row-major from the top-left).
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

import autoarray as aa
from autoarray import exc


class Overlay:
    """Uniform overlay of the mask, restricted to unmasked pixels.

    Parameters
    ----------
    shape
        ``(ny, nx)`` of the overlaid grid.
    """

    def __init__(self, shape: Tuple[int, int] = (3, 3)):
        shape = tuple(int(n) for n in shape)
        if len(shape) != 2 or min(shape) < 1:
            raise exc.MeshException(f"Overlay needs a shape (ny, nx) >= (1, 1), got {shape}.")
        self.shape = shape

    def image_plane_mesh_grid_from(self, mask, adapt_data=None) -> aa.Grid2DIrregular:
        mask_array = np.asarray(getattr(mask, "array", mask), dtype=bool)
        centres = np.asarray(aa.Grid2D.from_mask(mask, over_sample_size=1).array)
        py, px = mask.pixel_scales
        y_min, y_max = centres[:, 0].min(), centres[:, 0].max()
        x_min, x_max = centres[:, 1].min(), centres[:, 1].max()
        ny, nx = self.shape
        sy = (y_max - y_min + py) / ny
        sx = (x_max - x_min + px) / nx
        oy, ox = 0.5 * (y_max + y_min), 0.5 * (x_max + x_min)
        ys = oy + ((ny - 1) / 2.0 - np.arange(ny)) * sy
        xs = ox + (np.arange(nx) - (nx - 1) / 2.0) * sx
        grid = np.array([(y, x) for y in ys for x in xs])
        # Pixel of each point on the mask's native frame, ignoring the mask origin.
        rows_n, cols_n = mask_array.shape
        cy, cx = (rows_n - 1) / 2.0, (cols_n - 1) / 2.0
        rows = (-grid[:, 0] / py + cy + 0.5).astype(int)
        cols = (grid[:, 1] / px + cx + 0.5).astype(int)
        inside = (rows >= 0) & (rows < rows_n) & (cols >= 0) & (cols < cols_n)
        keep = np.zeros(grid.shape[0], dtype=bool)
        keep[inside] = ~mask_array[rows[inside], cols[inside]]
        return aa.Grid2DIrregular(values=grid[keep])
