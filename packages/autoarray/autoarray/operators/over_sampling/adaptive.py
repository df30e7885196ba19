"""Adaptive over-sampling: per-pixel sub sizes chosen so each pixel's integrated light converges.

Radial bins (:func:`~autoarray.operators.over_sampling.over_sampler.over_sample_size_via_radial_bins_from`)
guess where a profile is steep. This module measures it instead: for a light model ``image_from``
(raw ``[M, 2]`` points -> ``[M]`` values), every pixel's mean over an ``s x s`` sub-grid is
compared with its mean over the next, finer sub-grid of ``sizes``. The difference estimates the
error of the coarser value (the sub-grid mean converges monotonically for the smooth-but-steep
profiles of galaxies), so a pixel keeps the first size ``s`` whose estimate is within

    ``tolerance_pixel = max(tolerance, relative_tolerance * |finer mean|)``

(``tolerance`` a number or one value per pixel, e.g. a fraction of the noise map). Pixels that
never converge get the largest size. The sizes are static (chosen once, from a model fixed in
advance), so a fit keeps one compiled shape under JAX.

A per-pixel tolerance does not bound what a fit cares about: over-sampling errors have the same
sign over a whole steep region (a cusp is always under-estimated), so ``N`` pixels each wrong by
``tolerance_pixel`` shift a fitted parameter by up to ``sqrt(N)`` times as much. With
``mode="total"`` the tolerance is a budget for all pixels together: pixels are refined, largest
estimated error first, until

    ``sqrt(sum_i (error_i / tolerance_pixel_i) ** 2) <= 1``

With ``tolerance = epsilon * noise_map`` this is ``|| error / noise ||_2 <= epsilon``, and by the
Cauchy-Schwarz inequality no parameter of a least-squares fit then moves by more than
``epsilon`` times its 1-sigma error (the whitened error's projection on any direction is at most
its norm).
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from autoarray import exc

#: Default candidate sub sizes (each pixel gets one of them).
ADAPTIVE_SIZES = (1, 2, 4, 8, 16, 32)


def sub_pixel_offsets_from(size: int, pixel_scales) -> np.ndarray:
    """``[size * size, 2]`` (y, x) offsets of a pixel's sub-pixel centres from its centre,
    row-major from the top-left (the order of ``OverSampler.sub_pixel_grid``)."""
    py, px = pixel_scales
    a, b = np.divmod(np.arange(size * size), size)
    dy, dx = py / size, px / size
    y = (py / 2 - dy / 2) - a * dy
    x = -(px / 2 - dx / 2) + b * dx
    return np.stack([y, x], axis=1)


def _pixel_means(image_from: Callable, centres: np.ndarray, size: int, pixel_scales) -> np.ndarray:
    """Mean of ``image_from`` over each pixel's ``size x size`` sub-pixel centres."""
    offsets = sub_pixel_offsets_from(size, pixel_scales)
    points = (centres[:, None, :] + offsets[None, :, :]).reshape(-1, 2)
    values = np.asarray(image_from(points), dtype=float).reshape(centres.shape[0], size * size)
    return values.mean(axis=1)


def over_sample_size_adaptive_from(
    grid,
    image_from: Callable[[np.ndarray], np.ndarray],
    tolerance,
    relative_tolerance: float = 0.0,
    sizes: Sequence[int] = ADAPTIVE_SIZES,
    max_points_per_call: int = 2_000_000,
    mode: str = "pixel",
):
    """Per-pixel sub sizes at which each pixel's integrated light has converged.

    Parameters
    ----------
    grid
        A ``Grid2D`` (its mask's unmasked pixel centres are used).
    image_from
        Light model: raw ``[M, 2]`` (y, x) points -> ``[M]`` values (e.g. a tracer's unblurred
        image at those points).
    tolerance
        Absolute tolerance on a pixel's mean light: a number or one value per unmasked pixel
        (slim order), e.g. ``0.05 * noise_map``.
    relative_tolerance
        Tolerance relative to the pixel's (finer) mean light; the larger of the two applies.
    sizes
        Increasing candidate sizes; a pixel keeps the first whose mean is within tolerance of the
        next size's mean, and the last size if none is.
    max_points_per_call
        Pixels are evaluated in groups so that one call of ``image_from`` sees at most about
        this many points.
    mode
        ``"pixel"``: every pixel's estimated error is within its tolerance. ``"total"``: the
        root-sum-square over pixels of ``error / tolerance`` is at most 1 (module docstring);
        the estimated errors of the pixels that reach the largest size are counted as zero.

    Returns an ``Array2D`` of ints on the grid's mask (``Imaging.apply_over_sampling``).
    """
    from autoarray.structures.arrays.uniform_2d import Array2D

    sizes = [int(s) for s in sizes]
    if not sizes or sizes[0] < 1 or np.any(np.diff(sizes) <= 0):
        raise exc.OverSamplingException(f"sizes must be increasing integers >= 1, got {sizes}")
    centres = np.asarray(grid.array, dtype=float)
    n = centres.shape[0]
    tolerance = np.broadcast_to(np.asarray(tolerance, dtype=float), (n,))
    if (
        np.any(tolerance < 0)
        or relative_tolerance < 0
        or not (np.any(tolerance > 0) or relative_tolerance > 0)
    ):
        raise exc.OverSamplingException(
            "tolerance and relative_tolerance must be >= 0 and not both zero"
        )
    if mode not in ("pixel", "total"):
        raise exc.OverSamplingException(f"mode must be 'pixel' or 'total', got {mode!r}")
    pixel_scales = grid.mask.pixel_scales
    if mode == "total":
        result = _sizes_within_total(
            image_from,
            centres,
            sizes,
            pixel_scales,
            max_points_per_call,
            tolerance,
            relative_tolerance,
        )
        return Array2D(result, grid.mask)
    result = np.full(n, sizes[-1], dtype=int)
    pending = np.arange(n)
    coarse = _grouped_means(image_from, centres, sizes[0], pixel_scales, max_points_per_call)
    for size, finer_size in zip(sizes[:-1], sizes[1:]):
        if pending.size == 0:
            break
        finer = _grouped_means(
            image_from, centres[pending], finer_size, pixel_scales, max_points_per_call
        )
        allowed = np.maximum(tolerance[pending], relative_tolerance * np.abs(finer))
        converged = np.abs(finer - coarse) <= allowed
        result[pending[converged]] = size
        pending = pending[~converged]
        coarse = finer[~converged]
    return Array2D(result, grid.mask)


def _sizes_within_total(
    image_from, centres, sizes, pixel_scales, max_points_per_call, tolerance, relative_tolerance
) -> np.ndarray:
    """Sizes whose estimated errors satisfy ``sum (error / tolerance) ** 2 <= 1`` (greedy).

    Every pixel holds its current level ``k``, its mean at ``sizes[k]`` and at ``sizes[k + 1]``;
    their difference (over the pixel's tolerance) is its scaled error ``e``. While ``sum e**2``
    exceeds 1, the fewest pixels of largest ``e`` that hold all but half the budget of it move one
    level up (half: so a round usually ends the search once the refined errors have shrunk).
    """
    n = centres.shape[0]
    level = np.zeros(n, dtype=int)
    coarse = _grouped_means(image_from, centres, sizes[0], pixel_scales, max_points_per_call)
    finer = np.array(coarse)
    if len(sizes) > 1:
        finer = _grouped_means(image_from, centres, sizes[1], pixel_scales, max_points_per_call)
    last = len(sizes) - 1

    def scaled_errors(index):
        allowed = np.maximum(tolerance[index], relative_tolerance * np.abs(finer[index]))
        difference = np.abs(finer[index] - coarse[index])
        # A zero tolerance (only possible with a relative one) admits no error at all.
        errors = np.divide(
            difference, allowed, out=np.where(difference > 0, np.inf, 0.0), where=allowed > 0
        )
        return np.where(level[index] == last, 0.0, errors)

    errors = scaled_errors(np.arange(n))
    while np.sum(errors**2) > 1.0:
        order = np.argsort(errors**2)[::-1]
        excess = np.sum(errors**2) - 0.5
        count = int(np.searchsorted(np.cumsum(errors[order] ** 2), excess)) + 1
        refine = order[:count]
        refine = refine[errors[refine] > 0.0]
        level[refine] += 1
        coarse[refine] = finer[refine]
        deeper = refine[level[refine] < last]
        for k in np.unique(level[deeper]):
            group = deeper[level[deeper] == k]
            finer[group] = _grouped_means(
                image_from, centres[group], sizes[k + 1], pixel_scales, max_points_per_call
            )
        errors[refine] = scaled_errors(refine)
    return np.asarray(sizes)[level]


def _grouped_means(image_from, centres, size, pixel_scales, max_points_per_call) -> np.ndarray:
    """:func:`_pixel_means` over groups of pixels of at most ``max_points_per_call`` points."""
    per_group = max(1, max_points_per_call // (size * size))
    parts = [
        _pixel_means(image_from, centres[i : i + per_group], size, pixel_scales)
        for i in range(0, centres.shape[0], per_group)
    ]
    return np.concatenate(parts) if parts else np.zeros(0)


__all__ = ["ADAPTIVE_SIZES", "over_sample_size_adaptive_from", "sub_pixel_offsets_from"]
