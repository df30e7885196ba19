"""Time-delay fits at the observed positions (two-plane tracers; days)."""

from __future__ import annotations

import numpy as np

from autoarray.numerics.extrema import smallest
from autolens import exc
from autolens.lens.time_delay import time_delays_raw_from
from autolens.point.fit.abstract import AbstractFitPoint, raw


class FitTimeDelays(AbstractFitPoint):
    """Delays compared after subtracting each set's minimum:
    residual ``(t̂_i − min t̂) − (t_i − min t)``."""

    def __init__(self, name, data, noise_map, positions, tracer, profile=None, xp=np):
        super().__init__(name, data, noise_map, tracer, profile=profile, xp=xp)
        xp = self._xp
        self.positions = raw(positions, xp).reshape(-1, 2)
        if self.positions.shape[0] != self.data.shape[0]:
            raise exc.FitException(
                f"Time-delay fit '{name}': {self.data.shape[0]} delays but "
                f"{self.positions.shape[0]} positions; give one delay per position."
            )
        self.model_time_delays = time_delays_raw_from(tracer, self.positions, xp=xp)
        self._compute(xp)

    def _compute(self, xp):
        model = self.model_time_delays
        self._generic((self.data - xp.min(self.data)) - (model - smallest(model, xp=xp)))


class FitTimeDelaysSolved(FitTimeDelays):
    """Delays with the reference time solved and marginalised: ``t₀ = Σ τ_i (t̂_i − t_i)/Σ τ_i``
    (``τ = σ⁻²``), residual ``t̂_i − (t_i + t₀)``, ``log L −= ½ ln(Σ τ_i / 2π)``."""

    def _compute(self, xp):
        tau = 1.0 / self.noise_map**2
        self.solved_reference = xp.sum(tau * (self.data - self.model_time_delays)) / xp.sum(tau)
        self._generic(self.data - (self.model_time_delays + self.solved_reference))
        self._finish(
            self.chi_squared,
            self.noise_normalization,
            extra=-0.5 * xp.log(xp.sum(tau) / (2.0 * np.pi)),
        )
