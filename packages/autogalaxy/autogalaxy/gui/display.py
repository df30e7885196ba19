"""Display helpers of the GUIs: colour stretch, mask edges, scaled -> pixel coordinates.

Display only: nothing here changes which pixels a brush stroke masks.
"""

from __future__ import annotations

import numpy as np

from autogalaxy import exc

#: MAD -> Gaussian sigma.
_MAD_TO_SIGMA = 1.4826


def native_values_of(image) -> np.ndarray:
    """The 2D float values of ``image`` (an ``Array2D`` in any storage, or a 2D array)."""
    native = getattr(image, "native", image)
    values = np.asarray(getattr(native, "array", native), dtype=float)
    if values.ndim != 2:
        raise exc.GalaxyException(
            f"The GUI image must be 2D (an Array2D or a 2D array), got shape {values.shape}."
        )
    return values


def arcsinh_stretched_from(values: np.ndarray, vmin=None, vmax=None) -> np.ndarray:
    """``values`` mapped to [0, 1] by an arcsinh stretch about the sky level.

    The sky is the median and the noise ``1.4826 * MAD`` of the finite pixels, so the stretch is
    linear within about a noise sigma of the sky and logarithmic beyond: faint arcs and a bright
    core are visible together. ``vmin`` / ``vmax`` (data values) default to the 0.5 and 99.5
    percentiles.
    """
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.zeros_like(values)
    low = np.percentile(finite, 0.5) if vmin is None else float(vmin)
    high = np.percentile(finite, 99.5) if vmax is None else float(vmax)
    sky = float(np.median(finite))
    sigma = _MAD_TO_SIGMA * float(np.median(np.abs(finite - sky)))
    if not sigma > 0.0:
        sigma = max(abs(high - low), 1.0) * 1e-3
    lo, hi = np.arcsinh((low - sky) / sigma), np.arcsinh((high - sky) / sigma)
    stretched = np.arcsinh((np.clip(np.nan_to_num(values, nan=sky), low, high) - sky) / sigma)
    if hi <= lo:
        return np.zeros_like(values)
    return (stretched - lo) / (hi - lo)


def edge_pixels_of(unmasked: np.ndarray) -> np.ndarray:
    """``[N, 2]`` (row, column) of the ``unmasked`` pixels with a masked (or off-image) neighbour
    among their 4 neighbours."""
    padded = np.pad(unmasked, 1, constant_values=False)
    interior = (
        padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:] & unmasked
    )
    return np.argwhere(unmasked & ~interior)


def pixels_from_scaled(scaled, shape, pixel_scales, origin=(0.0, 0.0)) -> np.ndarray:
    """Fractional (row, column) of (y, x) arc-second coordinates on a grid of ``shape`` (row 0
    at the top, the image centre at ``origin``)."""
    scaled = np.asarray(scaled, dtype=float).reshape(-1, 2)
    centre_row = (shape[0] - 1) / 2.0
    centre_column = (shape[1] - 1) / 2.0
    rows = centre_row - (scaled[:, 0] - origin[0]) / pixel_scales[0]
    columns = centre_column + (scaled[:, 1] - origin[1]) / pixel_scales[1]
    return np.stack([rows, columns], axis=1)
