"""``autogalaxy.plot``: the plots of ``autoarray.plot`` plus galaxy fits, corner plots of
search samples and the model-structure figure (matplotlib, imported only when drawing)."""

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
from autogalaxy.plot.corner_plot import corner_cornerpy
from autogalaxy.plot.fit_imaging_plots import subplot_fit_imaging
from autogalaxy.plot.model_plotter import ModelPlotter

__all__ = [
    "Cmap",
    "ImagingPlotter",
    "Include2D",
    "MatPlot1D",
    "MatPlot2D",
    "ModelPlotter",
    "Output",
    "Visuals2D",
    "corner_cornerpy",
    "fits_array",
    "fits_imaging",
    "plot_array",
    "plot_grid",
    "save_figure",
    "subplot_fit_imaging",
    "subplot_imaging_dataset",
]
