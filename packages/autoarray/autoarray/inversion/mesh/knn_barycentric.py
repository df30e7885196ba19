"""``KNNBarycentric`` mesh: barycentric weights on the triangle of the 3 nearest vertices.

A JAX-native stand-in for Delaunay interpolation (no triangulation callback for the weights):
each traced sub-pixel takes its 3 nearest vertices (nearest first, as in
:mod:`~autoarray.inversion.mesh.knn`) and signed barycentric coordinates on their triangle,
clipped at zero and renormalised (a row sum ≤ 1e-12 keeps the clipped values); a degenerate
triangle (``|cross| ≤ 1e-12``) gives all weight to the nearest vertex. Inside the containing
Delaunay triangle this equals Delaunay interpolation; elsewhere it approximates it — the
release marks it for gradient experiments, not production science. Neighbours and split
spacing are those of :class:`~autoarray.inversion.mesh.knn.KNearestNeighbor` (the split points
are interpolated with these barycentric weights).
"""

from __future__ import annotations

import numpy as np

from autoarray.inversion.mesh.knn import KNearestNeighbor, nearest_from


def _cross(a, b, c):
    return (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0])


def clipped_barycentric_weights_from(queries, vertices, nearest, xp=np):
    """``[N, 3]`` clipped, renormalised barycentric weights on the triangles ``nearest``."""
    p0, p1, p2 = (vertices[nearest[:, k]] for k in range(3))
    total = _cross(p0, p1, p2)
    degenerate = xp.abs(total) <= 1e-12
    safe_total = xp.where(degenerate, 1.0, total)
    bary = (
        xp.stack([_cross(queries, p1, p2), _cross(p0, queries, p2), _cross(p0, p1, queries)], 1)
        / safe_total[:, None]
    )
    clipped = xp.maximum(bary, 0.0)
    row_sum = xp.sum(clipped, axis=1, keepdims=True)
    weights = clipped / xp.where(row_sum > 1e-12, row_sum, 1.0)
    nearest_only = xp.asarray([1.0, 0.0, 0.0])
    return xp.where(degenerate[:, None], nearest_only[None, :], weights)


class KNNBarycentric(KNearestNeighbor):
    """KNearestNeighbor connectivity with 3-nearest barycentric interpolation (see module)."""

    def weights_from(self, queries, vertices, xp=np):
        nearest, _ = nearest_from(queries, vertices, 3, xp=xp)
        return nearest, clipped_barycentric_weights_from(queries, vertices, nearest, xp=xp)

    def __repr__(self) -> str:
        return super().__repr__().replace("KNearestNeighbor(", "KNNBarycentric(", 1)
