"""Moffat light profile."""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.light.abstract import LightProfile


class Moffat(LightProfile):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1, alpha=0.5, beta=2.0):
        """Moffat ``I (1 + (R / (alpha / sqrt(q)))^2)^(-beta)`` of the eccentric radius ``R``.

        ``alpha`` (core width) and ``beta`` (wing slope) must be positive.
        """
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=intensity)
        self.alpha = alpha
        self.beta = beta
        check_parameter(self, "alpha", positive=True)
        check_parameter(self, "beta", positive=True)

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        scale = self.axis_ratio(xp=xp) / (self.alpha * self.alpha)
        # exp(-beta log(1 + x)) is cheaper than a general power (x >= 0, so no accuracy loss)
        return self.intensity * xp.exp(-self.beta * xp.log(1.0 + scale * radii_squared))


class MoffatSph(SphTwin, Moffat):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, alpha=0.5, beta=2.0):
        """Spherical :class:`Moffat`."""
        super().__init__(
            centre=centre, ell_comps=(0.0, 0.0), intensity=intensity, alpha=alpha, beta=beta
        )
