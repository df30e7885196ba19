"""``aplt`` entry points of point-source datasets and fits (PyAutoLens names).

Functions ``subplot_fit_point(fit, output_path, output_format)`` (``fit.<format>``) and
``subplot_point_dataset(dataset, output_path, output_format)`` (``dataset_point.<format>``),
and the plotter classes ``FitPointDatasetPlotter`` / ``PointDatasetPlotter`` configured by
``MatPlot2D(output=Output(...))``. Figures: :mod:`autolens.point.plot`.
"""

from __future__ import annotations

from autoarray.plot.output import MatPlot2D, save_figure
from autoarray.plot.plotter import AbstractPlotter
from autolens.point.plot import dataset_point_figure, fit_point_figure


def subplot_fit_point(
    fit,
    output_path=None,
    output_format=None,
    title_prefix: str | None = None,
    solver=None,
    output_filename: str = "fit",
) -> list:
    """Image plane (observed and model positions over the critical curves) and source plane
    (caustics, model source, observed positions traced back) of a ``FitPointDataset``, shown or
    written to ``output_path/fit.<format>``. Returns the written paths."""
    figure = fit_point_figure(fit, solver=solver, title_prefix=title_prefix)
    return save_figure(figure, output_path, output_filename, output_format)


def subplot_point_dataset(
    dataset,
    output_path=None,
    output_format=None,
    title_prefix: str | None = None,
    solver=None,
    tracer=None,
    output_filename: str = "dataset_point",
) -> list:
    """The positions of a ``PointDataset`` with their noise (and, given a ``tracer``, its
    critical curves), shown or written to ``output_path/dataset_point.<format>``."""
    figure = dataset_point_figure(dataset, solver=solver, tracer=tracer, title_prefix=title_prefix)
    return save_figure(figure, output_path, output_filename, output_format)


class FitPointDatasetPlotter(AbstractPlotter):
    """Plots of a ``FitPointDataset`` (``subplot_fit`` → ``subplot_fit_point.<format>``)."""

    def __init__(
        self,
        fit,
        mat_plot_2d: MatPlot2D | None = None,
        include_2d=None,
        visuals_2d=None,
        **kwargs,
    ):
        super().__init__(mat_plot_2d, include_2d, visuals_2d)
        self.fit = fit

    def subplot_fit(self) -> list:
        figure = fit_point_figure(self.fit)
        return self.mat_plot_2d.output.to_figure(figure, "subplot_fit_point")

    subplot = subplot_fit


class PointDatasetPlotter(AbstractPlotter):
    """Plots of a ``PointDataset`` (``subplot_dataset`` → ``subplot_dataset_point.<format>``)."""

    def __init__(
        self,
        dataset,
        mat_plot_2d: MatPlot2D | None = None,
        include_2d=None,
        visuals_2d=None,
        tracer=None,
        **kwargs,
    ):
        super().__init__(mat_plot_2d, include_2d, visuals_2d)
        self.dataset = dataset
        self.tracer = tracer

    def subplot_dataset(self) -> list:
        figure = dataset_point_figure(self.dataset, tracer=self.tracer)
        return self.mat_plot_2d.output.to_figure(figure, "subplot_dataset_point")

    subplot = subplot_dataset
