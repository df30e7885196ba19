"""``Grid2D``: (y, x) pixel-centre coordinates of a mask's unmasked pixels, with over-sampling."""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray
from autoarray.mask.mask_2d import Mask2D
from autoarray.operators.over_sampling.over_sampler import OverSampler
from autoarray.structures.arrays import array_2d_util
from autoarray.structures.arrays.uniform_2d import Array2D
from autoarray.structures.grids.irregular_2d import Grid2DIrregular
from autoarray.structures.masked_geometry import MaskedGeometry


def _sizes_array(over_sample_size, mask: Mask2D) -> Array2D:
    """Normalise an int / array / Array2D of sub sizes to an int ``Array2D`` on ``mask``."""
    if isinstance(over_sample_size, Array2D):
        values = np.asarray(over_sample_size.native.array)
        if values.shape != tuple(mask.shape_native):
            raise exc.OverSamplingException(
                f"over_sample_size shape {values.shape} does not match mask {mask.shape_native}"
            )
        values = Array2D(values, mask).array
    else:
        values = np.asarray(over_sample_size)
        if values.ndim == 0:
            values = np.full(mask.pixels_in_mask, values)
        else:
            try:
                values = Array2D(values, mask).array
            except exc.ArrayException as error:
                raise exc.OverSamplingException(
                    f"over_sample_size of shape {values.shape} matches neither the mask's native "
                    f"shape {mask.shape_native} nor its {mask.pixels_in_mask} unmasked pixels"
                ) from error
    # Validate the unmasked pixels' sizes before the cast, so 2.5 or 0 is not silently accepted.
    if not (
        np.issubdtype(values.dtype, np.number)
        and np.all(np.isfinite(values))
        and np.all(np.mod(values, 1) == 0)
        and np.all(values >= 1)
    ):
        raise exc.OverSamplingException(
            f"over_sample_size values must be integers >= 1, got {over_sample_size!r}"
        )
    return Array2D(values.astype(int), mask)


class Grid2D(MaskedGeometry, AbstractNDArray):
    """(y, x) arc-second coordinates of the unmasked pixel centres of a ``Mask2D``.

    Parameters
    ----------
    values
        Slim ``[N, 2]`` or native ``[ny, nx, 2]`` coordinates.
    mask
        The mask giving the pixels.
    over_sample_size
        Sub-grid size per pixel (int or per-pixel ``Array2D``) used by the ``over_sample``
        decorator; light is averaged over s x s sub-pixel centres.
    over_sampled
        Explicit sub-pixel coordinates (a ``Grid2DIrregular``); ray-traced grids carry their
        traced sub-pixels this way. Computed from the mask when omitted.
    over_sampler
        A precomputed ``OverSampler`` to reuse (binning indexes).
    """

    __pytree_static__ = (
        "mask",
        "over_sample_size",
        "_over_sampler",
        "is_transformed",
        "store_native",
    )

    def __init__(
        self,
        values,
        mask: Mask2D,
        over_sample_size=4,
        over_sampled=None,
        over_sampler: OverSampler | None = None,
        store_native: bool = False,
        xp=np,
    ):
        super().__init__(values, xp=xp)
        if not isinstance(mask, Mask2D):
            raise exc.GridException(f"Grid2D needs a Mask2D, got {type(mask).__name__}")
        raw = self._array
        if raw.ndim == 3 and tuple(raw.shape[:2]) == tuple(mask.shape_native) and raw.shape[2] == 2:
            raw = array_2d_util.slim_from_native(raw, mask)
        elif not (raw.ndim == 2 and raw.shape == (mask.pixels_in_mask, 2)):
            raise exc.GridException(
                f"grid values of shape {tuple(raw.shape)} match neither [{mask.pixels_in_mask}, 2] "
                f"nor the native shape {tuple(mask.shape_native) + (2,)}"
            )
        if store_native:
            raw = array_2d_util.native_from_slim(raw, mask, xp=xp)
        self._array = raw
        self.mask = mask
        self.over_sample_size = _sizes_array(over_sample_size, mask)
        self._over_sampled = over_sampled
        self._over_sampler = over_sampler
        self.is_transformed = False
        self.store_native = store_native

    # ------------------------------------------------------------------ factories
    @classmethod
    def uniform(
        cls, shape_native: Tuple[int, int], pixel_scales, origin=(0.0, 0.0), over_sample_size=4
    ) -> "Grid2D":
        """Pixel centres of a full (unmasked) uniform grid (row 0 at the top)."""
        mask = Mask2D.all_false(shape_native, pixel_scales, origin)
        return cls.from_mask(mask, over_sample_size)

    @classmethod
    def no_mask(
        cls, values, pixel_scales, shape_native=None, origin=(0.0, 0.0), over_sample_size=4
    ) -> "Grid2D":
        """Wrap coordinates on an all-unmasked mask (slim input needs ``shape_native``)."""
        values = np.asarray(values, dtype=float)
        if values.ndim == 2:
            if shape_native is None:
                raise exc.GridException("slim grid values need shape_native")
            values = values.reshape(tuple(shape_native) + (2,))
        mask = Mask2D.all_false(values.shape[:2], pixel_scales, origin)
        return cls(values, mask, over_sample_size)

    @classmethod
    def from_mask(cls, mask: Mask2D, over_sample_size=4, xp=np) -> "Grid2D":
        """Centres of the unmasked pixels of ``mask``, in slim order."""
        if mask.pixels_in_mask == 0:
            raise exc.MaskException("the mask has no unmasked pixels")
        rows, cols = mask.slim_to_native_tuple
        return cls(mask.pixel_centres[rows, cols], mask, over_sample_size, xp=xp)

    @classmethod
    def blurring_grid_from(cls, mask: Mask2D, kernel_shape_native: Tuple[int, int]) -> "Grid2D":
        """Centres of the PSF blurring pixels of ``mask`` (sub size 1, padding allowed)."""
        blurring = mask.derive_mask.blurring_from(kernel_shape_native, allow_padding=True)
        return cls.from_mask(blurring, over_sample_size=1)

    # ------------------------------------------------------------------ over-sampling
    @property
    def over_sampler(self) -> OverSampler:
        """Binning geometry for this grid's mask and sub sizes (built once, then reused)."""
        if self._over_sampler is None:
            self._over_sampler = OverSampler(self.mask, self.over_sample_size)
        return self._over_sampler

    @property
    def over_sampled(self) -> Grid2DIrregular:
        """Sub-pixel coordinates (``[sub_total, 2]``) in slim pixel order."""
        if self._over_sampled is None:
            if self.is_transformed:
                raise exc.GridException(
                    "a transformed Grid2D carries no sub-pixels; over-sample before transforming"
                )
            self._over_sampled = Grid2DIrregular(self.over_sampler.sub_pixel_grid)
        return self._over_sampled

    def apply_over_sampling(self, over_sample_size) -> "Grid2D":
        """The same pixel centres with new sub sizes (over-sampled grid recomputed)."""
        return Grid2D(self._array, self.mask, over_sample_size, xp=self._xp)

    # ------------------------------------------------------------------ representations
    @property
    def slim(self) -> "Grid2D":
        """This grid with a ``[N, 2]`` raw array (unmasked pixels in row-major order)."""
        if not self.store_native:
            return self
        new = self.with_new_array(array_2d_util.slim_from_native(self._array, self.mask))
        new.store_native = False
        return new

    @property
    def native(self) -> "Grid2D":
        """A copy whose raw array is ``[ny, nx, 2]`` (masked pixels 0)."""
        if self.store_native:
            return self
        new = self.with_new_array(array_2d_util.native_from_slim(self._array, self.mask, self._xp))
        new.store_native = True
        return new

    @property
    def in_list(self) -> list:
        return [tuple(p) for p in np.asarray(self._array)]

    # ------------------------------------------------------------------ derived grids
    def subtracted_from(self, offset: Tuple[float, float], xp=np) -> "Grid2D":
        """Coordinates (and sub-pixels) shifted by ``-offset``."""
        offset_arr = xp.asarray(offset)
        return Grid2D(
            self._array - offset_arr,
            self.mask,
            self.over_sample_size,
            over_sampled=Grid2DIrregular(self.over_sampled.array - offset_arr, xp=xp),
            over_sampler=self.over_sampler,
            xp=xp,
        )

    def grid_2d_via_deflection_grid_from(self, deflection_grid) -> "Grid2D":
        """Pixel centres minus deflection angles (sub-pixels are not traced here)."""
        return Grid2D(
            self._array - getattr(deflection_grid, "array", deflection_grid),
            self.mask,
            self.over_sample_size,
            xp=self._xp,
        )

    def padded_grid_from(self, kernel_shape_native: Tuple[int, int]) -> "Grid2D":
        """Uniform grid grown by ``k - 1`` pixels per axis; padding pixels use sub size 1."""
        shape = (
            self.shape_native[0] + kernel_shape_native[0] - 1,
            self.shape_native[1] + kernel_shape_native[1] - 1,
        )
        sizes = array_2d_util.resized_array_2d_from(
            np.asarray(self.over_sample_size.native.array), shape, pad_value=1
        )
        sizes[sizes == 0] = 1
        mask = Mask2D.all_false(shape, self.pixel_scales, self.origin)
        return Grid2D.from_mask(mask, over_sample_size=Array2D(sizes, mask))

    def squared_distances_to_coordinate_from(self, coordinate=(0.0, 0.0)) -> Array2D:
        d2 = (self._array[:, 0] - coordinate[0]) ** 2 + (self._array[:, 1] - coordinate[1]) ** 2
        return Array2D(d2, self.mask, xp=self._xp)

    def distances_to_coordinate_from(self, coordinate=(0.0, 0.0)) -> Array2D:
        return self.squared_distances_to_coordinate_from(coordinate).sqrt()

    @property
    def extent(self) -> Tuple[float, float, float, float]:
        """``(x_min, x_max, y_min, y_max)`` of the full array in arc-seconds."""
        ny, nx = self.shape_native
        py, px = self.pixel_scales
        oy, ox = self.origin
        return (ox - nx * px / 2, ox + nx * px / 2, oy - ny * py / 2, oy + ny * py / 2)

    @property
    def scaled_minima(self) -> Tuple[float, float]:
        """``(y_min, x_min)`` of the unmasked pixel centres."""
        values = np.asarray(self.slim._array)
        return float(np.amin(values[:, 0])), float(np.amin(values[:, 1]))

    @property
    def scaled_maxima(self) -> Tuple[float, float]:
        """``(y_max, x_max)`` of the unmasked pixel centres."""
        values = np.asarray(self.slim._array)
        return float(np.amax(values[:, 0])), float(np.amax(values[:, 1]))

    def extent_with_buffer_from(self, buffer: float = 1.0e-8) -> list:
        """``[x_min, x_max, y_min, y_max]`` of the pixel centres widened by ``buffer`` (matplotlib's
        ``extent`` order)."""
        (y_min, x_min), (y_max, x_max) = self.scaled_minima, self.scaled_maxima
        return [x_min - buffer, x_max + buffer, y_min - buffer, y_max + buffer]

    def grid_2d_radial_projected_shape_slim_from(self, centre=(0.0, 0.0)) -> int:
        """Length of :meth:`grid_2d_radial_projected_from` for ``centre``: pixels on the longest
        axis path from ``centre`` to the edge of :attr:`extent`, plus 1."""
        from autoarray.structures.grids import radial_projected

        return radial_projected.radial_projected_shape_slim_from(
            self.extent, centre, self.pixel_scales
        )

    def grid_2d_radial_projected_from(
        self,
        centre: Tuple[float, float] = (0.0, 0.0),
        angle: float = 0.0,
        shape_slim: int = 0,
        remove_projected_centre: bool = False,
    ) -> Grid2DIrregular:
        """(y, x) points stepping by the pixel scale from ``centre`` to the edge of the grid's
        extent, rotated by ``angle`` degrees (``shape_slim > 0`` fixes the number of points;
        ``remove_projected_centre`` drops the first point). See ``radial_projected``."""
        from autoarray.structures.grids import radial_projected

        if not (isinstance(shape_slim, (int, np.integer)) and shape_slim >= 0):
            raise exc.GridException(f"shape_slim must be an integer >= 0, got {shape_slim!r}")
        values = radial_projected.radial_projected_grid_from(
            self.extent, centre, self.pixel_scales, angle=angle, shape_slim=int(shape_slim)
        )
        if remove_projected_centre:
            values = values[1:]
        return Grid2DIrregular(values)

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

    def __repr__(self) -> str:
        return f"Grid2D(shape_native={self.shape_native}, pixels={self.shape_slim})"
