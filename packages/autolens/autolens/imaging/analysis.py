"""Lens-level imaging analysis: the likelihood of a tracer built from a model instance."""

from __future__ import annotations

import os

from autogalaxy.imaging.analysis import AbstractAnalysisImaging
from autolens.imaging.fit_imaging import FitImaging
from autolens.imaging.result import ResultImaging
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

    def _pytree_classes(self) -> tuple:
        return (FitImaging, Tracer)

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
            adapt_images=self.adapt_images_via_instance_from(instance),
        )

    def visualize(self, output_dir, instance) -> None:
        """Write ``fit.png`` (data, model, residuals, normalised residuals, χ², source plane
        with caustics) atomically."""
        from autolens.plot.fit_imaging_plot import fit_png

        fit = self._numpy_fit_from(instance)
        fit_png(fit, os.path.join(str(output_dir), "fit.png"), title_prefix=self.title_prefix)

    def save_results(self, output_dir, result) -> None:
        """Write ``tracer.json`` of the maximum-likelihood model atomically."""
        from autolens.imaging.simulator import tracer_to_json

        tracer = self.tracer_via_instance_from(result.max_log_likelihood_instance)
        tracer_to_json(tracer, os.path.join(str(output_dir), "tracer.json"))
