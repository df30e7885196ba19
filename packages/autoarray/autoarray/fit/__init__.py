"""Fits of model data to datasets."""

from autoarray.fit import fit_util
from autoarray.fit.fit_imaging import FitImaging

__all__ = ["FitImaging", "fit_util"]
