"""Source-plane position fits: the observed images ray-traced back to the source plane.

``β̂_i = d_i − α(d_i)`` (to the profile's plane), ``Δ_i = β̂_i − β``. With the default
``'jacobian'`` weighting the source-plane offset is mapped back to the image plane,
``χ²_i = |A_i⁻¹ Δ_i|² / σ_i²`` (``A`` the lens Jacobian at ``d_i``), i.e. the weight
``W_i = (A_i⁻¹)ᵀ A_i⁻¹ / σ_i²``; ``'magnification'`` uses ``μ_i² / σ_i²`` (isotropic). The
normalisation is the 2-D Gaussian's ``Σ ln((2π)² σ_i⁴)``.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autolens.point.fit.abstract import (
    AbstractFitPoint,
    jacobian_from,
    lens_calc_from,
    signed_magnifications_from,
)


def traced_positions_from(tracer, points, plane_index: int, xp):
    """``β̂``: raw positions traced to the profile's plane (the last plane for 2 planes)."""
    if tracer.total_planes > 2:
        traced = tracer.traced_points_list_from(points, xp, plane_index_limit=plane_index)
        return xp.asarray(traced[plane_index]).reshape(-1, 2)
    alpha = tracer.deflections_yx_2d_from(grid=aa.Grid2DIrregular(values=points, xp=xp), xp=xp)
    return points - xp.asarray(aa.raw_array(alpha)).reshape(-1, 2)


def weights_from(tracer, points, noise_map, plane_index: int, weighting: str, xp):
    """``W_i [N, 2, 2]`` (see the module note)."""
    calc = lens_calc_from(tracer, plane_index)
    sigma2 = noise_map**2
    if weighting == "magnification":
        mu = signed_magnifications_from(calc, points, xp)
        eye = xp.eye(2)[None, :, :]
        return eye * (mu**2 / sigma2)[:, None, None]
    jac = jacobian_from(calc, points, xp)
    a, b, c, d = jac[:, 0, 0], jac[:, 0, 1], jac[:, 1, 0], jac[:, 1, 1]
    det = a * d - b * c
    inverse = (
        xp.stack([xp.stack([d, -b], axis=-1), xp.stack([-c, a], axis=-1)], axis=-2)
        / det[:, None, None]
    )
    return xp.einsum("nki,nkj->nij", inverse, inverse) / sigma2[:, None, None]


def solved_centre_from(traced, weights, xp):
    """``β* = (Σ W_i)⁻¹ Σ W_i β̂_i`` and ``Σ W_i``."""
    total = xp.sum(weights, axis=0)
    rhs = xp.sum(xp.einsum("nij,nj->ni", weights, traced), axis=0)
    det = total[0, 0] * total[1, 1] - total[0, 1] * total[1, 0]
    y = (total[1, 1] * rhs[0] - total[0, 1] * rhs[1]) / det
    x = (-total[1, 0] * rhs[0] + total[0, 0] * rhs[1]) / det
    return xp.stack([y, x]), total


class FitPositionsSource(AbstractFitPoint):
    """Source-plane χ² of the observed positions about the profile's ``centre``."""

    #: ``'jacobian'`` (tensor weighting, default) or ``'magnification'``.
    weighting = "jacobian"
    _solved = False

    def __init__(self, name, data, noise_map, tracer, solver=None, profile=None, xp=np):
        super().__init__(name, data, noise_map, tracer, solver=solver, profile=profile, xp=xp)
        self._require_centre(self._solved)
        xp = self._xp
        self.traced_positions = traced_positions_from(
            tracer, self.data, self.profile_plane_index, xp
        )
        self.weights = weights_from(
            tracer, self.data, self.noise_map, self.profile_plane_index, self.weighting, xp
        )
        centre, total = self._source_centre(xp)
        self.source_plane_centre = centre
        offset = self.traced_positions - centre[None, :]
        self.residual_map = xp.sqrt(xp.sum(offset**2, axis=1))
        self.chi_squared_map = xp.einsum("ni,nij,nj->n", offset, self.weights, offset)
        noise_normalization = xp.sum(xp.log((2.0 * np.pi) ** 2 * self.noise_map**4))
        self._finish(
            xp.sum(self.chi_squared_map),
            noise_normalization,
            extra=self._marginalization(total, xp),
        )

    def _source_centre(self, xp):
        return xp.asarray(self.profile.centre, dtype=xp.float64).reshape(2), None

    def _marginalization(self, total, xp):
        return 0.0


class FitPositionsSourceSolved(FitPositionsSource):
    """:class:`FitPositionsSource` at the analytic centre ``β*``, marginalised over it:
    ``log L = −½(χ² + NN) − ½ ln(det(Σ W_i) / (2π)²)``."""

    _solved = True

    def _source_centre(self, xp):
        return solved_centre_from(self.traced_positions, self.weights, xp)

    def _marginalization(self, total, xp):
        det = total[0, 0] * total[1, 1] - total[0, 1] * total[1, 0]
        return -0.5 * xp.log(det / (2.0 * np.pi) ** 2)
