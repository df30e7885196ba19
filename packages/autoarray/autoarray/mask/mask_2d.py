"""``Mask2D``: a boolean image mask (``True`` = masked, excluded) with pixel geometry."""

from __future__ import annotations

from functools import cached_property
from typing import List, Tuple

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import AbstractNDArray, raw_array
from autoarray.geometry import geometry_util
from autoarray.geometry.geometry_util import PixelScales


def _is_number(value) -> bool:
    """A real, finite number (not a bool or a string)."""
    import numbers

    return (
        isinstance(value, numbers.Real) and not isinstance(value, bool) and bool(np.isfinite(value))
    )


def _elliptical_radii_from(dy, dx, axis_ratio: float, angle: float):
    """``sqrt(x'^2 + (y'/q)^2)`` of offsets ``(dy, dx)`` rotated by ``angle`` degrees."""
    phi = np.radians(angle)
    x_rot = dx * np.cos(phi) + dy * np.sin(phi)
    y_rot = -dx * np.sin(phi) + dy * np.cos(phi)
    return np.sqrt(x_rot**2 + (y_rot / axis_ratio) ** 2)


class Mask2D(AbstractNDArray):
    """A 2-D boolean mask over a uniform pixel grid; ``True`` pixels are excluded from fits.

    Parameters
    ----------
    mask
        Boolean array ``[ny, nx]`` (lists accepted).
    pixel_scales
        Arc-seconds per pixel, a number or a ``(y, x)`` pair.
    origin
        Scaled ``(y, x)`` coordinate of the array centre.
    invert
        Flip every value before storing.
    """

    # A mask is static geometry: as a pytree it has no children, so it can be passed through
    # jax.jit / vmap even after its cached index arrays and derived helpers have been built.
    __pytree_static__ = (
        "_array",
        "pixel_scales",
        "origin",
        "pixels_in_mask",
        "slim_to_native_tuple",
        "pixel_centres",
        "derive_mask",
        "derive_indexes",
        "derive_grid",
    )

    def __init__(
        self,
        mask,
        pixel_scales: PixelScales,
        origin: Tuple[float, float] = (0.0, 0.0),
        invert: bool = False,
    ):
        values = np.asarray(raw_array(mask))
        if values.ndim != 2:
            raise exc.MaskException(f"a Mask2D must be 2-D, got an array of shape {values.shape}")
        values = values.astype(bool)
        if invert:
            values = ~values
        super().__init__(values)
        self.pixel_scales = geometry_util.convert_pixel_scales(pixel_scales)
        self.origin = (float(origin[0]), float(origin[1]))

    # ------------------------------------------------------------------ factories
    @classmethod
    def all_false(cls, shape_native, pixel_scales, origin=(0.0, 0.0), invert=False) -> "Mask2D":
        """A mask with every pixel unmasked."""
        return cls(np.zeros(shape_native, dtype=bool), pixel_scales, origin, invert)

    @classmethod
    def _distances_from_centre(cls, shape_native, pixel_scales, centre):
        pixel_scales = geometry_util.convert_pixel_scales(pixel_scales)
        # PyAutoArray's arithmetic (centre to pixel units, offsets scaled back), so pixels on a
        # radius boundary fall on the same side as there (an offset mask kept one extra pixel)
        shape_native = tuple(int(n) for n in shape_native)
        central_y, central_x = geometry_util.central_pixel_from(shape_native)
        centre_y = central_y - centre[0] / pixel_scales[0]
        centre_x = central_x + centre[1] / pixel_scales[1]
        rows, cols = np.indices(shape_native, dtype=float)
        dy = (centre_y - rows) * pixel_scales[0]
        dx = (cols - centre_x) * pixel_scales[1]
        return dy, dx, pixel_scales

    @classmethod
    def circular(
        cls,
        shape_native,
        radius: float,
        pixel_scales,
        origin=(0.0, 0.0),
        centre=(0.0, 0.0),
        invert=False,
    ) -> "Mask2D":
        """Unmask pixels whose centre lies strictly within ``radius`` (arc-seconds) of ``centre``
        (measured relative to the array centre)."""
        if not _is_number(radius) or not radius > 0.0:
            raise exc.MaskException(
                f"circular mask radius must be a positive number (arc-seconds), got {radius!r}"
            )
        dy, dx, pixel_scales = cls._distances_from_centre(shape_native, pixel_scales, centre)
        mask = dx**2 + dy**2 >= radius**2
        return cls._non_empty(cls(mask, pixel_scales, origin, invert))

    @classmethod
    def circular_annular(
        cls,
        shape_native,
        inner_radius: float,
        outer_radius: float,
        pixel_scales,
        origin=(0.0, 0.0),
        centre=(0.0, 0.0),
        invert=False,
    ) -> "Mask2D":
        """Unmask pixels with ``inner_radius <= r <= outer_radius`` from ``centre``."""
        if not (
            _is_number(inner_radius)
            and _is_number(outer_radius)
            and 0.0 <= inner_radius < outer_radius
        ):
            raise exc.MaskException(
                f"annulus needs 0 <= inner_radius < outer_radius, got {inner_radius}, {outer_radius}"
            )
        dy, dx, pixel_scales = cls._distances_from_centre(shape_native, pixel_scales, centre)
        r = np.sqrt(dy**2 + dx**2)
        mask = ~((r >= inner_radius) & (r <= outer_radius))
        return cls._non_empty(cls(mask, pixel_scales, origin, invert))

    @classmethod
    def elliptical(
        cls,
        shape_native,
        major_axis_radius: float,
        axis_ratio: float,
        angle: float,
        pixel_scales,
        origin=(0.0, 0.0),
        centre=(0.0, 0.0),
        invert=False,
    ) -> "Mask2D":
        """Unmask pixels inside the ellipse ``sqrt(x'^2 + (y'/q)^2) <= major_axis_radius``,
        ``(y', x')`` rotated by ``angle`` degrees counter-clockwise from +x."""
        if not (major_axis_radius > 0.0 and 0.0 < axis_ratio <= 1.0):
            raise exc.MaskException(
                "elliptical mask needs major_axis_radius > 0 and 0 < axis_ratio <= 1, got "
                f"{major_axis_radius}, {axis_ratio}"
            )
        dy, dx, pixel_scales = cls._distances_from_centre(shape_native, pixel_scales, centre)
        r_ell = _elliptical_radii_from(dy, dx, axis_ratio, angle)
        return cls._non_empty(cls(r_ell > major_axis_radius, pixel_scales, origin, invert))

    @classmethod
    def elliptical_annular(
        cls,
        shape_native,
        inner_major_axis_radius: float,
        inner_axis_ratio: float,
        inner_phi: float,
        outer_major_axis_radius: float,
        outer_axis_ratio: float,
        outer_phi: float,
        pixel_scales,
        origin=(0.0, 0.0),
        centre=(0.0, 0.0),
        invert=False,
    ) -> "Mask2D":
        """Unmask pixels outside (or on) the inner ellipse and inside (or on) the outer one; each
        ellipse as in :meth:`elliptical` (``*_phi`` in degrees counter-clockwise from +x)."""
        for name, radius, q in (
            ("inner", inner_major_axis_radius, inner_axis_ratio),
            ("outer", outer_major_axis_radius, outer_axis_ratio),
        ):
            if not (_is_number(radius) and radius >= 0.0 and _is_number(q) and 0.0 < q <= 1.0):
                raise exc.MaskException(
                    f"elliptical annulus needs {name}_major_axis_radius >= 0 and "
                    f"0 < {name}_axis_ratio <= 1, got {radius}, {q}"
                )
        dy, dx, pixel_scales = cls._distances_from_centre(shape_native, pixel_scales, centre)
        r_inner = _elliptical_radii_from(dy, dx, inner_axis_ratio, inner_phi)
        r_outer = _elliptical_radii_from(dy, dx, outer_axis_ratio, outer_phi)
        unmasked = (r_inner >= inner_major_axis_radius) & (r_outer <= outer_major_axis_radius)
        return cls._non_empty(cls(~unmasked, pixel_scales, origin, invert))

    @classmethod
    def from_pixel_coordinates(
        cls,
        shape_native,
        pixel_coordinates: List[Tuple[int, int]],
        pixel_scales,
        origin=(0.0, 0.0),
        buffer: int = 0,
        invert=False,
    ) -> "Mask2D":
        """All pixels masked except those listed (row, col), dilated by ``buffer`` pixels."""
        mask = np.ones(shape_native, dtype=bool)
        for row, col in pixel_coordinates:
            if not (0 <= row < shape_native[0] and 0 <= col < shape_native[1]):
                raise exc.MaskException(f"pixel {(row, col)} lies outside shape {shape_native}")
            mask[
                max(row - buffer, 0) : row + buffer + 1, max(col - buffer, 0) : col + buffer + 1
            ] = False
        return cls(mask, pixel_scales, origin, invert)

    @classmethod
    def from_fits(
        cls,
        file_path,
        pixel_scales,
        hdu: int = 0,
        origin=(0.0, 0.0),
        resized_mask_shape: Tuple[int, int] | None = None,
        invert: bool = False,
    ) -> "Mask2D":
        """Load a mask from a FITS image (non-zero = masked)."""
        from autoarray.dataset.fits import ndarray_via_fits_from

        mask = cls(ndarray_via_fits_from(file_path, hdu) != 0, pixel_scales, origin, invert)
        if resized_mask_shape is not None:
            mask = mask.resized_from(resized_mask_shape, pad_value=True)
        return mask

    @staticmethod
    def _non_empty(mask: "Mask2D") -> "Mask2D":
        if mask.pixels_in_mask == 0:
            raise exc.MaskException(
                "the mask has no unmasked pixels: enlarge the radius or check the pixel scales"
            )
        return mask

    # ------------------------------------------------------------------ geometry
    @property
    def shape_native(self) -> Tuple[int, int]:
        return tuple(self._array.shape)

    @property
    def native(self) -> "Mask2D":
        return self

    @cached_property
    def pixels_in_mask(self) -> int:
        """Number of unmasked (``False``) pixels."""
        return int(np.size(self._array) - np.count_nonzero(self._array))

    @property
    def shape_slim(self) -> int:
        return self.pixels_in_mask

    @property
    def is_all_false(self) -> bool:
        return self.pixels_in_mask == self._array.size

    @property
    def is_all_true(self) -> bool:
        return self.pixels_in_mask == 0

    @property
    def pixel_scale(self) -> float:
        if self.pixel_scales[0] != self.pixel_scales[1]:
            raise exc.GeometryException("pixel_scale is ambiguous for non-square pixels")
        return self.pixel_scales[0]

    @property
    def pixel_area(self) -> float:
        """Area of one pixel in arc-seconds squared."""
        return self.pixel_scales[0] * self.pixel_scales[1]

    @cached_property
    def slim_to_native_tuple(self) -> Tuple[np.ndarray, np.ndarray]:
        """Row and column indexes of the unmasked pixels, in slim (row-major) order."""
        return np.nonzero(~self._array)

    @cached_property
    def pixel_centres(self) -> np.ndarray:
        """Scaled (y, x) centres of every pixel, ``[ny, nx, 2]``."""
        return geometry_util.pixel_centres_from(self.shape_native, self.pixel_scales, self.origin)

    @property
    def mask_centre(self) -> Tuple[float, float]:
        """Centre of the bounding box of the unmasked pixels (arc-seconds)."""
        rows, cols = self.slim_to_native_tuple
        centres = self.pixel_centres
        y = 0.5 * (centres[rows.min(), 0, 0] + centres[rows.max(), 0, 0])
        x = 0.5 * (centres[0, cols.min(), 1] + centres[0, cols.max(), 1])
        return float(y), float(x)

    @property
    def is_circular(self) -> bool:
        """Whether the unmasked pixels form a filled disc (what ``image_mesh.Hilbert`` needs).

        The release's test: a (nearly) square bounding box with its centre pixel unmasked, and
        at most ``max(2, 10%)`` of pixels differing from the circular mask of the same area
        (radius ``sqrt(N / π)`` pixels) centred on that box."""
        if self.pixel_scales[0] != self.pixel_scales[1]:
            raise exc.MaskException(
                f"is_circular needs square pixels, got pixel_scales {self.pixel_scales}."
            )
        rows, cols = np.nonzero(~self._array)
        if rows.size == 0:
            return False
        y_min, y_max, x_min, x_max = rows.min(), rows.max(), cols.min(), cols.max()
        height, width = y_max - y_min + 1, x_max - x_min + 1
        # Off-grid centres can make the box one pixel taller than wide; tiny boxes may not.
        if abs(height - width) > 1 or (max(height, width) <= 2 and height != width):
            return False
        if self._array[(y_min + y_max) // 2, (x_min + x_max) // 2]:
            return False
        radius_pixels = np.sqrt(rows.size / np.pi)
        ny, nx = self.shape_native
        cy, cx = 0.5 * (y_min + y_max), 0.5 * (x_min + x_max)
        yy, xx = np.ogrid[:ny, :nx]
        expected = (yy - cy) ** 2 + (xx - cx) ** 2 >= radius_pixels**2
        return int(np.sum(self._array != expected)) <= max(2, int(0.1 * rows.size))

    @property
    def circular_radius(self) -> float:
        """Radius (arc-seconds) of a circular mask: half the larger bounding-box side."""
        if not self.is_circular:
            raise exc.MaskException(
                "circular_radius needs a circular mask (Mask2D.circular); this mask's unmasked "
                "pixels do not form a filled disc."
            )
        rows, cols = np.nonzero(~self._array)
        diameter = max(rows.max() - rows.min() + 1, cols.max() - cols.min() + 1)
        return float(diameter * self.pixel_scales[0] / 2.0)

    @property
    def header_dict(self) -> dict:
        return {
            "PIXSCAY": self.pixel_scales[0],
            "PIXSCAX": self.pixel_scales[1],
            "ORIGINY": self.origin[0],
            "ORIGINX": self.origin[1],
        }

    @cached_property
    def derive_mask(self):
        from autoarray.mask.derive_mask import DeriveMask2D

        return DeriveMask2D(self)

    @cached_property
    def derive_indexes(self):
        from autoarray.mask.derive_indexes import DeriveIndexes2D

        return DeriveIndexes2D(self)

    @cached_property
    def derive_grid(self):
        from autoarray.mask.derive_grid import DeriveGrid2D

        return DeriveGrid2D(self)

    @property
    def zoom(self):
        """The ``Zoom2D`` of this mask: the square region around its unmasked pixels."""
        from autoarray.mask.zoom_2d import Zoom2D

        return Zoom2D(self)

    @property
    def shape_native_masked_pixels(self) -> Tuple[int, int]:
        """``(rows, columns)`` of the bounding box of the unmasked pixels."""
        if self.pixels_in_mask == 0:
            raise exc.MaskException("the mask has no unmasked pixels")
        rows, cols = self.slim_to_native_tuple
        return int(rows.max() - rows.min() + 1), int(cols.max() - cols.min() + 1)

    # ------------------------------------------------------------------ transforms
    def resized_from(self, new_shape: Tuple[int, int], pad_value: bool = False) -> "Mask2D":
        """Centre-aligned crop or pad to ``new_shape``; padded pixels take ``pad_value``."""
        from autoarray.structures.arrays.array_2d_util import resized_array_2d_from

        resized = resized_array_2d_from(self._array, new_shape, pad_value=pad_value)
        return Mask2D(resized, self.pixel_scales, self.origin)

    def rescaled_from(self, rescale_factor: float) -> "Mask2D":
        """The mask resampled to ``max(round(shape * rescale_factor), 1)`` pixels per axis.

        Nearest-neighbour resampling of pixel areas (``scipy.ndimage.zoom`` with order 0,
        ``grid_mode=True`` and edge values beyond the border: what ``skimage.transform.rescale``,
        used by PyAutoArray, does to a boolean image), then the outer ring of pixels is masked,
        as in the release, so no unmasked pixel touches the edge."""
        from scipy import ndimage

        if not (_is_number(rescale_factor) and rescale_factor > 0.0):
            raise exc.MaskException(
                f"rescale_factor must be a positive number, got {rescale_factor!r}"
            )
        shape = np.maximum(np.round(np.asarray(self.shape_native) * rescale_factor), 1)
        zoom = shape / np.asarray(self.shape_native)
        rescaled = ndimage.zoom(self._array, zoom, order=0, mode="nearest", grid_mode=True)
        rescaled[[0, -1], :] = True
        rescaled[:, [0, -1]] = True
        return Mask2D(rescaled, self.pixel_scales, self.origin)

    def padded_from(self, pad_width: Tuple[int, int]) -> "Mask2D":
        """Pad ``pad_width[i]`` masked pixels on both sides of axis ``i``."""
        padded = np.pad(
            self._array, ((pad_width[0],) * 2, (pad_width[1],) * 2), constant_values=True
        )
        return Mask2D(padded, self.pixel_scales, self.origin)

    def __repr__(self) -> str:
        return (
            f"Mask2D(shape={self.shape_native}, pixels_in_mask={self.pixels_in_mask}, "
            f"pixel_scales={self.pixel_scales})"
        )
