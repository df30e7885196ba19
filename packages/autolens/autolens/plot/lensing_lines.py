"""Critical curves, caustics and source-plane images drawn over lensing plots.

Critical curves are the zero contours of the tangential / radial eigenvalues of the lensing
Jacobian (``LensCalc.tangential_critical_curve_list_from`` …), contoured on a uniform grid over
the plotted region; caustics are those curves ray-traced to the source plane.
"""

from __future__ import annotations

from typing import List, Tuple

import numpy as np

import autoarray as aa
from autoarray import exc
from autogalaxy.operate.lens_calc import LensCalc

#: Finest contouring step (arc-seconds) of critical curves: a coarser data pixel is refined to it.
CURVE_PIXEL_SCALE = 0.05
#: Side (pixels) of the uniform source-plane grid an image is evaluated on.
SOURCE_PLANE_SHAPE = (100, 100)


def plane_index_from(tracer, plane_index: int | None) -> int:
    last = tracer.total_planes - 1
    index = (
        last
        if plane_index is None
        else (plane_index if plane_index >= 0 else last + 1 + plane_index)
    )
    if not 0 <= index <= last:
        raise exc.PlottingException(
            f"plane_index {plane_index} is outside the tracer's {tracer.total_planes} planes"
        )
    return index


def _lens_calc(tracer, plane_index: int | None) -> LensCalc | None:
    """LensCalc from the image plane to ``plane_index`` (``None`` for a one-plane tracer)."""
    if tracer.total_planes < 2:
        return None
    index = plane_index_from(tracer, plane_index)
    if index == 0:
        return None
    return LensCalc.from_tracer(tracer, plane_j=index)


def _pixel_scale(grid) -> float:
    scales = getattr(getattr(grid, "mask", None), "pixel_scales", None)
    return min(CURVE_PIXEL_SCALE, float(min(scales))) if scales else CURVE_PIXEL_SCALE


def _arrays(curves) -> List[np.ndarray]:
    return [np.asarray(aa.raw_array(curve), dtype=float).reshape(-1, 2) for curve in curves]


def critical_curves_from(
    tracer, grid, plane_index: int | None = None
) -> Tuple[List[np.ndarray], List[np.ndarray]]:
    """(tangential, radial) critical curves of the lensing to ``plane_index`` (default: the
    last plane) over the region of ``grid``, each a list of ``(N, 2)`` (y, x) arrays."""
    calc = _lens_calc(tracer, plane_index)
    if calc is None:
        return [], []
    scale = _pixel_scale(grid)
    return (
        _arrays(calc.tangential_critical_curve_list_from(grid, pixel_scale=scale)),
        _arrays(calc.radial_critical_curve_list_from(grid, pixel_scale=scale)),
    )


def caustics_from(
    tracer, grid, plane_index: int | None = None, critical_curves=None
) -> Tuple[List[np.ndarray], List[np.ndarray]]:
    """(tangential, radial) caustics in plane ``plane_index`` (default: the last): the critical
    curves (computed unless given as ``(tangential, radial)``) ray-traced to that plane."""
    if critical_curves is None:
        critical_curves = critical_curves_from(tracer, grid, plane_index)
    index = plane_index_from(tracer, plane_index)
    tangential, radial = (
        [_traced(tracer, curve, index) for curve in curves] for curves in critical_curves
    )
    return tangential, radial


def _traced(tracer, points: np.ndarray, index: int) -> np.ndarray:
    traced = tracer.traced_grid_2d_list_from(aa.Grid2DIrregular(points))[index]
    return np.asarray(aa.raw_array(traced), dtype=float).reshape(-1, 2)


def traced_bounds_from(tracer, grid, plane_index: int | None = None) -> tuple:
    """(y0, y1, x0, x1) of ``grid`` ray-traced to plane ``plane_index``."""
    index = plane_index_from(tracer, plane_index)
    points = aa.Grid2DIrregular(np.asarray(aa.raw_array(grid), dtype=float).reshape(-1, 2))
    traced = np.asarray(
        aa.raw_array(tracer.traced_grid_2d_list_from(points)[index]), dtype=float
    ).reshape(-1, 2)
    return traced[:, 0].min(), traced[:, 0].max(), traced[:, 1].min(), traced[:, 1].max()


def source_plane_image_from(
    tracer,
    bounds: tuple,
    plane_index: int | None = None,
    shape: Tuple[int, int] = SOURCE_PLANE_SHAPE,
) -> aa.Array2D:
    """Unlensed image of plane ``plane_index`` on a square uniform grid covering ``bounds``
    ``(y0, y1, x0, x1)`` (an ``Array2D`` whose mask carries the source-plane extent)."""
    index = plane_index_from(tracer, plane_index)
    y0, y1, x0, x1 = bounds
    half = 0.5 * max(y1 - y0, x1 - x0, 1.0e-3)
    centre = (0.5 * (y0 + y1), 0.5 * (x0 + x1))
    source_grid = aa.Grid2D.uniform(shape, 2.0 * half / shape[0], origin=centre, over_sample_size=1)
    image = tracer.planes[index].image_2d_from(grid=source_grid)
    return aa.Array2D(np.asarray(aa.raw_array(image), dtype=float), source_grid.mask)


def zoomed_source_plane_image_from(
    tracer, grid, plane_index: int | None = None, lines=(), margin: float = 0.25
) -> aa.Array2D:
    """Source-plane image zoomed on its bright region and the given lines (the tangential
    caustics: a radial caustic can be far larger than the lensed source), with a
    ``margin`` (fraction of the size) on each side, inside the traced extent of ``grid``."""
    full_bounds = traced_bounds_from(tracer, grid, plane_index)
    full = source_plane_image_from(tracer, full_bounds, plane_index)
    y0, y1, x0, x1 = bright_bounds_from(full)
    for line in lines:
        if len(line):
            y0, y1 = min(y0, line[:, 0].min()), max(y1, line[:, 0].max())
            x0, x1 = min(x0, line[:, 1].min()), max(x1, line[:, 1].max())
    pad = margin * max(y1 - y0, x1 - x0)
    return source_plane_image_from(tracer, (y0 - pad, y1 + pad, x0 - pad, x1 + pad), plane_index)


def bright_bounds_from(image: aa.Array2D, fraction: float = 0.05) -> tuple:
    """(y0, y1, x0, x1) of the pixels of ``image`` above ``fraction`` of its peak (one pixel
    margin): the "zoomed" source-plane region."""
    values = np.asarray(image.native.array, dtype=float)
    peak = np.nanmax(values) if np.isfinite(values).any() else 0.0
    centres = image.mask.pixel_centres
    if peak <= 0.0:
        return (
            centres[..., 0].min(),
            centres[..., 0].max(),
            centres[..., 1].min(),
            centres[..., 1].max(),
        )
    rows, cols = np.nonzero(values > fraction * peak)
    py, px = image.mask.pixel_scales
    ys, xs = centres[rows, cols, 0], centres[rows, cols, 1]
    return ys.min() - py, ys.max() + py, xs.min() - px, xs.max() + px
