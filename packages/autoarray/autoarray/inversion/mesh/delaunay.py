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
from autoarray.pytrees import Pytree


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


def simplices_padded_from(vertices: np.ndarray) -> np.ndarray:
    """``[2 S, 3]`` triangles of the triangulation, padded with ``(0, 0, 0)`` (zero area), so
    the shape is fixed for ``S`` vertices (a planar triangulation has at most ``2 S − 5``)."""
    from scipy.spatial import Delaunay as ScipyDelaunay

    simplices = ScipyDelaunay(np.asarray(vertices, dtype=float)).simplices.astype(np.int32)
    padded = np.zeros((2 * vertices.shape[0], 3), dtype=np.int32)
    padded[: simplices.shape[0]] = simplices
    return padded


def _simplices_jax(vertices):
    import jax
    import jax.numpy as jnp

    shape = jax.ShapeDtypeStruct((2 * vertices.shape[0], 3), jnp.int32)
    return jax.pure_callback(
        lambda v: simplices_padded_from(np.asarray(v)),
        shape,
        jax.lax.stop_gradient(vertices),
        vmap_method="sequential",
    )


def split_matrix_from(vertices, areas_factor: float, xp=np, weights_fn=None):
    """``[4 S, S]`` stencils of the split regularizations: row ``4 i + k`` is ``e_i`` minus the
    interpolation weights of the ``k``-th split point of vertex ``i`` — the cross
    ``(y ± δ, x), (y, x ± δ)`` with ``δ_i = areas_factor · sqrt(dual area_i)`` (dual area: a
    third of the area of every incident triangle). ``weights_fn(points, vertices, xp=)`` (e.g.
    Sibson weights) replaces the barycentric interpolation of the split points."""
    S = vertices.shape[0]
    simplices = simplices_padded_from(vertices) if xp is np else _simplices_jax(vertices)
    a, b, c = (vertices[simplices[:, k]] for k in range(3))
    area = 0.5 * xp.abs(
        (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0])
    )
    third = xp.repeat(area / 3.0, 3)
    if xp is np:
        dual = np.zeros(S)
        np.add.at(dual, simplices.ravel(), third)
    else:
        dual = xp.zeros(S).at[simplices.ravel()].add(third)
    delta = areas_factor * xp.sqrt(dual)
    zero = xp.zeros_like(delta)
    offsets = xp.stack(
        [
            xp.stack([delta, zero], axis=1),
            xp.stack([-delta, zero], axis=1),
            xp.stack([zero, delta], axis=1),
            xp.stack([zero, -delta], axis=1),
        ],
        axis=1,
    )  # [S, 4, 2]
    split = (vertices[:, None, :] + offsets).reshape(4 * S, 2)
    if weights_fn is not None:
        corners, weights = weights_fn(split, vertices, xp=xp)
    else:
        if xp is np:
            corners, inside, _ = triangulation_tables_from(split, vertices)
        else:
            corners, inside, _ = _tables_jax(split, vertices)
        weights = barycentric_weights_from(split, vertices, corners, inside, xp=xp)
    rows = np.repeat(np.arange(4 * S), corners.shape[1])
    owner = np.repeat(np.arange(S), 4)
    if xp is np:
        stencil = np.zeros((4 * S, S))
        stencil[np.arange(4 * S), owner] = 1.0
        np.add.at(stencil, (rows, np.asarray(corners).ravel()), -np.asarray(weights).ravel())
        return stencil
    stencil = xp.zeros((4 * S, S)).at[np.arange(4 * S), owner].set(1.0)
    return stencil.at[rows, corners.ravel()].add(-weights.ravel())


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
    """The per-fit geometry a regularization reads: source-pixel count, adjacency and (for
    split regularizations) the split stencils, built on first request."""

    def __init__(self, pixels: int, adjacency, vertices=None, areas_factor=0.5, xp=np):
        self.pixels = pixels
        self.adjacency = adjacency
        self._vertices = vertices
        self._areas_factor = areas_factor
        self._xp = xp

    @property
    def split_matrix(self):
        return split_matrix_from(self._vertices, self._areas_factor, xp=self._xp)


class Delaunay(Pytree):
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

    __pytree_static__ = ("pixels", "zeroed_pixels", "areas_factor")
    requires_adapt_image = False
    requires_image_mesh = True
    #: Adaptive pixel signals skip zero-weight mappings (a vertex of a containing triangle).
    exclude_zero_weight_mappings = True

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
        geometry = MeshGeometry(
            int(vertices.shape[0]), adjacency, vertices, self.areas_factor, xp=xp
        )
        return corners, weights, geometry

    def __repr__(self) -> str:
        return (
            f"Delaunay(pixels={self.pixels}, zeroed_pixels={self.zeroed_pixels}, "
            f"areas_factor={self.areas_factor})"
        )
