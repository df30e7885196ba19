"""``autoarray.plot``: matplotlib plots and FITS outputs of arrays, grids and imaging datasets.

Matplotlib is imported only when a figure is drawn. Every file is written atomically.
"""

from autoarray.plot.array_plot import plot_array, plot_grid
from autoarray.plot.fits_output import fits_array, fits_imaging
from autoarray.plot.imaging_plots import ImagingPlotter, subplot_imaging_dataset
from autoarray.plot.output import (
    Cmap,
    Include2D,
    MatPlot1D,
    MatPlot2D,
    Output,
    Visuals2D,
    save_figure,
)

__all__ = [
    "Cmap",
    "ImagingPlotter",
    "Include2D",
    "MatPlot1D",
    "MatPlot2D",
    "Output",
    "Visuals2D",
    "fits_array",
    "fits_imaging",
    "plot_array",
    "plot_grid",
    "save_figure",
    "subplot_imaging_dataset",
]
