"""Grid2D: pixel-centre coordinates, slim / native, over-sampling state and derived grids."""

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


@pytest.fixture
def cross_mask():
    return aa.Mask2D(
        [[True, False, True], [False, False, False], [True, False, True]], pixel_scales=1.0
    )


def test_uniform_3x3_unit_grid_values():
    grid = aa.Grid2D.uniform((3, 3), pixel_scales=1.0)
    assert grid.shape == (9, 2)
    assert grid.shape_native == (3, 3)
    assert grid.shape_slim == 9
    native = grid.native.array
    np.testing.assert_array_equal(native[:, :, 0], [[1.0] * 3, [0.0] * 3, [-1.0] * 3])
    np.testing.assert_array_equal(native[:, :, 1], [[-1.0, 0.0, 1.0]] * 3)
    # Slim order is row-major starting at the top-left pixel.
    np.testing.assert_array_equal(grid.array[0], [1.0, -1.0])
    np.testing.assert_array_equal(grid.array[2], [1.0, 1.0])
    np.testing.assert_array_equal(grid.array[8], [-1.0, 1.0])


def test_uniform_with_origin_and_rectangular_pixels():
    grid = aa.Grid2D.uniform((2, 3), pixel_scales=(0.5, 2.0), origin=(1.0, -1.0))
    np.testing.assert_allclose(
        grid.array,
        [[1.25, -3.0], [1.25, -1.0], [1.25, 1.0], [0.75, -3.0], [0.75, -1.0], [0.75, 1.0]],
    )
    assert grid.pixel_scales == (0.5, 2.0)
    assert grid.origin == (1.0, -1.0)
    assert grid.extent == (-4.0, 2.0, 0.5, 1.5)


def test_from_mask_gives_unmasked_centres_in_slim_order(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=1)
    assert grid.mask is cross_mask
    np.testing.assert_array_equal(
        grid.array, [[1.0, 0.0], [0.0, -1.0], [0.0, 0.0], [0.0, 1.0], [-1.0, 0.0]]
    )
    assert grid.in_list[0] == (1.0, 0.0)


def test_slim_native_round_trip(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=1)
    native = grid.native
    assert type(native) is aa.Grid2D
    assert native.shape == (3, 3, 2)
    assert native.store_native
    np.testing.assert_array_equal(native.array[0, 0], [0.0, 0.0])  # masked -> 0
    np.testing.assert_array_equal(native.array[1, 2], [0.0, 1.0])
    assert native.native is native
    slim = native.slim
    assert slim.shape == (5, 2)
    assert not slim.store_native
    np.testing.assert_array_equal(slim.array, grid.array)
    assert grid.slim is grid
    rebuilt = aa.Grid2D(native.array, cross_mask, over_sample_size=1)
    np.testing.assert_array_equal(rebuilt.array, grid.array)


def test_store_native_constructor(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=1)
    stored = aa.Grid2D(grid.array, cross_mask, over_sample_size=1, store_native=True)
    assert stored.shape == (3, 3, 2)
    np.testing.assert_array_equal(stored.slim.array, grid.array)


def test_no_mask():
    values = [[[1.0, 1.0], [1.0, 2.0]], [[0.0, 1.0], [0.0, 2.0]]]
    grid = aa.Grid2D.no_mask(values, pixel_scales=1.0)
    assert grid.mask.is_all_false
    np.testing.assert_array_equal(grid.array[1], [1.0, 2.0])
    slim = aa.Grid2D.no_mask(np.reshape(values, (4, 2)), pixel_scales=1.0, shape_native=(2, 2))
    np.testing.assert_array_equal(slim.array, grid.array)
    with pytest.raises(exc.GridException):
        aa.Grid2D.no_mask(np.reshape(values, (4, 2)), pixel_scales=1.0)


@pytest.mark.parametrize(
    "values",
    [
        np.zeros((4, 2)),
        np.zeros((5, 3)),
        np.zeros((3, 3)),
        np.zeros((3, 3, 3)),
        np.zeros(10),
        np.zeros((2, 3, 2)),
    ],
)
def test_wrong_grid_shapes_raise(cross_mask, values):
    with pytest.raises(exc.GridException):
        aa.Grid2D(values, cross_mask)


def test_grid_needs_a_mask2d():
    with pytest.raises(exc.GridException):
        aa.Grid2D(np.zeros((1, 2)), np.zeros((1, 1), dtype=bool))


def test_from_mask_with_no_unmasked_pixels_raises():
    mask = aa.Mask2D.all_false((3, 3), 1.0, invert=True)
    with pytest.raises(exc.MaskException):
        aa.Grid2D.from_mask(mask)


def test_non_positive_pixel_scales_raise():
    with pytest.raises(exc.GeometryException):
        aa.Grid2D.uniform((3, 3), pixel_scales=0.0)
    with pytest.raises(exc.GeometryException):
        aa.Grid2D.uniform((3, 3), pixel_scales=(1.0, -1.0))


# ---------------------------------------------------------------------------------- over-sampling
def test_over_sample_size_int_becomes_int_array2d(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=3)
    sizes = grid.over_sample_size
    assert isinstance(sizes, aa.Array2D)
    assert sizes.mask is cross_mask
    assert np.issubdtype(sizes.array.dtype, np.integer)
    np.testing.assert_array_equal(sizes.array, np.full(5, 3))
    assert grid.over_sampler.sub_total == 5 * 9
    assert grid.over_sampled.shape == (45, 2)
    assert isinstance(grid.over_sampled, aa.Grid2DIrregular)


def test_over_sample_size_per_pixel_inputs(cross_mask):
    slim_sizes = np.array([1, 2, 3, 2, 1])
    for sizes in (
        slim_sizes,
        slim_sizes.astype(float),
        aa.Array2D(slim_sizes, cross_mask),
        aa.Array2D(slim_sizes, cross_mask).native.array,
    ):
        grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=sizes)
        np.testing.assert_array_equal(grid.over_sample_size.array, slim_sizes)
        assert grid.over_sampler.sub_total == int(np.sum(slim_sizes**2))


@pytest.mark.parametrize(
    "sizes",
    [
        0,
        -1,
        2.5,
        np.array([1, 2, 0, 2, 1]),
        np.array([1, 2, 2.5, 2, 1]),
        np.ones(4),
        np.array([1, 2, np.nan, 2, 1]),
        "4",
    ],
)
def test_invalid_over_sample_sizes_raise(cross_mask, sizes):
    with pytest.raises(exc.OverSamplingException):
        aa.Grid2D.from_mask(cross_mask, over_sample_size=sizes)


def test_over_sample_size_array2d_wrong_shape_raises(cross_mask):
    with pytest.raises(exc.OverSamplingException):
        aa.Grid2D.from_mask(cross_mask, over_sample_size=aa.Array2D.ones((2, 2), 1.0))


def test_over_sampler_built_once_and_reusable(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=2)
    assert grid.over_sampler is grid.over_sampler
    other = aa.Grid2D(grid.array, cross_mask, over_sample_size=2, over_sampler=grid.over_sampler)
    assert other.over_sampler is grid.over_sampler


def test_explicit_over_sampled_is_used(cross_mask):
    traced = aa.Grid2DIrregular(np.full((20, 2), 7.0))
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=2)
    carried = aa.Grid2D(grid.array, cross_mask, over_sample_size=2, over_sampled=traced)
    assert carried.over_sampled is traced


def test_apply_over_sampling(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=1)
    resampled = grid.apply_over_sampling(2)
    np.testing.assert_array_equal(resampled.array, grid.array)
    assert resampled.over_sampler.sub_total == 20


def test_transformed_grid_has_no_default_sub_pixels(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=2)
    grid.is_transformed = True
    with pytest.raises(exc.GridException):
        _ = grid.over_sampled


# ---------------------------------------------------------------------------------- derived grids
def test_subtracted_from_shifts_values_and_sub_pixels(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=2)
    shifted = grid.subtracted_from((0.5, -1.0))
    np.testing.assert_allclose(shifted.array, grid.array - [0.5, -1.0])
    np.testing.assert_allclose(shifted.over_sampled.array, grid.over_sampled.array - [0.5, -1.0])
    assert shifted.over_sampler is grid.over_sampler


def test_grid_via_deflections(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=1)
    deflections = aa.VectorYX2D(np.ones((5, 2)), grid=grid)
    traced = grid.grid_2d_via_deflection_grid_from(deflections)
    assert type(traced) is aa.Grid2D
    np.testing.assert_allclose(traced.array, grid.array - 1.0)


def test_padded_grid_from():
    grid = aa.Grid2D.uniform((3, 3), 1.0, over_sample_size=4)
    padded = grid.padded_grid_from((3, 5))
    assert padded.shape_native == (5, 7)
    assert padded.mask.is_all_false
    sizes = padded.over_sample_size.native.array
    np.testing.assert_array_equal(sizes[1:4, 2:5], np.full((3, 3), 4))
    assert sizes[0].tolist() == [1] * 7
    assert sizes[:, 0].tolist() == [1] * 5
    np.testing.assert_allclose(padded.native.array[1:4, 2:5], grid.native.array)


def test_distances_to_coordinate(cross_mask):
    grid = aa.Grid2D.from_mask(cross_mask, over_sample_size=1)
    d2 = grid.squared_distances_to_coordinate_from((1.0, 0.0))
    assert type(d2) is aa.Array2D
    np.testing.assert_allclose(d2.array, [0.0, 2.0, 1.0, 2.0, 4.0])
    d = grid.distances_to_coordinate_from((1.0, 0.0))
    np.testing.assert_allclose(d.array, np.sqrt([0.0, 2.0, 1.0, 2.0, 4.0]))


def test_repr():
    assert "Grid2D" in repr(aa.Grid2D.uniform((2, 2), 1.0))
