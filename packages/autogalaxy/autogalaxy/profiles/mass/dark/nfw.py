"""Navarro-Frenk-White (NFW) mass profiles: elliptical ``NFW`` and spherical ``NFWSph``.

``rho(r) = rho_s / ((r / r_s) (1 + r / r_s)^2)``, parameterised by the lensing normalisation
``kappa_s = rho_s r_s / Sigma_crit`` and the scale radius ``r_s`` (arc-seconds).  With
``x = xi / r_s`` and the elliptical radius ``xi = sqrt(x'^2 + y'^2 / q^2)`` (profile frame):

* convergence ``kappa = 2 kappa_s (1 - F(x)) / (x^2 - 1)`` (analytic, both profiles);
* ``NFWSph`` deflection ``alpha(r) = 4 kappa_s r_s [ln(x/2) + F(x)] / x`` and potential
  ``psi = 2 kappa_s r_s^2 [ln^2(x/2) - arctanh^2(sqrt(1 - x^2))]`` (closed forms);
* ``NFW`` deflections and potential: Keeton's (2001) single integrals over the elliptical
  convergence, evaluated by three fixed Gauss-Legendre panels (measured relative deflection
  error < 1e-11 for 0.1 <= q <= 1 and 1e-3 < r / r_s < 130, potential < 1e-8; see
  :mod:`autogalaxy.profiles.mass.keeton_util`); the same code runs under JAX.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter, grid_raw_from
from autogalaxy.profiles.mass import keeton_util
from autogalaxy.profiles.mass.dark import nfw_util
from autogalaxy.profiles.mass.keeton_profile import KeetonMassProfile

#: Gauss-Legendre nodes per panel and small-``u`` substitution power of the elliptical NFW Keeton
#: integrals (see :func:`keeton_util._nodes_from`).
NFW_QUADRATURE_NODES = 32
NFW_QUADRATURE_POWER = 4.0


class NFW(KeetonMassProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        kappa_s: float = 0.05,
        scale_radius: float = 1.0,
    ):
        """Elliptical NFW profile (convergence stratified on ellipses ``sqrt(x'^2 + y'^2/q^2)``).

        Parameters
        ----------
        centre
            ``(y, x)`` centre in arc-seconds.
        ell_comps
            Elliptical components ``(e1, e2)`` (see :mod:`autogalaxy.convert`).
        kappa_s
            Lensing normalisation ``rho_s r_s / Sigma_crit`` (>= 0).
        scale_radius
            NFW scale radius ``r_s`` in arc-seconds (> 0).
        """
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.kappa_s = kappa_s
        self.scale_radius = scale_radius
        check_parameter(self, "kappa_s", non_negative=True)
        check_parameter(self, "scale_radius", positive=True)

    # -- radial helpers ---------------------------------------------------------------------
    def convergence_func(self, grid_radius, xp=np):
        """Convergence at elliptical radius ``grid_radius`` (raw array or float)."""
        return nfw_util.nfw_convergence_from(
            xp.asarray(grid_radius) / self.scale_radius, self.kappa_s, xp=xp
        )

    def deflection_func(self, grid_radius, xp=np):
        """Deflection magnitude of the *circular* NFW at radius ``grid_radius``."""
        return nfw_util.nfw_deflection_magnitude_from(
            xp.asarray(grid_radius) / self.scale_radius, self.kappa_s, self.scale_radius, xp=xp
        )

    def _kappa_of_xi2(self, xi2, xp):
        return nfw_util.nfw_convergence_from(
            keeton_util.safe_sqrt(xi2, xp) / self.scale_radius, self.kappa_s, xp=xp
        )

    def _alpha_circ_of_xi(self, xi, xp):
        return nfw_util.nfw_deflection_magnitude_from(
            xi / self.scale_radius, self.kappa_s, self.scale_radius, xp=xp
        )

    # -- lensing quantities -----------------------------------------------------------------
    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """Analytic convergence ``2 kappa_s (1 - F(x)) / (x^2 - 1)``, ``x = xi / r_s``."""
        raw = grid_raw_from(grid)
        q = self.axis_ratio(xp=xp)
        xi = keeton_util.safe_sqrt(raw[:, 1] ** 2 + (raw[:, 0] / q) ** 2, xp)
        return self.convergence_func(xi, xp=xp)

    def _keeton_quadrature(self, xp=np):
        return NFW_QUADRATURE_NODES, NFW_QUADRATURE_POWER, self.scale_radius

    # deflections_yx_2d_from / potential_2d_from: Keeton's integrals (KeetonMassProfile).


class NFWSph(SphTwin, NFW):
    def __init__(self, centre=(0.0, 0.0), kappa_s: float = 0.05, scale_radius: float = 1.0):
        """Spherical NFW profile with closed-form deflections and potential.

        Parameters
        ----------
        centre
            ``(y, x)`` centre in arc-seconds.
        kappa_s
            Lensing normalisation ``rho_s r_s / Sigma_crit`` (>= 0).
        scale_radius
            NFW scale radius ``r_s`` in arc-seconds (> 0).
        """
        super().__init__(
            centre=centre, ell_comps=(0.0, 0.0), kappa_s=kappa_s, scale_radius=scale_radius
        )

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """Analytic convergence at ``x = r / r_s``."""
        raw = grid_raw_from(grid)
        return self.convergence_func(keeton_util.radii_from(raw, xp), xp=xp)

    @aa.decorators.to_vector_yx
    @aa.decorators.transform
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Radial deflections ``4 kappa_s r_s [ln(x/2) + F(x)] / x`` along ``(y, x) / r``."""
        raw = grid_raw_from(grid)
        radii = xp.maximum(keeton_util.radii_from(raw, xp), nfw_util.X_MIN * self.scale_radius)
        magnitude = self.deflection_func(radii, xp=xp)
        return keeton_util.radial_vectors_from(raw, magnitude / radii, xp)

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Closed-form potential ``2 kappa_s r_s^2 [ln^2(x/2) - arctanh^2(sqrt(1 - x^2))]``."""
        raw = grid_raw_from(grid)
        return nfw_util.nfw_potential_from(
            keeton_util.radii_from(raw, xp) / self.scale_radius,
            self.kappa_s,
            self.scale_radius,
            xp=xp,
        )
