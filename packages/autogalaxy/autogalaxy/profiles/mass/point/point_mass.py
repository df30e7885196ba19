"""Point mass: ``alpha = theta_E^2 (y, x) / r^2``, ``psi = theta_E^2 ln r``, zero convergence."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin
from autogalaxy.profiles.mass.abstract import MassProfile, check_parameter

#: Softening (arcsec^2) PyAutoGalaxy adds to ``r^2`` in the point mass's deflections and
#: potential: the deflection falls to 0 at the exact centre and peaks at 1e-10" from it, and
#: ``psi`` is ``theta_E^2 ln(1e-20) / 2`` there. Every value and gradient stays finite.
SOFTENING_SQUARED = 1.0e-20


class PointMass(SphTwin, MassProfile):
    has_convergence_func = False

    def __init__(self, centre=(0.0, 0.0), einstein_radius: float = 1.0):
        """A point mass with Einstein radius ``einstein_radius`` (arc-seconds, >= 0).

        As in PyAutoGalaxy, ``r^2`` is softened by :data:`SOFTENING_SQUARED` (so the deflection
        is 0 at the exact centre).
        """
        super().__init__(centre=centre, ell_comps=(0.0, 0.0))
        self.einstein_radius = einstein_radius
        check_parameter(self, "einstein_radius", non_negative=True)

    def _r2_from(self, y, x, xp=np):
        return y * y + x * x + SOFTENING_SQUARED

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        scale = self.einstein_radius**2 / self._r2_from(y, x, xp=xp)
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
