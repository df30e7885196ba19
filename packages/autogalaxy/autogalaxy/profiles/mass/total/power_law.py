"""Elliptical power-law (EPL) mass profiles: ``PowerLaw`` and ``PowerLawSph``.

Convergence (PyAutoGalaxy convention, ``eta`` the elliptical radius ``sqrt(x'^2 + (y'/q)^2)``)::

    kappa = (3 - slope) / (1 + q) * (einstein_radius / eta) ** (slope - 1)

Deflections follow Tessore & Metcalf (2015), evaluated in the observer frame with a Gauss-Jacobi
rule for the hypergeometric function (see :mod:`.epl_util` and ``docs/epl.md``). The same code runs
on NumPy and JAX and is accurate to round-off for axis ratios ``q >= 0.1``.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import (
    SphTwin,
    grid_raw_from,
    plain_scalars,
    stacked_yx_from,
)
from autogalaxy.profiles.mass.abstract import MassProfile, check_parameter, check_range
from autogalaxy.profiles.mass.total import epl_util


def power_law_sph_deflections_from(y, x, einstein_radius, slope, xp=np):
    """Raw ``(alpha_y, alpha_x)`` of the spherical power law: ``|alpha| = theta_E^t r^(1-t)``."""
    t = slope - 1.0
    at_centre, y, x = epl_util.centre_safe_from(y, x, xp=xp)
    scale = xp.where(at_centre, 0.0, einstein_radius**t * (y * y + x * x) ** (-0.5 * t))
    return scale * y, scale * x


def power_law_sph_convergence_from(y, x, einstein_radius, slope, xp=np):
    """Raw convergence ``(3 - slope)/2 (theta_E / r)^(slope - 1)``."""
    t = slope - 1.0
    r2 = y * y + x * x
    r2 = xp.where(r2 > epl_util.RADIUS_SQUARED_FLOOR, r2, epl_util.RADIUS_SQUARED_FLOOR)
    return 0.5 * (2.0 - t) * einstein_radius**t * r2 ** (-0.5 * t)


def power_law_sph_potential_from(y, x, einstein_radius, slope, xp=np):
    """Raw potential ``theta_E^t r^(2-t) / (2-t)`` (zero at the centre)."""
    t = slope - 1.0
    r2 = y * y + x * x
    r2 = xp.where(r2 > epl_util.RADIUS_SQUARED_FLOOR, r2, epl_util.RADIUS_SQUARED_FLOOR)
    return einstein_radius**t * r2 ** (1.0 - 0.5 * t) / (2.0 - t)


class PowerLaw(MassProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        einstein_radius: float = 1.0,
        slope: float = 2.0,
    ):
        """Elliptical power-law mass profile (EPL).

        Parameters
        ----------
        centre
            (y, x) centre in arc-seconds.
        ell_comps
            Elliptical components ``(e1, e2)``.
        einstein_radius
            Einstein radius (arc-seconds, PyAutoGalaxy convention, >= 0).
        slope
            Logarithmic density slope ``gamma`` (``kappa ~ R^(1 - gamma)``), in (1, 3).
        """
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.einstein_radius = einstein_radius
        self.slope = slope
        check_parameter(self, "einstein_radius", non_negative=True)
        check_range(self, "slope", 1.0, 3.0)

    def _rule_from(self, xp=np):
        return epl_util.rule_for_profile_from(self.slope, self.ell_comps, xp=xp)

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """EPL deflections (Tessore & Metcalf 2015) in the observer frame: the columns of
        :meth:`deflections_yx_columns_from`, the one formula."""
        return stacked_yx_from(*self.deflections_yx_columns_from(grid, xp=xp), xp=xp)

    def deflections_yx_columns_from(self, grid, xp=np):
        """Raw ``(alpha_y, alpha_x)`` EPL deflections; with plain-number parameters on NumPy the
        in-place kernel ``epl_util.epl_deflections_numpy_from`` evaluates the same formula."""
        fast = self._epl_deflections_numpy_from(grid, xp=xp)
        if fast is not None:
            return fast[:, 0], fast[:, 1]
        y, x = self._centred_yx_from(grid, xp=xp)
        return epl_util.epl_deflections_from(
            y,
            x,
            self.einstein_radius,
            self.slope,
            self._frame_ell_comps_from(grid, xp=xp),
            xp=xp,
            rule=self._rule_from(xp=xp),
        )

    def _epl_deflections_numpy_from(self, grid, xp=np):
        """The in-place NumPy EPL deflections ``[N, 2]`` for plain-number parameters, else None."""
        ell_comps = self._frame_ell_comps_from(grid, xp=xp)
        centre = self._frame_centre_from(grid)
        if not (xp is np and plain_scalars(self.einstein_radius, self.slope, ell_comps, centre)):
            return None
        raw = grid_raw_from(grid)
        return epl_util.epl_deflections_numpy_from(
            raw[:, 0],
            raw[:, 1],
            centre,
            self.einstein_radius,
            self.slope,
            ell_comps,
            rule=self._rule_from(xp=xp),
        )

    @aa.decorators.over_sample
    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """``(3 - slope)/(1 + q) (theta_E / eta)^(slope - 1)``."""
        y, x = self._centred_yx_from(grid, xp=xp)
        return epl_util.epl_convergence_from(
            y, x, self.einstein_radius, self.slope, self._frame_ell_comps_from(grid, xp=xp), xp=xp
        )

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """``psi = (x alpha_x + y alpha_y) / (3 - slope)`` (zero at the centre)."""
        y, x = self._centred_yx_from(grid, xp=xp)
        return epl_util.epl_potential_from(
            y,
            x,
            self.einstein_radius,
            self.slope,
            self._frame_ell_comps_from(grid, xp=xp),
            xp=xp,
            rule=self._rule_from(xp=xp),
        )

    def convergence_func(self, grid_radius, xp=np):
        """Radial convergence ``(3 - slope)/(1 + q) theta_E^(slope-1) r^(1-slope)``."""
        radius = aa.raw_array(grid_radius)
        t = self.slope - 1.0
        return (
            (3.0 - self.slope)
            / (1.0 + self.axis_ratio(xp=xp))
            * self.einstein_radius**t
            * radius ** (-t)
        )


class PowerLawSph(SphTwin, PowerLaw):
    def __init__(self, centre=(0.0, 0.0), einstein_radius: float = 1.0, slope: float = 2.0):
        """Spherical power-law mass profile: ``kappa = (3 - slope)/2 (theta_E / r)^(slope - 1)``."""
        super().__init__(
            centre=centre, ell_comps=(0.0, 0.0), einstein_radius=einstein_radius, slope=slope
        )

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Radial deflections ``theta_E^(slope-1) r^(2-slope)``."""
        return stacked_yx_from(*self.deflections_yx_columns_from(grid, xp=xp), xp=xp)

    def deflections_yx_columns_from(self, grid, xp=np):
        """The ``(alpha_y, alpha_x)`` columns of :meth:`deflections_yx_2d_from` (raw)."""
        y, x = self._centred_yx_from(grid, xp=xp)
        return power_law_sph_deflections_from(y, x, self.einstein_radius, self.slope, xp=xp)

    @aa.decorators.over_sample
    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        return power_law_sph_convergence_from(y, x, self.einstein_radius, self.slope, xp=xp)

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        return power_law_sph_potential_from(y, x, self.einstein_radius, self.slope, xp=xp)
