"""Over-sampling: evaluate a function at s x s sub-pixel centres per pixel and average.

``s`` may vary from pixel to pixel. All index arrays are static NumPy arrays computed once per
(mask, sizes); binning runs on NumPy or JAX through ``xp``.
"""

from __future__ import annotations

from functools import cached_property
from typing import List, Sequence, Tuple

import numpy as np

from autoarray import exc


class OverSampler:
    """Sub-pixel geometry and binning for a mask and per-pixel sub sizes.

    Parameters
    ----------
    mask
        The ``Mask2D`` whose unmasked pixels are over-sampled.
    sub_size
        An int (same for every pixel) or a slim array of ints, one per unmasked pixel.
    """

    def __init__(self, mask, sub_size):
        self.mask = mask
        sizes = np.asarray(getattr(sub_size, "array", sub_size))
        if sizes.ndim == 0:
            sizes = np.full(mask.pixels_in_mask, int(sizes))
        elif sizes.shape == tuple(mask.shape_native):
            rows, cols = mask.slim_to_native_tuple
            sizes = sizes[rows, cols]
        if sizes.shape != (mask.pixels_in_mask,):
            raise exc.OverSamplingException(
                f"over_sample_size has shape {sizes.shape}; expected an int or "
                f"{mask.pixels_in_mask} values (one per unmasked pixel)"
            )
        if not np.all(np.equal(np.mod(sizes, 1), 0)) or np.any(sizes < 1):
            raise exc.OverSamplingException("over_sample_size values must be integers >= 1")
        self.sub_size = sizes.astype(int)

    @cached_property
    def uniform_size(self) -> int | None:
        """The common sub size if every pixel uses the same one, else ``None``."""
        if self.sub_size.size and np.all(self.sub_size == self.sub_size[0]):
            return int(self.sub_size[0])
        return None

    @cached_property
    def sub_total(self) -> int:
        """Total number of sub-pixels."""
        return int(np.sum(self.sub_size**2))

    @cached_property
    def bins_by_reduction(self) -> bool:
        """Whether binning reduces (more sub-pixels than pixels): the binned values, and the
        per-sub-pixel values the reduction reads, are then written to memory by their producer,
        which a JAX PSF convolution may rely on (``materialised=`` of the convolver)."""
        return self.sub_total > self.sub_size.size

    @cached_property
    def slim_for_sub_slim(self) -> np.ndarray:
        """Index of the parent pixel of every sub-pixel (the segment ids of the binning)."""
        return np.repeat(np.arange(self.sub_size.size), self.sub_size**2)

    @cached_property
    def sub_fraction(self) -> np.ndarray:
        """``1 / s^2`` of each pixel."""
        return 1.0 / self.sub_size.astype(float) ** 2

    @cached_property
    def sub_pixel_grid(self) -> np.ndarray:
        """``[sub_total, 2]`` scaled (y, x) sub-pixel centres, pixels in slim order, each
        pixel's sub-pixels row-major from the top-left."""
        rows, cols = self.mask.slim_to_native_tuple
        centres = self.mask.pixel_centres[rows, cols]
        py, px = self.mask.pixel_scales
        offsets = np.concatenate([[0], np.cumsum(self.sub_size**2)[:-1]])
        grid = np.empty((self.sub_total, 2))
        for s in np.unique(self.sub_size):
            pixels = np.flatnonzero(self.sub_size == s)
            a, b = np.divmod(np.arange(s * s), s)
            dy, dx = py / s, px / s
            y = centres[pixels, 0, None] + (py / 2 - dy / 2) - a[None, :] * dy
            x = centres[pixels, 1, None] - (px / 2 - dx / 2) + b[None, :] * dx
            positions = offsets[pixels, None] + np.arange(s * s)[None, :]
            grid[positions, 0] = y
            grid[positions, 1] = x
        return grid

    def binned_array_2d_from(self, values, xp=np):
        """Average sub-pixel values (``[sub_total, ...]``) back to one value per pixel (raw)."""
        values = getattr(values, "array", values)
        n = self.sub_size.size
        if self.uniform_size is not None:
            s2 = self.uniform_size**2
            if xp is np and values.ndim == 2:
                # Columns ([sub_total, P]): reduce each column over a contiguous axis (a strided
                # reduction over the middle axis is ~4x slower in NumPy).
                columns = np.ascontiguousarray(values.T).reshape(values.shape[1], n, s2)
                return columns.mean(axis=2).T
            return values.reshape((n, s2) + tuple(values.shape[1:])).mean(axis=1)
        weights = self.sub_fraction.reshape((n,) + (1,) * (values.ndim - 1))
        if xp is np:
            summed = np.zeros((n,) + tuple(values.shape[1:]), dtype=values.dtype)
            np.add.at(summed, self.slim_for_sub_slim, values)
            return summed * weights
        import jax

        summed = jax.ops.segment_sum(
            values, self.slim_for_sub_slim, num_segments=n, indices_are_sorted=True
        )
        return summed * weights


def over_sample_size_via_radial_bins_from(
    grid,
    sub_size_list: Sequence[int],
    radial_list: Sequence[float],
    centre_list: List[Tuple[float, float]] | None = None,
):
    """Per-pixel sub sizes chosen by distance from one or more centres.

    A pixel at distance ``d`` (arc-seconds) from a centre gets ``sub_size_list[k]`` with ``k``
    the number of ``radial_list`` edges strictly below ``d`` (so ``d <= radial_list[0]`` gets
    ``sub_size_list[0]``; a pixel exactly on an edge takes the inner bin's size, as in the
    reference ecosystem); with several centres the largest size wins.
    Returns an ``Array2D`` of ints on the grid's mask.
    """
    from autoarray.structures.arrays.uniform_2d import Array2D

    if len(sub_size_list) != len(radial_list) + 1:
        raise exc.OverSamplingException(
            "sub_size_list needs exactly one more entry than radial_list, got "
            f"{len(sub_size_list)} and {len(radial_list)}"
        )
    if np.any(np.diff(radial_list) <= 0):
        raise exc.OverSamplingException(f"radial_list must increase, got {list(radial_list)}")
    if centre_list is None:
        centre_list = [grid.mask.mask_centre]
    points = np.asarray(grid.array)
    sizes = np.zeros(points.shape[0], dtype=int)
    table = np.asarray(sub_size_list, dtype=int)
    for centre in centre_list:
        d = np.hypot(points[:, 0] - centre[0], points[:, 1] - centre[1])
        sizes = np.maximum(sizes, table[np.searchsorted(radial_list, d, side="left")])
    return Array2D(sizes, grid.mask)
