"""``subplot_fit_imaging``: the 3x4 overview of a lens ``FitImaging`` (2x3 for one plane)."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autoarray.plot.mesh_plot import MeshReconstruction, full_bounds_from, zoomed_bounds_from
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


def mesh_reconstructions_from(fit, plane_index: int) -> list:
    """``[(mesh, source-plane mesh grid, reconstruction values), ...]`` of the pixelized
    galaxies of plane ``plane_index`` (empty without an inversion)."""
    planes = getattr(fit, "_pixelized_planes", None)
    if planes is None or not getattr(fit, "perform_inversion", False):
        return []
    pixelized = planes()
    if not pixelized:
        return []
    inversion = fit.inversion
    grids = list(inversion.source_plane_mesh_grid_list)
    reconstruction = np.asarray(aa.raw_array(inversion.reconstruction), dtype=float)
    # Mappers are the last parameters, in the order of ``_pixelized_planes``.
    offset = reconstruction.shape[0] - sum(int(np.shape(g)[0]) for g in grids)
    found = []
    for (j, _, pixelization), grid in zip(pixelized, grids):
        size = int(np.shape(grid)[0])
        if j == plane_index:
            values = reconstruction[offset : offset + size]
            found.append((pixelization.mesh, np.asarray(aa.raw_array(grid), dtype=float), values))
        offset += size
    return found


def _source_plane_panels_from(reconstruction, lines: dict) -> list:
    """The three source-plane panels (zoomed, mid zoom, no zoom) of a mesh reconstruction."""
    mesh, grid, values = reconstruction
    full = full_bounds_from(grid)
    zoomed = zoomed_bounds_from(grid, values)
    mid = tuple(0.5 * (a + b) for a, b in zip(zoomed, full))
    return [
        ("Source Plane (Zoomed)", MeshReconstruction(mesh, grid, values, zoomed), lines),
        ("Source Plane (Mid Zoom)", MeshReconstruction(mesh, grid, values, mid), lines),
        ("Source Plane (No Zoom)", MeshReconstruction(mesh, grid, values, full), lines),
    ]


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
    reconstructions = mesh_reconstructions_from(fit, index)
    if reconstructions:
        # A pixelized source: its reconstruction on its own mesh (the first mapper's).
        zoomed_panel, mid_panel, full_panel = _source_plane_panels_from(
            reconstructions[0], source_lines
        )
    else:
        full_bounds = traced_bounds_from(tracer, grid, index)
        zoomed = zoomed_source_plane_image_from(tracer, grid, index, lines=tangential_c)
        zoomed_panel = ("Source Plane (Zoomed)", zoomed, source_lines)
        mid_panel = (
            "Source Plane (Mid Zoom)",
            _mid_zoom(zoomed, full_bounds, tracer, index),
            source_lines,
        )
        full_panel = (
            "Source Plane (No Zoom)",
            source_plane_image_from(tracer, full_bounds, index),
            source_lines,
        )
    lens_model = _plane_model_image(fit, 0)
    source_model = _plane_model_image(fit, index)
    subtracted = fit.data - lens_model
    source_scale = dict(
        vmin=float(np.min(source_model.array)), vmax=float(np.max(source_model.array))
    )
    data_panels[1] = ("Model Image", fit.model_data, image_lines)
    return [
        *data_panels,
        zoomed_panel,
        ("Lens Light Model Image", lens_model, {}),
        ("Lens Light Subtracted Image", subtracted, dict(source_scale, **image_lines)),
        ("Source Model Image", source_model, dict(source_scale, **image_lines)),
        mid_panel,
        *residual_panels,
        full_panel,
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
