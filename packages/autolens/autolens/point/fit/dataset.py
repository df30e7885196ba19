"""``FitPointDataset``: positions + fluxes + time delays of one ``PointDataset``."""

from __future__ import annotations

import numpy as np

from autoarray.pytrees import Pytree
from autolens import exc
from autolens.point.fit.abstract import extract_profile
from autolens.point.fit.fluxes import FitFluxes
from autolens.point.fit.positions_image import FitPositionsImagePairAllSolved
from autolens.point.fit.time_delays import FitTimeDelays


class FitPointDataset(Pytree):
    """Fit of a :class:`~autolens.point.dataset.PointDataset` with a tracer.

    ``positions`` uses ``fit_positions_cls`` (default ``FitPositionsImagePairAllSolved``, which
    needs ``ps.PointSolved``; use ``FitPositionsImagePairAll`` with ``ps.Point``); ``flux`` is
    fitted when the dataset has fluxes and the profile a ``flux``; ``time_delays`` when the
    dataset has time delays. Fluxes and delays are evaluated at the observed positions.
    ``log_likelihood`` is the sum of the available components'.
    """

    __pytree_static__ = ("dataset", "solver", "_xp")

    def __init__(
        self,
        dataset,
        tracer,
        solver,
        fit_positions_cls=FitPositionsImagePairAllSolved,
        xp=np,
        fit_flux_cls=FitFluxes,
        fit_time_delays_cls=FitTimeDelays,
    ):
        self.dataset = dataset
        self.tracer = tracer
        self.solver = solver
        self._xp = xp
        # The dataset's name must name a point source of the model: a mismatch is a user error
        # (not a "component absent" case), so it is raised, not turned into a missing fit.
        extract_profile(tracer, dataset.name)
        try:
            self.positions = fit_positions_cls(
                name=dataset.name,
                data=dataset.positions,
                noise_map=dataset.positions_noise_map,
                tracer=tracer,
                solver=solver,
                xp=xp,
            )
        except exc.PointExtractionException:
            self.positions = None
        self.flux = None
        if dataset.fluxes is not None and fit_flux_cls is not None:
            try:
                self.flux = fit_flux_cls(
                    name=dataset.name,
                    data=dataset.fluxes,
                    noise_map=dataset.fluxes_noise_map,
                    positions=dataset.positions,
                    tracer=tracer,
                    xp=xp,
                )
            except exc.PointExtractionException:
                self.flux = None
        self.time_delays = None
        if dataset.time_delays is not None and fit_time_delays_cls is not None:
            self.time_delays = fit_time_delays_cls(
                name=dataset.name,
                data=dataset.time_delays,
                noise_map=dataset.time_delays_noise_map,
                positions=dataset.positions,
                tracer=tracer,
                xp=xp,
            )
        total = 0.0
        for part in (self.positions, self.flux, self.time_delays):
            if part is not None:
                total = total + part.log_likelihood
        self.log_likelihood = total

    @property
    def figure_of_merit(self):
        return self.log_likelihood

    @property
    def model_obj(self):
        return self.tracer
