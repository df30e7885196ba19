"""Gaussian light profile."""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.kernels import amplitude_exp_rate_power_from
from autogalaxy.profiles.light.abstract import LightProfile


class Gaussian(LightProfile):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1, sigma=1.0):
        """Gaussian ``I exp(-R^2 / (2 (sigma / sqrt(q))^2))`` of the eccentric radius ``R``.

        In the profile frame this is ``I exp(-(q^2 x'^2 + y'^2) / (2 sigma^2))``: ``sigma`` is the
        width along the minor axis. ``sigma`` must be positive.
        """
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=intensity)
        self.sigma = sigma
        check_parameter(self, "sigma", positive=True)

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        rate = -0.5 * self.axis_ratio(xp=xp) / (self.sigma * self.sigma)
        return amplitude_exp_rate_power_from(
            radii_squared, self.intensity, rate, 1.0, xp=xp, overwrite=overwrite
        )


class GaussianSph(SphTwin, Gaussian):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, sigma=1.0):
        """Spherical :class:`Gaussian`."""
        super().__init__(centre=centre, ell_comps=(0.0, 0.0), intensity=intensity, sigma=sigma)
