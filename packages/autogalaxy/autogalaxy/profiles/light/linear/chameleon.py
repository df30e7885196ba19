"""Linear Chameleon light profiles."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.standard import chameleon


class Chameleon(LightProfileLinear, chameleon.Chameleon):
    def __init__(
        self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), core_radius_0=0.01, core_radius_1=0.05
    ):
        """Linear :class:`~autogalaxy.profiles.light.standard.Chameleon` (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=1.0,
            core_radius_0=core_radius_0,
            core_radius_1=core_radius_1,
        )


class ChameleonSph(LightProfileLinear, chameleon.ChameleonSph):
    def __init__(self, centre=(0.0, 0.0), core_radius_0=0.01, core_radius_1=0.05):
        """Linear spherical Chameleon (intensity fixed to 1)."""
        super().__init__(
            centre=centre, intensity=1.0, core_radius_0=core_radius_0, core_radius_1=core_radius_1
        )
