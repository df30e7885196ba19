"""Chameleon stellar mass profiles: ``kappa = mass_to_light_ratio x`` the Chameleon light.

With ``C = (M/L) I / (1 + q)``, ``a = 2 w0 / (1 + q)`` and
``b = 2 w1 / (1 + q)`` (core radii ``w0 = core_radius_0``, ``w1 = core_radius_1``) the convergence
on ellipses ``xi^2 = x'^2 + y'^2 / q^2`` is ``C [(xi^2 + a^2)^(-1/2) - (xi^2 + b^2)^(-1/2)]``, a
difference of two cored isothermals. Its circular deflection is closed-form,
``2 C xi [1 / (sqrt(xi^2 + a^2) + a) - 1 / (sqrt(xi^2 + b^2) + b)]``; the elliptical deflections
and potential are Keeton's integrals. Convergence and deflections match PyAutoGalaxy to rounding;
its elliptical potential disagrees with its own deflections (by ~20% in the gradient), so only
the spherical potential is compared.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import check_parameter, grid_raw_from
from autogalaxy.profiles.light.standard.chameleon import CHAMELEON_AXIS_RATIO_MAX
from autogalaxy.profiles.mass.keeton_profile import KeetonMassProfile

#: Keeton quadrature of the Chameleon (nodes per panel, small-u power).
CHAMELEON_QUADRATURE_NODES = 32
CHAMELEON_QUADRATURE_POWER = 2.0
#: Floor of ``sqrt(xi^2 + a^2) + a`` (zero only at the centre of a core-less component).
DENOMINATOR_FLOOR = 1.0e-300


class Chameleon(KeetonMassProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity: float = 0.1,
        core_radius_0: float = 0.01,
        core_radius_1: float = 0.02,
        mass_to_light_ratio: float = 1.0,
    ):
        """Chameleon stellar mass (parameters as ``lp.Chameleon`` plus ``mass_to_light_ratio``)."""
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.intensity = intensity
        self.core_radius_0 = core_radius_0
        self.core_radius_1 = core_radius_1
        self.mass_to_light_ratio = mass_to_light_ratio
        check_parameter(self, "intensity")
        check_parameter(self, "core_radius_0", non_negative=True)
        check_parameter(self, "core_radius_1", non_negative=True)
        check_parameter(self, "mass_to_light_ratio", non_negative=True)

    def axis_ratio(self, xp=np):
        """Axis ratio ``q``, capped at ``lp.Chameleon``'s 0.99999 everywhere (convergence,
        deflections, constants), as PyAutoGalaxy does: the Keeton integrals need no cap, but
        without it round Chameleons differ from PyAutoGalaxy's by ~1e-5."""
        return xp.minimum(super().axis_ratio(xp=xp), CHAMELEON_AXIS_RATIO_MAX)

    def _constants(self, xp):
        q = self.axis_ratio(xp=xp)
        c = self.mass_to_light_ratio * self.intensity / (1.0 + q)
        return c, 2.0 * self.core_radius_0 / (1.0 + q), 2.0 * self.core_radius_1 / (1.0 + q)

    def convergence_func(self, grid_radius, xp=np):
        """Convergence at elliptical radius ``grid_radius``."""
        return self._kappa_of_xi2(xp.asarray(grid_radius) ** 2, xp)

    def _kappa_of_xi2(self, xi2, xp):
        c, a, b = self._constants(xp)
        # Divided by each root (XLA turns 1 / sqrt into rsqrt, scalar code on AVX2).
        return c / xp.sqrt(xi2 + a**2) - c / xp.sqrt(xi2 + b**2)

    def _alpha_circ_of_xi(self, xi, xp):
        c, a, b = self._constants(xp)
        s_a = xp.maximum(xp.sqrt(xi**2 + a**2) + a, DENOMINATOR_FLOOR)
        s_b = xp.maximum(xp.sqrt(xi**2 + b**2) + b, DENOMINATOR_FLOOR)
        return 2.0 * c * xi * (1.0 / s_a - 1.0 / s_b)

    def _keeton_quadrature(self, xp=np):
        _, _, b = self._constants(xp)
        return CHAMELEON_QUADRATURE_NODES, CHAMELEON_QUADRATURE_POWER, xp.maximum(b, 1e-3)

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        q = self.axis_ratio(xp=xp)
        return self._kappa_of_xi2(raw[:, 1] ** 2 + (raw[:, 0] / q) ** 2, xp)


class ChameleonSph(Chameleon):
    def __init__(
        self,
        centre=(0.0, 0.0),
        intensity: float = 0.1,
        core_radius_0: float = 0.01,
        core_radius_1: float = 0.02,
        mass_to_light_ratio: float = 1.0,
    ):
        """Spherical :class:`Chameleon`: ``ell_comps = (0, 0)`` with the axis-ratio cap (as in
        PyAutoGalaxy), so not the spherical geometry of the other ``*Sph`` twins."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            core_radius_0=core_radius_0,
            core_radius_1=core_radius_1,
            mass_to_light_ratio=mass_to_light_ratio,
        )
