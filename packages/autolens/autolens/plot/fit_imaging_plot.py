"""``fit.png`` of a lens fit: the imaging panels plus the source-plane image with caustics."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.imaging.plot import fit_imaging_png


def source_plane_panel_from(fit, shape=(100, 100)):
    """(title, native image, extent, cmap) of the last light plane, evaluated on a uniform
    source-plane grid covering the traced image-plane grid, and the caustics (list of [N, 2])."""
    tracer = fit.tracer_linear_light_profiles_to_light_profiles() if fit.perform_inversion else fit.tracer
    grid = fit._statics.lp_grid
    planes = tracer.planes
    last = tracer.upper_plane_index_with_light_profile
    traced = np.asarray(tracer.traced_grid_2d_list_from(aa.Grid2DIrregular(grid.array))[last].array)
    y0, y1 = traced[:, 0].min(), traced[:, 0].max()
    x0, x1 = traced[:, 1].min(), traced[:, 1].max()
    half = 0.5 * max(y1 - y0, x1 - x0, 1e-3) * 1.05
    cy, cx = 0.5 * (y0 + y1), 0.5 * (x0 + x1)
    pixel = 2.0 * half / shape[0]
    source_grid = aa.Grid2D.uniform(shape, pixel, origin=(cy, cx), over_sample_size=1)
    image = planes[last].image_2d_from(grid=source_grid)
    native = np.asarray(image.native.array)
    extent = (cx - half, cx + half, cy - half, cy + half)
    caustics = []
    if tracer.total_planes > 1:
        try:
            from autogalaxy.operate.lens_calc import LensCalc

            calc = LensCalc.from_tracer(tracer, plane_j=last if last > 0 else -1)
            caustics = [np.asarray(aa.raw_array(c)) for c in calc.tangential_caustic_list_from(grid=grid)]
            caustics += [np.asarray(aa.raw_array(c)) for c in calc.radial_caustic_list_from(grid=grid)]
        except Exception:  # caustics are decoration only
            caustics = []
    return ("Source plane", native, extent, "viridis"), caustics


def fit_png(fit, file_path, title_prefix=None) -> None:
    """Write ``fit.png`` of a lens ``FitImaging`` atomically."""
    panel, caustics = source_plane_panel_from(fit)
    fit_imaging_png(fit, file_path, title_prefix=title_prefix, extra_panels=[panel],
                    overlays={"Source plane": caustics})
