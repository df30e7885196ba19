"""
Predictor-corrector tracing of the zero contour of a scalar field ``f(y, x)`` on the plane.

This is the algorithm PyAutoGalaxy runs through the ``jax_zero_contour`` package, written
here on the host (NumPy control flow; the field itself may be evaluated with any backend):

1. Newton's method projects each seed onto ``f = 0`` (``p ← p − f ∇f / |∇f|²``, up to
   ``SEED_NEWTON_FACTOR * max_newton`` updates, stopping once ``|f| ≤ tol``).
2. From the projected seed the contour is followed in both directions: a predictor step of
   length ``delta`` perpendicular to the gradient, ``(∂f/∂x, −∂f/∂y) / |∇f|`` in (y, x), then
   up to ``max_newton`` Newton corrections.
3. A direction stops when a corrected point moved more than ``2 delta`` or less than
   ``delta / 4`` (an end point: a singularity, a grid edge, a cusp of the field) or came back
   within ``1.1 delta`` of where it started (a closed loop; the backward pass is then skipped),
   or after ``n_steps`` steps.  The point that triggered a stop is not kept.
4. Points whose ``|f|`` is still above ``VALUE_CUT * tol`` are dropped, and every curve is
   closed by repeating its first point.

Each curve is traced once: a seed whose projection lies within ``DUPLICATE_FRACTION * delta``
of a curve already traced is skipped (the same chord-sampling as the release, so areas agree to
the polygon's discretisation, but never a curve twice).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

#: The seed projection may take this many times ``max_newton`` Newton updates.
SEED_NEWTON_FACTOR = 5

#: Points whose ``|f|`` exceeds this many ``tol`` after the corrector are dropped.
VALUE_CUT = 20.0

#: A corrected point that moved more than ``MAX_TRAVEL * delta`` ends a direction.
MAX_TRAVEL = 2.0

#: A corrected point that moved less than ``MIN_TRAVEL * delta`` ends a direction.
MIN_TRAVEL = 0.25

#: A point back within ``CLOSE_DISTANCE * delta`` of the start closes the loop.
CLOSE_DISTANCE = 1.1

#: A seed projected within this fraction of ``delta`` of a traced curve is that curve's.
DUPLICATE_FRACTION = 0.25

#: ``value_and_grad(points [M, 2]) -> (values [M], gradients [M, 2])``, (y, x) ordering.
ValueAndGrad = Callable[[np.ndarray], tuple]


def newton_project(
    value_and_grad: ValueAndGrad, points: np.ndarray, tol: float, max_newton: int
) -> tuple:
    """
    Project ``points`` ``[M, 2]`` onto ``f = 0`` by Newton steps along the gradient.

    Returns ``(points, values, gradients)`` after at most ``max_newton`` updates; rows already
    within ``tol`` are not moved again (and not re-evaluated).
    """
    points = np.array(points, dtype=float).reshape(-1, 2)
    values, grads = value_and_grad(points)
    values = np.array(values, dtype=float)
    grads = np.array(grads, dtype=float)
    for _ in range(max_newton):
        active = np.isfinite(values) & (np.abs(values) > tol)
        if not active.any():
            break
        norm2 = np.sum(grads[active] ** 2, axis=1)
        # A vanishing gradient (a singular point of the field) makes the row non-finite, which
        # callers treat as a failed projection.
        with np.errstate(divide="ignore", invalid="ignore"):
            points[active] = points[active] - (values[active] / norm2)[:, None] * grads[active]
        new_values, new_grads = value_and_grad(points[active])
        values[active] = new_values
        grads[active] = new_grads
    return points, values, grads


def _trace_direction(
    value_and_grad: ValueAndGrad,
    start: np.ndarray,
    grad: np.ndarray,
    stop_at: np.ndarray,
    delta: float,
    n_steps: int,
    tol: float,
    max_newton: int,
) -> tuple:
    """Follow the contour from ``start`` (on it) for up to ``n_steps`` steps of signed length
    ``delta``; returns ``(points, values, closed)``."""
    step = abs(delta)
    position = start
    points: list = []
    values: list = []
    for _ in range(n_steps):
        norm = np.hypot(grad[0], grad[1])
        predicted = position + delta * np.array([grad[1], -grad[0]]) / norm
        corrected, value, new_grad = newton_project(
            value_and_grad, predicted[None, :], tol=tol, max_newton=max_newton
        )
        corrected, value, new_grad = corrected[0], value[0], new_grad[0]
        if not (np.all(np.isfinite(corrected)) and np.isfinite(value)):
            return points, values, False
        travel = np.hypot(*(corrected - position))
        if travel > MAX_TRAVEL * step or travel < MIN_TRAVEL * step:
            return points, values, False
        # The first step leaves ``stop_at`` itself (forward pass), which is not a closure.
        if np.hypot(*(corrected - stop_at)) < CLOSE_DISTANCE * step and np.all(position != stop_at):
            return points, values, True
        points.append(corrected)
        values.append(value)
        position, grad = corrected, new_grad
    return points, values, False


def trace_contour_from(
    value_and_grad: ValueAndGrad,
    start: np.ndarray,
    value: float,
    grad: np.ndarray,
    delta: float,
    n_steps: int,
    tol: float,
    max_newton: int,
) -> np.ndarray:
    """
    The contour through ``start`` (a point on it, with its field ``value`` and ``grad``),
    ordered, NOT yet closed: forward by ``+delta``, and unless that closed the loop backward by
    ``-delta`` until it meets the forward end.  Points failing ``VALUE_CUT`` are dropped.
    """
    forward, forward_values, closed = _trace_direction(
        value_and_grad, start, grad, start, delta, n_steps, tol, max_newton
    )
    backward, backward_values = [], []
    if not closed:
        stop_at = forward[-1] if forward else start
        backward, backward_values, _ = _trace_direction(
            value_and_grad, start, grad, stop_at, -delta, n_steps, tol, max_newton
        )
    path = np.array(backward[::-1] + [start] + forward, dtype=float).reshape(-1, 2)
    path_values = np.array(backward_values[::-1] + [value] + forward_values, dtype=float)
    return path[np.abs(path_values) <= VALUE_CUT * tol]


def distance_to_polyline(points: np.ndarray, polyline: np.ndarray) -> np.ndarray:
    """Shortest distance of each of ``points`` ``[M, 2]`` to the segments of ``polyline``."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    polyline = np.asarray(polyline, dtype=float).reshape(-1, 2)
    if len(polyline) == 1:
        return np.hypot(*(points - polyline[0]).T)
    a, b = polyline[:-1], polyline[1:]
    ab = b - a
    length2 = np.maximum(np.sum(ab**2, axis=1), np.finfo(float).tiny)
    ap = points[:, None, :] - a[None, :, :]
    t = np.clip(np.sum(ap * ab[None], axis=2) / length2[None], 0.0, 1.0)
    nearest = a[None] + t[..., None] * ab[None]
    return np.min(np.hypot(*(points[:, None, :] - nearest).transpose(2, 0, 1)), axis=1)


def sign_change_seeds_from(values: np.ndarray, y_axis: np.ndarray, x_axis: np.ndarray):
    """
    Points where ``values`` (on the nodes ``y_axis x x_axis``, ``[ny, nx]``) change sign between
    neighbouring nodes, linearly interpolated along each such edge (non-finite nodes ignored):
    every closed zero contour crossing the grid crosses at least one such edge.
    """
    yy, xx = np.meshgrid(y_axis, x_axis, indexing="ij")
    seeds = []
    for axis in (0, 1):
        a = values[:-1, :] if axis == 0 else values[:, :-1]
        b = values[1:, :] if axis == 0 else values[:, 1:]
        changes = np.isfinite(a) & np.isfinite(b) & (np.sign(a) != np.sign(b))
        if not changes.any():
            continue
        fraction = a[changes] / (a[changes] - b[changes])
        ya, xa = (yy[:-1, :], xx[:-1, :]) if axis == 0 else (yy[:, :-1], xx[:, :-1])
        yb, xb = (yy[1:, :], xx[1:, :]) if axis == 0 else (yy[:, 1:], xx[:, 1:])
        y = ya[changes] + fraction * (yb[changes] - ya[changes])
        x = xa[changes] + fraction * (xb[changes] - xa[changes])
        seeds.append(np.stack([y, x], axis=-1))
    if not seeds:
        return np.zeros((0, 2))
    return np.concatenate(seeds, axis=0)


def zero_contour_list_from(
    value_and_grad: ValueAndGrad,
    seeds: np.ndarray,
    delta: float,
    n_steps: int,
    tol: float,
    max_newton: int,
) -> list:
    """
    Every distinct zero contour reached from ``seeds`` ``[M, 2]``, each an ``[K, 2]`` (y, x)
    array closed by repeating its first point (curves of fewer than two points are dropped).
    """
    seeds = np.asarray(seeds, dtype=float).reshape(-1, 2)
    if len(seeds) == 0:
        return []
    projected, values, grads = newton_project(
        value_and_grad, seeds, tol=tol, max_newton=SEED_NEWTON_FACTOR * max_newton
    )
    curves: list = []
    for point, value, grad in zip(projected, values, grads):
        if not (np.all(np.isfinite(point)) and np.isfinite(value) and abs(value) <= tol):
            continue
        if any(
            distance_to_polyline(point, curve)[0] < DUPLICATE_FRACTION * abs(delta)
            for curve in curves
        ):
            continue
        path = trace_contour_from(
            value_and_grad, point, value, grad, delta, n_steps, tol, max_newton
        )
        if len(path) > 1:
            curves.append(np.vstack([path, path[:1]]))
    return curves
