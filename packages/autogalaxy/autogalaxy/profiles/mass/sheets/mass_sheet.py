"""Uniform mass sheet of convergence ``kappa``."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin
from autogalaxy.profiles.mass.abstract import MassProfile, check_parameter


class MassSheet(SphTwin, MassProfile):
    def __init__(self, centre=(0.0, 0.0), kappa: float = 0.0):
        """A sheet of constant convergence ``kappa``: ``alpha = kappa (y, x)``, ``psi = kappa r^2 / 2``
        (coordinates relative to ``centre``)."""
        super().__init__(centre=centre, ell_comps=(0.0, 0.0))
        self.kappa = kappa
        check_parameter(self, "kappa")

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        return xp.stack((self.kappa * y, self.kappa * x), axis=-1)

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        y, _ = self._centred_yx_from(grid, xp=xp)
        return self.kappa * xp.ones_like(y)

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        y, x = self._centred_yx_from(grid, xp=xp)
        return 0.5 * self.kappa * (y * y + x * x)

    def convergence_func(self, grid_radius, xp=np):
        radius = xp.asarray(aa.raw_array(grid_radius))
        return self.kappa * xp.ones_like(radius)
