"""Datasets: imaging data, noise map and PSF; simulation; FITS helpers."""

from autoarray.dataset.dataset_model import DatasetModel
from autoarray.dataset.imaging import GridsDataset, Imaging
from autoarray.dataset.simulator import SimulatorImaging

__all__ = ["DatasetModel", "GridsDataset", "Imaging", "SimulatorImaging"]
