"""``Hilbert(pixels, weight_power, weight_floor)``: mesh points drawn along a Hilbert curve.

The release's algorithm (facts reproduced so the points are the same):

1. A generalised Hilbert ("gilbert") curve visits every cell of a ``193 x 193`` grid; cell
   ``(i, j)`` becomes ``(y, x) = (2 R (j / 193 − 1/2), 2 R (i / 193 − 1/2))`` with ``R`` the
   mask's ``circular_radius``; points farther than ``R`` from the origin are dropped and the
   rest shifted by the mask centre (so the mask must be circular).
2. The adapt image (native, zero where masked) is linearly interpolated onto those points
   (``scipy.interpolate.griddata`` on the image's uniform pixel centres about the origin,
   zero outside their hull) and turned into weights (``weight_power`` / ``weight_floor``),
   normalised to sum to one.
3. ``pixels`` points are drawn by inverting the cumulative weights along the curve at
   ``linspace(0, 0.99999999, pixels)`` (CDF with its first entry set to zero), interpolating
   linearly between consecutive curve points.

Consecutive curve points are spatial neighbours, so evenly spaced CDF draws cluster where the
adapt image is bright and stay spread elsewhere, deterministically.
"""

from __future__ import annotations

from typing import List, Tuple

import numpy as np

import autoarray as aa
from autoarray import exc
from autoarray.geometry import geometry_util
from autoarray.inversion.image_mesh.weighted import AbstractImageMeshWeighted

#: Cells per side of the curve's grid (the release's value).
HILBERT_LENGTH = 193


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def _fill(x, y, ax, ay, bx, by, out: List[Tuple[int, int]]) -> None:
    """Append the cells of the rectangle spanned from ``(x, y)`` by the major axis ``(ax, ay)``
    and the minor axis ``(bx, by)``, in generalised-Hilbert order (Červený's gilbert rules)."""
    width, height = abs(ax + ay), abs(bx + by)
    dax, day = _sign(ax), _sign(ay)
    dbx, dby = _sign(bx), _sign(by)
    if height == 1:
        out.extend((x + i * dax, y + i * day) for i in range(width))
        return
    if width == 1:
        out.extend((x + i * dbx, y + i * dby) for i in range(height))
        return
    # Floor division on purpose: halves of negative axes round towards minus infinity.
    ax2, ay2 = ax // 2, ay // 2
    bx2, by2 = bx // 2, by // 2
    if 2 * width > 3 * height:
        # A long rectangle is cut in two along its major axis (preferring an even first half).
        if abs(ax2 + ay2) % 2 and width > 2:
            ax2, ay2 = ax2 + dax, ay2 + day
        _fill(x, y, ax2, ay2, bx, by, out)
        _fill(x + ax2, y + ay2, ax - ax2, ay - ay2, bx, by, out)
        return
    # Otherwise: up the first half of the minor axis, along the whole major axis, back down.
    if abs(bx2 + by2) % 2 and height > 2:
        bx2, by2 = bx2 + dbx, by2 + dby
    _fill(x, y, bx2, by2, ax2, ay2, out)
    _fill(x + bx2, y + by2, ax, ay, bx - bx2, by - by2, out)
    _fill(
        x + (ax - dax) + (bx2 - dbx),
        y + (ay - day) + (by2 - dby),
        -bx2,
        -by2,
        -(ax - ax2),
        -(ay - ay2),
        out,
    )


def gilbert_order_from(width: int, height: int) -> np.ndarray:
    """``[width · height, 2]`` integer ``(x, y)`` cells of a ``width x height`` grid in
    generalised-Hilbert order (consecutive cells share an edge)."""
    out: List[Tuple[int, int]] = []
    if width >= height:
        _fill(0, 0, width, 0, 0, height, out)
    else:
        _fill(0, 0, 0, height, width, 0, out)
    return np.asarray(out, dtype=int)


def hilbert_grid_from(length: int, radius: float, centre=(0.0, 0.0)) -> np.ndarray:
    """``[M, 2]`` ``(y, x)`` curve points within ``radius`` of the origin, shifted by ``centre``."""
    cells = gilbert_order_from(length, length).astype(float)
    x = (cells[:, 0] / length - 0.5) * 2.0 * radius
    y = (cells[:, 1] / length - 0.5) * 2.0 * radius
    grid = np.stack([y, x], axis=-1)
    keep = np.sqrt(grid[:, 0] ** 2 + grid[:, 1] ** 2) <= radius
    return grid[keep] + np.asarray(centre, dtype=float)


def native_adapt_image_from(mask, adapt_data) -> np.ndarray:
    """The adapt image on the mask's native grid (zero in masked pixels)."""
    native = getattr(adapt_data, "native", None)
    if native is not None:
        return np.asarray(getattr(native, "array", native), dtype=float)
    values = np.asarray(getattr(adapt_data, "array", adapt_data), dtype=float)
    mask_array = np.asarray(mask.array, dtype=bool)
    if values.shape == mask_array.shape:
        return np.where(mask_array, 0.0, values)
    if values.ndim == 1 and values.shape[0] == int(np.sum(~mask_array)):
        image = np.zeros(mask_array.shape)
        image[~mask_array] = values
        return image
    raise exc.PixelizationException(
        f"adapt_data of shape {values.shape} matches neither the mask's native shape "
        f"{mask_array.shape} nor its {int(np.sum(~mask_array))} unmasked pixels."
    )


def cdf_draws_from(probabilities: np.ndarray, samples: int, grid: np.ndarray) -> np.ndarray:
    """``[samples, 2]`` points at evenly spaced quantiles of ``probabilities`` along ``grid``."""
    from scipy.interpolate import interp1d

    cdf = np.cumsum(probabilities)
    cdf[0] = 0.0
    index = np.arange(probabilities.shape[0])
    # interp1d (not np.interp): it resolves runs of equal CDF values (zero weights) the same
    # way as the release does.
    positions = interp1d(cdf, index, kind="linear")(np.linspace(0.0, 0.99999999, int(samples)))
    y = interp1d(index, grid[:, 0], kind="linear")(positions)
    x = interp1d(index, grid[:, 1], kind="linear")(positions)
    return np.stack([y, x], axis=-1)


class Hilbert(AbstractImageMeshWeighted):
    """``pixels`` mesh points clustered on the adapt image along a Hilbert curve (circular
    masks only). See the module docstring for the algorithm."""

    def image_plane_mesh_grid_from(self, mask, adapt_data=None) -> aa.Grid2DIrregular:
        self._require_adapt_data(adapt_data)
        if not mask.is_circular:
            raise exc.PixelizationException(
                "The Hilbert image mesh needs a circular mask (Mask2D.circular); the unmasked "
                "pixels of this mask do not form a filled disc."
            )
        from scipy.interpolate import griddata

        curve = hilbert_grid_from(HILBERT_LENGTH, mask.circular_radius, mask.mask_centre)
        image = native_adapt_image_from(mask, adapt_data)
        # The release samples the image on a square grid about the origin, sized by its rows.
        side = image.shape[0]
        if image.shape != (side, side):
            raise exc.PixelizationException(
                f"The Hilbert image mesh needs a square adapt image, got shape {image.shape}."
            )
        centres = geometry_util.pixel_centres_from((side, side), mask.pixel_scales)
        values = griddata(
            points=centres.reshape(-1, 2),
            values=image.ravel(),
            xi=curve,
            fill_value=0.0,
            method="linear",
        )
        weights = self.weight_map_from(values)
        weights = weights / np.sum(weights)
        return aa.Grid2DIrregular(values=cdf_draws_from(weights, self.pixels, curve))
