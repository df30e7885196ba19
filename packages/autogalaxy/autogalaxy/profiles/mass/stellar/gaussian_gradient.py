"""Gaussian stellar mass whose mass-to-light ratio depends on the Gaussian's width
(PyAutoGalaxy's ``mp.GaussianGradient``, used by multi-Gaussian light-and-mass decompositions).

Each Gaussian has one mass-to-light ratio ``base * ((sigma + 0.01) / radius)^gradient``: in a
sum of Gaussians (an MGE) the ratio varies with radius through the Gaussians' widths. The 0.01
arc-seconds (PyAutoGalaxy's value) keeps the ratio finite for vanishing widths.
"""

from __future__ import annotations

from autogalaxy.profiles.geometry_profiles import check_parameter
from autogalaxy.profiles.mass.keeton_profile import KeetonMassProfile
from autogalaxy.profiles.mass.stellar.gaussian import Gaussian

#: Softening added to ``sigma`` (arc-seconds) in the mass-to-light scaling.
SIGMA_SOFTENING = 0.01


class GaussianGradient(Gaussian):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity: float = 0.1,
        sigma: float = 1.0,
        mass_to_light_ratio_base: float = 1.0,
        mass_to_light_gradient: float = 0.0,
        mass_to_light_radius: float = 1.0,
    ):
        """:class:`Gaussian` mass with ``mass_to_light_ratio = mass_to_light_ratio_base *
        ((sigma + 0.01) / mass_to_light_radius) ** mass_to_light_gradient``.

        ``mass_to_light_ratio_base >= 0`` and ``mass_to_light_radius > 0`` are required.
        """
        # Not Gaussian.__init__: ``mass_to_light_ratio`` is derived (a property), so the
        # parameters a search or JAX traces are the constructor's own.
        KeetonMassProfile.__init__(self, centre=centre, ell_comps=ell_comps)
        self.intensity = intensity
        self.sigma = sigma
        self.mass_to_light_ratio_base = mass_to_light_ratio_base
        self.mass_to_light_gradient = mass_to_light_gradient
        self.mass_to_light_radius = mass_to_light_radius
        check_parameter(self, "intensity")
        check_parameter(self, "sigma", positive=True)
        check_parameter(self, "mass_to_light_ratio_base", non_negative=True)
        check_parameter(self, "mass_to_light_gradient")
        check_parameter(self, "mass_to_light_radius", positive=True)

    @property
    def mass_to_light_ratio(self):
        """The derived ratio, or the value assigned to ``mass_to_light_ratio``."""
        fixed = self.__dict__.get("_mass_to_light_ratio_fixed")
        if fixed is not None:
            return fixed
        return (
            self.mass_to_light_ratio_base
            * ((self.sigma + SIGMA_SOFTENING) / self.mass_to_light_radius)
            ** self.mass_to_light_gradient
        )

    @mass_to_light_ratio.setter
    def mass_to_light_ratio(self, value) -> None:
        # PyAutoGalaxy keeps the ratio as a plain attribute, so a model that fixes
        # ``gaussian.mass_to_light_ratio = 10.0`` (set on the instance after construction)
        # replaces the derived ratio there; kept in __dict__ so pytrees carry it
        self._mass_to_light_ratio_fixed = value
