"""``subplot_fit_imaging``: the 3x4 overview of a lens ``FitImaging`` (2x3 for one plane)."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autoarray.plot.output import save_figure
from autogalaxy.plot.fit_imaging_plots import data_panels_from, panels_figure, residual_panels_from
from autolens.plot.lensing_lines import (
    caustics_from,
    critical_curves_from,
    plane_index_from,
    source_plane_image_from,
    traced_bounds_from,
    zoomed_source_plane_image_from,
)


def _light_tracer(fit):
    """The fit's tracer with solved linear light profiles turned into ordinary ones, so source
    planes can be drawn at any resolution."""
    if getattr(fit, "perform_inversion", False):
        return fit.tracer_linear_light_profiles_to_light_profiles
    return fit.tracer


def _plane_model_image(fit, index: int):
    image = fit.model_images_of_planes_list[index]
    if image is None:
        return aa.Array2D(np.zeros(fit.mask.pixels_in_mask), fit.mask)
    return image


def _mid_zoom(zoomed: aa.Array2D, full: tuple, tracer, index) -> aa.Array2D:
    """A square twice as wide as the zoomed source plane, shrunk to fit inside the full one."""
    y0, y1, x0, x1 = full
    centres = zoomed.mask.pixel_centres
    cy, cx = float(centres[..., 0].mean()), float(centres[..., 1].mean())
    half = min(np.ptp(centres[..., 0]), 0.5 * max(y1 - y0, x1 - x0))
    return source_plane_image_from(tracer, (cy - half, cy + half, cx - half, cx + half), index)


def fit_panels_from(
    fit,
    plane_index: int | None = None,
    image_plane_lines=None,
    image_plane_line_colors=None,
    source_plane_lines=None,
    source_plane_line_colors=None,
) -> list:
    """``[(title, array, draw_array keywords), ...]`` of the fit subplot's panels."""
    tracer = _light_tracer(fit)
    grid = fit.dataset.grids.lp
    data_panels = data_panels_from(fit)
    residual_panels = residual_panels_from(fit)
    if tracer.total_planes < 2:
        return data_panels + residual_panels
    index = plane_index_from(tracer, plane_index)
    tangential, radial = critical_curves_from(tracer, grid, index)
    critical = image_plane_lines if image_plane_lines is not None else tangential + radial
    tangential_c, radial_c = caustics_from(tracer, grid, index, (tangential, radial))
    caustics = source_plane_lines if source_plane_lines is not None else tangential_c + radial_c
    image_lines = dict(lines=critical, line_colors=image_plane_line_colors)
    source_lines = dict(lines=caustics, line_colors=source_plane_line_colors)
    full_bounds = traced_bounds_from(tracer, grid, index)
    zoomed = zoomed_source_plane_image_from(tracer, grid, index, lines=tangential_c)
    lens_model = _plane_model_image(fit, 0)
    source_model = _plane_model_image(fit, index)
    subtracted = fit.data - lens_model
    source_scale = dict(
        vmin=float(np.min(source_model.array)), vmax=float(np.max(source_model.array))
    )
    data_panels[1] = ("Model Image", fit.model_data, image_lines)
    return [
        *data_panels,
        ("Source Plane (Zoomed)", zoomed, source_lines),
        ("Lens Light Model Image", lens_model, {}),
        ("Lens Light Subtracted Image", subtracted, dict(source_scale, **image_lines)),
        ("Source Model Image", source_model, dict(source_scale, **image_lines)),
        ("Source Plane (Mid Zoom)", _mid_zoom(zoomed, full_bounds, tracer, index), source_lines),
        *residual_panels,
        (
            "Source Plane (No Zoom)",
            source_plane_image_from(tracer, full_bounds, index),
            source_lines,
        ),
    ]


def fit_imaging_figure(
    fit,
    colormap=None,
    plane_index: int | None = None,
    image_plane_lines=None,
    image_plane_line_colors=None,
    source_plane_lines=None,
    source_plane_line_colors=None,
    title_prefix: str | None = None,
):
    """The fit figure (not yet saved): 3x4 panels, or 2x3 for a one-plane tracer."""
    panels = fit_panels_from(
        fit,
        plane_index,
        image_plane_lines,
        image_plane_line_colors,
        source_plane_lines,
        source_plane_line_colors,
    )
    rows, cols = (3, 4) if len(panels) == 12 else (2, 3)
    return panels_figure(fit, panels, rows, cols, colormap=colormap, title_prefix=title_prefix)


def subplot_fit_imaging(
    fit,
    output_path=None,
    output_format=None,
    colormap=None,
    plane_index: int | None = None,
    image_plane_lines=None,
    image_plane_line_colors=None,
    source_plane_lines=None,
    source_plane_line_colors=None,
    title_prefix: str | None = None,
    output_filename: str = "fit",
):
    """Subplot of a lens imaging fit: data, model image (critical curves), signal-to-noise,
    source plane (zoomed, mid and full extent, with caustics), lens light model, lens-subtracted
    image, source model image, normalised residuals (full and ±1σ) and χ², shown or written to
    ``output_path/fit.<format>``. Returns the written paths."""
    fig = fit_imaging_figure(
        fit,
        colormap=colormap,
        plane_index=plane_index,
        image_plane_lines=image_plane_lines,
        image_plane_line_colors=image_plane_line_colors,
        source_plane_lines=source_plane_lines,
        source_plane_line_colors=source_plane_line_colors,
        title_prefix=title_prefix,
    )
    return save_figure(fig, output_path, output_filename, output_format)
