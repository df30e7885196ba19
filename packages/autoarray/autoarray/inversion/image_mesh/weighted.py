"""The weight map shared by the adaptive image meshes (``Hilbert``, ``KMeans``).

``w = (|a| / max a) ** weight_power``, floored at ``weight_floor``; an adapt image with no
positive value gives uniform weights (so the mesh degrades to uniform sampling, not NaN).
"""

from __future__ import annotations

import numpy as np

from autoarray import exc


class AbstractImageMeshWeighted:
    """An image mesh of ``pixels`` points drawn where an adapt image is bright.

    Parameters
    ----------
    pixels
        Number of mesh points.
    weight_floor
        Minimum weight, so faint regions still receive points.
    weight_power
        Power applied to the normalised adapt image (0 gives uniform weights).
    """

    uses_adapt_images = True

    def __init__(self, pixels: int = 10, weight_floor: float = 0.0, weight_power: float = 0.0):
        if not float(pixels) >= 1.0:
            raise exc.MeshException(f"{type(self).__name__} needs pixels >= 1, got {pixels}.")
        self.pixels = pixels
        self.weight_floor = weight_floor
        self.weight_power = weight_power

    def weight_map_from(self, adapt_data) -> np.ndarray:
        """Weights of the adapt image's values (any shape, NumPy)."""
        values = np.asarray(getattr(adapt_data, "array", adapt_data), dtype=float)
        peak = np.max(values)
        if peak <= 0.0:
            return np.ones_like(values)
        weights = (np.abs(values) / peak) ** self.weight_power
        return np.where(weights < self.weight_floor, self.weight_floor, weights)

    def _require_adapt_data(self, adapt_data):
        if adapt_data is None:
            raise exc.PixelizationException(
                f"{type(self).__name__} image mesh needs adapt_data (an image of the galaxy "
                "whose source it pixelizes, e.g. the data or a previous fit's model image)."
            )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(pixels={self.pixels}, weight_floor={self.weight_floor}, "
            f"weight_power={self.weight_power})"
        )
