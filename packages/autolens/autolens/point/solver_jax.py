"""JAX path of :class:`~autolens.point.solver.PointSolver`: static shapes, jit / vmap / grad.

Bracketing follows the NumPy path, except that each step keeps at most ``max_images``
containing triangles (the first by lattice order) so every array has a fixed size; duplicates
created by the neighbourhood are marked invalid after a sort of integer keys, not removed. The
initial step tests a source only against the triangles of the blocks (4 x 4 cells) whose traced
bounding box holds it; a triangle containing the source lies in such a block, so this is exact.

The Newton polish runs on ``jax.lax.stop_gradient`` values. Derivatives come from one last step
taken with the converged, stopped root ``θ₀`` and stopped Jacobian ``A₀``:

    θ* = θ₀ − A₀⁻¹ (β(θ₀; p) − β_s)

Its value is ``θ₀`` (plus a ~1e-12″ final correction) and its derivative with respect to the
lens parameters ``p`` and the source ``β_s`` is ``A⁻¹ (dβ_s − ∂β/∂p dp)``, the implicit-function
theorem's derivative of the root of ``β(θ; p) = β_s`` — no differentiation through the
tiling or the iterations, in forward and reverse mode alike.

Unused rows are finite copies of a found image (or of a point of the search area when there is
none) with ``mask`` False, so no NaN / inf enters a gradient.
"""

from __future__ import annotations

import numpy as np

from autolens.point import polish, triangles
from autolens.point.solver import _source_from, plane_index_from

#: Side (cells) of the blocks of the initial lattice: a source is tested only against the
#: triangles of blocks whose traced bounding box holds it (the full test over every triangle of
#: the initial lattice was ~80% of a vmapped solve).
BLOCK_CELLS = 4

#: Candidate blocks tested per pass of the initial step.
CANDIDATE_BLOCKS = 64

#: Newton iterations of the JAX polish (fixed count; the NumPy path stops on convergence).
#: Starting within a final triangle (side ≤ 2 × pixel_scale_precision) of a root, Newton
#: reaches rounding in 3-6 iterations except next to critical curves.
NEWTON_ITERATIONS = 12


def _keys_from(i, j, o, width, xp):
    return ((i + 2) * width + (j + 2)) * 2 + o


def _dedupe_mask(i, j, o, valid, width, xp):
    """``valid`` with every repeat of an earlier valid triangle turned off."""
    big = np.iinfo(np.int64).max
    keys = xp.where(valid, _keys_from(i, j, o, width, xp), big)
    order = xp.argsort(keys)
    sorted_keys = keys[order]
    repeat = xp.concatenate([xp.zeros(1, dtype=bool), sorted_keys[1:] == sorted_keys[:-1]])
    first = xp.logical_and(sorted_keys != big, xp.logical_not(repeat))
    return xp.zeros_like(valid).at[order].set(first)


def _select(kept, size, xp):
    """Indexes of the first ``size`` True entries of ``kept`` and their validity."""
    (index,) = xp.nonzero(kept, size=size, fill_value=0)
    valid = xp.arange(size) < xp.sum(kept)
    return index, valid


def bracket_jax(solver, tracer, source, plane_index, xp):
    """Centroids ``[K, 2]`` of the kept triangles of the last step, and their validity."""
    import jax

    size = solver.max_images
    # Lattice indexes and vertex coordinates are built from iota ops inside the trace: as NumPy
    # constants they were embedded in the program (MBs of HLO) and constant-folded by XLA,
    # which multiplied the compile time.
    ny, nx = solver.n_y, solver.n_x
    block = BLOCK_CELLS
    nby, nbx = -(-ny // block), -(-nx // block)
    ny_p, nx_p = nby * block, nbx * block
    iy = solver.origin[0] + solver.scale * xp.arange(ny_p + 1, dtype=xp.float64)
    ix = solver.origin[1] + solver.scale * xp.arange(nx_p + 1, dtype=xp.float64)
    points = xp.stack([xp.repeat(iy, nx_p + 1), xp.tile(ix, ny_p + 1)], axis=1)
    vertices = polish.source_plane_points_from(tracer, points, plane_index, xp=xp)
    vertices = vertices.reshape(ny_p + 1, nx_p + 1, 2)
    # Per cell: o = 0 has vertices (i, j), (i+1, j), (i+1, j+1); o = 1 (i, j), (i, j+1), (i+1, j+1).
    v00 = vertices[:-1, :-1]
    v10 = vertices[1:, :-1]
    v01 = vertices[:-1, 1:]
    v11 = vertices[1:, 1:]
    lower = xp.stack([v00, v10, v11], axis=2)
    upper = xp.stack([v00, v01, v11], axis=2)
    traced = xp.stack([lower, upper], axis=2)  # [ny_p, nx_p, 2, 3, 2]
    # Blocks of block x block cells: [blocks, triangles per block, 3, 2].
    traced = traced.reshape(nby, block, nbx, block, 2, 3, 2).transpose(0, 2, 1, 3, 4, 5, 6)
    per_block = block * block * 2
    traced = traced.reshape(nby * nbx, per_block, 3, 2)
    finite = xp.isfinite(traced)
    low = xp.min(xp.where(finite, traced, xp.inf), axis=(1, 2))
    high = xp.max(xp.where(finite, traced, -xp.inf), axis=(1, 2))
    tol = triangles.CONTAINMENT_TOLERANCE
    candidate = xp.all(
        xp.logical_and(low - tol <= source[None, :], high + tol >= source[None, :]), axis=1
    )
    n_blocks = nby * nbx
    (blocks,) = xp.nonzero(candidate, size=n_blocks, fill_value=0)
    n_candidates = xp.sum(candidate)
    chunk = min(CANDIDATE_BLOCKS, n_blocks)
    local = xp.arange(per_block)

    def scan_blocks(carry):
        c, ids, valid = carry
        slot = c * chunk + xp.arange(chunk)
        chosen = blocks[xp.minimum(slot, n_blocks - 1)]
        kept = triangles.contains_from(traced[chosen].reshape(-1, 3, 2), source, xp=xp).reshape(
            chunk, per_block
        )
        kept = xp.logical_and(kept, (slot < n_candidates)[:, None]).reshape(-1)
        new_ids = (chosen[:, None] * per_block + local[None, :]).reshape(-1)
        all_ids = xp.concatenate([ids, new_ids])
        index, valid = _select(xp.concatenate([valid, kept]), size, xp)
        return c + 1, all_ids[index], valid

    # Usually one pass: the blocks whose traced bounding box holds the source are few; more
    # passes run only when they are many (each keeps the first `size` containing triangles).
    _, ids, valid = jax.lax.while_loop(
        lambda carry: carry[0] * chunk < n_candidates,
        scan_blocks,
        (0, xp.zeros(size, dtype=blocks.dtype), xp.zeros(size, dtype=bool)),
    )
    b, t = ids // per_block, ids % per_block
    i = (b // nbx) * block + t // (2 * block)
    j = (b % nbx) * block + (t // 2) % block
    o = t % 2
    # Steps 1.. have identical shapes, so they run as one loop body (compiled once); the key
    # width covers the finest lattice.
    width = (solver.n_x + 4) * 2**solver.n_steps

    def refine(step, carry):
        i, j, o, valid = carry
        for _ in range(solver.neighbor_degree):
            i, j, o = triangles.neighbourhood_from(i, j, o, xp=xp)
            valid = _dedupe_mask(i, j, o, xp.repeat(valid, 4), width, xp)
            index, valid = _select(valid, 4 * size, xp)
            i, j, o = i[index], j[index], o[index]
        valid = xp.repeat(valid, 4)
        side = solver.scale * 0.5**step
        (i, j, o), traced = triangles.children_with_traced_vertices_from(
            i,
            j,
            o,
            solver.origin,
            side,
            lambda points: polish.source_plane_points_from(tracer, points, plane_index, xp=xp),
            xp=xp,
        )
        kept = xp.logical_and(triangles.contains_from(traced, source, xp=xp), valid)
        index, valid = _select(kept, size, xp)
        return i[index], j[index], o[index], valid

    if solver.n_steps > 1:
        i, j, o, valid = jax.lax.fori_loop(1, solver.n_steps, refine, (i, j, o, valid))
    side = solver.side_at(solver.n_steps - 1)
    centroids = triangles.vertices_from(i, j, o, solver.origin, side, xp=xp).mean(axis=1)
    return centroids, valid


def _value_and_jacobian_from(tracer, plane_index, xp):
    """``θ ↦ (β(θ) [K, 2], A [K, 2, 2])``: the Jacobian columns are two forward-mode
    tangents of the batched map (each output row depends on its own input row only), one
    program instead of a per-point ``jacfwd``."""
    import jax

    def mapped(points):
        return polish.source_plane_points_from(tracer, points, plane_index, xp=xp)

    def value_and_jacobian(theta):
        tangents = xp.stack(
            [xp.zeros_like(theta).at[:, 0].set(1.0), xp.zeros_like(theta).at[:, 1].set(1.0)]
        )
        value, columns = jax.vmap(lambda t: jax.jvp(mapped, (theta,), (t,)), out_axes=(None, 0))(
            tangents
        )
        # columns[c, n, r] = ∂β_r/∂θ_c at point n → A[n, r, c].
        return value, xp.transpose(columns, (1, 2, 0))

    return mapped, value_and_jacobian


def _register_tracer(tracer) -> None:
    """Make ``tracer`` a pytree (for ``stop_gradient``); idempotent and cheap once done."""
    from autoarray.pytrees import register_declared_pytrees, register_reachable_classes

    register_declared_pytrees()
    register_reachable_classes(tracer)


def solve_padded_jax(solver, tracer, source_plane_coordinate, plane_redshift, xp):
    """``(positions [K, 2], mask [K])`` of the images (see the module note); found images
    first."""
    import jax

    _register_tracer(tracer)
    source = _source_from(source_plane_coordinate, xp)
    plane_index = plane_index_from(tracer, plane_redshift)
    source_sg = jax.lax.stop_gradient(source)
    centroids, valid = bracket_jax(
        solver, jax.lax.stop_gradient(tracer), source_sg, plane_index, xp
    )
    tracer_sg = jax.lax.stop_gradient(tracer)
    _, value_and_jacobian = _value_and_jacobian_from(tracer_sg, plane_index, xp)

    def newton(_, carry):
        theta = carry[0]
        beta, jac = value_and_jacobian(theta)
        step = polish.solve_2x2(jac, beta - source_sg, xp=xp)
        step = polish.cap_step(step, solver.scale, xp=xp)
        step = xp.where(xp.isfinite(step), step, 0.0)
        return theta - step, theta, beta, jac

    # The carry keeps the last evaluated point with its value and Jacobian, so the tracer
    # code appears once in the loop body (the final step is computed but not taken).
    initial = (centroids, centroids, xp.zeros_like(centroids), xp.zeros((centroids.shape[0], 2, 2)))
    _, theta, beta, jac = jax.lax.fori_loop(0, NEWTON_ITERATIONS + 1, newton, initial)
    residual = xp.sqrt(xp.sum((beta - source_sg) ** 2, axis=1))
    det = jac[:, 0, 0] * jac[:, 1, 1] - jac[:, 0, 1] * jac[:, 1, 0]
    accepted = xp.logical_and(valid, residual < solver.residual_tolerance)
    accepted = xp.logical_and(accepted, solver._inside_area(theta, xp=xp))
    accepted = xp.logical_and(accepted, xp.all(xp.isfinite(theta), axis=1))
    accepted = xp.logical_and(accepted, xp.isfinite(residual))
    safe_det = xp.where(xp.logical_and(xp.isfinite(det), det != 0.0), det, 1.0)
    accepted = xp.logical_and(accepted, xp.abs(1.0 / safe_det) > solver.magnification_threshold)
    accepted = xp.logical_and(accepted, det != 0.0)
    mask = polish.distinct_roots_mask(
        theta, xp.where(accepted, residual, 0.0), safe_det, accepted, xp=xp
    )
    # Found images first (stable), then pad every unused row with a found image (or a point of
    # the search area) so the implicit step below only ever sees finite, regular points.
    order = xp.argsort(xp.logical_not(mask), stable=True)
    theta, mask, jac = theta[order], mask[order], jac[order]
    fallback = xp.asarray([solver.y_max + solver.scale, solver.x_max + solver.scale])
    filler = xp.where(mask[0], theta[0], fallback)
    theta0 = jax.lax.stop_gradient(xp.where(mask[:, None], theta, filler[None, :]))
    jac0 = jax.lax.stop_gradient(xp.where(mask[:, None, None], jac, jac[0][None]))
    jac0 = xp.where(mask[0], jac0, xp.eye(2)[None])
    mapped, _ = _value_and_jacobian_from(tracer, plane_index, xp)
    offset = mapped(theta0) - source[None, :]
    correction = polish.solve_2x2(jac0, offset, xp=xp)
    positions = theta0 - xp.where(mask[:, None], correction, 0.0)
    return positions, mask
