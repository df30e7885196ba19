"""A source-plane reconstruction drawn on its own mesh.

Rectangular meshes are drawn as their rectangles (``pcolormesh`` with cell edges half-way
between the ``ny x nx`` centres, outlined); Delaunay-family meshes (``Delaunay``,
``KNearestNeighbor``, ``KNNBarycentric``) as their Delaunay triangles, colour-interpolated
linearly between the vertex values (Gouraud shading: exactly the Delaunay interpolant) with
the triangle edges outlined. :class:`MeshReconstruction` is a subplot panel that draws itself
(``draw_on``), so figure code can mix it with ``Array2D`` panels.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from autoarray import exc
from autoarray.plot.array_plot import DEFAULT_CMAP, draw_lines


def _rectangular_shape(mesh):
    shape = getattr(mesh, "shape", None)
    return tuple(shape) if shape is not None else None


def draw_mesh_reconstruction(
    ax,
    mesh,
    mesh_grid,
    values,
    title: str = "",
    colormap: str | None = "default",
    bounds: tuple | None = None,
    lines=None,
    line_colors: Sequence[str] | None = None,
    edge_color: str = "k",
    vmin: float | None = None,
    vmax: float | None = None,
):
    """Draw ``values`` (one per source pixel) on ``mesh`` whose pixels sit at ``mesh_grid``
    (``[S, 2]`` (y, x)); ``bounds`` ``(y0, y1, x0, x1)`` sets the view. Returns the artist."""
    points = np.asarray(getattr(mesh_grid, "array", mesh_grid), dtype=float).reshape(-1, 2)
    values = np.asarray(values, dtype=float).ravel()
    if values.shape[0] != points.shape[0]:
        raise exc.PlottingException(
            f"A mesh reconstruction needs one value per mesh pixel: got {values.shape[0]} "
            f"values for {points.shape[0]} pixels."
        )
    cmap = DEFAULT_CMAP if colormap in (None, "default") else colormap
    vmin = float(np.min(values)) if vmin is None else vmin
    vmax = float(np.max(values)) if vmax is None else vmax
    shape = _rectangular_shape(mesh)
    if shape is not None:
        ny, nx = shape
        if ny * nx != points.shape[0]:
            raise exc.PlottingException(
                f"A {ny}x{nx} rectangular mesh needs {ny * nx} mesh points, got {points.shape[0]}."
            )
        # 'nearest' shading puts the cell edges half-way between neighbouring centres.
        artist = ax.pcolormesh(
            points[:, 1].reshape(ny, nx),
            points[:, 0].reshape(ny, nx),
            values.reshape(ny, nx),
            shading="nearest",
            cmap=cmap,
            vmin=vmin,
            vmax=vmax,
            edgecolors=edge_color,
            linewidth=0.2,
        )
    else:
        from matplotlib.tri import Triangulation

        triangulation = Triangulation(points[:, 1], points[:, 0])
        artist = ax.tripcolor(
            triangulation, values, shading="gouraud", cmap=cmap, vmin=vmin, vmax=vmax
        )
        ax.triplot(triangulation, color=edge_color, linewidth=0.2)
    ax.figure.colorbar(artist, ax=ax, fraction=0.046, pad=0.04)
    draw_lines(ax, lines, line_colors)
    if bounds is not None:
        y0, y1, x0, x1 = bounds
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
    ax.set_xlabel('x (")')
    ax.set_ylabel('y (")')
    ax.set_title(title)
    return artist


def zoomed_bounds_from(mesh_grid, values, fraction: float = 0.1, pad: float = 0.2) -> tuple:
    """``(y0, y1, x0, x1)`` around the mesh pixels brighter than ``fraction`` of the peak,
    widened by ``pad`` of its size on each side (a square, at least 0.1" across)."""
    points = np.asarray(getattr(mesh_grid, "array", mesh_grid), dtype=float).reshape(-1, 2)
    values = np.asarray(values, dtype=float).ravel()
    peak = float(np.max(values))
    bright = points[values >= fraction * peak] if peak > 0.0 else points
    y0, y1 = bright[:, 0].min(), bright[:, 0].max()
    x0, x1 = bright[:, 1].min(), bright[:, 1].max()
    half = max(0.5 * max(y1 - y0, x1 - x0) * (1.0 + 2.0 * pad), 0.05)
    cy, cx = 0.5 * (y0 + y1), 0.5 * (x0 + x1)
    return cy - half, cy + half, cx - half, cx + half


def full_bounds_from(mesh_grid) -> tuple:
    """``(y0, y1, x0, x1)`` of every mesh point (padded by 5%)."""
    points = np.asarray(getattr(mesh_grid, "array", mesh_grid), dtype=float).reshape(-1, 2)
    y0, y1 = points[:, 0].min(), points[:, 0].max()
    x0, x1 = points[:, 1].min(), points[:, 1].max()
    dy, dx = 0.05 * (y1 - y0), 0.05 * (x1 - x0)
    return y0 - dy, y1 + dy, x0 - dx, x1 + dx


class MeshReconstruction:
    """A subplot panel: one mapper's reconstruction on its mesh, within ``bounds``."""

    def __init__(self, mesh, mesh_grid, values, bounds: tuple | None = None):
        self.mesh = mesh
        self.mesh_grid = mesh_grid
        self.values = values
        self.bounds = bounds

    def draw_on(self, ax, title: str = "", colormap: str | None = "default", **kwargs):
        """Draw on ``ax``; ``kwargs`` may hold ``lines`` / ``line_colors`` / ``vmin`` /
        ``vmax`` (other array-panel keywords do not apply to a mesh and are ignored)."""
        return draw_mesh_reconstruction(
            ax,
            self.mesh,
            self.mesh_grid,
            self.values,
            title=title,
            colormap=colormap,
            bounds=self.bounds,
            lines=kwargs.get("lines"),
            line_colors=kwargs.get("line_colors"),
            vmin=kwargs.get("vmin"),
            vmax=kwargs.get("vmax"),
        )
