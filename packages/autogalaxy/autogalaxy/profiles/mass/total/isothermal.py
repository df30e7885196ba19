"""Singular isothermal ellipsoid / sphere: the ``slope = 2`` members of the power-law family.

``kappa = theta_E / ((1 + q) eta)`` with ``eta`` the elliptical (major-axis) radius. The elliptical
deflections use the closed-form atan / atanh SIE solution (:func:`.epl_util.sie_deflections_from`),
with a series branch for ``|ell_comps| < 1e-4`` so that there is no axis-ratio cap near ``q = 1``
and gradients are finite and correct at ``ell_comps = (0, 0)``. It equals the general EPL kernel
at ``slope = 2`` to round-off.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin, grid_raw_from
from autogalaxy.profiles.mass.total import epl_util
from autogalaxy.profiles.mass.total.power_law import PowerLaw, PowerLawSph


def isothermal_sph_deflections_from(y, x, einstein_radius, xp=np):
    """Raw ``(alpha_y, alpha_x)`` of the SIS: ``theta_E`` along the direction of ``(y, x)``.

    At the exact centre the direction is undefined. PyAutoGalaxy takes the polar angle
    ``arctan2(0, 0) = 0`` there, i.e. ``(0, theta_E)``; odd-sized grids centred on the lens (its
    7x7 test fixtures, for one) have a pixel at the centre, so fits only agree if we do the same.
    The centre stand-in ``(0, 1)`` of :func:`.epl_util.centre_safe_from` gives exactly that
    direction while keeping values and gradients finite. The direction goes through the polar
    angle (not ``y / r``) because PyAutoGalaxy's does: its round-off (``cos(pi / 2) = 6e-17``)
    decides where rays land relative to a cuspy source centre, which shows in the fit's
    likelihood at the 1e-8 level.
    """
    _, y, x = epl_util.centre_safe_from(y, x, xp=xp)
    angle = xp.arctan2(y, x)
    return einstein_radius * xp.sin(angle), einstein_radius * xp.cos(angle)


class Isothermal(PowerLaw):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), einstein_radius: float = 1.0):
        """Singular isothermal ellipsoid (SIE): a ``PowerLaw`` with ``slope = 2``."""
        super().__init__(
            centre=centre, ell_comps=ell_comps, einstein_radius=einstein_radius, slope=2.0
        )

    def _sie_arguments_from(self, grid, xp=np) -> tuple:
        """``(y, x, einstein_radius, ell_comps)`` for the SIE kernels, and ``centre`` (zero
        for a grid already in the profile frame)."""
        raw = grid_raw_from(grid)
        centre = self._frame_centre_from(grid)
        ell_comps = self._frame_ell_comps_from(grid, xp=xp)
        return (raw[:, 0], raw[:, 1], self.einstein_radius, ell_comps), centre

    def _sie_deflections_raw_from(self, grid, xp=np):
        arguments, centre = self._sie_arguments_from(grid, xp=xp)
        return epl_util.sie_deflections_from(*arguments, xp=xp, centre=centre)

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Closed-form SIE deflections (atan / atanh), evaluated in the observer frame."""
        return self._sie_deflections_raw_from(grid, xp=xp)

    def deflections_yx_columns_from(self, grid, xp=np):
        """The ``(alpha_y, alpha_x)`` columns of :meth:`deflections_yx_2d_from` (raw)."""
        arguments, centre = self._sie_arguments_from(grid, xp=xp)
        return epl_util.sie_deflection_columns_from(*arguments, xp=xp, centre=centre)

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """``psi = x alpha_x + y alpha_y`` (relative to the centre; zero there)."""
        y, x = self._centred_yx_from(grid, xp=xp)
        alpha = self._sie_deflections_raw_from(grid, xp=xp)
        return x * alpha[:, 1] + y * alpha[:, 0]


class IsothermalSph(SphTwin, Isothermal):
    def __init__(self, centre=(0.0, 0.0), einstein_radius: float = 1.0):
        """Singular isothermal sphere (SIS): ``|alpha| = theta_E``, ``kappa = theta_E / (2 r)``,
        ``psi = theta_E r``."""
        super().__init__(centre=centre, ell_comps=(0.0, 0.0), einstein_radius=einstein_radius)

    deflections_yx_2d_from = PowerLawSph.deflections_yx_2d_from

    def deflections_yx_columns_from(self, grid, xp=np):
        """The ``(alpha_y, alpha_x)`` columns of :meth:`deflections_yx_2d_from` (raw)."""
        y, x = self._centred_yx_from(grid, xp=xp)
        return isothermal_sph_deflections_from(y, x, self.einstein_radius, xp=xp)

    convergence_2d_from = PowerLawSph.convergence_2d_from
    potential_2d_from = PowerLawSph.potential_2d_from
