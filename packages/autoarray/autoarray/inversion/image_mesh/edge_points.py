"""Extra mesh vertices on a circle around the mask (PyAutoArray's
``image_mesh.append_with_circle_edge_points``).

A Delaunay mesh whose vertices all lie inside the mask leaves the traced edge pixels outside
every triangle; a ring of vertices just beyond the mask edge closes the triangulation there.
"""

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import raw_array
from autoarray.structures.grids.irregular_2d import Grid2DIrregular


def circle_edge_points_from(centre: Tuple[float, float], radius: float, n_points: int, xp=np):
    """``n_points`` (y, x) points evenly spaced in angle on a circle, the first at angle 0
    (``(cy, cx + radius)``), counter-clockwise (y = cy + r sin θ, x = cx + r cos θ)."""
    if int(n_points) != n_points or n_points < 1:
        raise exc.MeshException(f"n_points must be a positive integer, got {n_points!r}.")
    if not radius > 0.0:
        raise exc.MeshException(f"radius must be positive, got {radius!r}.")
    theta = 2.0 * xp.pi * xp.arange(int(n_points)) / int(n_points)
    return xp.stack(
        [centre[0] + radius * xp.sin(theta), centre[1] + radius * xp.cos(theta)], axis=-1
    )


def append_with_circle_edge_points(
    image_plane_mesh_grid, centre: Tuple[float, float], radius: float, n_points: int
) -> Grid2DIrregular:
    """The mesh grid followed by ``n_points`` circle points (:func:`circle_edge_points_from`)."""
    grid = np.asarray(raw_array(image_plane_mesh_grid), dtype=float)
    if grid.ndim != 2 or grid.shape[1] != 2:
        raise exc.MeshException(
            f"image_plane_mesh_grid must be (N, 2) (y, x) points, got shape {grid.shape}."
        )
    edge = circle_edge_points_from(centre=centre, radius=radius, n_points=n_points)
    return Grid2DIrregular(values=np.concatenate([grid, edge], axis=0))
