"""Chameleon light profile (difference of two cored isothermal profiles)."""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.light.abstract import LightProfile

#: Axis-ratio cap of the Chameleon profile.
CHAMELEON_AXIS_RATIO_MAX = 0.99999


class Chameleon(LightProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity=0.1,
        core_radius_0=0.01,
        core_radius_1=0.05,
    ):
        """Chameleon ``I/(1+q) [(R^2 + 4 w0^2/(1+q)^2)^(-1/2) - (R^2 + 4 w1^2/(1+q)^2)^(-1/2)]``.

        ``R`` is the elliptical radius and ``q`` is capped at 0.99999 in the factors. The core
        radii ``w0 = core_radius_0`` and ``w1 = core_radius_1`` must be non-negative (``w1 > w0``
        gives positive light).
        """
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=intensity)
        self.core_radius_0 = core_radius_0
        self.core_radius_1 = core_radius_1
        check_parameter(self, "core_radius_0", non_negative=True)
        check_parameter(self, "core_radius_1", non_negative=True)

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        q = self.axis_ratio(xp=xp)
        # elliptical radius^2 = eccentric radius^2 / q
        elliptical_squared = radii_squared / q
        q_capped = xp.minimum(q, CHAMELEON_AXIS_RATIO_MAX)
        factor = 4.0 / (1.0 + q_capped) ** 2
        return (self.intensity / (1.0 + q_capped)) * (
            1.0 / xp.sqrt(elliptical_squared + factor * self.core_radius_0**2)
            - 1.0 / xp.sqrt(elliptical_squared + factor * self.core_radius_1**2)
        )


class ChameleonSph(SphTwin, Chameleon):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, core_radius_0=0.01, core_radius_1=0.05):
        """Spherical :class:`Chameleon`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            core_radius_0=core_radius_0,
            core_radius_1=core_radius_1,
        )
