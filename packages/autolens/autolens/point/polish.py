"""Newton polishing of bracketed images on the lens equation ``β(θ) = β_s``.

``β(θ)`` is the ray-traced position on the source's plane (multi-plane aware) and
``A = ∂β/∂θ`` its Jacobian, so one step is ``θ ← θ − A⁻¹ (β(θ) − β_s)``. Steps are capped at
``max_step`` so that a start next to a critical curve (where ``A`` is nearly singular) cannot
jump across the image plane; a candidate that does not converge keeps a large residual and is
dropped by the caller.

NumPy: ``A`` by central differences with step ``JACOBIAN_STEP`` (error ~h² of a smooth
deflection field, i.e. ~1e-12; Newton then converges to rounding, because an approximate
Jacobian only slows the last digits). JAX: ``A`` exact by ``jax.jacfwd``.
"""

from __future__ import annotations

import numpy as np

#: Central-difference step (arc-seconds) of the NumPy Jacobian.
JACOBIAN_STEP = 1e-6


def source_plane_points_from(tracer, points, plane_index: int, xp=np):
    """Raw ``[N, 2]`` positions of image-plane ``points`` traced to plane ``plane_index``."""
    if plane_index == 0:
        return points
    traced = tracer.traced_points_list_from(points, xp, plane_index_limit=plane_index)
    return xp.asarray(traced[plane_index]).reshape(-1, 2)


def jacobian_numpy_from(tracer, points, plane_index: int):
    """``β(θ)`` and ``A = ∂β/∂θ`` ``[N, 2, 2]`` (rows: β_y, β_x; columns: ∂y, ∂x) at
    ``points`` by central differences (one tracing call)."""
    n = points.shape[0]
    h = JACOBIAN_STEP
    shifts = np.array([[0.0, 0.0], [h, 0.0], [-h, 0.0], [0.0, h], [0.0, -h]])
    stacked = (points[None, :, :] + shifts[:, None, :]).reshape(-1, 2)
    traced = source_plane_points_from(tracer, stacked, plane_index).reshape(5, n, 2)
    jac = np.empty((n, 2, 2))
    jac[:, :, 0] = (traced[1] - traced[2]) / (2.0 * h)
    jac[:, :, 1] = (traced[3] - traced[4]) / (2.0 * h)
    return traced[0], jac


def solve_2x2(jac, rhs, xp=np):
    """``A⁻¹ r`` for ``[N, 2, 2]`` matrices (closed form; a singular ``A`` gives a zero step)."""
    a, b = jac[:, 0, 0], jac[:, 0, 1]
    c, d = jac[:, 1, 0], jac[:, 1, 1]
    det = a * d - b * c
    safe = xp.where(det == 0.0, 1.0, det)
    y = (d * rhs[:, 0] - b * rhs[:, 1]) / safe
    x = (-c * rhs[:, 0] + a * rhs[:, 1]) / safe
    step = xp.stack([y, x], axis=-1)
    return xp.where((det == 0.0)[:, None], 0.0, step)


def cap_step(step, max_step, xp=np):
    """Scale each step down to length ``max_step`` at most."""
    length = xp.sqrt(step[:, 0] ** 2 + step[:, 1] ** 2)
    scale = xp.where(length > max_step, max_step / xp.where(length > 0.0, length, 1.0), 1.0)
    return step * scale[:, None]


def polish_numpy(
    tracer,
    points,
    source,
    plane_index: int,
    max_step: float,
    iterations: int = 30,
    tolerance: float = 1e-13,
    give_up_after: int = 3,
    give_up_residual: float = 1e-6,
):
    """Newton-polished ``points`` with their residual ``|β(θ) − β_s|`` and ``det A`` (NumPy).

    Iterates until every residual is below ``tolerance`` (arc-seconds) or ``iterations``.
    """
    theta = np.array(points, dtype=float)
    source = np.asarray(source, dtype=float).reshape(2)
    residual = np.full(theta.shape[0], np.inf)
    det = np.zeros(theta.shape[0])
    active = np.arange(theta.shape[0])
    # Only unconverged points are re-evaluated; each point's last evaluation is its result.
    for iteration in range(iterations + 1):
        beta, jac = jacobian_numpy_from(tracer, theta[active], plane_index)
        offset = beta - source
        residual[active] = np.sqrt(np.sum(offset**2, axis=1))
        det[active] = jac[:, 0, 0] * jac[:, 1, 1] - jac[:, 0, 1] * jac[:, 1, 0]
        moving = residual[active] > tolerance
        if iteration >= give_up_after:
            # Started within a bracketing triangle (side ~pixel_scale_precision), Newton
            # converges quadratically (1e-3 -> 1e-6 -> 1e-12); a point still 1e-6" off after
            # three steps (e.g. at a singular isothermal centre) is not an image.
            moving = np.logical_and(moving, residual[active] < give_up_residual)
        if iteration == iterations or not np.any(moving):
            break
        step = cap_step(solve_2x2(jac[moving], offset[moving]), max_step)
        active = active[moving]
        theta[active] = theta[active] - step
    return theta, residual, det


def distinct_roots_mask(theta, residual, det, accepted, xp=np):
    """Keep the first of every group of accepted candidates that converged to the same root.

    Two candidates are the same image when they are closer than their own position
    uncertainty, ``|μ| × residual`` each (source-plane residual mapped to the image plane),
    with a floor of 1e-9″ for rounding; distinct images closer than that would sit on a
    critical curve with a magnification beyond anything the solver can bracket.
    """
    n = theta.shape[0]
    uncertainty = residual / xp.maximum(xp.abs(det), 1e-300)
    diff = theta[:, None, :] - theta[None, :, :]
    distance = xp.sqrt(xp.sum(diff**2, axis=-1))
    same = distance <= 10.0 * (uncertainty[:, None] + uncertainty[None, :]) + 1e-9
    earlier = xp.tril(xp.ones((n, n), dtype=bool), k=-1)
    duplicate = xp.any(xp.logical_and(xp.logical_and(same, earlier), accepted[None, :]), axis=1)
    return xp.logical_and(accepted, xp.logical_not(duplicate))
