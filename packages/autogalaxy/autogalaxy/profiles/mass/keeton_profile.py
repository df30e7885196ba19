"""``KeetonMassProfile``: elliptical deflections and potential by Keeton's (2001) integrals.

Shared by every mass profile whose convergence is stratified on ellipses and has no closed-form
elliptical deflections (Sersic family, NFW) or potential (Gaussian). The integrals are evaluated
by :func:`keeton_util.keeton_deflections_from` / :func:`keeton_util.keeton_potential_from` with
fixed Gauss-Legendre panels, so the same code runs on NumPy and under JAX.
"""

from __future__ import annotations

from abc import abstractmethod

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import grid_raw_from
from autogalaxy.profiles.mass import keeton_util
from autogalaxy.profiles.mass.abstract import MassProfile


class KeetonMassProfile(MassProfile):
    """Mass profile with deflections and potential from Keeton's integrals.

    Subclasses define

    - ``_kappa_of_xi2(xi2, xp)``: convergence at the squared elliptical radius (deflections);
    - ``_alpha_circ_of_xi(xi, xp)``: deflection magnitude of the circular profile (potential);
    - ``_keeton_quadrature(xp)`` -> ``(n_nodes, power, scale)``: Gauss-Legendre nodes per panel,
      small-``u`` substitution power and the radius (in ``xi``) holding the bulk of the mass.
    """

    #: Points per NumPy slice of the Keeton integrals (None: keeton_util's default).
    _keeton_chunk: int | None = None

    def _chunk_kwargs(self) -> dict:
        return {} if self._keeton_chunk is None else {"chunk": self._keeton_chunk}

    @abstractmethod
    def _keeton_quadrature(self, xp=np):
        """``(n_nodes, power, scale)`` of the Keeton quadrature for this profile."""

    @aa.decorators.to_vector_yx
    @aa.decorators.transform(rotate_back=True)
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Deflections from Keeton's integrals by Gauss-Legendre quadrature (NumPy and JAX)."""
        raw = grid_raw_from(grid)
        n_nodes, power, scale = self._keeton_quadrature(xp)
        alpha_y, alpha_x = keeton_util.keeton_deflections_from(
            raw[:, 0],
            raw[:, 1],
            self.axis_ratio(xp=xp),
            self._kappa_of_xi2,
            xp=xp,
            n_nodes=n_nodes,
            power=power,
            scale=scale,
            **self._chunk_kwargs(),
        )
        return xp.stack((alpha_y, alpha_x), axis=-1)

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Potential from Keeton's integral by Gauss-Legendre quadrature (NumPy and JAX)."""
        raw = grid_raw_from(grid)
        n_nodes, power, scale = self._keeton_quadrature(xp)
        return keeton_util.keeton_potential_from(
            raw[:, 0],
            raw[:, 1],
            self.axis_ratio(xp=xp),
            self._alpha_circ_of_xi,
            xp=xp,
            n_nodes=n_nodes,
            power=power,
            scale=scale,
            **self._chunk_kwargs(),
        )
