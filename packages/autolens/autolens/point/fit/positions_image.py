"""Image-plane position fits: observed positions ``d_i`` against the solver's model images
``m_j`` of the profile's source position (``ps.Point.centre``, or for the ``*Solved`` forms the
analytic ``β*`` of :mod:`autolens.point.fit.positions_source`).

Model images come from ``solver.solve_padded`` (fixed rows with a mask), so every fit runs on
NumPy and under ``jax.jit`` / ``vmap`` / ``grad`` except :class:`FitPositionsImagePair`, whose
optimal one-to-one assignment is a combinatorial NumPy (SciPy) step.
"""

from __future__ import annotations

import numpy as np

from autoarray.numerics.extrema import smallest
from autolens import exc
from autolens.point.fit.abstract import (
    NO_IMAGE_RESIDUAL,
    AbstractFitPoint,
    lens_calc_from,
    signed_magnifications_from,
)
from autolens.point.fit.positions_source import (
    solved_centre_from,
    traced_positions_from,
    weights_from,
)

#: Stand-in for ``ln 0`` of a missing model image: ``exp`` of it is exactly 0 next to any
#: finite term, and it keeps gradients finite where ``-inf`` would give NaN.
_LOG_ZERO = -1e30


class AbstractFitPositionsImagePair(AbstractFitPoint):
    _solved = False

    def __init__(self, name, data, noise_map, tracer, solver, profile=None, xp=np):
        super().__init__(name, data, noise_map, tracer, solver=solver, profile=profile, xp=xp)
        if solver is None:
            raise exc.FitException(f"{type(self).__name__} needs a PointSolver (got None).")
        self._require_centre(self._solved)
        xp = self._xp
        self.source_plane_coordinate = self._source_coordinate(xp)
        self.model_positions, self.model_mask = solver.solve_padded(
            tracer, self.source_plane_coordinate, xp=xp, plane_redshift=self.plane_redshift
        )
        self.model_mask = xp.asarray(self.model_mask)
        self.model_positions = xp.asarray(self.model_positions)
        self._compute(xp)

    def _source_coordinate(self, xp):
        if not self._solved:
            return xp.asarray(self.profile.centre, dtype=xp.float64).reshape(2)
        traced = traced_positions_from(self.tracer, self.data, self.profile_plane_index, xp)
        weights = weights_from(
            self.tracer, self.data, self.noise_map, self.profile_plane_index, "jacobian", xp
        )
        return solved_centre_from(traced, weights, xp)[0]

    @property
    def model_data(self):
        """The model images found (NumPy: only the found rows)."""
        if self._xp is np:
            return self.model_positions[self.model_mask]
        return self.model_positions

    def _distances(self, xp):
        diff = self.data[:, None, :] - self.model_positions[None, :, :]
        return xp.sqrt(xp.sum(diff**2, axis=-1))


class FitPositionsImagePairAll(AbstractFitPositionsImagePair):
    """Marginalises over every pairing of data and model images:
    ``−½χ² = Σ_i ln[(1/n) Σ_j N(d_i | m_j, σ_i)]`` with the 1-D Gaussian density
    ``N = exp(−|d−m|²/2σ²)/(√(2π) σ)`` (n = number of model images); the generic noise
    normalisation is then applied again in ``log L`` (the reference's definition). No image:
    ``χ² = Σ (1e4/σ_i)²``."""

    def _compute(self, xp):
        sigma = self.noise_map[:, None]
        distance2 = xp.sum((self.data[:, None, :] - self.model_positions[None, :, :]) ** 2, axis=-1)
        log_p = -xp.log(xp.sqrt(2.0 * np.pi) * sigma) - 0.5 * distance2 / sigma**2
        log_p = xp.where(self.model_mask[None, :], log_p, _LOG_ZERO)
        peak = xp.max(log_p, axis=1, keepdims=True)
        log_sum = peak[:, 0] + xp.log(xp.sum(xp.exp(log_p - peak), axis=1))
        n = xp.sum(self.model_mask)
        n_data = self.data.shape[0]
        mixture = -2.0 * (-n_data * xp.log(xp.maximum(n, 1)) + xp.sum(log_sum))
        no_image = xp.sum((NO_IMAGE_RESIDUAL / self.noise_map) ** 2)
        chi_squared = xp.where(n > 0, mixture, no_image)
        self._finish(chi_squared, xp.sum(xp.log(2.0 * np.pi * self.noise_map**2)))


class FitPositionsImagePairAllSolved(FitPositionsImagePairAll):
    """:class:`FitPositionsImagePairAll` with the source at the analytic ``β*``."""

    _solved = True


class FitPositionsImagePair(AbstractFitPositionsImagePair):
    """One-to-one pairing by the optimal assignment (minimum total distance); data left over
    (more data than model images) take their nearest model image; no image → 1e4 each.
    NumPy only (SciPy's ``linear_sum_assignment``)."""

    def _compute(self, xp):
        if xp is not np:
            raise exc.FitException(
                "FitPositionsImagePair's optimal assignment runs on NumPy only; under JAX use "
                "FitPositionsImagePairAll (marginalised pairing) or FitPositionsImagePairRepeat."
            )
        from scipy.optimize import linear_sum_assignment

        models = self.model_positions[self.model_mask]
        if models.shape[0] == 0:
            residual = np.full(self.data.shape[0], NO_IMAGE_RESIDUAL)
        else:
            cost = np.sqrt(np.sum((self.data[:, None, :] - models[None, :, :]) ** 2, axis=-1))
            rows, cols = linear_sum_assignment(cost)
            residual = cost.min(axis=1)
            residual[rows] = cost[rows, cols]
        self._generic(residual)


class FitPositionsImagePairRepeat(AbstractFitPositionsImagePair):
    """Each datum pairs with its nearest model image (several may share one); a model image
    that is nobody's nearest and has ``|μ| ≥ magnification_threshold`` adds
    ``(min_i |d_i − m_j| / mean σ)²`` (``unmatched_model_policy='ignore'`` drops the term)."""

    magnification_threshold = 0.1
    unmatched_model_policy = "magnification_filter"

    def _compute(self, xp):
        distance = xp.where(self.model_mask[None, :], self._distances(xp), NO_IMAGE_RESIDUAL)
        residual = smallest(distance, axis=1, xp=xp)
        self._generic(residual)
        if self.unmatched_model_policy == "ignore":
            return
        nearest = xp.argmin(distance, axis=1)
        k = self.model_positions.shape[0]
        matched = xp.any(nearest[:, None] == xp.arange(k)[None, :], axis=0)
        calc = lens_calc_from(self.tracer, self.profile_plane_index)
        mu = signed_magnifications_from(calc, self.model_positions, xp)
        unmatched = xp.logical_and(self.model_mask, xp.logical_not(matched))
        unmatched = xp.logical_and(unmatched, xp.abs(mu) >= self.magnification_threshold)
        penalty = smallest(distance, axis=0, xp=xp) / xp.mean(self.noise_map)
        extra = xp.sum(xp.where(unmatched, penalty**2, 0.0))
        self._finish(self.chi_squared + extra, self.noise_normalization)


class FitPositionsImagePairRepeatSolved(FitPositionsImagePairRepeat):
    """:class:`FitPositionsImagePairRepeat` with the source at the analytic ``β*``."""

    _solved = True
