"""``Grid1D``: the x coordinates of the unmasked pixel centres of a ``Mask1D``.

Used for radial profiles: ``grid_2d_radial_projected_from`` turns the 1-D radii into (y, x) points
along a line through the origin, which any function of a 2-D grid accepts.
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray
from autoarray.mask.mask_1d import Mask1D, _pixel_scales_1d
from autoarray.structures.arrays.uniform_1d import values_1d_from
from autoarray.structures.grids.irregular_2d import Grid2DIrregular
from autoarray.structures.masked_geometry import MaskedGeometry

#: Offset (arc-seconds) added to y and x of projected points after the rotation (the release's).
PROJECTED_OFFSET = 1.0e-6


class Grid1D(MaskedGeometry, AbstractNDArray):
    """x coordinates (arc-seconds) paired with a ``Mask1D``; slim unless ``store_native``."""

    __pytree_static__ = ("mask", "store_native")

    def __init__(self, values, mask: Mask1D, store_native: bool = False, xp=np):
        super().__init__(values, xp=xp)
        if not isinstance(mask, Mask1D):
            raise exc.GridException(f"Grid1D needs a Mask1D, got {type(mask).__name__}")
        self._array = values_1d_from(self._array, mask, store_native, exc.GridException, xp)
        self.mask = mask
        self.store_native = store_native

    @classmethod
    def no_mask(cls, values, pixel_scales, origin: Tuple[float] = (0.0,)) -> "Grid1D":
        """Coordinates on an all-unmasked line of pixels."""
        values = np.asarray(values.array if isinstance(values, AbstractNDArray) else values, float)
        if values.ndim != 1:
            raise exc.GridException(f"Grid1D values must be 1-D, got shape {values.shape}")
        return cls(values, Mask1D.all_false(values.shape[0], pixel_scales, origin))

    @classmethod
    def from_mask(cls, mask: Mask1D) -> "Grid1D":
        """Centres of the unmasked pixels: ``(i - (n - 1) / 2) * pixel_scale + origin``."""
        n = mask.shape_native[0]
        centres = (np.arange(n) - (n - 1) / 2.0) * mask.pixel_scale + mask.origin[0]
        return cls(centres[~mask.array], mask)

    @classmethod
    def uniform(cls, shape_native, pixel_scales, origin: Tuple[float] = (0.0,)) -> "Grid1D":
        """Pixel centres of ``shape_native`` pixels centred on ``origin``."""
        n = int(np.atleast_1d(shape_native)[0])
        origin = (float(np.atleast_1d(origin)[0]),)
        return cls.from_mask(Mask1D.all_false(n, pixel_scales, origin))

    @classmethod
    def uniform_from_zero(cls, shape_native, pixel_scales) -> "Grid1D":
        """``0, s, 2 s, ...``: ``shape_native`` points from zero in steps of the pixel scale."""
        n = int(np.atleast_1d(shape_native)[0])
        scale = _pixel_scales_1d(pixel_scales)[0]
        return cls.no_mask(scale * np.arange(n), pixel_scales)

    @property
    def slim(self) -> "Grid1D":
        if not self.store_native:
            return self
        return Grid1D(self._array, self.mask, xp=self._xp)

    @property
    def native(self) -> "Grid1D":
        if self.store_native:
            return self
        return Grid1D(self._array, self.mask, store_native=True, xp=self._xp)

    def grid_2d_radial_projected_from(self, angle: float = 0.0) -> Grid2DIrregular:
        """(y, x) points ``(0, x)`` rotated by ``angle`` degrees (``y' = -x sin``,
        ``x' = x cos``), then offset by 1e-6 arc-seconds in y and x, as PyAutoArray."""
        x = np.asarray(self.slim.array, dtype=float)
        cos_a, sin_a = np.cos(np.radians(angle)), np.sin(np.radians(angle))
        return Grid2DIrregular(np.stack((-x * sin_a, x * cos_a), axis=1) + PROJECTED_OFFSET)

    def __repr__(self) -> str:
        return f"Grid1D(shape_native={self.shape_native}, values={np.asarray(self._array)!r})"
