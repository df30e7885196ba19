"""Border relocation: pull traced points that land far outside the source onto its border.

The border pixels of a mask are the unmasked pixels from which at least one of the four
cardinal rays to the array edge crosses only masked pixels (the outer boundary; the inner edge
of an annulus is excluded). Their traced centres define an ellipse: centre ``o`` = their mean,
axes along the eigenvectors of their ``(dx, dy)`` covariance (``ddof = 1``), semi-axes the
largest rotated offsets ``+ 1e-12``. A point with ``(x'/a)² + (y'/b)² = q > 1`` is moved
radially about ``o`` onto the ellipse (scaled by ``1/sqrt(q)``); points inside are untouched.
"""

from __future__ import annotations

import numpy as np

from autoarray.numerics.extrema import largest


def border_slim_indexes_from(mask) -> np.ndarray:
    """Slim indexes of the border pixels of ``mask`` (True = masked), slim order."""
    unmasked = ~np.asarray(getattr(mask, "array", mask), dtype=bool)
    count = unmasked.astype(int)

    def clear(counts_before):
        return counts_before == 0

    left = clear(np.cumsum(count, axis=1) - count)
    right = clear(np.cumsum(count[:, ::-1], axis=1)[:, ::-1] - count)
    up = clear(np.cumsum(count, axis=0) - count)
    down = clear(np.cumsum(count[::-1, :], axis=0)[::-1, :] - count)
    border = unmasked & (left | right | up | down)
    return np.flatnonzero(border[unmasked])


def relocated_points_from(points, border_points, xp=np):
    """``points`` with those outside the ellipse of ``border_points`` moved onto it."""
    origin = xp.mean(border_points, axis=0)
    dy = border_points[:, 0] - origin[0]
    dx = border_points[:, 1] - origin[1]
    k = border_points.shape[0]
    a = xp.sum(dx * dx) / (k - 1)
    c = xp.sum(dy * dy) / (k - 1)
    b = xp.sum(dx * dy) / (k - 1)
    half = 0.5 * (a - c)
    root = xp.sqrt(half * half + b * b)
    lam = 0.5 * (a + c) + root
    # Eigenvector of the largest eigenvalue of [[a, b], [b, c]] in (x, y): (λ − c, b), or (b, λ − a);
    # the better-conditioned of the two is used. Equal eigenvalues: no rotation.
    v1x, v1y = lam - c, b
    v2x, v2y = b, lam - a
    use_first = (v1x * v1x + v1y * v1y) >= (v2x * v2x + v2y * v2y)
    vx = xp.where(use_first, v1x, v2x)
    vy = xp.where(use_first, v1y, v2y)
    norm = xp.sqrt(vx * vx + vy * vy)
    degenerate = 2.0 * root <= np.sqrt(np.finfo(float).eps) * xp.maximum(xp.abs(lam), 1e-300)
    safe = xp.where(norm > 0.0, norm, 1.0)
    cos = xp.where(degenerate, 1.0, vx / safe)
    sin = xp.where(degenerate, 0.0, vy / safe)

    def rotated(y, x):
        ddx = x - origin[1]
        ddy = y - origin[0]
        return cos * ddx + sin * ddy, -sin * ddx + cos * ddy

    bx, by = rotated(border_points[:, 0], border_points[:, 1])
    # Read at the index, not reduced with max: see autoarray.numerics.extrema (a wrong jitted
    # reverse-mode gradient of the evidence came from max here).
    semi_x = largest(xp.abs(bx), xp=xp) + 1e-12
    semi_y = largest(xp.abs(by), xp=xp) + 1e-12
    px, py = rotated(points[:, 0], points[:, 1])
    q = (px / semi_x) ** 2 + (py / semi_y) ** 2
    outside = q > 1.0
    # Divided by the root (1 inside the border), not multiplied by 1 / root: XLA turns 1 / sqrt
    # into rsqrt, which LLVM does not vectorise for float64 without AVX-512 (AGENTS.md).
    root = xp.sqrt(xp.where(outside, q, 1.0))
    y = origin[0] + (points[:, 0] - origin[0]) / root
    x = origin[1] + (points[:, 1] - origin[1]) / root
    return xp.stack([y, x], axis=1)
