"""Linear Moffat light profiles."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.standard import moffat


class Moffat(LightProfileLinear, moffat.Moffat):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), alpha=0.5, beta=2.0):
        """Linear :class:`~autogalaxy.profiles.light.standard.Moffat` (intensity fixed to 1)."""
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=1.0, alpha=alpha, beta=beta)


class MoffatSph(LightProfileLinear, moffat.MoffatSph):
    def __init__(self, centre=(0.0, 0.0), alpha=0.5, beta=2.0):
        """Linear spherical Moffat (intensity fixed to 1)."""
        super().__init__(centre=centre, intensity=1.0, alpha=alpha, beta=beta)
