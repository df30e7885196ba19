"""Point mass: ``alpha = theta_E^2 (y, x) / r^2``, ``psi = theta_E^2 ln r``, zero convergence."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin
from autogalaxy.profiles.mass.abstract import MassProfile, check_parameter
from autogalaxy.profiles.mass.total.epl_util import centre_safe_from

#: Squared-radius floor (arcsec^2) applied at the exact centre.
_R2_FLOOR = 1.0e-100


class PointMass(SphTwin, MassProfile):
    has_convergence_func = False

    def __init__(self, centre=(0.0, 0.0), einstein_radius: float = 1.0):
        """A point mass with Einstein radius ``einstein_radius`` (arc-seconds, >= 0).

        At the exact centre the deflection is returned as 0 (and ``ln r`` uses r = 1e-50).
        """
        super().__init__(centre=centre, ell_comps=(0.0, 0.0))
        self.einstein_radius = einstein_radius
        check_parameter(self, "einstein_radius", non_negative=True)

    def _r2_from(self, y, x, xp=np):
        r2 = y * y + x * x
        return xp.where(r2 > _R2_FLOOR, r2, _R2_FLOOR)

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        at_centre, y, x = centre_safe_from(y, x, xp=xp)
        scale = xp.where(at_centre, 0.0, self.einstein_radius**2 / (y * y + x * x))
        return xp.stack((scale * y, scale * x), axis=-1)

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        y, _ = self._centred_yx_from(grid, xp=xp)
        return xp.zeros_like(y)

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        return 0.5 * self.einstein_radius**2 * xp.log(self._r2_from(y, x, xp=xp))

    def convergence_func(self, grid_radius, xp=np):
        radius = xp.asarray(aa.raw_array(grid_radius))
        return xp.zeros_like(radius)
