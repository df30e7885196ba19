"""Derived masks (blurring, edge, border), derived indexes and derived grids of a Mask2D."""

import re

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc


def _brute_force_blurring(mask_values, kernel_shape):
    """A masked pixel is a blurring pixel iff it lies in the kernel box of an unmasked pixel."""
    ny, nx = mask_values.shape
    hy, hx = kernel_shape[0] // 2, kernel_shape[1] // 2
    blurring = np.zeros_like(mask_values)
    for r in range(ny):
        for c in range(nx):
            if not mask_values[r, c]:
                continue
            window = mask_values[max(r - hy, 0) : r + hy + 1, max(c - hx, 0) : c + hx + 1]
            blurring[r, c] = not window.all()
    return blurring


@pytest.mark.parametrize("kernel_shape", [(1, 1), (3, 3), (5, 5), (3, 5), (5, 1)])
def test_blurring_matches_brute_force_circular(kernel_shape):
    mask = aa.Mask2D.circular((15, 15), radius=3.0, pixel_scales=0.5)
    blurring = mask.derive_mask.blurring_from(kernel_shape)
    assert isinstance(blurring, aa.Mask2D)
    assert blurring.shape_native == mask.shape_native
    assert blurring.pixel_scales == mask.pixel_scales
    expected = _brute_force_blurring(mask.array, kernel_shape)
    np.testing.assert_array_equal(~blurring.array, expected)


def test_blurring_matches_brute_force_irregular_mask():
    rng = np.random.default_rng(3)
    values = np.ones((14, 13), dtype=bool)
    values[3:11, 3:10] = rng.random((8, 7)) > 0.5
    mask = aa.Mask2D(values, pixel_scales=0.1)
    blurring = mask.derive_mask.blurring_from((5, 7))
    np.testing.assert_array_equal(~blurring.array, _brute_force_blurring(values, (5, 7)))
    # Blurring pixels are always masked in the original mask.
    assert np.all(mask.array[~blurring.array])


def test_blurring_of_single_pixel_is_kernel_ring():
    mask = aa.Mask2D.from_pixel_coordinates((7, 7), [(3, 3)], pixel_scales=1.0)
    blurring = mask.derive_mask.blurring_from((3, 3))
    expected = np.ones((7, 7), dtype=bool)
    expected[2:5, 2:5] = False
    expected[3, 3] = True
    np.testing.assert_array_equal(blurring.array, expected)
    assert blurring.pixels_in_mask == 8


def test_blurring_too_close_to_edge_raises_without_padding():
    mask = aa.Mask2D.all_false((5, 5), pixel_scales=1.0)
    with pytest.raises(exc.MaskException):
        mask.derive_mask.blurring_from((3, 3))
    edge = aa.Mask2D.from_pixel_coordinates((9, 9), [(4, 1)], pixel_scales=1.0)
    with pytest.raises(exc.MaskException):
        edge.derive_mask.blurring_from((5, 5))
    # A 3x3 kernel still fits.
    edge.derive_mask.blurring_from((3, 3))


@pytest.mark.parametrize("shape, kernel_shape", [((5, 5), (3, 3)), ((4, 6), (5, 3))])
def test_blurring_with_padding(shape, kernel_shape):
    mask = aa.Mask2D.all_false(shape, pixel_scales=0.5, origin=(0.2, -0.1))
    ky, kx = kernel_shape
    padded_shape = (shape[0] + ky - 1, shape[1] + kx - 1)
    # PyAutoArray warns when it pads (public convolution.py checks for "Mask padded")
    with pytest.warns(UserWarning, match=re.escape(f"Mask padded from {shape} to {padded_shape}")):
        blurring = mask.derive_mask.blurring_from(kernel_shape, allow_padding=True)
    assert blurring.shape_native == padded_shape
    assert blurring.origin == mask.origin
    # The padded region is exactly the blurring region: a ring of width k//2 around the data.
    padded = np.pad(mask.array, ((ky // 2,) * 2, (kx // 2,) * 2), constant_values=True)
    np.testing.assert_array_equal(~blurring.array, _brute_force_blurring(padded, kernel_shape))
    assert blurring.pixels_in_mask == padded_shape[0] * padded_shape[1] - shape[0] * shape[1]
    # Padding keeps the array centre, so pixel centres of the data pixels do not move.
    np.testing.assert_allclose(
        blurring.pixel_centres[ky // 2 : ky // 2 + shape[0], kx // 2 : kx // 2 + shape[1]],
        mask.pixel_centres,
    )


def test_blurring_allow_padding_is_noop_when_kernel_fits():
    import warnings

    mask = aa.Mask2D.circular((11, 11), radius=2.0, pixel_scales=1.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert mask.derive_mask.blurring_from((3, 3), allow_padding=True).shape_native == (11, 11)


@pytest.mark.parametrize("kernel_shape", [(2, 3), (3, 4), (0, 3), (-1, 3)])
def test_blurring_invalid_kernel_shape_raises(kernel_shape):
    mask = aa.Mask2D.circular((11, 11), radius=2.0, pixel_scales=1.0)
    with pytest.raises(exc.KernelException):
        mask.derive_mask.blurring_from(kernel_shape)


def test_blurring_grid_uses_padding_and_unit_sub_size():
    mask = aa.Mask2D.all_false((3, 3), pixel_scales=1.0)
    grid = aa.Grid2D.blurring_grid_from(mask, (3, 3))
    assert grid.shape_native == (5, 5)
    assert grid.shape_slim == 16
    assert np.all(grid.over_sample_size.array == 1)
    assert np.max(np.abs(grid.array)) == 2.0


# ---------------------------------------------------------------------------------- edge / border
@pytest.fixture
def ring_mask():
    """9x9: a 7x7 unmasked block (rows/cols 1..7) with a masked hole at the centre (4, 4)."""
    values = np.ones((9, 9), dtype=bool)
    values[1:8, 1:8] = False
    values[4, 4] = True
    return aa.Mask2D(values, pixel_scales=1.0)


def test_edge_pixels_include_outer_ring_and_hole_neighbours(ring_mask):
    edge = ring_mask.derive_mask.edge
    expected = np.zeros((9, 9), dtype=bool)
    expected[1:8, 1:8] = True
    expected[2:7, 2:7] = False  # interior of the block
    expected[3:6, 3:6] = True  # the 8 neighbours of the hole
    expected[4, 4] = False  # the hole itself is masked
    np.testing.assert_array_equal(~edge.array, expected)
    assert edge.pixels_in_mask == 24 + 8


def test_border_pixels_are_the_outer_ring_only(ring_mask):
    border = ring_mask.derive_mask.border
    expected = np.zeros((9, 9), dtype=bool)
    expected[1:8, 1:8] = True
    expected[2:7, 2:7] = False
    np.testing.assert_array_equal(~border.array, expected)
    assert border.pixels_in_mask == 24


def test_edge_of_all_false_mask_is_array_boundary():
    mask = aa.Mask2D.all_false((4, 5), pixel_scales=1.0)
    edge = mask.derive_mask.edge
    expected = np.ones((4, 5), dtype=bool)
    expected[1:3, 1:4] = False
    np.testing.assert_array_equal(~edge.array, expected)
    np.testing.assert_array_equal(mask.derive_mask.border.array, edge.array)


def test_edge_uses_diagonal_neighbours():
    values = np.ones((5, 5), dtype=bool)
    values[1:4, 1:4] = False
    values[1, 1] = True  # masked corner: (2, 2) touches it only diagonally
    mask = aa.Mask2D(values, pixel_scales=1.0)
    assert not mask.derive_mask.edge.array[2, 2]


def test_edge_and_border_slim_indexes(ring_mask):
    idx = ring_mask.derive_indexes
    # Slim order is row-major over unmasked pixels; row 1 holds slim 0..6.
    np.testing.assert_array_equal(idx.edge_slim[:7], np.arange(7))
    assert idx.edge_slim.size == 32
    assert idx.border_slim.size == 24
    assert set(idx.border_slim.tolist()) <= set(idx.edge_slim.tolist())
    native = idx.native_for_slim
    for slim in idx.border_slim:
        r, c = native[slim]
        assert r in (1, 7) or c in (1, 7)


# ---------------------------------------------------------------------------------- indexes
def test_derive_indexes():
    mask = aa.Mask2D([[True, False, True], [False, False, True]], pixel_scales=1.0)
    idx = mask.derive_indexes
    np.testing.assert_array_equal(idx.native_for_slim, [[0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(idx.slim_for_native, [[-1, 0, -1], [1, 2, -1]])
    np.testing.assert_array_equal(idx.unmasked_slim, [1, 3, 4])
    np.testing.assert_array_equal(idx.masked_slim, [0, 2, 5])


# ---------------------------------------------------------------------------------- grids
def test_derive_grid_unmasked_all_false_edge_border(ring_mask):
    grids = ring_mask.derive_grid
    unmasked = grids.unmasked
    assert isinstance(unmasked, aa.Grid2D)
    assert unmasked.shape_slim == 48
    np.testing.assert_array_equal(unmasked.array[0], [3.0, -3.0])
    all_false = grids.all_false
    assert all_false.shape_slim == 81
    edge = grids.edge
    border = grids.border
    assert isinstance(edge, aa.Grid2DIrregular) and isinstance(border, aa.Grid2DIrregular)
    assert edge.shape == (32, 2)
    assert border.shape == (24, 2)
    assert np.all(np.max(np.abs(border.array), axis=1) == 3.0)
