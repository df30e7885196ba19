"""Elliptical Gaussian stellar mass profile (convergence = mass-to-light ratio x Gaussian light).

``kappa = M/L * I exp(-(q^2 x'^2 + y'^2) / (2 sigma^2))`` (profile frame), which is the light
profile ``I exp(-R^2 / (2 (sigma / sqrt(q))^2))`` of the eccentric radius ``R``.  Deflections are
analytic through the Faddeeva function (``scipy.special.wofz`` on NumPy, Weideman's rational
expansion on JAX, relative difference < 1e-13); the potential uses Keeton's integral by
Gauss-Legendre quadrature.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import check_parameter, grid_raw_from
from autogalaxy.profiles.mass.keeton_profile import KeetonMassProfile
from autogalaxy.profiles.mass.stellar import stellar_util

#: Gauss-Legendre nodes per panel of the potential integral.
GAUSSIAN_POTENTIAL_NODES = 32


class Gaussian(KeetonMassProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity: float = 0.1,
        sigma: float = 1.0,
        mass_to_light_ratio: float = 1.0,
    ):
        """Elliptical Gaussian mass profile.

        Parameters
        ----------
        centre
            ``(y, x)`` centre in arc-seconds.
        ell_comps
            Elliptical components ``(e1, e2)``.
        intensity
            Central surface brightness of the light profile.
        sigma
            Gaussian width (arc-seconds, > 0) along the minor axis; ``sigma / q`` along the major.
        mass_to_light_ratio
            Conversion of light to convergence (>= 0).
        """
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.intensity = intensity
        self.sigma = sigma
        self.mass_to_light_ratio = mass_to_light_ratio
        check_parameter(self, "intensity")
        check_parameter(self, "sigma", positive=True)
        check_parameter(self, "mass_to_light_ratio", non_negative=True)

    def _amplitude(self):
        return self.mass_to_light_ratio * self.intensity

    def convergence_func(self, grid_radius, xp=np):
        """Convergence at *eccentric* radius ``grid_radius`` (the light-profile radius):
        ``M/L * I exp(-q R^2 / (2 sigma^2))``."""
        q = self.axis_ratio(xp=xp)
        radius = xp.asarray(grid_radius)
        return self._amplitude() * xp.exp(-0.5 * q * radius**2 / self.sigma**2)

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """``M/L * I exp(-(q^2 x'^2 + y'^2) / (2 sigma^2))``."""
        raw = grid_raw_from(grid)
        q = self.axis_ratio(xp=xp)
        exponent = ((q * raw[:, 1]) ** 2 + raw[:, 0] ** 2) / (2.0 * self.sigma**2)
        return self._amplitude() * xp.exp(-exponent)

    @aa.decorators.to_vector_yx
    @aa.decorators.transform(rotate_back=True)
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Analytic deflections through the Faddeeva function (NumPy and JAX)."""
        raw = grid_raw_from(grid)
        alpha_y, alpha_x = stellar_util.gaussian_deflections_from(
            raw[:, 0],
            raw[:, 1],
            self.axis_ratio(xp=xp),
            self.sigma,
            self._amplitude(),
            xp=xp,
        )
        return xp.stack((alpha_y, alpha_x), axis=-1)

    def _alpha_circ_of_xi(self, xi, xp):
        q = self.axis_ratio(xp=xp)
        return stellar_util.gaussian_circular_deflection_from(
            xi, self.sigma / q, self._amplitude(), xp=xp
        )

    def _keeton_quadrature(self, xp=np):
        return GAUSSIAN_POTENTIAL_NODES, 2.0, self.sigma / self.axis_ratio(xp=xp)

    # potential_2d_from: Keeton's integral (KeetonMassProfile).
