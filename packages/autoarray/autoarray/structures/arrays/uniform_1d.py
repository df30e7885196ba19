"""``Array1D``: values on the unmasked pixels of a uniform 1-D line of pixels."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray
from autoarray.mask.mask_1d import Mask1D
from autoarray.structures.masked_geometry import MaskedGeometry


class Array1D(MaskedGeometry, AbstractNDArray):
    """Values paired with a ``Mask1D``; stored slim (unmasked values) unless ``store_native``.

    Parameters
    ----------
    values
        Slim ``[N_unmasked]`` or native ``[n]`` values (native input is zeroed where masked).
    mask
        The mask giving the pixel geometry.
    store_native
        Keep the native ``[n]`` form as the raw array.
    """

    __pytree_static__ = ("mask", "header", "store_native")

    def __init__(
        self, values, mask: Mask1D, header: dict | None = None, store_native: bool = False, xp=np
    ):
        super().__init__(values, xp=xp)
        if not isinstance(mask, Mask1D):
            raise exc.ArrayException(f"Array1D needs a Mask1D, got {type(mask).__name__}")
        self._array = values_1d_from(self._array, mask, store_native, exc.ArrayException, xp)
        self.mask = mask
        self.header = header
        self.store_native = store_native

    @classmethod
    def no_mask(
        cls, values, pixel_scales, origin: Tuple[float] = (0.0,), header: dict | None = None
    ) -> "Array1D":
        """Values on an all-unmasked line of pixels."""
        values = np.asarray(values.array if isinstance(values, AbstractNDArray) else values)
        if values.ndim != 1:
            raise exc.ArrayException(f"Array1D values must be 1-D, got shape {values.shape}")
        return cls(values, Mask1D.all_false(values.shape[0], pixel_scales, origin), header=header)

    @classmethod
    def full(cls, fill_value: float, shape_native, pixel_scales, origin=(0.0,)) -> "Array1D":
        n = int(np.atleast_1d(shape_native)[0])
        return cls.no_mask(np.full(n, float(fill_value)), pixel_scales, origin)

    @classmethod
    def ones(cls, shape_native, pixel_scales, origin=(0.0,)) -> "Array1D":
        return cls.full(1.0, shape_native, pixel_scales, origin)

    @classmethod
    def zeros(cls, shape_native, pixel_scales, origin=(0.0,)) -> "Array1D":
        return cls.full(0.0, shape_native, pixel_scales, origin)

    @property
    def slim(self) -> "Array1D":
        if not self.store_native:
            return self
        return Array1D(self._array, self.mask, self.header, xp=self._xp)

    @property
    def native(self) -> "Array1D":
        if self.store_native:
            return self
        return Array1D(self._array, self.mask, self.header, store_native=True, xp=self._xp)

    @property
    def grid_radial(self):
        """``Grid1D.uniform_from_zero`` of this array's shape and pixel scale: the radius of each
        value when the array is a radial profile."""
        from autoarray.structures.grids.uniform_1d import Grid1D

        return Grid1D.uniform_from_zero(self.shape_native, self.pixel_scales)

    def __repr__(self) -> str:
        return f"Array1D(shape_native={self.shape_native}, values={np.asarray(self._array)!r})"


def _scatter(slim, unmasked: np.ndarray, xp=np):
    """Slim values into a zero native array at the unmasked pixels."""
    if xp is np:
        native = np.zeros(unmasked.shape, dtype=slim.dtype)
        native[unmasked] = slim
        return native
    return xp.zeros(unmasked.shape, dtype=slim.dtype).at[unmasked].set(slim)


def values_1d_from(raw, mask: Mask1D, store_native: bool, error: type, xp=np):
    """1-D values (native: one per mask pixel, masked ones zeroed; or slim: one per unmasked
    pixel) in the layout ``store_native`` asks for; ``error`` is raised for any other length.
    Shared by ``Array1D`` and ``Grid1D``."""
    unmasked = ~mask.array
    if raw.ndim == 1 and raw.shape[0] == mask.shape_native[0]:
        native = xp.where(mask.array, 0, raw)
        return native if store_native else native[unmasked]
    if raw.ndim == 1 and raw.shape[0] == mask.pixels_in_mask:
        return _scatter(raw, unmasked, xp) if store_native else raw
    raise error(
        f"values of shape {tuple(raw.shape)} match neither the mask's {mask.shape_native[0]} "
        f"pixels nor its {mask.pixels_in_mask} unmasked pixels"
    )
