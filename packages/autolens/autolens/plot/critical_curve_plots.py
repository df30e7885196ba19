"""``plot_critical_curves`` / ``plot_caustics``: the lensing curves of a tracer on their own."""

from __future__ import annotations

from typing import Sequence

from autoarray.plot.array_plot import FIGSIZE, draw_array, draw_lines
from autoarray.plot.output import pyplot, save_figure
from autolens.plot.lensing_lines import caustics_from, critical_curves_from

#: Colours of successive planes' curves.
PLANE_COLORS = ("k", "r", "b", "g", "m", "c")


def _curves_figure(
    ax, tracer, grid, plane_indices, include_radial, linewidth, title, caustics, image=None
):
    indices = list(plane_indices) if plane_indices is not None else [tracer.total_planes - 1]
    if image is not None:
        draw_array(ax, image, title=title)
    for k, index in enumerate(indices):
        tangential, radial = critical_curves_from(tracer, grid, index)
        if caustics:
            tangential, radial = caustics_from(tracer, grid, index, (tangential, radial))
        lines = tangential + (radial if include_radial else [])
        draw_lines(
            ax, lines, default_color=PLANE_COLORS[k % len(PLANE_COLORS)], linewidth=linewidth
        )
    if image is None:
        ax.set_aspect("equal", adjustable="datalim")
    ax.set_xlabel('x (")')
    ax.set_ylabel('y (")')
    ax.set_title(title)


def plot_critical_curves(
    tracer,
    grid,
    image=None,
    pixel_scales=None,
    plane_indices: Sequence[int] | None = None,
    include_radial: bool = False,
    linewidth: float = 2.0,
    ax=None,
    title: str = "Multi-Plane Critical Curves",
    output_path=None,
    output_filename: str = "cluster_critical_curves",
    output_format=None,
):
    """Critical curves of the lensing to each plane in ``plane_indices`` (default: the last),
    optionally over ``image``; returns the written paths."""
    own = ax is None
    fig = None
    if own:
        fig = pyplot().figure(figsize=FIGSIZE)
        ax = fig.add_subplot(1, 1, 1)
    _curves_figure(
        ax,
        tracer,
        grid,
        plane_indices,
        include_radial,
        linewidth,
        title,
        caustics=False,
        image=image,
    )
    return save_figure(fig, output_path, output_filename, output_format) if own else []


def plot_caustics(
    tracer,
    grid,
    plane_indices: Sequence[int] | None = None,
    include_radial: bool = True,
    linewidth: float = 2.0,
    ax=None,
    title: str = "Multi-Plane Caustics",
    output_path=None,
    output_filename: str = "cluster_caustics",
    output_format=None,
):
    """Caustics in each plane of ``plane_indices`` (default: the last); returns the written
    paths."""
    own = ax is None
    fig = None
    if own:
        fig = pyplot().figure(figsize=FIGSIZE)
        ax = fig.add_subplot(1, 1, 1)
    _curves_figure(ax, tracer, grid, plane_indices, include_radial, linewidth, title, caustics=True)
    return save_figure(fig, output_path, output_filename, output_format) if own else []
