"""OverSampler: sub-pixel positions, binning (uniform and per-pixel sizes), radial-bin sizes and
the over_sample decorator."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


def _expected_sub_grid(centres, sizes, pixel_scales):
    """Brute-force sub-pixel centres: per pixel, row-major from the top-left sub-pixel."""
    py, px = pixel_scales
    out = []
    for (yc, xc), s in zip(centres, sizes):
        for a in range(s):
            for b in range(s):
                out.append((yc + py / 2 - (a + 0.5) * py / s, xc - px / 2 + (b + 0.5) * px / s))
    return np.array(out)


def test_sub_pixel_positions_s2_unit_pixel():
    mask = aa.Mask2D.all_false((1, 1), pixel_scales=1.0)
    sampler = aa.OverSampler(mask, 2)
    np.testing.assert_allclose(
        sampler.sub_pixel_grid,
        [[0.25, -0.25], [0.25, 0.25], [-0.25, -0.25], [-0.25, 0.25]],
    )
    grid = aa.Grid2D.from_mask(mask, over_sample_size=2)
    np.testing.assert_allclose(grid.over_sampled.array, sampler.sub_pixel_grid)


def test_sub_pixel_positions_s3_and_rectangular_pixels_with_origin():
    mask = aa.Mask2D.all_false((1, 1), pixel_scales=(0.3, 0.6), origin=(1.0, 2.0))
    sampler = aa.OverSampler(mask, 3)
    np.testing.assert_allclose(
        sampler.sub_pixel_grid,
        [
            [1.1, 1.8],
            [1.1, 2.0],
            [1.1, 2.2],
            [1.0, 1.8],
            [1.0, 2.0],
            [1.0, 2.2],
            [0.9, 1.8],
            [0.9, 2.0],
            [0.9, 2.2],
        ],
    )


def test_sub_pixel_grid_variable_sizes_matches_brute_force():
    mask = aa.Mask2D.circular((6, 7), radius=1.4, pixel_scales=0.5, centre=(0.1, 0.0))
    rng = np.random.default_rng(2)
    sizes = rng.integers(1, 5, size=mask.pixels_in_mask)
    sampler = aa.OverSampler(mask, sizes)
    rows, cols = mask.slim_to_native_tuple
    centres = mask.pixel_centres[rows, cols]
    expected = _expected_sub_grid(centres, sizes, mask.pixel_scales)
    assert sampler.sub_total == int(np.sum(sizes**2))
    np.testing.assert_allclose(sampler.sub_pixel_grid, expected)
    np.testing.assert_array_equal(
        sampler.slim_for_sub_slim, np.repeat(np.arange(sizes.size), sizes**2)
    )
    np.testing.assert_allclose(sampler.sub_fraction, 1.0 / sizes**2)
    # Each pixel's sub-pixels average back to its centre.
    np.testing.assert_allclose(
        sampler.binned_array_2d_from(sampler.sub_pixel_grid), centres, atol=1e-12
    )


def test_binning_reduces_only_with_more_sub_pixels_than_pixels():
    mask = aa.Mask2D.circular((6, 7), radius=1.4, pixel_scales=0.5)
    assert not aa.OverSampler(mask, 1).bins_by_reduction
    assert aa.OverSampler(mask, 2).bins_by_reduction
    sizes = np.ones(mask.pixels_in_mask, dtype=int)
    sizes[0] = 2
    assert aa.OverSampler(mask, sizes).bins_by_reduction


def test_uniform_binning_is_mean_of_s_squared_values():
    mask = aa.Mask2D([[False, True], [False, False]], pixel_scales=1.0)
    sampler = aa.OverSampler(mask, 3)
    assert sampler.uniform_size == 3
    values = np.arange(27.0)
    binned = sampler.binned_array_2d_from(values)
    assert type(binned) is np.ndarray
    np.testing.assert_allclose(
        binned, [np.mean(values[0:9]), np.mean(values[9:18]), np.mean(values[18:27])]
    )


def test_per_pixel_binning_is_segment_mean():
    mask = aa.Mask2D.all_false((1, 3), pixel_scales=1.0)
    sampler = aa.OverSampler(mask, np.array([1, 2, 3]))
    assert sampler.uniform_size is None
    values = np.arange(14.0)
    binned = sampler.binned_array_2d_from(values)
    np.testing.assert_allclose(binned, [0.0, np.mean(values[1:5]), np.mean(values[5:14])])
    # Wrapped input and vector-valued input.
    wrapped = sampler.binned_array_2d_from(aa.ArrayIrregular(values))
    np.testing.assert_allclose(wrapped, binned)
    vectors = np.stack([values, 2.0 * values], axis=1)
    np.testing.assert_allclose(
        sampler.binned_array_2d_from(vectors), np.stack([binned, 2.0 * binned], axis=1)
    )


def test_sizes_as_native_array_and_array2d():
    mask = aa.Mask2D([[False, True], [False, False]], pixel_scales=1.0)
    native = np.array([[2, 9], [1, 3]])
    assert aa.OverSampler(mask, native).sub_size.tolist() == [2, 1, 3]
    sizes = aa.Array2D([2, 1, 3], mask)
    assert aa.OverSampler(mask, sizes).sub_size.tolist() == [2, 1, 3]


@pytest.mark.parametrize(
    "sizes", [0, -2, np.array([1, 2]), np.array([1, 0, 2]), np.array([1.5, 2, 2])]
)
def test_invalid_sizes_raise(sizes):
    mask = aa.Mask2D([[False, True], [False, False]], pixel_scales=1.0)
    with pytest.raises(exc.OverSamplingException):
        aa.OverSampler(mask, sizes)


# ---------------------------------------------------------------------------------- radial bins
def test_radial_bins_default_centre():
    grid = aa.Grid2D.uniform((5, 5), pixel_scales=0.2)
    sizes = aa.over_sample_size_via_radial_bins_from(
        grid, sub_size_list=[8, 4, 1], radial_list=[0.25, 0.45]
    )
    assert type(sizes) is aa.Array2D
    assert sizes.mask is grid.mask
    d = np.hypot(grid.array[:, 0], grid.array[:, 1])
    expected = np.where(d <= 0.25, 8, np.where(d <= 0.45, 4, 1))
    np.testing.assert_array_equal(sizes.array, expected)
    assert sizes.native.array[2, 2] == 8
    assert sizes.native.array[0, 0] == 1


def test_radial_bins_distance_on_edge_takes_inner_size():
    grid = aa.Grid2D.uniform((3, 3), pixel_scales=1.0)
    sizes = aa.over_sample_size_via_radial_bins_from(grid, [4, 2], [1.0])
    # Edge-centre pixels sit exactly at d = 1; corners at sqrt(2).
    np.testing.assert_array_equal(sizes.native.array, [[2, 4, 2], [4, 4, 4], [2, 4, 2]])


def test_radial_bins_default_centre_is_mask_centre():
    mask = aa.Mask2D(np.ones((5, 5), dtype=bool), pixel_scales=1.0)
    values = mask.array.copy()
    values[0:3, 0:3] = False
    mask = aa.Mask2D(values, pixel_scales=1.0)  # unmasked block centred on (1, -1)
    grid = aa.Grid2D.from_mask(mask)
    sizes = aa.over_sample_size_via_radial_bins_from(grid, [3, 1], [0.5])
    assert sizes.native.array[1, 1] == 3
    assert int(np.sum(sizes.array == 3)) == 1


def test_radial_bins_multiple_centres_take_max():
    grid = aa.Grid2D.uniform((1, 5), pixel_scales=1.0)
    sizes = aa.over_sample_size_via_radial_bins_from(
        grid, [6, 3, 1], [0.5, 1.5], centre_list=[(0.0, -2.0), (0.0, 2.0)]
    )
    np.testing.assert_array_equal(sizes.array, [6, 3, 1, 3, 6])
    # Usable as per-pixel sizes of a grid.
    over = aa.Grid2D.uniform((1, 5), 1.0, over_sample_size=sizes)
    assert over.over_sampler.sub_total == 36 + 9 + 1 + 9 + 36


@pytest.mark.parametrize(
    "sub_sizes, radii",
    [
        ([4, 2], [0.3, 0.6]),
        ([4, 2, 1, 1], [0.3, 0.6]),
        ([4, 2, 1], [0.6, 0.3]),
        ([4, 2, 1], [0.3, 0.3]),
    ],
)
def test_radial_bins_invalid_lists_raise(sub_sizes, radii):
    grid = aa.Grid2D.uniform((3, 3), pixel_scales=1.0)
    with pytest.raises(exc.OverSamplingException):
        aa.over_sample_size_via_radial_bins_from(grid, sub_sizes, radii)


# ---------------------------------------------------------------------------------- decorator
class _Quadratic:
    @aa.over_sample
    @aa.decorators.to_array
    def image_2d_from(self, grid, xp=np):
        # grid[:, i] returns raw columns for structures and raw arrays alike.
        return grid[:, 0] ** 2 + grid[:, 1] ** 2


def test_over_sample_decorator_uniform_sizes():
    grid = aa.Grid2D.uniform((2, 2), pixel_scales=1.0, over_sample_size=2)
    image = _Quadratic().image_2d_from(grid)
    assert type(image) is aa.Array2D
    assert image.mask is grid.mask
    sub = grid.over_sampled.array
    expected = (sub[:, 0] ** 2 + sub[:, 1] ** 2).reshape(4, 4).mean(axis=1)
    np.testing.assert_allclose(image.array, expected)
    # Analytic: mean of y^2 + x^2 over the 4 sub-centres of a pixel centred at (0.5, 0.5).
    assert image.array[0] == pytest.approx(
        np.mean([0.75**2 + 0.25**2, 0.75**2 + 0.75**2, 0.25**2 + 0.25**2, 0.25**2 + 0.75**2])
    )


def test_over_sample_decorator_per_pixel_sizes():
    grid = aa.Grid2D.uniform((3, 3), pixel_scales=1.0, over_sample_size=1)
    sizes = aa.over_sample_size_via_radial_bins_from(grid, [4, 1], [0.5])
    grid = grid.apply_over_sampling(sizes)
    image = _Quadratic().image_2d_from(grid)
    np.testing.assert_allclose(
        image.array[[0, 1, 2, 3, 5, 6, 7, 8]], [2.0, 1.0, 2.0, 1.0, 1.0, 2.0, 1.0, 2.0]
    )
    # Centre pixel: s = 4, the mean of r^2 over a 4x4 sub-grid of a unit pixel.
    offsets = (np.arange(4) + 0.5) / 4 - 0.5
    assert image.array[4] == pytest.approx(2.0 * np.mean(offsets**2))


def test_over_sample_decorator_passes_other_grids_through():
    irregular = aa.Grid2DIrregular([(0.5, 0.5)])
    out = _Quadratic().image_2d_from(irregular)
    assert type(out) is aa.ArrayIrregular
    assert out.array[0] == pytest.approx(0.5)
    raw = _Quadratic().image_2d_from(np.array([[0.5, 0.5]]))
    assert type(raw) is np.ndarray
