"""Integer triangle lattice of the point solver (NumPy and JAX).

The image plane is covered by square cells of side ``s`` (vertices ``(y0 + i s, x0 + j s)``),
each split along its rising diagonal into two right triangles::

    o = 0: vertices (i, j), (i + 1, j), (i + 1, j + 1)
    o = 1: vertices (i, j), (i, j + 1), (i + 1, j + 1)

A triangle is the integer triple ``(i, j, o)``. Its three edge-adjacent triangles and its four
midpoint children (on the lattice of side ``s/2``, same origin) are integer shifts, so
neighbourhoods and refinement never compare floating-point coordinates:

* neighbours of ``(i, j, 0)``: ``(i, j, 1)``, ``(i, j − 1, 1)``, ``(i + 1, j, 1)``;
  of ``(i, j, 1)``: ``(i, j, 0)``, ``(i − 1, j, 0)``, ``(i, j + 1, 0)``;
* children of ``(i, j, 0)``: ``(2i, 2j, 0)``, ``(2i + 1, 2j, 0)``, ``(2i + 1, 2j + 1, 0)`` and the
  central ``(2i + 1, 2j, 1)``; of ``(i, j, 1)``: ``(2i, 2j, 1)``, ``(2i, 2j + 1, 1)``,
  ``(2i + 1, 2j + 1, 1)`` and the central ``(2i, 2j + 1, 0)``.

(The reference release uses equilateral triangles; any lattice that refines by midpoints
brackets the same images, and here the images are then polished by Newton steps.)
"""

from __future__ import annotations

import numpy as np

#: Vertex offsets ``[o, vertex, (di, dj)]``.
VERTEX_OFFSETS = np.array([[[0, 0], [1, 0], [1, 1]], [[0, 0], [0, 1], [1, 1]]], dtype=np.int64)
#: Neighbour shifts ``[o, k, (di, dj, new_o)]`` (``k = 0`` is the triangle itself).
NEIGHBOUR_SHIFTS = np.array(
    [
        [[0, 0, 0], [0, 0, 1], [0, -1, 1], [1, 0, 1]],
        [[0, 0, 1], [0, 0, 0], [-1, 0, 0], [0, 1, 0]],
    ],
    dtype=np.int64,
)
#: Child shifts ``[o, k, (di, dj, new_o)]`` applied to ``(2i, 2j)``.
CHILD_SHIFTS = np.array(
    [
        [[0, 0, 0], [1, 0, 0], [1, 1, 0], [1, 0, 1]],
        [[0, 0, 1], [0, 1, 1], [1, 1, 1], [0, 1, 0]],
    ],
    dtype=np.int64,
)

#: The 6 distinct vertices of a triangle's four children (its corners, then its edge midpoints)
#: as offsets from ``(2i, 2j)`` on the child lattice, ``[o, 6, (di, dj)]``.
CHILDREN_VERTEX_OFFSETS = np.array(
    [
        [[0, 0], [2, 0], [2, 2], [1, 0], [2, 1], [1, 1]],
        [[0, 0], [0, 2], [2, 2], [0, 1], [1, 2], [1, 1]],
    ],
    dtype=np.int64,
)


def _child_vertex_index() -> np.ndarray:
    """``[o, child, vertex]`` → index into :data:`CHILDREN_VERTEX_OFFSETS` ``[o]``."""
    out = np.zeros((2, 4, 3), dtype=np.int64)
    for o in range(2):
        six = [tuple(v) for v in CHILDREN_VERTEX_OFFSETS[o]]
        for k, (di, dj, child_o) in enumerate(CHILD_SHIFTS[o]):
            for v, (vi, vj) in enumerate(VERTEX_OFFSETS[child_o]):
                out[o, k, v] = six.index((di + vi, dj + vj))
    return out


#: Which of the 6 shared vertices each child vertex is: tracing 6 points per parent instead
#: of 12 (3 per child) halves the ray tracing of a refinement step.
CHILD_VERTEX_INDEX = _child_vertex_index()

#: Tolerance of the barycentric containment test: a source on a traced edge or vertex is kept
#: by both triangles sharing it (duplicates are merged after the Newton polish).
CONTAINMENT_TOLERANCE = 1e-10


def vertices_from(i, j, o, origin, side, xp=np):
    """``[M, 3, 2]`` image-plane (y, x) vertices of triangles ``(i, j, o)``."""
    offsets = xp.asarray(VERTEX_OFFSETS)[o]
    vi = i[:, None] + offsets[:, :, 0]
    vj = j[:, None] + offsets[:, :, 1]
    y = origin[0] + vi * side
    x = origin[1] + vj * side
    return xp.stack([y, x], axis=-1)


def contains_abc(a, b, c, point, xp=np):
    """Whether ``point`` (y, x) lies in each traced triangle ``(a, b, c)`` (arrays ``[..., 2]``
    of any matching leading shape; closed barycentric test; a degenerate traced triangle
    contains nothing)."""
    den = (b[..., 1] - c[..., 1]) * (a[..., 0] - c[..., 0]) + (c[..., 0] - b[..., 0]) * (
        a[..., 1] - c[..., 1]
    )
    dy = point[0] - c[..., 0]
    dx = point[1] - c[..., 1]
    safe = xp.where(den == 0.0, 1.0, den)
    l1 = ((b[..., 1] - c[..., 1]) * dy + (c[..., 0] - b[..., 0]) * dx) / safe
    l2 = ((c[..., 1] - a[..., 1]) * dy + (a[..., 0] - c[..., 0]) * dx) / safe
    l3 = 1.0 - l1 - l2
    tol = -CONTAINMENT_TOLERANCE
    inside = xp.logical_and(xp.logical_and(l1 >= tol, l2 >= tol), l3 >= tol)
    # A non-finite traced vertex makes a barycentric coordinate NaN, and NaN fails every
    # comparison, so such triangles are never kept (no separate finiteness pass).
    return xp.logical_and(inside, den != 0.0)


def contains_from(traced, point, xp=np):
    """Whether ``point`` (y, x) lies in each traced triangle ``traced [M, 3, 2]``."""
    return contains_abc(traced[:, 0], traced[:, 1], traced[:, 2], point, xp=xp)


def neighbourhood_from(i, j, o, xp=np):
    """Each triangle and its three edge neighbours, ``[4M]`` (duplicates not removed)."""
    shifts = xp.asarray(NEIGHBOUR_SHIFTS)[o]
    return (
        (i[:, None] + shifts[:, :, 0]).reshape(-1),
        (j[:, None] + shifts[:, :, 1]).reshape(-1),
        shifts[:, :, 2].reshape(-1),
    )


def children_from(i, j, o, xp=np):
    """The four midpoint children of each triangle, ``[4M]``, on the lattice of half side."""
    shifts = xp.asarray(CHILD_SHIFTS)[o]
    return (
        (2 * i[:, None] + shifts[:, :, 0]).reshape(-1),
        (2 * j[:, None] + shifts[:, :, 1]).reshape(-1),
        shifts[:, :, 2].reshape(-1),
    )


def children_with_traced_vertices_from(i, j, o, origin, child_side, trace, xp=np):
    """The children of ``(i, j, o)`` (as :func:`children_from`) and their traced vertices
    ``[4M, 3, 2]``, tracing the 6 distinct vertices of each parent's children once."""
    offsets = xp.asarray(CHILDREN_VERTEX_OFFSETS)[o]
    y = origin[0] + (2 * i[:, None] + offsets[:, :, 0]) * child_side
    x = origin[1] + (2 * j[:, None] + offsets[:, :, 1]) * child_side
    traced = trace(xp.stack([y, x], axis=-1).reshape(-1, 2)).reshape(-1, 6, 2)
    index = xp.asarray(CHILD_VERTEX_INDEX)[o]
    rows = xp.arange(traced.shape[0])[:, None, None]
    children = children_from(i, j, o, xp=xp)
    return children, traced[rows, index].reshape(-1, 3, 2)


def unique_numpy(i, j, o):
    """Distinct triangles (NumPy), sorted by ``(i, j, o)``.

    Each triple is packed into one integer key, because ``np.unique`` of a 1-D integer array
    is several times faster than its row-wise (``axis=0``) form.
    """
    if i.size == 0:
        return i, j, o
    i_min, j_min = i.min(), j.min()
    width = j.max() - j_min + 1
    keys = np.unique(((i - i_min) * width + (j - j_min)) * 2 + o)
    cell, o = np.divmod(keys, 2)
    i, j = np.divmod(cell, width)
    return i + i_min, j + j_min, o


def _any_corner(flags):
    """Per cell ``[n_y, n_x]``: whether any of its four corners has ``flags`` set."""
    return flags[:-1, :-1] | flags[1:, :-1] | flags[:-1, 1:] | flags[1:, 1:]


def initial_kept_from(traced, point):
    """Triangles ``(i, j, o)`` of the initial lattice whose traced image contains ``point``,
    from the traced vertex lattice ``traced [n_y + 1, n_x + 1, 2]``.

    A traced triangle can contain the point only if its vertices are not all on one side of
    it in y, nor in x; that sign test on the cells' four corners (boolean array slices) leaves
    a few candidate cells, whose two triangles get the exact test of :func:`contains_abc`.
    A non-finite vertex sets no flag, so it never makes a cell a candidate by itself.
    """
    d = traced - np.asarray(point, dtype=float)
    candidate = (
        _any_corner(d[..., 0] >= 0.0)
        & _any_corner(d[..., 0] <= 0.0)
        & _any_corner(d[..., 1] >= 0.0)
        & _any_corner(d[..., 1] <= 0.0)
    )
    ci, cj = np.nonzero(candidate)
    i = np.repeat(ci, 2)
    j = np.repeat(cj, 2)
    o = np.tile(np.array([0, 1], dtype=np.int64), ci.size)
    offsets = VERTEX_OFFSETS[o]
    vertices = traced[i[:, None] + offsets[:, :, 0], j[:, None] + offsets[:, :, 1]]
    kept = contains_from(vertices, point)
    return i[kept], j[kept], o[kept]


def initial_lattice(n_y: int, n_x: int):
    """Every triangle of an ``n_y × n_x`` block of cells (``i``-major order)."""
    ii, jj, oo = np.meshgrid(np.arange(n_y), np.arange(n_x), np.arange(2), indexing="ij")
    return ii.reshape(-1), jj.reshape(-1), oo.reshape(-1)
