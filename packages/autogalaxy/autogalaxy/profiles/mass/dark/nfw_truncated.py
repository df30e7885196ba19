"""Truncated spherical NFW of Baltz, Marshall & Oguri (2009, JCAP 01, 015), ``n = 1`` case.

``rho(r) = rho_s / (x (1 + x)^2) * tau^2 / (tau^2 + x^2)`` with ``x = r / r_s`` and
``tau = truncation_radius / scale_radius``.  Convergence and deflections are analytic
(:mod:`autogalaxy.profiles.mass.dark.nfw_util`); the potential ``psi(r) = int_0^r alpha dr'`` is
evaluated by a fixed Gauss-Legendre rule (NumPy and JAX).
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import check_parameter, grid_raw_from
from autogalaxy.profiles.mass import keeton_util
from autogalaxy.profiles.mass.dark import nfw_util
from autogalaxy.profiles.mass.dark.nfw import NFWSph

#: Gauss-Legendre nodes of the radial potential integral (u = t^2 substitution).
POTENTIAL_NODES = 64


class NFWTruncatedSph(NFWSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        kappa_s: float = 0.05,
        scale_radius: float = 1.0,
        truncation_radius: float = 2.0,
    ):
        """Spherical NFW truncated at ``truncation_radius`` (arc-seconds, > 0), BMO09 ``n = 1``.

        ``kappa_s`` and ``scale_radius`` have the :class:`NFWSph` meaning; for
        ``truncation_radius -> infinity`` the profile tends to :class:`NFWSph`.
        """
        super().__init__(centre=centre, kappa_s=kappa_s, scale_radius=scale_radius)
        self.truncation_radius = truncation_radius
        check_parameter(self, "truncation_radius", positive=True)

    def tau(self, xp=np):
        """Dimensionless truncation radius ``truncation_radius / scale_radius``."""
        return self.truncation_radius / self.scale_radius

    def convergence_func(self, grid_radius, xp=np):
        """Convergence at radius ``grid_radius`` (raw array or float)."""
        return nfw_util.truncated_nfw_convergence_from(
            xp.asarray(grid_radius) / self.scale_radius, self.kappa_s, self.tau(xp=xp), xp=xp
        )

    def deflection_func(self, grid_radius, xp=np):
        """Radial deflection magnitude at radius ``grid_radius``."""
        return nfw_util.truncated_nfw_deflection_magnitude_from(
            xp.asarray(grid_radius) / self.scale_radius,
            self.kappa_s,
            self.scale_radius,
            self.tau(xp=xp),
            xp=xp,
        )

    # convergence_2d_from / deflections_yx_2d_from: inherited from NFWSph, which evaluates the
    # (overridden) convergence_func / deflection_func above -- analytic BMO09 expressions.

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """``psi(r) = int_0^r alpha(r') dr' = r int_0^1 alpha(r t^2) 2 t dt`` (Gauss-Legendre)."""
        raw = grid_raw_from(grid)
        return keeton_util.radial_potential_from(
            keeton_util.radii_from(raw, xp), self.deflection_func, POTENTIAL_NODES, xp=xp
        )
