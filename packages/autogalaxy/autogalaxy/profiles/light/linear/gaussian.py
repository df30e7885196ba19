"""Linear Gaussian light profiles."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.standard import gaussian


class Gaussian(LightProfileLinear, gaussian.Gaussian):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), sigma=1.0):
        """Linear :class:`~autogalaxy.profiles.light.standard.Gaussian` (intensity fixed to 1)."""
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=1.0, sigma=sigma)


class GaussianSph(LightProfileLinear, gaussian.GaussianSph):
    def __init__(self, centre=(0.0, 0.0), sigma=1.0):
        """Linear spherical Gaussian (intensity fixed to 1)."""
        super().__init__(centre=centre, intensity=1.0, sigma=sigma)
