"""Batch fitting of a sample of lenses on Dask distributed (``al.fit_batch``) and its command
line, ``python -m autolens.batch JOB_FILE``."""

from __future__ import annotations

from autogalaxy.modeling.batch import BatchProgress, BatchResult, ImagingFolder, folders_in
from autogalaxy.modeling.batch import fit_batch as _fit_batch
from autolens.imaging.analysis import AnalysisImaging


def fit_batch(
    datasets, model, search, analysis_cls: type = AnalysisImaging, client=None, **kwargs
) -> BatchResult:
    """Fit ``model`` to every lens of ``datasets``, one ``search`` per lens as Dask tasks.

    ``autogalaxy.modeling.batch.fit_batch`` with the lens ``AnalysisImaging`` as the default
    analysis; see it for every argument. Each lens writes
    ``<output_path>/<name>/<lens name>/<search name>/`` and a row of the results database.
    """
    return _fit_batch(datasets, model, search, analysis_cls=analysis_cls, client=client, **kwargs)


__all__ = ["BatchProgress", "BatchResult", "ImagingFolder", "fit_batch", "folders_in"]
