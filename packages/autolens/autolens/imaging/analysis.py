"""Lens-level imaging analysis: the likelihood of a tracer built from a model instance."""

from __future__ import annotations

import os

from autogalaxy.imaging.analysis import AbstractAnalysisImaging
from autolens import exc
from autolens.imaging.fit_imaging import FitImaging
from autolens.imaging.positions_lh import model_has_pixelization
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

    ``positions_likelihood_list``: :class:`~autolens.imaging.positions_lh.PositionsLH` penalties
    subtracted from the figure of merit. As in PyAutoLens, a search refuses to fit a pixelized
    source without them (demagnified solutions) unless
    ``raise_inversion_positions_likelihood_exception=False``.
    """

    def __init__(
        self,
        dataset,
        positions_likelihood_list=None,
        raise_inversion_positions_likelihood_exception: bool = True,
        **kwargs,
    ):
        super().__init__(dataset, **kwargs)
        self.positions_likelihood_list = positions_likelihood_list
        self.raise_inversion_positions_likelihood_exception = (
            raise_inversion_positions_likelihood_exception
        )

    def log_likelihood_function(self, instance):
        """The fit's figure of merit minus the positions penalties (if any)."""
        fit = self.fit_from(instance)
        figure = fit.figure_of_merit
        for positions_likelihood in self.positions_likelihood_list or ():
            figure = figure - positions_likelihood.log_likelihood_penalty_via_tracer_from(
                fit.tracer, xp=self._xp
            )
        return figure

    def modify_before_fit(self, paths, model):
        """Called by a search before it starts: refuses a pixelized source without positions."""
        if (
            self.raise_inversion_positions_likelihood_exception
            and not self.positions_likelihood_list
            and model_has_pixelization(model)
        ):
            raise exc.AnalysisException(
                "The model reconstructs its source with a pixelization but the analysis has no "
                "positions_likelihood_list: pixelized fits without it often settle on "
                "demagnified (unlensed) solutions. Pass AnalysisImaging(..., "
                "positions_likelihood_list=[al.PositionsLH(positions=..., threshold=0.3)]), or "
                "raise_inversion_positions_likelihood_exception=False to fit anyway."
            )

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
            adapt_images=self.adapt_images_via_instance_from(instance),
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
