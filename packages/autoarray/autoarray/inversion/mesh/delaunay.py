"""``Delaunay`` mesh: source pixels at the traced points of an image-plane mesh grid.

The vertices are an image-plane mesh grid (e.g. ``al.image_mesh.Overlay``) ray-traced to the
source plane (and border-relocated). A traced sub-pixel inside a Delaunay triangle is shared
between its three vertices with barycentric weights ``w_0 = A(v1, v2, q)/ΣA`` (and cyclic,
``A`` the absolute cross product; weights 0 if ``ΣA ≤ 1e-12``); outside the convex hull it
belongs to the nearest vertex with weight 1. Neighbours (for ``Constant`` / ``Adapt``) are the
triangulation's edges. ``zeroed_pixels = Z`` zeroes the *last* ``Z`` vertices (edge zeroing).

The triangulation itself (``scipy.spatial.Delaunay``, its ``find_simplex`` and a k-d tree for
the nearest vertex) is integer bookkeeping: on NumPy it runs directly; under JAX it runs on the
host through ``jax.pure_callback`` (``vmap_method="sequential"``: one triangulation per batch
member), returning for each sub-pixel the three vertex indexes (the nearest vertex three times
outside the hull, with a flag) and the vertex adjacency. The weights are then computed from the
traced coordinates with ``xp``, so they are differentiable with respect to the mass model
(derivatives of the integer tables are zero, as for any piecewise-linear interpolation).
"""

from __future__ import annotations

import numpy as np

from autoarray import exc


def triangulation_tables_from(points: np.ndarray, vertices: np.ndarray):
    """``(corners [N, 3] int32, inside [N] bool, adjacency [S, S] float)`` on NumPy arrays."""
    from scipy.spatial import Delaunay as ScipyDelaunay
    from scipy.spatial import cKDTree

    points = np.asarray(points, dtype=float)
    vertices = np.asarray(vertices, dtype=float)
    try:
        triangulation = ScipyDelaunay(vertices)
    except Exception as error:  # QhullError: degenerate (e.g. collinear) vertices
        raise exc.MeshException(
            f"Delaunay triangulation of the traced mesh failed: {error}"
        ) from error
    simplex = triangulation.find_simplex(points)
    inside = simplex >= 0
    corners = np.empty((points.shape[0], 3), dtype=np.int32)
    corners[inside] = triangulation.simplices[simplex[inside]]
    if not inside.all():
        nearest = cKDTree(vertices).query(points[~inside])[1]
        corners[~inside] = nearest[:, None]
    indptr, indices = triangulation.vertex_neighbor_vertices
    adjacency = np.zeros((vertices.shape[0], vertices.shape[0]))
    rows = np.repeat(np.arange(vertices.shape[0]), np.diff(indptr))
    adjacency[rows, indices] = 1.0
    return corners, inside, adjacency


def _tables_jax(points, vertices):
    import jax
    import jax.numpy as jnp

    shapes = (
        jax.ShapeDtypeStruct((points.shape[0], 3), jnp.int32),
        jax.ShapeDtypeStruct((points.shape[0],), jnp.bool_),
        jax.ShapeDtypeStruct((vertices.shape[0], vertices.shape[0]), points.dtype),
    )

    def host(p, v):
        corners, inside, adjacency = triangulation_tables_from(np.asarray(p), np.asarray(v))
        return corners, inside, adjacency.astype(np.asarray(p).dtype)

    return jax.pure_callback(
        host,
        shapes,
        jax.lax.stop_gradient(points),
        jax.lax.stop_gradient(vertices),
        vmap_method="sequential",
    )


def barycentric_weights_from(points, vertices, corners, inside, xp=np):
    """``[N, 3]`` weights of ``points`` on the triangles ``corners`` (nearest vertex outside)."""
    v0 = vertices[corners[:, 0]]
    v1 = vertices[corners[:, 1]]
    v2 = vertices[corners[:, 2]]

    def area(a, b, c):
        return xp.abs(
            (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0])
        )

    a0 = area(v1, v2, points)
    a1 = area(v0, v2, points)
    a2 = area(v0, v1, points)
    total = a0 + a1 + a2
    valid = total > 1e-12
    safe = xp.where(valid, total, 1.0)
    weights = xp.stack([a0 / safe, a1 / safe, a2 / safe], axis=1)
    weights = xp.where(valid[:, None], weights, 0.0)
    outside = xp.asarray([1.0, 0.0, 0.0])
    return xp.where(inside[:, None], weights, outside[None, :])


class MeshGeometry:
    """The per-fit geometry a regularization reads: source-pixel count and adjacency."""

    def __init__(self, pixels: int, adjacency):
        self.pixels = pixels
        self.adjacency = adjacency


class Delaunay:
    """Delaunay mesh on a traced image-plane mesh grid.

    Parameters
    ----------
    pixels
        Informational (the mesh grid fixes the number of source pixels).
    zeroed_pixels
        Number of trailing vertices fixed to zero by edge zeroing.
    areas_factor
        Scale of the split points of split regularizations (kept for compatibility).
    """

    __no_flatten__ = ("pixels", "zeroed_pixels", "areas_factor")
    requires_adapt_image = False
    requires_image_mesh = True

    def __init__(self, pixels: int = 10, zeroed_pixels: int = 0, areas_factor: float = 0.5):
        self.pixels = int(pixels)
        self.zeroed_pixels = int(zeroed_pixels)
        self.areas_factor = float(areas_factor)
        if self.zeroed_pixels < 0:
            raise exc.MeshException(f"zeroed_pixels must be >= 0, got {zeroed_pixels}.")

    def zeroed_indexes_from(self, params: int) -> np.ndarray:
        """The last ``zeroed_pixels`` vertex indexes."""
        return np.arange(params - self.zeroed_pixels, params)

    def interpolation_and_geometry_from(self, sub_points, vertices, xp=np):
        """``(mappings [N, 3], weights [N, 3], MeshGeometry)`` of the traced sub-pixels."""
        if vertices.shape[0] < 3:
            raise exc.MeshException(
                f"A Delaunay mesh needs at least 3 vertices, got {vertices.shape[0]}."
            )
        if xp is np:
            corners, inside, adjacency = triangulation_tables_from(sub_points, vertices)
        else:
            corners, inside, adjacency = _tables_jax(sub_points, vertices)
        weights = barycentric_weights_from(sub_points, vertices, corners, inside, xp=xp)
        return corners, weights, MeshGeometry(int(vertices.shape[0]), adjacency)

    def __repr__(self) -> str:
        return (
            f"Delaunay(pixels={self.pixels}, zeroed_pixels={self.zeroed_pixels}, "
            f"areas_factor={self.areas_factor})"
        )
