"""Linear Elson-Fall-Freeman light profiles."""

from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.standard import elson_free_fall


class ElsonFreeFall(LightProfileLinear, elson_free_fall.ElsonFreeFall):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), effective_radius=0.6, eta=1.5):
        """Linear :class:`~autogalaxy.profiles.light.standard.ElsonFreeFall` (intensity 1)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=1.0,
            effective_radius=effective_radius,
            eta=eta,
        )


class ElsonFreeFallSph(LightProfileLinear, elson_free_fall.ElsonFreeFallSph):
    def __init__(self, centre=(0.0, 0.0), effective_radius=0.6, eta=1.5):
        """Linear spherical ElsonFreeFall (intensity fixed to 1)."""
        super().__init__(centre=centre, intensity=1.0, effective_radius=effective_radius, eta=eta)
