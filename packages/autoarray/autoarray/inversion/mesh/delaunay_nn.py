"""``DelaunayNN`` mesh: Sibson natural-neighbour interpolation on the Delaunay vertices.

Vertices, neighbours, split points and edge zeroing are those of
:class:`~autoarray.inversion.mesh.delaunay.Delaunay`; the weights of a traced point ``q`` are
its Sibson coordinates, by Watson's formula (the release's facts): every triangle whose
circumcircle contains ``q`` (``|c − q|² ≤ r² + 64 ε max(r², 1)``) contributes, to each of its
vertices ``v_j``, ``(g_{j+1} − c) × (g_{j+2} − c)`` where ``c`` is its circumcentre and
``g_k`` the circumcentre of ``q`` with the triangle's edge opposite vertex ``k``; the sums per
vertex are normalised by their total. Unlike barycentric weights they are continuous through
a Delaunay diagonal flip. Special rows, as in the release: outside the hull the nearest vertex
takes weight 1; within ``64 ε`` of a vertex that vertex does; within ``128 ε`` (barycentric) of
an edge the containing triangle's barycentric weights are used; a degenerate circumcircle,
a non-finite or vanishing total, more than 32 triangles in the cavity or more than
``max_neighbors`` (32) natural neighbours gives NaN weights (the likelihood is then NaN: a
resample) — thin triangles on the hull of a sparse mesh have huge circumcircles, so points
near the hull of small meshes can hit the caps.

The cavity is found densely (every query against every triangle, in query blocks) rather
than by the release's flood fill from the containing triangle; for a Delaunay triangulation
both give the same set. Only the triangulation (integer tables) runs on the host under JAX;
the geometry is ``xp`` and differentiable in the traced points and vertices.
"""

from __future__ import annotations

import numpy as np

from autoarray.inversion.mesh.delaunay import (
    Delaunay,
    MeshGeometry,
    _simplices_jax,
    _tables_jax,
    simplices_padded_from,
    triangulation_tables_from,
)

#: Natural neighbours kept per point (the release's cap; more gives NaN weights).
MAX_NEIGHBORS = 32
#: Triangles in one point's cavity (the release's cap; more gives NaN weights).
MAX_CAVITY_TRIANGLES = 32
#: Query-triangle pairs per block of the dense cavity search.
PAIRS_PER_BLOCK = 2_000_000


def _cross(u, v):
    return u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0]


def circumcircles_from(a, b, c, xp=np):
    """``(centres, squared radii, valid)`` of the circles through ``a, b, c`` (broadcast)."""
    ba, ca = b - a, c - a
    ba2, ca2 = xp.sum(ba * ba, axis=-1), xp.sum(ca * ca, axis=-1)
    denominator = 2.0 * _cross(ba, ca)
    scale = xp.maximum(xp.maximum(ba2, ca2), 1.0)
    valid = xp.abs(denominator) > 32.0 * np.finfo(np.float64).eps * scale
    safe = xp.where(valid, denominator, 1.0)
    offset = (
        xp.stack([ba2 * ca[..., 1] - ca2 * ba[..., 1], ba[..., 0] * ca2 - ca[..., 0] * ba2], -1)
        / safe[..., None]
    )
    centre = xp.where(valid[..., None], a + offset, 0.0)
    radius2 = xp.where(valid, xp.sum(offset * offset, axis=-1), 0.0)
    return centre, radius2, valid


def _sibson_block(q, tri, centres, r2, valid, onehots, xp):
    """``(W [n, S] normalised Sibson weights, degenerate [n], cavity sizes [n])`` of the query
    block ``q``."""
    eps = np.finfo(np.float64).eps
    d2 = xp.sum((centres[None, :, :] - q[:, None, :]) ** 2, axis=-1)
    contains = valid[None, :] & (d2 <= r2[None, :] + 64.0 * eps * xp.maximum(r2, 1.0)[None, :])
    edge_a = tri[:, [1, 2, 0], :][None]
    edge_b = tri[:, [2, 0, 1], :][None]
    inserted, _, ok = circumcircles_from(
        edge_a, edge_b, xp.broadcast_to(q[:, None, None, :], (q.shape[0],) + tri.shape), xp=xp
    )
    rel = inserted - centres[None, :, None, :]
    contributions = xp.stack(
        [
            _cross(rel[:, :, 1], rel[:, :, 2]),
            _cross(rel[:, :, 2], rel[:, :, 0]),
            _cross(rel[:, :, 0], rel[:, :, 1]),
        ],
        axis=-1,
    )
    pair_ok = xp.stack(
        [ok[..., 1] & ok[..., 2], ok[..., 2] & ok[..., 0], ok[..., 0] & ok[..., 1]], -1
    )
    contributions = xp.where(contains[..., None] & pair_ok, contributions, 0.0)
    weights = sum(contributions[:, :, k] @ onehots[k] for k in range(3))
    total = xp.sum(weights, axis=1)
    degenerate = xp.any(contains[..., None] & ~ok, axis=(1, 2))
    degenerate = degenerate | ~xp.isfinite(total) | (xp.abs(total) <= np.finfo(np.float64).tiny)
    safe = xp.where(xp.abs(total) > np.finfo(np.float64).tiny, total, 1.0)
    return weights / safe[:, None], degenerate, xp.sum(contains, axis=1)


def sibson_weights_from(queries, vertices, simplices, corners, inside, max_neighbors, xp=np):
    """``(mappings [N, K], weights [N, K])``, ``K = min(max_neighbors, S)``; see the module."""
    S = vertices.shape[0]
    tri = vertices[simplices]  # [T, 3, 2]; padded (0, 0, 0) rows have no circumcircle
    centres, r2, valid = circumcircles_from(tri[:, 0], tri[:, 1], tri[:, 2], xp=xp)
    onehots = [
        (np.asarray(simplices)[:, k][:, None] == np.arange(S)[None, :]).astype(np.float64)
        if xp is np
        else (simplices[:, k][:, None] == xp.arange(S)[None, :]).astype(vertices.dtype)
        for k in range(3)
    ]
    n = queries.shape[0]
    block = max(1, min(n, PAIRS_PER_BLOCK // max(int(simplices.shape[0]), 1)))
    if xp is np:
        parts = [
            _sibson_block(queries[i : i + block], tri, centres, r2, valid, onehots, np)
            for i in range(0, n, block)
        ]
        dense = np.concatenate([p[0] for p in parts])
        degenerate = np.concatenate([p[1] for p in parts])
        cavity = np.concatenate([p[2] for p in parts])
    else:
        import jax

        blocks = -(-n // block)
        padded = xp.concatenate([queries, xp.zeros((blocks * block - n, 2), queries.dtype)])
        dense, degenerate, cavity = jax.lax.map(
            lambda b: _sibson_block(b, tri, centres, r2, valid, onehots, xp),
            padded.reshape(blocks, block, 2),
        )
        dense = dense.reshape(-1, S)[:n]
        degenerate = degenerate.reshape(-1)[:n]
        cavity = cavity.reshape(-1)[:n]
    K = min(int(max_neighbors), S)
    positive = xp.sum(dense > 0.0, axis=1)
    if xp is np:
        mappings = np.argsort(-dense, axis=1, kind="stable")[:, :K]
        weights = np.take_along_axis(dense, mappings, axis=1)
    else:
        import jax

        weights, mappings = jax.lax.top_k(dense, K)
    weights = xp.where(weights > 0.0, weights, 0.0)

    # Rows handled without Sibson weights (the release's fallbacks).
    seed = vertices[corners]  # [N, 3, 2]
    eps = np.finfo(np.float64).eps
    seed_d2 = xp.sum((seed - queries[:, None, :]) ** 2, axis=-1)
    scale = xp.maximum(
        xp.maximum(xp.max(xp.abs(queries), axis=1), xp.max(xp.abs(seed), axis=(1, 2))), 1.0
    )
    on_vertex = inside & (xp.min(seed_d2, axis=1) <= (64.0 * eps * scale) ** 2)
    local_vertex = xp.take_along_axis(corners, xp.argmin(seed_d2, axis=1)[:, None], axis=1)[:, 0]
    p0, p1, p2 = seed[:, 0], seed[:, 1], seed[:, 2]
    den = _cross(p1 - p0, p2 - p0)
    den = xp.where(den != 0.0, den, 1.0)
    q = queries
    bary = xp.stack([_cross(p1 - q, p2 - q), _cross(p2 - q, p0 - q), _cross(p0 - q, p1 - q)], 1)
    bary = bary / den[:, None]
    on_edge = inside & ~on_vertex & (xp.min(xp.abs(bary), axis=1) <= 128.0 * eps)
    single = ~inside | on_vertex
    fallback = xp.where(on_vertex, local_vertex, corners[:, 0])
    column = xp.arange(K)[None, :]
    one_hot = xp.where(column == 0, 1.0, 0.0)
    pad3 = K - 3
    edge_map = xp.concatenate([corners, xp.zeros((corners.shape[0], pad3), corners.dtype)], 1)
    edge_w = xp.concatenate([bary, xp.zeros((bary.shape[0], pad3), bary.dtype)], 1)
    mappings = xp.where(single[:, None], fallback[:, None], mappings)
    weights = xp.where(single[:, None], one_hot, weights)
    mappings = xp.where(on_edge[:, None], edge_map, mappings)
    weights = xp.where(on_edge[:, None], edge_w, weights)
    overflow = (positive > K) | (cavity > MAX_CAVITY_TRIANGLES)
    failed = inside & ~on_vertex & ~on_edge & (degenerate | overflow)
    weights = xp.where(failed[:, None], xp.nan, weights)
    return mappings.astype(np.int32) if xp is np else mappings, weights


class NNGeometry(MeshGeometry):
    """Delaunay geometry whose split points are interpolated with Sibson weights."""

    def __init__(self, mesh, pixels, adjacency, vertices, xp=np):
        super().__init__(pixels, adjacency, vertices, mesh.areas_factor, xp=xp)
        self._mesh = mesh

    @property
    def split_matrix(self):
        from autoarray.inversion.mesh.delaunay import split_matrix_from

        return split_matrix_from(
            self._vertices, self._areas_factor, xp=self._xp, weights_fn=self._mesh.weights_from
        )


class DelaunayNN(Delaunay):
    """Delaunay mesh with Sibson natural-neighbour interpolation (see the module docstring).

    Parameters
    ----------
    pixels
        Informational (the mesh grid fixes the number of source pixels).
    zeroed_pixels
        Number of trailing vertices fixed to zero by edge zeroing.
    areas_factor
        Scale of the split points of split regularizations.
    """

    max_neighbors = MAX_NEIGHBORS

    def weights_from(self, queries, vertices, xp=np):
        """``(mappings [N, K], weights [N, K])`` of points on the traced vertices."""
        return self._weights_and_adjacency_from(queries, vertices, xp)[:2]

    def _weights_and_adjacency_from(self, queries, vertices, xp):
        if xp is np:
            corners, inside, adjacency = triangulation_tables_from(queries, vertices)
            simplices = simplices_padded_from(vertices)
        else:
            corners, inside, adjacency = _tables_jax(queries, vertices)
            simplices = _simplices_jax(vertices)
        mappings, weights = sibson_weights_from(
            queries, vertices, simplices, corners, inside, self.max_neighbors, xp=xp
        )
        return mappings, weights, adjacency

    def interpolation_and_geometry_from(self, sub_points, vertices, xp=np):
        """``(mappings [N, K], weights [N, K], geometry)`` of the traced sub-pixels."""
        if vertices.shape[0] < 3:
            return super().interpolation_and_geometry_from(sub_points, vertices, xp=xp)
        mappings, weights, adjacency = self._weights_and_adjacency_from(sub_points, vertices, xp)
        geometry = NNGeometry(self, int(vertices.shape[0]), adjacency, vertices, xp=xp)
        return mappings, weights, geometry

    def __repr__(self) -> str:
        return super().__repr__().replace("Delaunay(", "DelaunayNN(", 1)
