"""Linear operated light profiles (``ag.lp_linear_operated``): already PSF-convolved light whose
intensity is solved by the linear inversion (its mapping-matrix column is never convolved)."""

from autogalaxy.profiles.light import standard_operated
from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.operated import LightProfileOperated


class Gaussian(LightProfileLinear, standard_operated.Gaussian):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), sigma=1.0):
        """Linear operated Gaussian (intensity fixed to 1)."""
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=1.0, sigma=sigma)


class Moffat(LightProfileLinear, standard_operated.Moffat):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), alpha=0.5, beta=2.0):
        """Linear operated Moffat (intensity fixed to 1)."""
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=1.0, alpha=alpha, beta=beta)


class Sersic(LightProfileLinear, standard_operated.Sersic):
    def __init__(
        self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), effective_radius=0.6, sersic_index=4.0
    ):
        """Linear operated Sersic (intensity fixed to 1)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=1.0,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )


__all__ = ["LightProfileLinear", "LightProfileOperated", "Gaussian", "Moffat", "Sersic"]
