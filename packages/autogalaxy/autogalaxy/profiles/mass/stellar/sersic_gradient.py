"""Sersic mass profiles with a radial mass-to-light gradient (PyAutoGalaxy's ``SersicGradient``).

``kappa(R) = (M/L) I(R) (q R / R_e)^(-gradient)`` with ``R = sqrt(q x'^2 + y'^2 / q)`` the
eccentric radius of the Sersic light ``I`` and ``gradient = mass_to_light_gradient`` (the
``q R`` is PyAutoGalaxy's convention). Elliptical deflections use Keeton's integrals of this
convergence; the circular deflection the potential integral needs,
``alpha(xi) = (2 / xi) int_0^xi kappa(xi') xi' dxi'``, has no closed form and is evaluated by a
fixed Gauss-Legendre rule in ``ln xi'`` (smooth there for the Sersic tail and the power-law cusp)
plus the analytic cusp ``kappa(xi_lo) xi_lo^2 / (2 - gradient)`` below ``xi e^-LOG_SPAN``.
"""

from __future__ import annotations

import math

import numpy as np

from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.mass.keeton_util import gauss_legendre_unit
from autogalaxy.profiles.mass.stellar import stellar_util
from autogalaxy.profiles.mass.stellar.sersic import AbstractSersic

#: Width in ln(xi) and nodes of the circular-deflection integral.
LOG_SPAN = 40.0
N_NODES = 128
#: Floor of ``(q R / R_e)^2`` in the mass-to-light factor.
SCALED_FLOOR = 1.0e-24


class SersicGradient(AbstractSersic):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity: float = 0.1,
        effective_radius: float = 0.6,
        sersic_index: float = 0.6,
        mass_to_light_ratio: float = 1.0,
        mass_to_light_gradient: float = 0.0,
    ):
        """Sersic stellar mass whose mass-to-light ratio scales as
        ``(q R / R_e)^(-mass_to_light_gradient)`` (``mass_to_light_gradient < 2``)."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            mass_to_light_ratio=mass_to_light_ratio,
        )
        self.mass_to_light_gradient = mass_to_light_gradient
        check_parameter(self, "mass_to_light_gradient")
        if isinstance(mass_to_light_gradient, float) and not mass_to_light_gradient < 2.0:
            from autogalaxy import exc

            raise exc.ProfileException(
                f"{type(self).__name__}: mass_to_light_gradient must be < 2 (finite mass), got "
                f"{mass_to_light_gradient}."
            )

    def _convergence_from_squared(self, radius_squared, xp=np):
        sersic = stellar_util.sersic_profile_from_squared(
            radius_squared, self._amplitude(), self.effective_radius, self.sersic_index, xp=xp
        )
        q = self.axis_ratio(xp=xp)
        # (q R / R_e)^-g written on R^2. The cusp is cut at q R = 1e-12 R_e (no measurable mass
        # inside), which keeps the centre and JAX gradients there finite.
        scaled2 = xp.maximum(q * q * radius_squared / self.effective_radius**2, SCALED_FLOOR)
        return sersic * scaled2 ** (-0.5 * self.mass_to_light_gradient)

    def _alpha_circ_of_xi(self, xi, xp):
        q = self.axis_ratio(xp=xp)
        t, w = gauss_legendre_unit(N_NODES)
        t, w = xp.asarray(t), xp.asarray(w)
        xi = xp.maximum(xp.asarray(xi), 1e-300)
        log_xi = xp.log(xi)[..., None]
        nodes = xp.exp(log_xi - LOG_SPAN * (1.0 - t))
        kappa = self._convergence_from_squared(q * nodes**2, xp=xp)
        inner = LOG_SPAN * xp.sum(w * kappa * nodes**2, axis=-1)
        low = xi * math.exp(-LOG_SPAN)
        inner = inner + self._convergence_from_squared(q * low**2, xp=xp) * low**2 / (
            2.0 - self.mass_to_light_gradient
        )
        return 2.0 * inner / xi


class SersicGradientSph(SphTwin, SersicGradient):
    def __init__(
        self,
        centre=(0.0, 0.0),
        intensity: float = 0.1,
        effective_radius: float = 0.6,
        sersic_index: float = 0.6,
        mass_to_light_ratio: float = 1.0,
        mass_to_light_gradient: float = 0.0,
    ):
        """Spherical :class:`SersicGradient`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            mass_to_light_ratio=mass_to_light_ratio,
            mass_to_light_gradient=mass_to_light_gradient,
        )
