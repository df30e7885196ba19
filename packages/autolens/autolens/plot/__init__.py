"""``autolens.plot`` (``import autolens.plot as aplt``): PyAutoLens's plotting entry points on
matplotlib.

Functions: ``plot_array``, ``plot_grid``, ``subplot_imaging_dataset``, ``subplot_tracer``,
``subplot_fit_imaging``, ``plot_critical_curves``, ``plot_caustics``, ``corner_cornerpy``;
FITS outputs ``fits_array`` / ``fits_imaging``; plotter classes ``ImagingPlotter``,
``TracerPlotter``, ``FitImagingPlotter`` configured by ``MatPlot2D(output=Output(...))``. A call
with an ``output_path`` writes ``<output_path>/<name>.<format>`` atomically; without one the
figure is shown (nothing happens on a non-interactive backend such as Agg).
"""

from autoarray.plot import (
    Cmap,
    ImagingPlotter,
    Include2D,
    MatPlot1D,
    MatPlot2D,
    Output,
    Visuals2D,
    fits_array,
    fits_imaging,
    plot_array,
    plot_grid,
    save_figure,
    subplot_imaging_dataset,
)
from autogalaxy.plot import ModelPlotter, corner_cornerpy
from autolens.plot.critical_curve_plots import plot_caustics, plot_critical_curves
from autolens.plot.fit_imaging_plots import subplot_fit_imaging
from autolens.plot.plotters import FitImagingPlotter, TracerPlotter
from autolens.plot.point_plots import (
    FitPointDatasetPlotter,
    PointDatasetPlotter,
    subplot_fit_point,
    subplot_point_dataset,
)
from autolens.plot.tracer_plots import subplot_tracer

#: PyAutoLens's older name of the dataset subplot.
subplot_imaging = subplot_imaging_dataset

__all__ = [
    "Cmap",
    "FitImagingPlotter",
    "FitPointDatasetPlotter",
    "PointDatasetPlotter",
    "ImagingPlotter",
    "Include2D",
    "MatPlot1D",
    "MatPlot2D",
    "ModelPlotter",
    "Output",
    "Visuals2D",
    "TracerPlotter",
    "corner_cornerpy",
    "fits_array",
    "fits_imaging",
    "plot_array",
    "plot_caustics",
    "plot_critical_curves",
    "plot_grid",
    "save_figure",
    "subplot_fit_imaging",
    "subplot_fit_point",
    "subplot_point_dataset",
    "subplot_imaging",
    "subplot_imaging_dataset",
    "subplot_tracer",
]
