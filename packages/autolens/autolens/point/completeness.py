"""Brute-force image search used to check the solver's completeness.

Newton's method on the lens equation is started from every point of a dense uniform grid; the
distinct converged roots with ``|μ| >`` a threshold are the images. Slow (thousands of starts)
but independent of the triangle bracketing, so an image it finds that the solver misses is a
bracketing failure.
"""

from __future__ import annotations

import numpy as np

from autolens.point import polish


def brute_force_images_from(
    tracer,
    source,
    extent: float,
    starts_per_side: int = 120,
    magnification_threshold: float = 0.1,
    plane_index: int = -1,
    tolerance: float = 1e-10,
) -> np.ndarray:
    """Distinct images of ``source`` in ``[-extent, extent]²`` (``[N, 2]``)."""
    plane_index = plane_index % tracer.total_planes
    axis = np.linspace(-extent, extent, starts_per_side)
    yy, xx = np.meshgrid(axis, axis, indexing="ij")
    starts = np.stack([yy.reshape(-1), xx.reshape(-1)], axis=1)
    step = 2.0 * extent / (starts_per_side - 1)
    theta, residual, det = polish.polish_numpy(
        tracer,
        starts,
        source,
        plane_index,
        max_step=step,
        iterations=40,
        tolerance=1e-13,
        give_up_after=40,
    )
    inside = np.all(np.abs(theta) <= extent, axis=1)
    with np.errstate(divide="ignore"):
        magnification = np.abs(1.0 / det)
    ok = (residual < tolerance) & inside & (magnification > magnification_threshold)
    roots = theta[ok]
    distinct: list = []
    for root in roots:
        if all(np.linalg.norm(root - other) > 1e-6 for other in distinct):
            distinct.append(root)
    return np.array(distinct).reshape(-1, 2)


def missed_images_from(found, expected, tolerance: float = 1e-6) -> np.ndarray:
    """Rows of ``expected`` with no row of ``found`` within ``tolerance``."""
    found = np.asarray(found).reshape(-1, 2)
    expected = np.asarray(expected).reshape(-1, 2)
    if found.shape[0] == 0:
        return expected
    distance = np.linalg.norm(expected[:, None, :] - found[None, :, :], axis=-1).min(axis=1)
    return expected[distance > tolerance]
