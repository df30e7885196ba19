"""Flux fits at the observed positions: model ``|μ(θ_i)| × flux``."""

from __future__ import annotations

import numpy as np

from autolens import exc
from autolens.point.fit.abstract import AbstractFitPoint, raw, signed_magnifications_from


class FitFluxes(AbstractFitPoint):
    """Fluxes against ``|μ(θ_i)| F`` with ``F`` the profile's ``flux`` (``ps.PointFlux``)."""

    def __init__(self, name, data, noise_map, positions, tracer, profile=None, xp=np):
        super().__init__(name, data, noise_map, tracer, profile=profile, xp=xp)
        xp = self._xp
        self.positions = raw(positions, xp).reshape(-1, 2)
        if self.positions.shape[0] != self.data.shape[0]:
            raise exc.FitException(
                f"Flux fit '{name}': {self.data.shape[0]} fluxes but {self.positions.shape[0]} "
                "positions; give one flux per position."
            )
        self.magnifications = xp.abs(signed_magnifications_from(self.lens_calc, self.positions, xp))
        self._compute(xp)

    def _compute(self, xp):
        if not hasattr(self.profile, "flux"):
            raise exc.PointExtractionException(
                f"FitFluxes needs point source '{self.name}' to have a flux (ps.PointFlux); "
                f"got {type(self.profile).__name__}."
            )
        self.model_fluxes = self.magnifications * self.profile.flux
        self._generic(self.data - self.model_fluxes)


class FitFluxesSolved(FitFluxes):
    """Fluxes with the intrinsic flux solved and marginalised:
    ``F* = Σ μ_i F̂_i/σ_i² / Σ μ_i²/σ_i²``, ``log L −= ½ ln(Σ μ_i²/σ_i² / 2π)``."""

    def _compute(self, xp):
        if hasattr(self.profile, "flux"):
            raise exc.PointExtractionException(
                f"FitFluxesSolved solves for the flux, so point source '{self.name}' must not "
                f"have one (got {type(self.profile).__name__})."
            )
        mu = self.magnifications
        weight = xp.sum(mu**2 / self.noise_map**2)
        self.solved_flux = xp.sum(mu * self.data / self.noise_map**2) / weight
        self.model_fluxes = mu * self.solved_flux
        self._generic(self.data - self.model_fluxes)
        self._finish(
            self.chi_squared, self.noise_normalization, extra=-0.5 * xp.log(weight / (2.0 * np.pi))
        )
