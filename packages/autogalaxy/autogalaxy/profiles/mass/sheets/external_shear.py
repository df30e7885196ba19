"""External shear: a constant tidal field ``(gamma_1, gamma_2)`` centred on the origin."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy import convert
from autogalaxy.profiles.geometry_profiles import stacked_yx_from
from autogalaxy.profiles.mass.abstract import MassProfile, check_parameter, grid_raw_from


class ExternalShear(MassProfile):
    has_convergence_func = False

    def __init__(self, gamma_1: float = 0.0, gamma_2: float = 0.0):
        """External shear with components ``gamma_1``, ``gamma_2`` (centre fixed at (0, 0)).

        Deflections ``alpha_x = gamma_1 x + gamma_2 y``, ``alpha_y = gamma_2 x - gamma_1 y``;
        potential ``psi = gamma_1 (x^2 - y^2)/2 + gamma_2 x y``; zero convergence.
        """
        super().__init__(centre=(0.0, 0.0), ell_comps=(0.0, 0.0))
        self.gamma_1 = gamma_1
        self.gamma_2 = gamma_2
        check_parameter(self, "gamma_1")
        check_parameter(self, "gamma_2")

    def magnitude(self, xp=np):
        """Shear magnitude ``sqrt(gamma_1^2 + gamma_2^2)``."""
        return convert.shear_magnitude_and_angle_from(self.gamma_1, self.gamma_2, xp=xp)[0]

    def angle(self, xp=np):
        """Shear angle ``atan2(gamma_2, gamma_1) / 2`` in degrees, mapped into (-45, 135]."""
        return convert.shear_magnitude_and_angle_from(self.gamma_1, self.gamma_2, xp=xp)[1]

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """The columns of :meth:`deflections_yx_columns_from`, the one formula."""
        return stacked_yx_from(*self.deflections_yx_columns_from(grid, xp=xp), xp=xp)

    def deflections_yx_columns_from(self, grid, xp=np):
        """The ``(alpha_y, alpha_x)`` columns of :meth:`deflections_yx_2d_from` (raw)."""
        raw = grid_raw_from(grid)
        y = raw[:, 0]
        x = raw[:, 1]
        return self.gamma_2 * x - self.gamma_1 * y, self.gamma_1 * x + self.gamma_2 * y

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        return xp.zeros_like(grid_raw_from(grid)[:, 0])

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        y = raw[:, 0]
        x = raw[:, 1]
        return 0.5 * self.gamma_1 * (x * x - y * y) + self.gamma_2 * x * y

    def convergence_func(self, grid_radius, xp=np):
        return xp.zeros_like(xp.asarray(aa.raw_array(grid_radius)))
