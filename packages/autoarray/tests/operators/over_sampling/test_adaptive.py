"""Adaptive over-sampling: sizes chosen where a pixel's integrated light has converged."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.operators.over_sampling.adaptive import (
    _pixel_means,
    over_sample_size_adaptive_from,
    sub_pixel_offsets_from,
)


@pytest.fixture
def grid():
    mask = aa.Mask2D.circular((21, 21), radius=1.0, pixel_scales=0.1)
    return aa.Grid2D.from_mask(mask)


def cusp(points):
    """A steep, Sersic-like profile peaked at the origin."""
    r = np.hypot(points[:, 0], points[:, 1])
    return np.exp(-7.7 * ((r / 0.3) ** (1.0 / 4.0) - 1.0))


def test_offsets_follow_the_over_sampler_order(grid):
    sampler = aa.OverSampler(grid.mask, 3)
    centres = np.asarray(grid.array)
    expected = centres[:, None, :] + sub_pixel_offsets_from(3, grid.mask.pixel_scales)[None]
    np.testing.assert_allclose(sampler.sub_pixel_grid, expected.reshape(-1, 2), atol=1e-14)


def test_a_plane_needs_no_sub_pixels(grid):
    sizes = over_sample_size_adaptive_from(grid, lambda p: 2.0 + p[:, 0] - 3.0 * p[:, 1], 1e-10)
    assert type(sizes) is aa.Array2D
    assert np.all(sizes.array == 1)


def test_steep_centre_is_refined_and_every_chosen_size_has_converged(grid):
    tolerance = 1e-3
    sizes = over_sample_size_adaptive_from(grid, cusp, tolerance)
    values = np.asarray(sizes.array)
    r = np.hypot(*np.asarray(grid.array).T)
    assert values[np.argmin(r)] >= 8  # the cusp's pixel
    assert values[r > 0.8].max() <= 2  # the flat outskirts
    centres = np.asarray(grid.array)
    for size in np.unique(values):
        if size == 32:
            continue
        chosen = centres[values == size]
        coarse = _pixel_means(cusp, chosen, int(size), grid.mask.pixel_scales)
        finer = _pixel_means(cusp, chosen, int(size) * 2, grid.mask.pixel_scales)
        assert np.all(np.abs(finer - coarse) <= tolerance)


def test_tighter_tolerances_never_lower_a_size(grid):
    loose = np.asarray(over_sample_size_adaptive_from(grid, cusp, 1e-2).array)
    tight = np.asarray(over_sample_size_adaptive_from(grid, cusp, 1e-4).array)
    assert np.all(tight >= loose) and tight.sum() > loose.sum()


def test_per_pixel_and_relative_tolerances(grid):
    n = grid.mask.pixels_in_mask
    sizes = over_sample_size_adaptive_from(grid, cusp, np.full(n, 1e-3), relative_tolerance=1e-3)
    assert sizes.array.shape == (n,)


def test_bad_arguments_raise(grid):
    with pytest.raises(exc.OverSamplingException, match="increasing"):
        over_sample_size_adaptive_from(grid, cusp, 1e-3, sizes=(2, 2, 4))
    with pytest.raises(exc.OverSamplingException, match="tolerance"):
        over_sample_size_adaptive_from(grid, cusp, 0.0)


def test_total_mode_keeps_the_root_sum_square_error_within_the_budget(grid):
    n = grid.mask.pixels_in_mask
    tolerance = np.full(n, 1e-3)
    sizes = np.asarray(over_sample_size_adaptive_from(grid, cusp, tolerance, mode="total").array)
    centres = np.asarray(grid.array)
    scaled = np.zeros(n)
    for size in np.unique(sizes):
        if size == 32:
            continue  # the largest size has no finer estimate and counts as converged
        chosen = sizes == size
        coarse = _pixel_means(cusp, centres[chosen], int(size), grid.mask.pixel_scales)
        finer = _pixel_means(cusp, centres[chosen], int(size) * 2, grid.mask.pixel_scales)
        scaled[chosen] = np.abs(finer - coarse) / 1e-3
    assert np.sqrt(np.sum(scaled**2)) <= 1.0
    # The same budget per pixel is looser: the total mode refines at least as many sub-pixels.
    per_pixel = np.asarray(over_sample_size_adaptive_from(grid, cusp, tolerance).array)
    assert np.sum(sizes**2) >= np.sum(per_pixel**2)


def test_total_mode_bounds_the_true_error_of_the_image(grid):
    """Against a 64x64 reference, the whitened error of the pixels below the largest size is of
    order the stated budget (the cusp's own pixels reach 32 and are not converged)."""
    n = grid.mask.pixels_in_mask
    epsilon = 1e-2
    sizes = np.asarray(
        over_sample_size_adaptive_from(grid, cusp, np.full(n, epsilon), mode="total").array
    )
    centres = np.asarray(grid.array)
    error = np.zeros(n)
    for size in np.unique(sizes[sizes < 32]):
        chosen = sizes == size
        value = _pixel_means(cusp, centres[chosen], int(size), grid.mask.pixel_scales)
        reference = _pixel_means(cusp, centres[chosen], 64, grid.mask.pixel_scales)
        error[chosen] = value - reference
    # |m(s) - m(2s)| under-states the error of m(s) by 4/3 where it converges as 1 / s**2.
    assert 0.5 <= np.sqrt(np.sum((error / epsilon) ** 2)) <= 4.0 / 3.0
    loose = np.asarray(over_sample_size_adaptive_from(grid, cusp, np.full(n, epsilon)).array)
    assert np.sum(sizes) > np.sum(loose)


def test_total_mode_with_a_plane_and_a_bad_mode(grid):
    sizes = over_sample_size_adaptive_from(grid, lambda p: 1.0 + p[:, 0], 1e-8, mode="total")
    assert np.all(sizes.array == 1)
    with pytest.raises(exc.OverSamplingException, match="mode"):
        over_sample_size_adaptive_from(grid, cusp, 1e-3, mode="sum")
