"""Cored power laws: ``PowerLawCore``, ``PowerLawCoreSph``, ``IsothermalCore``, ``IsothermalCoreSph``.

Convergence (PyAutoGalaxy convention, ``eta`` the elliptical radius)::

    kappa = (3 - slope) / (1 + q) * einstein_radius^(slope - 1) * (core_radius^2 + eta^2)^((1 - slope)/2)

Elliptical deflections and potentials come from Keeton's integrals evaluated with a fixed,
substitution-smoothed Gauss-Legendre rule (:mod:`.core_util`), so they work on NumPy and JAX alike.
The spherical deflections are closed form.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin, stacked_yx_from
from autogalaxy.profiles.mass.abstract import (
    MassProfile,
    check_parameter,
    check_range,
    grid_raw_from,
)
from autogalaxy.profiles.mass.total import core_util, epl_util


class PowerLawCore(MassProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        einstein_radius: float = 1.0,
        slope: float = 2.0,
        core_radius: float = 0.01,
    ):
        """Cored elliptical power law (``core_radius`` >= 0 in arc-seconds, slope in (1, 3))."""
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.einstein_radius = einstein_radius
        self.slope = slope
        self.core_radius = core_radius
        check_parameter(self, "einstein_radius", non_negative=True)
        check_range(self, "slope", 1.0, 3.0)
        check_parameter(self, "core_radius", non_negative=True)

    def _amplitude(self, xp=np):
        """``(3 - slope)/(1 + q) * einstein_radius^(slope - 1)``."""
        return (
            (3.0 - self.slope)
            / (1.0 + self.axis_ratio(xp=xp))
            * self.einstein_radius ** (self.slope - 1.0)
        )

    def convergence_func(self, grid_radius, xp=np):
        radius = aa.raw_array(grid_radius)
        return self._amplitude(xp=xp) * (self.core_radius**2 + radius**2) ** (
            -0.5 * (self.slope - 1.0)
        )

    @aa.decorators.over_sample
    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        e1, e2, f = epl_util.effective_ell_comps_from(
            self._frame_ell_comps_from(grid, xp=xp), xp=xp
        )
        big_p = (1.0 - e2) * x - e1 * y
        big_q = (1.0 + e2) * y - e1 * x
        eta2 = (big_p * big_p + big_q * big_q) / (1.0 - f) ** 2
        return (
            0.5
            * (3.0 - self.slope)
            * (1.0 + f)
            * self.einstein_radius ** (self.slope - 1.0)
            * xp.maximum(self.core_radius**2 + eta2, epl_util.RADIUS_SQUARED_FLOOR)
            ** (-0.5 * (self.slope - 1.0))
        )

    @aa.decorators.to_vector_yx
    @aa.decorators.transform(rotate_back=True)
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        alpha_y, alpha_x = core_util.cored_deflections_from(
            raw[:, 0],
            raw[:, 1],
            self._amplitude(xp=xp),
            self.slope - 1.0,
            self.core_radius,
            self.axis_ratio(xp=xp),
            xp=xp,
        )
        return stacked_yx_from(alpha_y, alpha_x, xp=xp)

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        return core_util.cored_potential_from(
            raw[:, 0],
            raw[:, 1],
            self._amplitude(xp=xp),
            self.slope - 1.0,
            self.core_radius,
            self.axis_ratio(xp=xp),
            xp=xp,
        )


class PowerLawCoreSph(SphTwin, PowerLawCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        einstein_radius: float = 1.0,
        slope: float = 2.0,
        core_radius: float = 0.01,
    ):
        """Cored spherical power law; closed-form deflections
        ``|alpha| = theta_E^(slope-1) [(r_c^2 + r^2)^((3-slope)/2) - r_c^(3-slope)] / r``."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            einstein_radius=einstein_radius,
            slope=slope,
            core_radius=core_radius,
        )

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        return stacked_yx_from(*self.deflections_yx_columns_from(grid, xp=xp), xp=xp)

    def deflections_yx_columns_from(self, grid, xp=np):
        """The ``(alpha_y, alpha_x)`` columns of :meth:`deflections_yx_2d_from` (raw)."""
        y, x = self._centred_yx_from(grid, xp=xp)
        return core_util.cored_sph_deflections_from(
            y, x, self.einstein_radius, self.slope, self.core_radius, xp=xp
        )


class IsothermalCore(PowerLawCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        einstein_radius: float = 1.0,
        core_radius: float = 0.01,
    ):
        """Cored isothermal ellipsoid: ``PowerLawCore`` with ``slope = 2``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            einstein_radius=einstein_radius,
            slope=2.0,
            core_radius=core_radius,
        )


class IsothermalCoreSph(SphTwin, IsothermalCore):
    def __init__(self, centre=(0.0, 0.0), einstein_radius: float = 1.0, core_radius: float = 0.01):
        """Cored isothermal sphere: ``PowerLawCoreSph`` with ``slope = 2``."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            einstein_radius=einstein_radius,
            core_radius=core_radius,
        )

    deflections_yx_2d_from = PowerLawCoreSph.deflections_yx_2d_from
    deflections_yx_columns_from = PowerLawCoreSph.deflections_yx_columns_from
