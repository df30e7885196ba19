"""
A fixed-shape version of the zero-contour tracer (:mod:`autogalaxy.operate.zero_contour`) that
traces under ``jax.jit``: the same predictor step, Newton corrector and stopping rules, but with
a fixed number of Newton updates and steps (``jax.lax.scan``), stopped directions masked
instead of cut, and the enclosed area computed from the masked path.  Used by
``LensCalc.einstein_radius_jit_from``; JAX is imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Callable

from autogalaxy.operate.zero_contour import (
    CLOSE_DISTANCE,
    MAX_TRAVEL,
    MIN_TRAVEL,
    SEED_NEWTON_FACTOR,
    VALUE_CUT,
)


def _newton_from(value_and_grad: Callable, tol: float, iterations: int) -> Callable:
    """``p -> (p, f(p), ∇f(p))`` after ``iterations`` Newton updates, each applied only while
    ``|f| > tol`` (so the result does not depend on the fixed count once converged)."""
    import jax
    import jax.numpy as jnp

    def newton(point):
        value, grad = value_and_grad(point)

        def body(_, state):
            point, value, grad = state
            active = jnp.isfinite(value) & (jnp.abs(value) > tol)
            step = jnp.where(active, value / jnp.sum(grad**2), 0.0)
            point = point - step * grad
            value, grad = value_and_grad(point)
            return point, value, grad

        return jax.lax.fori_loop(0, iterations, body, (point, value, grad))

    return newton


def _direction_from(newton: Callable, delta: float, n_steps: int) -> Callable:
    """``(start, grad, stop_at) -> (points [n, 2], kept [n], closed, last)``: one direction of
    the trace, as ``zero_contour._trace_direction`` (end points take priority over closure)."""
    import jax
    import jax.numpy as jnp

    step_length = abs(delta)

    def direction(start, grad, stop_at, tol):
        def step(carry, _):
            position, grad, done, closed = carry

            def advance(_):
                normal = jnp.stack([grad[1], -grad[0]]) / jnp.sqrt(jnp.sum(grad**2))
                return newton(position + delta * normal)

            corrected, value, new_grad = jax.lax.cond(
                done, lambda _: (position, jnp.zeros(()), grad), advance, None
            )
            travel = jnp.sqrt(jnp.sum((corrected - position) ** 2))
            finite = jnp.all(jnp.isfinite(corrected)) & jnp.isfinite(value)
            ends = (
                ~finite | (travel > MAX_TRAVEL * step_length) | (travel < MIN_TRAVEL * step_length)
            )
            closes = (
                jnp.sqrt(jnp.sum((corrected - stop_at) ** 2)) < CLOSE_DISTANCE * step_length
            ) & jnp.all(position != stop_at)
            traced = ~done & ~ends & ~closes
            kept = traced & (jnp.abs(value) <= VALUE_CUT * tol)
            closed = closed | (~done & ~ends & closes)
            done = done | ~traced
            position = jnp.where(traced, corrected, position)
            grad = jnp.where(traced, new_grad, grad)
            return (position, grad, done, closed), (corrected, kept)

        init = (start, grad, jnp.asarray(False), jnp.asarray(False))
        (last, _, _, closed), (points, kept) = jax.lax.scan(step, init, None, length=n_steps)
        return points, kept, closed, last

    return direction


def _shoelace_area(points, kept):
    """Area of the polygon through the ``kept`` rows of ``points`` in order (closed)."""
    import jax.numpy as jnp

    order = jnp.argsort(~kept, stable=True)
    points = jnp.where(kept[order][:, None], points[order], 0.0)
    count = jnp.sum(kept)
    index = jnp.arange(points.shape[0])
    following = points[jnp.where(index + 1 < count, index + 1, 0)]
    terms = points[:, 1] * following[:, 0] - following[:, 1] * points[:, 0]
    return 0.5 * jnp.abs(jnp.sum(jnp.where(index < count, terms, 0.0)))


def enclosed_area_from(
    value_and_grad: Callable,
    seed,
    delta: float,
    n_steps: int,
    tol: float,
    max_newton: int,
):
    """
    Area enclosed by the zero contour traced from ``seed`` (y, x) with ``value_and_grad``
    (``p [2] -> (f, ∇f)``, JAX-traceable): the polygon of its points, closed, as
    ``zero_contour.zero_contour_list_from`` samples it.  ``0`` if the seed does not project.
    """
    import jax.numpy as jnp

    seed_newton = _newton_from(value_and_grad, tol, SEED_NEWTON_FACTOR * max_newton)
    step_newton = _newton_from(value_and_grad, tol, max_newton)
    start, value, grad = seed_newton(jnp.asarray(seed, dtype=jnp.float64))
    forward = _direction_from(step_newton, delta, n_steps)
    backward = _direction_from(step_newton, -delta, n_steps)
    forward_points, forward_kept, closed, last = forward(start, grad, start, tol)
    backward_points, backward_kept, _, _ = backward(start, grad, last, tol)
    backward_kept = backward_kept & ~closed
    points = jnp.concatenate([backward_points[::-1], start[None, :], forward_points], axis=0)
    start_ok = jnp.all(jnp.isfinite(start)) & (jnp.abs(value) <= tol)
    kept = jnp.concatenate([backward_kept[::-1], start_ok[None], forward_kept])
    kept = kept & start_ok
    return _shoelace_area(points, kept)
