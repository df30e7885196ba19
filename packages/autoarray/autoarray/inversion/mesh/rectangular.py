"""Rectangular source-plane meshes.

The source plane is covered by a uniform ``ny x nx`` grid of pixel centres whose box spans the
(border-relocated) traced sub-pixels plus ``1e-8`` on every side, row 0 at the top (largest y),
column 0 at the left, pixels numbered row-major. Every sub-pixel is interpolated bilinearly
between the four surrounding centres; the cell index is clipped to the interior cells, so a
sub-pixel in the outer half mesh-pixel is *extrapolated* (weights may be negative or exceed 1) —
the reference does the same and its evidence depends on it.

Everything that depends on the traced points runs on ``xp`` (NumPy or ``jax.numpy``); the
neighbour lists and edge pixels depend only on the shape and are static NumPy arrays.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.numerics.extrema import largest, smallest
from autoarray.pytrees import Pytree

#: Added to each side of the bounding box of the traced sub-pixels.
MESH_BUFFER = 1e-8


@lru_cache(maxsize=64)
def _geometry(shape: Tuple[int, int]):
    """``(neighbours, adjacency, edge pixels)`` of a rectangular shape (cached; the mesh object
    holds only its shape, so it stays a small static pytree node)."""
    ny, nx = shape
    neighbors = []
    for r in range(ny):
        for c in range(nx):
            row = []
            if r > 0:
                row.append((r - 1) * nx + c)
            if c > 0:
                row.append(r * nx + c - 1)
            if c < nx - 1:
                row.append(r * nx + c + 1)
            if r < ny - 1:
                row.append((r + 1) * nx + c)
            neighbors.append(row)
    adjacency = np.zeros((ny * nx, ny * nx))
    for i, row in enumerate(neighbors):
        adjacency[i, row] = 1.0
    adjacency.setflags(write=False)
    r, c = np.divmod(np.arange(ny * nx), nx)
    edge = np.flatnonzero((r == 0) | (r == ny - 1) | (c == 0) | (c == nx - 1))
    edge.setflags(write=False)
    return neighbors, adjacency, edge


class RectangularMesh(Pytree):
    """Shared geometry of rectangular meshes: shape, neighbours, edge (zeroed) pixels.

    Parameters
    ----------
    shape
        ``(ny, nx)`` source pixels, at least ``(3, 3)``.
    """

    __pytree_static__ = ("shape",)

    def __init__(self, shape: Tuple[int, int] = (3, 3)):
        shape = tuple(int(n) for n in shape)
        if len(shape) != 2 or shape[0] < 3 or shape[1] < 3:
            raise exc.MeshException(
                f"A rectangular mesh needs a shape (ny, nx) of at least (3, 3), got {shape}."
            )
        self.shape = shape

    @property
    def pixels(self) -> int:
        return self.shape[0] * self.shape[1]

    def params_from(self, image_plane_mesh_grid=None) -> int:
        """Number of source pixels (rectangular meshes ignore any image-plane mesh grid)."""
        return self.pixels

    @property
    def neighbors(self) -> list:
        """Per pixel, its 4-connected neighbours in the order up, left, right, down."""
        return _geometry(self.shape)[0]

    @property
    def adjacency(self) -> np.ndarray:
        """``[S, S]`` 0/1 adjacency matrix of :attr:`neighbors` (static)."""
        return _geometry(self.shape)[1]

    @property
    def zeroed_pixels(self) -> np.ndarray:
        """Sorted indexes of the edge pixels (top and bottom rows, first and last columns)."""
        return _geometry(self.shape)[2]

    def mesh_box_from(self, sub_points, xp=np):
        """``(y_max, x_min, pixel_scale_y, pixel_scale_x)`` of the box spanning ``sub_points``."""
        y = sub_points[:, 0]
        x = sub_points[:, 1]
        # The box moves with the traced points, so its edges carry derivatives: read them at
        # their index (autoarray.numerics.extrema: max's rule can break under a compiled grad).
        y_min = smallest(y, xp=xp) - MESH_BUFFER
        y_max = largest(y, xp=xp) + MESH_BUFFER
        x_min = smallest(x, xp=xp) - MESH_BUFFER
        x_max = largest(x, xp=xp) + MESH_BUFFER
        ny, nx = self.shape
        return y_max, x_min, (y_max - y_min) / ny, (x_max - x_min) / nx

    def mesh_grid_from(self, sub_points, xp=np):
        """``[S, 2]`` (y, x) centres of the uniform mesh over the box of ``sub_points``."""
        y_max, x_min, psy, psx = self.mesh_box_from(sub_points, xp)
        ny, nx = self.shape
        y_c = y_max - (xp.arange(ny) + 0.5) * psy
        x_c = x_min + (xp.arange(nx) + 0.5) * psx
        yy = xp.repeat(y_c, nx)
        xx = xp.tile(x_c, ny)
        return xp.stack([yy, xx], axis=1)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(shape={self.shape})"


class RectangularUniform(RectangularMesh):
    """Uniform rectangular mesh with bilinear interpolation (and extrapolation at the border).

    For a sub-pixel at ``(y, x)``, with ``y_0, x_0`` the centres of row 0 / column 0 and signed
    steps ``dy < 0``, ``dx > 0``: ``fy = (y - y_0)/dy``, ``fx = (x - x_0)/dx``, cell
    ``r = clip(floor(fy), 0, ny-2)``, ``c = clip(floor(fx), 0, nx-2)``, ``ty = fy - r``,
    ``tx = fx - c``; the four corners ``[r·nx+c, r·nx+c+1, (r+1)·nx+c, (r+1)·nx+c+1]`` get
    ``[(1-tx)(1-ty), tx(1-ty), (1-tx)ty, tx·ty]``.
    """

    requires_adapt_image = False

    def interpolation_from(self, sub_points, xp=np, pixel_centres=None, adapt_data=None):
        """``(mappings [N, 4] int, weights [N, 4])`` of every (relocated) traced sub-pixel
        (``pixel_centres`` and ``adapt_data`` are used by the adaptive meshes only)."""
        y_max, x_min, psy, psx = self.mesh_box_from(sub_points, xp)
        ny, nx = self.shape
        y_0 = y_max - 0.5 * psy
        x_0 = x_min + 0.5 * psx
        fy = (sub_points[:, 0] - y_0) / (-psy)
        fx = (sub_points[:, 1] - x_0) / psx
        r = xp.clip(xp.floor(fy), 0, ny - 2)
        c = xp.clip(xp.floor(fx), 0, nx - 2)
        ty = fy - r
        tx = fx - c
        r = r.astype(np.int32)
        c = c.astype(np.int32)
        top = r * nx + c
        mappings = xp.stack([top, top + 1, top + nx, top + nx + 1], axis=1)
        weights = xp.stack(
            [(1.0 - tx) * (1.0 - ty), tx * (1.0 - ty), (1.0 - tx) * ty, tx * ty], axis=1
        )
        return mappings, weights

    def geometry_from(self, sub_points) -> dict:
        """Plotting geometry (NumPy): centres, pixel scales and the box extent."""
        points = np.asarray(sub_points, dtype=float)
        y_max, x_min, psy, psx = self.mesh_box_from(points)
        ny, nx = self.shape
        return {
            "centres": self.mesh_grid_from(points),
            "pixel_scales": (float(psy), float(psx)),
            "extent": (
                float(x_min),
                float(x_min + nx * psx),
                float(y_max - ny * psy),
                float(y_max),
            ),
        }
