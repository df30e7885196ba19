"""``VectorYX2D``: (y, x) vectors (e.g. deflection angles) on the pixels of a uniform grid."""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray
from autoarray.structures.arrays import array_2d_util
from autoarray.structures.arrays.uniform_2d import Array2D


class VectorYX2D(AbstractNDArray):
    """``[N, 2]`` (y, x) vectors on the unmasked pixels of ``mask`` (``grid`` = positions)."""

    __pytree_static__ = ("mask",)

    def __init__(self, values, grid=None, mask=None, xp=np):
        super().__init__(values, xp=xp)
        mask = mask if mask is not None else getattr(grid, "mask", None)
        if mask is None:
            raise exc.ArrayException("VectorYX2D needs a mask or a Grid2D")
        raw = self._array
        if raw.ndim == 3 and tuple(raw.shape[:2]) == tuple(mask.shape_native):
            raw = array_2d_util.slim_from_native(raw, mask)
        if raw.shape != (mask.pixels_in_mask, 2):
            raise exc.ArrayException(
                f"vector values of shape {tuple(raw.shape)} do not match [{mask.pixels_in_mask}, 2]"
            )
        self._array = raw
        self.grid = grid
        self.mask = mask

    @property
    def slim(self) -> "VectorYX2D":
        return self

    @property
    def native(self):
        """Raw ``[ny, nx, 2]`` array (masked pixels 0)."""
        return array_2d_util.native_from_slim(self._array, self.mask, self._xp)

    @property
    def y(self) -> Array2D:
        return Array2D(self._array[:, 0], self.mask, xp=self._xp)

    @property
    def x(self) -> Array2D:
        return Array2D(self._array[:, 1], self.mask, xp=self._xp)

    @property
    def magnitudes(self) -> Array2D:
        """Vector lengths."""
        xp = self._xp
        return Array2D(xp.sqrt(self._array[:, 0] ** 2 + self._array[:, 1] ** 2), self.mask, xp=xp)

    @property
    def average_magnitude(self) -> float:
        return float(np.mean(np.asarray(self.magnitudes.array)))

    @property
    def average_phi(self) -> float:
        """Half the polar angle (degrees) of the mean vector (a spin-2 average)."""
        mean = np.mean(np.asarray(self._array), axis=0)
        return 0.5 * float(np.degrees(np.arctan2(mean[0], mean[1])))
