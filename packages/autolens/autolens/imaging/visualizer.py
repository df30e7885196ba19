"""``VisualizerImaging``: the images a search writes into its output folder during a lens fit.

``visualize_before_fit`` writes the dataset (``image/dataset.png`` and ``image/dataset.fits``);
``visualize`` writes ``fit.png`` at the top of the folder (the file a user watches during a fit)
and, unless ``quick_update``, ``image/fit.png`` and ``image/tracer.png`` of the maximum-likelihood
model. Every file is written atomically (temporary file + rename), so a reader never sees a
half-written image. These are the same figures ``aplt.subplot_imaging_dataset``,
``aplt.subplot_fit_imaging`` and ``aplt.subplot_tracer`` draw.
"""

from __future__ import annotations

from pathlib import Path
from typing import List

IMAGE_FOLDER = "image"


class VisualizerImaging:
    """Writes the visual outputs of an ``AnalysisImaging`` (NumPy fits, whatever its backend)."""

    @staticmethod
    def visualize_before_fit(analysis, output_dir, model=None) -> List[Path]:
        """``image/dataset.png`` and ``image/dataset.fits`` of the analysis's dataset."""
        from autoarray.plot import fits_imaging, subplot_imaging_dataset

        folder = Path(output_dir) / IMAGE_FOLDER
        written = subplot_imaging_dataset(
            analysis.dataset,
            output_path=folder,
            output_filename="dataset",
            output_format="png",
            title_prefix=analysis.title_prefix,
        )
        fits_imaging(analysis.dataset, file_path=folder / "dataset.fits", overwrite=True)
        return written + [folder / "dataset.fits"]

    @staticmethod
    def visualize(analysis, output_dir, instance, quick_update: bool = False) -> List[Path]:
        """``fit.png`` of ``instance``; with ``quick_update=False`` also ``image/fit.png`` and
        ``image/tracer.png``. Returns the written paths."""
        from autolens.plot.fit_imaging_plots import subplot_fit_imaging
        from autolens.plot.tracer_plots import subplot_tracer

        fit = analysis._numpy_fit_from(instance)
        prefix = analysis.title_prefix
        written = subplot_fit_imaging(
            fit, output_path=Path(output_dir), output_format="png", title_prefix=prefix
        )
        if quick_update:
            return written
        folder = Path(output_dir) / IMAGE_FOLDER
        written += subplot_fit_imaging(
            fit, output_path=folder, output_format="png", title_prefix=prefix
        )
        tracer = (
            fit.tracer_linear_light_profiles_to_light_profiles
            if getattr(fit, "perform_inversion", False)
            else fit.tracer
        )
        written += subplot_tracer(
            tracer,
            analysis.dataset.grids.lp,
            output_path=folder,
            output_format="png",
            title_prefix=prefix,
        )
        return written
