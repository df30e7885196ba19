"""Masks derived from a ``Mask2D``: PSF blurring region, edge and border pixels."""

from __future__ import annotations

import warnings
from functools import cached_property
from typing import Tuple

import numpy as np
from scipy import ndimage

from autoarray import exc


class DeriveMask2D:
    """Derived masks of ``mask``; each is a ``Mask2D`` whose ``False`` pixels are the result."""

    def __init__(self, mask):
        self.mask = mask

    def _from_unmasked(self, unmasked: np.ndarray, mask=None):
        from autoarray.mask.mask_2d import Mask2D

        mask = self.mask if mask is None else mask
        return Mask2D(~unmasked, mask.pixel_scales, mask.origin)

    def blurring_from(self, kernel_shape_native: Tuple[int, int], allow_padding: bool = False):
        """Masked pixels within the PSF footprint of at least one unmasked pixel.

        These pixels' light is scattered into the unmasked region by the PSF. If the footprint
        leaves the array, the mask is padded with masked pixels by ``k - 1`` per axis (keeping
        the array centre) when ``allow_padding`` is True, else a ``MaskException`` is raised.
        """
        ky, kx = (int(k) for k in kernel_shape_native)
        if ky % 2 == 0 or kx % 2 == 0 or ky < 1 or kx < 1:
            raise exc.KernelException(f"kernel shape must be odd and positive, got {(ky, kx)}")
        mask = self.mask
        rows, cols = mask.slim_to_native_tuple
        hy, hx = ky // 2, kx // 2
        ny, nx = mask.shape_native
        too_close = rows.size > 0 and (
            rows.min() < hy or cols.min() < hx or rows.max() >= ny - hy or cols.max() >= nx - hx
        )
        if too_close:
            if not allow_padding:
                raise exc.MaskException(
                    f"the mask's unmasked pixels lie within the {kernel_shape_native} kernel's "
                    "half-width of the array edge; pad the data or pass allow_padding=True"
                )
            padded = mask.padded_from((hy, hx))
            # PyAutoArray warns (UserWarning "Mask padded from ...") so users see the data grew
            warnings.warn(
                f"Mask padded from {mask.shape_native} to {padded.shape_native} to support "
                f"kernel footprint {tuple(kernel_shape_native)}.",
                UserWarning,
                stacklevel=2,
            )
            mask = padded
        unmasked = ~mask.array
        dilated = ndimage.binary_dilation(unmasked, structure=np.ones((ky, kx), dtype=bool))
        return self._from_unmasked(dilated & ~unmasked, mask)

    @cached_property
    def edge(self):
        """Unmasked pixels with at least one masked 8-neighbour (outside the array counts)."""
        unmasked = ~self.mask.array
        padded = np.pad(unmasked, 1, constant_values=False)
        interior = ndimage.binary_erosion(padded, structure=np.ones((3, 3), dtype=bool))[1:-1, 1:-1]
        return self._from_unmasked(unmasked & ~interior)

    @cached_property
    def border(self):
        """Edge pixels touching the masked region connected to the outside of the array."""
        masked = np.pad(self.mask.array, 1, constant_values=True)
        labels, _ = ndimage.label(masked)
        exterior = labels == labels[0, 0]
        touching = ndimage.binary_dilation(exterior, structure=np.ones((3, 3), dtype=bool))
        unmasked = ~self.mask.array
        return self._from_unmasked(unmasked & touching[1:-1, 1:-1])
