"""``Array2D``: values on the unmasked pixels of a uniform 2-D grid."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray
from autoarray.mask.mask_2d import Mask2D
from autoarray.structures.arrays import array_2d_util
from autoarray.structures.arrays.uniform_1d import Array1D
from autoarray.structures.masked_geometry import MaskedGeometry


class Array2D(MaskedGeometry, AbstractNDArray):
    """Values paired with a ``Mask2D``; stored slim (``[N_unmasked]``) unless ``store_native``.

    Parameters
    ----------
    values
        Slim ``[N_unmasked]`` or native ``[ny, nx]`` values. Native input is zeroed where masked.
    mask
        The mask giving the pixel geometry.
    store_native
        Keep the native ``[ny, nx]`` form as the raw array.
    xp
        Backend (``numpy`` or ``jax.numpy``).
    """

    __pytree_static__ = ("mask", "header", "store_native")

    def __init__(
        self, values, mask: Mask2D, header: dict | None = None, store_native: bool = False, xp=np
    ):
        super().__init__(values, xp=xp)
        if not isinstance(mask, Mask2D):
            raise exc.ArrayException(f"Array2D needs a Mask2D, got {type(mask).__name__}")
        raw = self._array
        if tuple(raw.shape) == tuple(mask.shape_native):
            if np.issubdtype(raw.dtype, np.bool_):
                native = raw & ~mask.array
            elif isinstance(raw, np.ndarray):
                # np.where, not a multiply: NaN / inf in masked pixels must still become 0.
                native = np.where(mask.array, np.zeros((), dtype=raw.dtype), raw)
            else:  # JAX array or tracer (possibly built with xp=np): keep it on JAX
                native = raw * ~mask.array
            raw = native if store_native else array_2d_util.slim_from_native(native, mask)
        elif raw.ndim == 1 and raw.shape[0] == mask.pixels_in_mask:
            if store_native:
                raw = array_2d_util.native_from_slim(raw, mask, xp=xp)
        else:
            raise exc.ArrayException(
                f"values of shape {tuple(raw.shape)} match neither the mask's native shape "
                f"{mask.shape_native} nor its {mask.pixels_in_mask} unmasked pixels"
            )
        self._array = raw
        self.mask = mask
        self.header = header
        self.store_native = store_native

    # ------------------------------------------------------------------ factories
    @classmethod
    def no_mask(
        cls,
        values,
        pixel_scales,
        shape_native: Tuple[int, int] | None = None,
        origin=(0.0, 0.0),
        header=None,
    ) -> "Array2D":
        """Values on an all-unmasked grid; slim input needs ``shape_native``."""
        values = (
            np.asarray(values, dtype=float)
            if not isinstance(values, AbstractNDArray)
            else values.array
        )
        if values.ndim == 1:
            if shape_native is None:
                raise exc.ArrayException("slim values need shape_native")
            values = values.reshape(shape_native)
        if values.ndim != 2:
            raise exc.ArrayException(f"Array2D values must be 1-D or 2-D, got shape {values.shape}")
        return cls(values, Mask2D.all_false(values.shape, pixel_scales, origin), header=header)

    @classmethod
    def full(cls, fill_value: float, shape_native, pixel_scales, origin=(0.0, 0.0)) -> "Array2D":
        return cls.no_mask(np.full(shape_native, float(fill_value)), pixel_scales, origin=origin)

    @classmethod
    def ones(cls, shape_native, pixel_scales, origin=(0.0, 0.0)) -> "Array2D":
        return cls.full(1.0, shape_native, pixel_scales, origin)

    @classmethod
    def zeros(cls, shape_native, pixel_scales, origin=(0.0, 0.0)) -> "Array2D":
        return cls.full(0.0, shape_native, pixel_scales, origin)

    @classmethod
    def from_fits(cls, file_path, pixel_scales, hdu: int = 0, origin=(0.0, 0.0)) -> "Array2D":
        """Load an unmasked array from a FITS image."""
        from autoarray.dataset.fits import header_dict_via_fits_from, ndarray_via_fits_from

        values = ndarray_via_fits_from(file_path, hdu)
        return cls.no_mask(
            values, pixel_scales, origin=origin, header=header_dict_via_fits_from(file_path, hdu)
        )

    # ------------------------------------------------------------------ representations
    @property
    def slim(self) -> "Array2D":
        """This array in slim ``[N_unmasked]`` form."""
        if not self.store_native:
            return self
        return Array2D(
            array_2d_util.slim_from_native(self._array, self.mask),
            self.mask,
            self.header,
            xp=self._xp,
        )

    @property
    def native(self) -> "Array2D":
        """This array in native ``[ny, nx]`` form (masked pixels 0)."""
        if self.store_native:
            return self
        new = self.with_new_array(array_2d_util.native_from_slim(self._array, self.mask, self._xp))
        new.store_native = True
        return new

    @property
    def pixel_area(self) -> float:
        return self.mask.pixel_area

    @property
    def total_pixels(self) -> int:
        """Number of unmasked pixels (the ``slim`` length)."""
        return self.mask.pixels_in_mask

    @property
    def total_area(self) -> float:
        """Area of the unmasked pixels (scaled units squared)."""
        return self.total_pixels * self.pixel_area

    @property
    def binned_across_rows(self) -> Array1D:
        """Mean of the unmasked values of each column (averaged across the rows), one per column;
        a column with no unmasked pixel gives NaN (as PyAutoArray). Needs square pixels."""
        values = np.mean(np.asarray(self.native.array), axis=0, where=~self.mask.array)
        return Array1D.no_mask(values, pixel_scales=self.mask.pixel_scale)

    @property
    def binned_across_columns(self) -> Array1D:
        """Mean of the unmasked values of each row (averaged across the columns), one per row;
        a row with no unmasked pixel gives NaN (as PyAutoArray). Needs square pixels."""
        values = np.mean(np.asarray(self.native.array), axis=1, where=~self.mask.array)
        return Array1D.no_mask(values, pixel_scales=self.mask.pixel_scale)

    def brightest_coordinate_in_region_from(self, region, return_in_pixels: bool = False):
        """Centre of the brightest pixel in ``region = (y0, y1, x0, x1)`` (scaled units)."""
        from autoarray.structures.arrays import brightest

        return brightest.brightest_coordinate_in_region_from(self, region, return_in_pixels)

    def brightest_sub_pixel_coordinate_in_region_from(self, region, box_size: int = 1):
        """Flux-weighted centroid around the brightest pixel in ``region`` (scaled units)."""
        from autoarray.structures.arrays import brightest

        return brightest.brightest_sub_pixel_coordinate_in_region_from(self, region, box_size)

    # ------------------------------------------------------------------ operations
    def apply_mask(self, mask: Mask2D) -> "Array2D":
        """Re-slim the native values on a new mask of the same shape."""
        if tuple(mask.shape_native) != tuple(self.shape_native):
            raise exc.MaskException(
                f"mask shape {mask.shape_native} does not match array shape {self.shape_native}"
            )
        return Array2D(self.native.array, mask, self.header)

    def resized_from(self, new_shape: Tuple[int, int], mask_pad_value: bool = False) -> "Array2D":
        """Centre-aligned crop or zero-pad of the native values (and the mask)."""
        values = array_2d_util.resized_array_2d_from(np.asarray(self.native.array), new_shape)
        mask = self.mask.resized_from(new_shape, pad_value=mask_pad_value)
        return Array2D(values, mask, self.header)

    def padded_before_convolution_from(
        self, kernel_shape: Tuple[int, int], mask_pad_value: bool = False
    ) -> "Array2D":
        """Grow each axis by ``k - 1`` so a later 'same' convolution can be trimmed back."""
        shape = (
            self.shape_native[0] + kernel_shape[0] - 1,
            self.shape_native[1] + kernel_shape[1] - 1,
        )
        return self.resized_from(shape, mask_pad_value=mask_pad_value)

    def trimmed_after_convolution_from(self, kernel_shape: Tuple[int, int]) -> "Array2D":
        """Undo :meth:`padded_before_convolution_from`."""
        shape = (
            self.shape_native[0] - kernel_shape[0] + 1,
            self.shape_native[1] - kernel_shape[1] + 1,
        )
        return self.resized_from(shape)

    def output_to_fits(self, file_path, overwrite: bool = False) -> None:
        """Write the native array to FITS (atomic), with pixel scales in the header."""
        from autoarray.dataset.fits import output_to_fits

        output_to_fits(np.asarray(self.native.array), file_path, overwrite, self.mask.header_dict)

    def __repr__(self) -> str:
        return f"Array2D(shape_native={self.shape_native}, values={np.asarray(self._array)!r})"
