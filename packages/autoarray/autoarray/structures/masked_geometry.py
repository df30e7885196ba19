"""The geometry a masked structure reads from its mask (1-D and 2-D arrays and grids)."""

from __future__ import annotations

from typing import Any


class MaskedGeometry:
    """Mixin of the uniform arrays and grids: their shape, pixel scales and origin are the
    mask's (one definition for ``Array1D``, ``Array2D``, ``Grid1D`` and ``Grid2D``)."""

    mask: Any

    @property
    def shape_native(self) -> tuple:
        return self.mask.shape_native

    @property
    def shape_slim(self):
        """``pixels_in_mask`` (an int in 2-D, a 1-tuple in 1-D, as the mask gives it)."""
        return self.mask.shape_slim

    @property
    def pixel_scales(self) -> tuple:
        return self.mask.pixel_scales

    @property
    def pixel_scale(self) -> float:
        """The single pixel scale of square pixels (PyAutoArray's name; the mask checks squareness)."""
        return self.mask.pixel_scale

    @property
    def origin(self) -> tuple:
        return self.mask.origin
