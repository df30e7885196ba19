"""Singular isothermal ellipsoid / sphere: the ``slope = 2`` members of the power-law family.

``kappa = theta_E / ((1 + q) eta)`` with ``eta`` the elliptical (major-axis) radius. The elliptical
deflections use the EPL kernel with the fixed slope 2 (a cached Gauss-Jacobi rule), which equals
the closed-form atan / atanh SIE solution to round-off for every axis ratio and, unlike that form,
needs no axis-ratio cap near ``q = 1`` and has smooth gradients at ``ell_comps = (0, 0)``.
"""

from __future__ import annotations

from autogalaxy.profiles.geometry_profiles import SphTwin
from autogalaxy.profiles.mass.total.power_law import PowerLaw, PowerLawSph


class Isothermal(PowerLaw):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), einstein_radius: float = 1.0):
        """Singular isothermal ellipsoid (SIE): a ``PowerLaw`` with ``slope = 2``."""
        super().__init__(
            centre=centre, ell_comps=ell_comps, einstein_radius=einstein_radius, slope=2.0
        )


class IsothermalSph(SphTwin, Isothermal):
    def __init__(self, centre=(0.0, 0.0), einstein_radius: float = 1.0):
        """Singular isothermal sphere (SIS): ``|alpha| = theta_E``, ``kappa = theta_E / (2 r)``,
        ``psi = theta_E r``."""
        super().__init__(centre=centre, ell_comps=(0.0, 0.0), einstein_radius=einstein_radius)

    deflections_yx_2d_from = PowerLawSph.deflections_yx_2d_from
    convergence_2d_from = PowerLawSph.convergence_2d_from
    potential_2d_from = PowerLawSph.potential_2d_from
