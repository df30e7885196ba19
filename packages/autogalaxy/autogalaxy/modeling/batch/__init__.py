"""Batch fitting of many lenses on Dask distributed (a LocalCluster up to an HPC cluster)."""

from autogalaxy.modeling.batch.cluster import PINNED_THREADS_ENV, connect, local_cluster
from autogalaxy.modeling.batch.datasets import ImagingFolder, folders_in
from autogalaxy.modeling.batch.fit_batch import BatchResult, fit_batch
from autogalaxy.modeling.batch.lens_task import LensTask, run_lens
from autogalaxy.modeling.batch.progress import BatchProgress

__all__ = [
    "BatchProgress",
    "BatchResult",
    "ImagingFolder",
    "LensTask",
    "PINNED_THREADS_ENV",
    "connect",
    "fit_batch",
    "folders_in",
    "local_cluster",
    "run_lens",
]
