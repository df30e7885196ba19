"""``AnalysisPoint``: the likelihood of a lens model given one point source's data."""

from __future__ import annotations

import hashlib
import os
import warnings

import numpy as np

from autolens.imaging.result import ResultImaging
from autolens.lens.tracer import Tracer
from autolens.point.fit.dataset import FitPointDataset
from autolens.point.fit.fluxes import FitFluxes
from autolens.point.fit.positions_image import FitPositionsImagePairAllSolved
from autolens.point.fit.time_delays import FitTimeDelays


class ResultPoint(ResultImaging):
    """Result of :class:`AnalysisPoint` (``max_log_likelihood_tracer`` and galaxies)."""


class AnalysisPoint:
    """``log_likelihood_function(instance) = FitPointDataset(dataset, tracer, solver).log_likelihood``
    with the tracer built from ``instance.galaxies`` (plus ``extra_galaxies``).

    Parameters
    ----------
    dataset
        The :class:`~autolens.point.dataset.PointDataset`; its ``name`` must be the attribute
        name of a point-source profile in the model.
    solver
        The :class:`~autolens.point.solver.PointSolver` that finds the model images.
    use_jax
        Evaluate with ``jax.numpy`` (jit / vmap / grad through the solver's implicit step).
        Default False (NumPy), as the other analyses of this project.

    Several point sources: one analysis per dataset; their log likelihoods add.
    """

    Result = ResultPoint

    def __init__(
        self,
        dataset,
        solver,
        fit_positions_cls=FitPositionsImagePairAllSolved,
        image=None,
        cosmology=None,
        title_prefix=None,
        use_jax: bool = False,
        fit_flux_cls=FitFluxes,
        fit_time_delays_cls=FitTimeDelays,
    ):
        from autogalaxy.cosmology.model import Planck15

        self.dataset = dataset
        self.solver = solver
        self.fit_positions_cls = fit_positions_cls
        self.fit_flux_cls = fit_flux_cls
        self.fit_time_delays_cls = fit_time_delays_cls
        self.image = image
        self.cosmology = Planck15() if cosmology is None else cosmology
        self.title_prefix = title_prefix
        self.use_jax = bool(use_jax)
        if self.use_jax:
            try:
                from autoarray.backend import jax_numpy

                jax_numpy()
            except ImportError:
                self.use_jax = False
        if self.use_jax:
            self._register_pytrees()
        self._warn_if_positions_near_edge()

    def _warn_if_positions_near_edge(self) -> None:
        solver = self.solver
        points = np.asarray(self.dataset.positions.array)
        margin = 2.0 * solver.scale + 3.0 * np.asarray(self.dataset.positions_noise_map.array)
        near = np.logical_or.reduce(
            [
                points[:, 0] - margin < solver.y_min,
                points[:, 0] + margin > solver.y_max,
                points[:, 1] - margin < solver.x_min,
                points[:, 1] + margin > solver.x_max,
            ]
        )
        if np.any(near):
            warnings.warn(
                f"Point dataset '{self.dataset.name}': positions {points[near].tolist()} lie "
                "within 2 x scale + 3 sigma of the solver's area; images beyond it are not "
                "found. Widen the solver's grid.",
                stacklevel=3,
            )

    # ------------------------------------------------------------------ backend
    @property
    def _xp(self):
        if self.use_jax:
            from autoarray.backend import jax_numpy

            return jax_numpy()
        return np

    def _register_pytrees(self, instance=None) -> None:
        """Fits, tracers and point profiles declare their pytree fields (``aa.Pytree``); a
        user's own classes in ``instance`` are registered when first seen."""
        from autoarray.pytrees import register_declared_pytrees, register_reachable_classes

        register_declared_pytrees()
        if instance is not None:
            register_reachable_classes(instance)

    # ------------------------------------------------------------------ likelihood
    @staticmethod
    def galaxies_via_instance_from(instance) -> list:
        galaxies = list(getattr(instance, "galaxies", instance))
        extra = getattr(instance, "extra_galaxies", None)
        if extra is not None:
            galaxies += list(extra)
        return galaxies

    def tracer_via_instance_from(self, instance) -> Tracer:
        cosmology = getattr(instance, "cosmology", None) or self.cosmology
        return Tracer(galaxies=self.galaxies_via_instance_from(instance), cosmology=cosmology)

    def fit_from(self, instance) -> FitPointDataset:
        if self.use_jax:
            self._register_pytrees(instance)
        return FitPointDataset(
            dataset=self.dataset,
            tracer=self.tracer_via_instance_from(instance),
            solver=self.solver,
            fit_positions_cls=self.fit_positions_cls,
            xp=self._xp,
            fit_flux_cls=self.fit_flux_cls,
            fit_time_delays_cls=self.fit_time_delays_cls,
        )

    def log_likelihood_function(self, instance):
        return self.fit_from(instance).log_likelihood

    def fingerprint(self) -> str:
        """SHA-256 of the dataset and solver settings (searches refuse to resume a fit of other
        data in the same folder)."""
        digest = hashlib.sha256(self.dataset.name.encode())
        for name in (
            "positions",
            "positions_noise_map",
            "fluxes",
            "fluxes_noise_map",
            "time_delays",
            "time_delays_noise_map",
        ):
            value = getattr(self.dataset, name)
            if value is not None:
                digest.update(name.encode())
                digest.update(np.ascontiguousarray(np.asarray(value.array)).tobytes())
        digest.update(repr(self.solver).encode())
        return digest.hexdigest()

    # ------------------------------------------------------------------ result / outputs
    def make_result(self, samples, search=None, output_folder=None, loaded: bool = False):
        return self.Result(
            samples, analysis=self, search=search, output_folder=output_folder, loaded=loaded
        )

    def visualize(self, output_dir, instance) -> None:
        """Write ``positions.png`` (images over the critical curves, source plane with the
        caustics) of the NumPy fit of ``instance``."""
        from autolens.point.plot import positions_png

        use_jax = self.use_jax
        try:
            self.use_jax = False
            fit = self.fit_from(instance)
        finally:
            self.use_jax = use_jax
        positions_png(
            fit, os.path.join(str(output_dir), "positions.png"), title_prefix=self.title_prefix
        )

    def save_results(self, output_dir, result) -> None:
        """Write ``tracer.json`` (maximum-likelihood model) and ``dataset.json`` atomically."""
        from autogalaxy.imaging.model_json import model_obj_to_json
        from autolens.imaging.simulator import tracer_to_json

        tracer = self.tracer_via_instance_from(result.max_log_likelihood_instance)
        tracer_to_json(tracer, os.path.join(str(output_dir), "tracer.json"))
        model_obj_to_json(self.dataset, os.path.join(str(output_dir), "dataset.json"))
