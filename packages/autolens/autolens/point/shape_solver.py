"""``ShapeSolver``: the image-plane area an extended source-plane shape maps to (NumPy only).

The same triangle lattice and refinement as :class:`~autolens.point.solver.PointSolver`, with
the point-containment test replaced by ``shape.mask`` (see :mod:`autolens.point.shapes`): the
kept triangles of the last step tile the images of the shape (plus a rim one triangle wide),
so ``find_magnification`` = kept image-plane area / shape area converges to the finite-source
magnification from above as ``pixel_scale_precision`` shrinks.

JAX is refused: a shape's kept triangles number in the thousands and grow with its images,
which a static-shape (padded) solver cannot hold without silently truncating the area.
"""

from __future__ import annotations

import numpy as np

from autolens import exc
from autolens.point import polish, triangles
from autolens.point.solver import PointSolver, plane_index_from


class ShapeSolver(PointSolver):
    """Finds the image-plane triangles of a source-plane shape (constructors as
    :class:`PointSolver`: ``for_grid``, ``for_limits_and_scale``)."""

    def _check_numpy(self, xp) -> None:
        if self.use_jax or (xp is not None and xp is not np):
            raise exc.PointSolverException(
                "ShapeSolver runs on NumPy only (a shape's kept triangles cannot be held in "
                "the static, padded shapes JAX needs); use use_jax=False, or PointSolver for "
                "JAX-differentiable point-source positions."
            )

    def solve_triangles(self, tracer, shape, xp=None, plane_redshift=None) -> np.ndarray:
        """Image-plane vertices ``[M, 3, 2]`` of the kept triangles of the last step."""
        i, j, o = self.kept_triangles_from(tracer, shape, xp=xp, plane_redshift=plane_redshift)
        return triangles.vertices_from(i, j, o, self.origin, self.side_at(self.n_steps - 1))

    def kept_triangles_from(self, tracer, shape, xp=None, plane_redshift=None):
        """Lattice triangles ``(i, j, o)`` kept at the last step."""
        self._check_numpy(xp)
        plane_index = plane_index_from(tracer, plane_redshift)

        def trace(points):
            return polish.source_plane_points_from(tracer, points, plane_index)

        vertices = self._initial_traced_vertices(tracer, plane_index)
        i, j, o = triangles.initial_lattice(self.n_y, self.n_x)
        offsets = triangles.VERTEX_OFFSETS[o]
        traced = vertices[i[:, None] + offsets[:, :, 0], j[:, None] + offsets[:, :, 1]]
        last = self.n_steps - 1
        kept = shape.mask(traced) if last == 0 else shape.touches(traced)
        i, j, o = i[kept], j[kept], o[kept]
        for step in range(1, self.n_steps):
            for _ in range(self.neighbor_degree):
                i, j, o = triangles.unique_numpy(*triangles.neighbourhood_from(i, j, o))
            if i.size == 0:
                break
            (i, j, o), traced = triangles.children_with_traced_vertices_from(
                i, j, o, self.origin, self.side_at(step), trace
            )
            kept = shape.mask(traced) if step == last else shape.touches(traced)
            i, j, o = i[kept], j[kept], o[kept]
        return i, j, o

    def triangle_area(self) -> float:
        """Image-plane area of one triangle of the last step (half a lattice cell)."""
        return self.side_at(self.n_steps - 1) ** 2 / 2.0

    def find_magnification(
        self, tracer, shape, xp=None, plane_redshift=None, per_image: bool = False
    ):
        """Kept image-plane area / ``shape.area``; with ``per_image`` one value per connected
        group of kept triangles (an image), largest first, those above
        ``magnification_threshold`` only."""
        i, j, o = self.kept_triangles_from(tracer, shape, xp=xp, plane_redshift=plane_redshift)
        area = self.triangle_area()
        if not per_image:
            return float(i.size * area / shape.area)
        labels = components_from(i, j, o)
        counts = np.bincount(labels) if labels.size else np.zeros(0, dtype=int)
        magnifications = sorted((float(c * area / shape.area) for c in counts), reverse=True)
        return [m for m in magnifications if m > self.magnification_threshold]


def components_from(i, j, o) -> np.ndarray:
    """Label of each triangle's connected group (triangles sharing a vertex are connected)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = i.size
    if n == 0:
        return np.zeros(0, dtype=int)
    offsets = triangles.VERTEX_OFFSETS[o]
    vi = (i[:, None] + offsets[:, :, 0]).reshape(-1)
    vj = (j[:, None] + offsets[:, :, 1]).reshape(-1)
    _, vertex = np.unique(np.stack([vi, vj], axis=1), axis=0, return_inverse=True)
    vertex = vertex.reshape(-1)
    rows = np.repeat(np.arange(n), 3)
    # Bipartite graph: triangles 0..n-1, vertices n..; components join triangles via vertices.
    graph = coo_matrix((np.ones(rows.size), (rows, n + vertex)), shape=(n + vertex.max() + 1,) * 2)
    _, labels = connected_components(graph, directed=False)
    _, labels = np.unique(labels[:n], return_inverse=True)
    return labels.reshape(-1)
