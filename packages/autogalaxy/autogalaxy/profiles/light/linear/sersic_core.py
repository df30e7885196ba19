"""Linear core-Sersic light profiles (default ``radius_break = 0.01``)."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.standard import sersic_core


class SersicCore(LightProfileLinear, sersic_core.SersicCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        effective_radius=0.6,
        sersic_index=4.0,
        radius_break=0.01,
        gamma=0.25,
        alpha=3.0,
    ):
        """Linear :class:`~autogalaxy.profiles.light.standard.SersicCore` (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            radius_break=radius_break,
            intensity=1.0,
            gamma=gamma,
            alpha=alpha,
        )


class SersicCoreSph(LightProfileLinear, sersic_core.SersicCoreSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        effective_radius=0.6,
        sersic_index=4.0,
        radius_break=0.01,
        gamma=0.25,
        alpha=3.0,
    ):
        """Linear spherical SersicCore (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            radius_break=radius_break,
            intensity=1.0,
            gamma=gamma,
            alpha=alpha,
        )


class ExponentialCore(LightProfileLinear, sersic_core.ExponentialCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        effective_radius=0.6,
        radius_break=0.01,
        gamma=0.25,
        alpha=3.0,
    ):
        """Linear ExponentialCore (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            effective_radius=effective_radius,
            radius_break=radius_break,
            intensity=1.0,
            gamma=gamma,
            alpha=alpha,
        )


class ExponentialCoreSph(LightProfileLinear, sersic_core.ExponentialCoreSph):
    def __init__(
        self, centre=(0.0, 0.0), effective_radius=0.6, radius_break=0.01, gamma=0.25, alpha=3.0
    ):
        """Linear spherical ExponentialCore (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            effective_radius=effective_radius,
            radius_break=radius_break,
            intensity=1.0,
            gamma=gamma,
            alpha=alpha,
        )
