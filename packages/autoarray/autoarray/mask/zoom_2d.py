"""``Zoom2D``: the square region around a mask's unmasked pixels, for plotting zoomed in.

PyAutoArray's ``Zoom2D`` (``mask.zoom``) conventions, reproduced here:

* ``region = [y0, y1, x0, x1]`` (NumPy slice bounds) is the bounding box of the unmasked pixels
  grown along its shorter side, by ``int(difference / 2)`` on both ends, towards a square (it
  stays one pixel short of square when the difference is odd);
* ``centre`` is the centre of the unmasked pixels' bounding box in *pixel* units (row, column),
  ``offset_pixels`` its offset from the array's central pixel and ``offset_scaled`` that offset
  in arc-seconds (+y up, so the row offset changes sign);
* ``extent_from`` is the extent of an unmasked grid of the extracted shape centred at
  ``centre``: the release uses the pixel-unit centre as the scaled origin, kept for parity;
* extraction pads outside the array with 0 (``False`` for a mask: unmasked).
"""

from __future__ import annotations

from typing import List, Tuple

import numpy as np

from autoarray import exc


def extracted_array_2d_from(array: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> np.ndarray:
    """``array[y0:y1, x0:x1]`` where the bounds may lie outside the array (filled with 0)."""
    array = np.asarray(array)
    out = np.zeros((y1 - y0, x1 - x0), dtype=array.dtype)
    ys, ye = max(y0, 0), min(y1, array.shape[0])
    xs, xe = max(x0, 0), min(x1, array.shape[1])
    if ye > ys and xe > xs:
        out[ys - y0 : ye - y0, xs - x0 : xe - x0] = array[ys:ye, xs:xe]
    return out


class Zoom2D:
    """The zoomed region of ``mask`` (a ``Mask2D``) around its unmasked pixels."""

    def __init__(self, mask):
        from autoarray.mask.mask_2d import Mask2D

        if not isinstance(mask, Mask2D):
            raise exc.MaskException(f"Zoom2D needs a Mask2D, got {type(mask).__name__}")
        if mask.pixels_in_mask == 0:
            raise exc.MaskException("Zoom2D needs a mask with at least one unmasked pixel")
        self.mask = mask

    def _bounds(self) -> Tuple[int, int, int, int]:
        rows, cols = self.mask.slim_to_native_tuple
        return int(rows.min()), int(rows.max()), int(cols.min()), int(cols.max())

    @property
    def centre(self) -> Tuple[float, float]:
        """Centre (row, column) of the unmasked pixels' bounding box, in pixels."""
        y0, y1, x0, x1 = self._bounds()
        return (y0 + y1) / 2.0, (x0 + x1) / 2.0

    @property
    def offset_pixels(self) -> Tuple[float, float]:
        """Offset (rows, columns) of :attr:`centre` from the array's central pixel."""
        ny, nx = self.mask.shape_native
        centre = self.centre
        return centre[0] - (ny - 1) / 2.0, centre[1] - (nx - 1) / 2.0

    @property
    def offset_scaled(self) -> Tuple[float, float]:
        """:attr:`offset_pixels` in arc-seconds, ``(y, x)`` with +y up."""
        offset = self.offset_pixels
        return (
            -self.mask.pixel_scales[0] * offset[0],
            self.mask.pixel_scales[1] * offset[1],
        )

    @property
    def region(self) -> List[int]:
        """``[y0, y1, x0, x1]``: the unmasked bounding box grown towards a square."""
        y0, y1, x0, x1 = self._bounds()
        y_length, x_length = y1 - y0, x1 - x0
        if y_length > x_length:
            grow = (y_length - x_length) // 2
            x0, x1 = x0 - grow, x1 + grow
        elif x_length > y_length:
            grow = (x_length - y_length) // 2
            y0, y1 = y0 - grow, y1 + grow
        return [y0, y1 + 1, x0, x1 + 1]

    @property
    def shape_native(self) -> Tuple[int, int]:
        """Shape ``(rows, columns)`` of :attr:`region`."""
        y0, y1, x0, x1 = self.region
        return y1 - y0, x1 - x0

    def _extracted(self, array, buffer: int) -> np.ndarray:
        if not (isinstance(buffer, (int, np.integer)) and buffer >= 0):
            raise exc.MaskException(f"buffer must be an integer >= 0 pixels, got {buffer!r}")
        y0, y1, x0, x1 = self.region
        return extracted_array_2d_from(array, y0 - buffer, y1 + buffer, x0 - buffer, x1 + buffer)

    def extent_from(self, buffer: int = 1) -> Tuple[float, float, float, float]:
        """``(x_min, x_max, y_min, y_max)`` of the region grown by ``buffer`` pixels, about
        :attr:`centre` (see the module note)."""
        ny, nx = self._extracted(self.mask.array, buffer).shape
        py, px = self.mask.pixel_scales
        cy, cx = self.centre
        return (cx - nx * px / 2.0, cx + nx * px / 2.0, cy - ny * py / 2.0, cy + ny * py / 2.0)

    def mask_2d_from(self, buffer: int = 1):
        """The mask cut to the region grown by ``buffer`` pixels (same origin)."""
        from autoarray.mask.mask_2d import Mask2D

        return Mask2D(
            self._extracted(self.mask.array, buffer), self.mask.pixel_scales, self.mask.origin
        )

    def array_2d_from(self, array, buffer: int = 1):
        """``array`` (an ``Array2D`` on this mask's shape) cut to the region grown by ``buffer``
        pixels, in native form, on the cut mask with its origin at the unmasked centre."""
        from autoarray.mask.mask_2d import Mask2D
        from autoarray.structures.arrays.uniform_2d import Array2D

        if tuple(array.shape_native) != tuple(self.mask.shape_native):
            raise exc.ArrayException(
                f"array shape {array.shape_native} does not match the mask's "
                f"{self.mask.shape_native}"
            )
        values = self._extracted(np.asarray(array.native.array), buffer)
        mask = Mask2D(
            self._extracted(self.mask.array, buffer), array.pixel_scales, array.mask.mask_centre
        )
        return Array2D(values, mask, header=array.header).native
