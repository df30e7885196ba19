"""Linear Sersic, Exponential and DevVaucouleurs light profiles."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.standard import sersic


class Sersic(LightProfileLinear, sersic.Sersic):
    def __init__(
        self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), effective_radius=0.6, sersic_index=4.0
    ):
        """Linear :class:`~autogalaxy.profiles.light.standard.Sersic` (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=1.0,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )


class SersicSph(LightProfileLinear, sersic.SersicSph):
    def __init__(self, centre=(0.0, 0.0), effective_radius=0.6, sersic_index=4.0):
        """Linear spherical Sersic (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            intensity=1.0,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )


class Exponential(LightProfileLinear, sersic.Exponential):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), effective_radius=0.6):
        """Linear Exponential (intensity fixed to 1)."""
        super().__init__(
            centre=centre, ell_comps=ell_comps, intensity=1.0, effective_radius=effective_radius
        )


class ExponentialSph(LightProfileLinear, sersic.ExponentialSph):
    def __init__(self, centre=(0.0, 0.0), effective_radius=0.6):
        """Linear spherical Exponential (intensity fixed to 1)."""
        super().__init__(centre=centre, intensity=1.0, effective_radius=effective_radius)


class DevVaucouleurs(LightProfileLinear, sersic.DevVaucouleurs):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), effective_radius=0.6):
        """Linear DevVaucouleurs (intensity fixed to 1)."""
        super().__init__(
            centre=centre, ell_comps=ell_comps, intensity=1.0, effective_radius=effective_radius
        )


class DevVaucouleursSph(LightProfileLinear, sersic.DevVaucouleursSph):
    def __init__(self, centre=(0.0, 0.0), effective_radius=0.6):
        """Linear spherical DevVaucouleurs (intensity fixed to 1)."""
        super().__init__(centre=centre, intensity=1.0, effective_radius=effective_radius)
