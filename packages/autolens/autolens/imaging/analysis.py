"""Lens-level imaging analysis: the likelihood of a tracer built from a model instance."""

from __future__ import annotations

import os

from autogalaxy.imaging.analysis import AbstractAnalysisImaging
from autolens.imaging.fit_imaging import FitImaging
from autolens.imaging.result import ResultImaging
from autolens.imaging.visualizer import VisualizerImaging
from autolens.lens.tracer import Tracer


class AnalysisImaging(AbstractAnalysisImaging):
    """Fit imaging data with a lens model.

    ``fit_from(instance)`` builds ``Tracer(instance.galaxies (+ extra_galaxies), cosmology)`` and
    returns a :class:`~autolens.imaging.fit_imaging.FitImaging`; ``log_likelihood_function`` is its
    figure of merit. With ``use_jax=True`` every class needed to pass the instance into, and the
    fit out of, ``jax.jit`` is registered automatically, so
    ``jax.jit(analysis.fit_from)(instance)`` returns a ``FitImaging`` with ``jax.Array`` leaves.
    """

    _fit_cls = FitImaging
    Result = ResultImaging

    def tracer_via_instance_from(self, instance) -> Tracer:
        cosmology = getattr(instance, "cosmology", None) or self.cosmology
        return Tracer(galaxies=self.galaxies_via_instance_from(instance), cosmology=cosmology)

    def fit_from(self, instance) -> FitImaging:
        if self.use_jax:
            self._register_pytrees(instance)
        return FitImaging(
            dataset=self.dataset,
            tracer=self.tracer_via_instance_from(instance),
            dataset_model=self.dataset_model_via_instance_from(instance),
            settings=self.settings,
            xp=self._xp,
        )

    Visualizer = VisualizerImaging

    def visualize_before_fit(self, output_dir, model=None) -> None:
        """Write ``image/dataset.png`` and ``image/dataset.fits`` atomically."""
        self.Visualizer.visualize_before_fit(self, output_dir, model)

    def visualize(self, output_dir, instance, quick_update: bool = False) -> None:
        """Write ``fit.png`` (the ``aplt.subplot_fit_imaging`` figure: data, model, residuals,
        χ², source planes with caustics) and, unless ``quick_update``, ``image/fit.png`` and
        ``image/tracer.png``, all atomically."""
        self.Visualizer.visualize(self, output_dir, instance, quick_update=quick_update)

    def save_results(self, output_dir, result) -> None:
        """Write ``tracer.json`` of the maximum-likelihood model atomically."""
        from autolens.imaging.simulator import tracer_to_json

        tracer = self.tracer_via_instance_from(result.max_log_likelihood_instance)
        tracer_to_json(tracer, os.path.join(str(output_dir), "tracer.json"))
