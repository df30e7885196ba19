"""``subplot_tracer``: the 3x3 overview of a ``Tracer`` on an image-plane grid."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autoarray import exc
from autoarray.plot.array_plot import draw_array
from autoarray.plot.imaging_plots import finish_subplots, subplot_figure
from autoarray.plot.output import save_figure
from autogalaxy.operate.lens_calc import LensCalc
from autolens.plot.lensing_lines import (
    caustics_from,
    critical_curves_from,
    zoomed_source_plane_image_from,
)


def _uniform_grid(grid) -> aa.Grid2D:
    if not isinstance(grid, aa.Grid2D):
        raise exc.PlottingException(
            f"tracer plots need a uniform Grid2D (al.Grid2D.uniform or a dataset's grid), got "
            f"{type(grid).__name__}"
        )
    return grid


def on_grid(values, grid: aa.Grid2D) -> aa.Array2D:
    """Any per-pixel result on ``grid`` as an ``Array2D`` (raw arrays are wrapped)."""
    if isinstance(values, aa.Array2D):
        return values
    return aa.Array2D(np.asarray(aa.raw_array(values), dtype=float).reshape(-1), grid.mask)


def tracer_arrays_from(tracer, grid) -> dict:
    """Name -> ``Array2D`` of every quantity the tracer plots show."""
    grid = _uniform_grid(grid)
    images = tracer.image_2d_list_from(grid=grid)
    deflections = np.asarray(
        aa.raw_array(tracer.deflections_yx_2d_from(grid=grid)), dtype=float
    ).reshape(-1, 2)
    arrays = {
        "image": on_grid(tracer.image_2d_from(grid=grid), grid),
        "lens_image": on_grid(images[0], grid),
        "source_image": on_grid(images[-1], grid),
        "convergence": on_grid(tracer.convergence_2d_from(grid=grid), grid),
        "potential": on_grid(tracer.potential_2d_from(grid=grid), grid),
        "deflections_y": on_grid(deflections[:, 0], grid),
        "deflections_x": on_grid(deflections[:, 1], grid),
    }
    unit = aa.Grid2D.from_mask(grid.mask, over_sample_size=1)
    arrays["magnification"] = on_grid(
        LensCalc.from_tracer(tracer).magnification_2d_from(grid=unit), grid
    )
    return arrays


def tracer_figure(
    tracer,
    grid,
    colormap=None,
    use_log10: bool = False,
    positions=None,
    image_plane_lines=None,
    image_plane_line_colors=None,
    source_plane_lines=None,
    source_plane_line_colors=None,
    title_prefix: str | None = None,
):
    """The 3x3 tracer figure (not yet saved)."""
    arrays = tracer_arrays_from(tracer, grid)
    tangential, radial = critical_curves_from(tracer, grid)
    critical = image_plane_lines if image_plane_lines is not None else tangential + radial
    tangential_c, radial_c = caustics_from(tracer, grid, critical_curves=(tangential, radial))
    caustics = source_plane_lines if source_plane_lines is not None else tangential_c + radial_c
    source_plane = zoomed_source_plane_image_from(tracer, grid, lines=tangential_c)
    prefix = f"{title_prefix} " if title_prefix else ""
    image_lines = dict(lines=critical, line_colors=image_plane_line_colors)
    panels = [
        ("Image", arrays["image"], use_log10, dict(image_lines, positions=positions)),
        ("Source Galaxy Image", arrays["source_image"], use_log10, {}),
        (
            "Source Plane Image",
            source_plane,
            use_log10,
            dict(lines=caustics, line_colors=source_plane_line_colors),
        ),
        ("Lens Galaxy Image (log10)", arrays["lens_image"], True, {}),
        ("Convergence (log10)", arrays["convergence"], True, image_lines),
        ("Potential", arrays["potential"], False, image_lines),
        ("Deflections Y", arrays["deflections_y"], False, image_lines),
        ("Deflections X", arrays["deflections_x"], False, image_lines),
        ("Magnification", arrays["magnification"], False, dict(image_lines, symmetric=True)),
    ]
    fig = subplot_figure(3, 3)
    for k, (title, array, log10, overlays) in enumerate(panels):
        draw_array(
            fig.add_subplot(3, 3, k + 1),
            array,
            title=prefix + title,
            colormap=colormap,
            use_log10=log10,
            **overlays,
        )
    finish_subplots(fig)
    return fig


def subplot_tracer(
    tracer,
    grid,
    output_path=None,
    output_format=None,
    colormap=None,
    use_log10: bool = False,
    positions=None,
    image_plane_lines=None,
    image_plane_line_colors=None,
    source_plane_lines=None,
    source_plane_line_colors=None,
    title_prefix: str | None = None,
    output_filename: str = "tracer",
):
    """3x3 subplot of a tracer: image with critical curves, the lensed source, the source plane
    with caustics, the lens light (log10), convergence (log10), potential, deflections (y, x)
    and magnification, shown or written to ``output_path/tracer.<format>``. Returns the written
    paths."""
    fig = tracer_figure(
        tracer,
        grid,
        colormap=colormap,
        use_log10=use_log10,
        positions=positions,
        image_plane_lines=image_plane_lines,
        image_plane_line_colors=image_plane_line_colors,
        source_plane_lines=source_plane_lines,
        source_plane_line_colors=source_plane_line_colors,
        title_prefix=title_prefix,
    )
    return save_figure(fig, output_path, output_filename, output_format)
