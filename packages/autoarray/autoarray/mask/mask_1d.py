"""``Mask1D``: a boolean 1-D mask (``True`` = masked, excluded) with pixel geometry."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray, raw_array


def _pixel_scales_1d(pixel_scales) -> Tuple[float]:
    """``(scale,)`` from a number or a one-element sequence (arc-seconds per pixel, > 0)."""
    values = np.atleast_1d(np.asarray(pixel_scales, dtype=float))
    if values.shape != (1,) or not np.isfinite(values[0]) or values[0] <= 0.0:
        raise exc.MaskException(
            f"1-D pixel_scales must be one positive number, got {pixel_scales!r}"
        )
    return (float(values[0]),)


class Mask1D(AbstractNDArray):
    """A 1-D boolean mask over a uniform line of pixels; ``True`` pixels are excluded.

    Parameters
    ----------
    mask
        Boolean values ``[n]`` (lists accepted).
    pixel_scales
        Arc-seconds per pixel (a number or ``(scale,)``).
    origin
        Scaled ``(x,)`` coordinate of the line's centre.
    invert
        Flip every value before storing.
    """

    __pytree_static__ = ("_array", "pixel_scales", "origin")

    def __init__(self, mask, pixel_scales, origin: Tuple[float] = (0.0,), invert: bool = False):
        values = np.asarray(raw_array(mask))
        if values.ndim != 1:
            raise exc.MaskException(f"a Mask1D must be 1-D, got an array of shape {values.shape}")
        values = values.astype(bool)
        if invert:
            values = ~values
        super().__init__(values)
        self.pixel_scales = _pixel_scales_1d(pixel_scales)
        self.origin = (float(np.atleast_1d(origin)[0]),)

    @classmethod
    def all_false(cls, shape_slim, pixel_scales, origin=(0.0,), invert: bool = False) -> "Mask1D":
        """A mask of ``shape_slim`` pixels, none masked."""
        n = int(np.atleast_1d(shape_slim)[0])
        return cls(np.zeros(n, dtype=bool), pixel_scales, origin, invert)

    @property
    def shape_native(self) -> Tuple[int]:
        return (int(self._array.shape[0]),)

    @property
    def pixels_in_mask(self) -> int:
        return int(np.size(self._array) - np.count_nonzero(self._array))

    @property
    def shape_slim(self) -> Tuple[int]:
        return (self.pixels_in_mask,)

    @property
    def pixel_scale(self) -> float:
        return self.pixel_scales[0]

    @property
    def native(self) -> "Mask1D":
        return self

    def __repr__(self) -> str:
        return f"Mask1D(shape={self.shape_native}, pixel_scales={self.pixel_scales})"
