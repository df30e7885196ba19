"""Elson, Fall & Freeman (1987) light profile."""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.light.abstract import LightProfile


class ElsonFreeFall(LightProfile):
    def __init__(
        self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1, effective_radius=0.6, eta=1.5
    ):
        """Elson-Fall-Freeman ``I (1 + (R / R_e)^2)^(-eta)`` of the eccentric radius ``R``.

        ``effective_radius`` must be positive.
        """
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=intensity)
        self.effective_radius = effective_radius
        self.eta = eta
        check_parameter(self, "effective_radius", positive=True)
        check_parameter(self, "eta")

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        scale = 1.0 / (self.effective_radius * self.effective_radius)
        return self.intensity * xp.exp(-self.eta * xp.log(1.0 + scale * radii_squared))


class ElsonFreeFallSph(SphTwin, ElsonFreeFall):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, effective_radius=0.6, eta=1.5):
        """Spherical :class:`ElsonFreeFall`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            effective_radius=effective_radius,
            eta=eta,
        )
