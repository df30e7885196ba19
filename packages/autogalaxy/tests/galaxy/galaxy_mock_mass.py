"""Small analytic mass profiles for the galaxy / lens-calc tests (independent of ag.mp)."""

import numpy as np

import autoarray as aa
from autogalaxy.profiles.mass.abstract import MassProfile


class MockSIS(MassProfile):
    """Singular isothermal sphere: α = θ_E r̂, κ = θ_E / 2r, ψ = θ_E r."""

    def __init__(self, centre=(0.0, 0.0), einstein_radius=1.0):
        super().__init__(centre=centre, ell_comps=(0.0, 0.0))
        self.einstein_radius = einstein_radius

    def _yxr(self, grid, xp):
        raw = aa.raw_array(grid)
        y = raw[:, 0] - self.centre[0]
        x = raw[:, 1] - self.centre[1]
        return y, x, xp.sqrt(y**2 + x**2)

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        y, x, r = self._yxr(grid, xp)
        return self.einstein_radius * xp.stack([y / r, x / r], axis=-1)

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        _, _, r = self._yxr(grid, xp)
        return 0.5 * self.einstein_radius / r

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        _, _, r = self._yxr(grid, xp)
        return self.einstein_radius * r

    def convergence_func(self, grid_radius, xp=np):
        return 0.5 * self.einstein_radius / grid_radius


class MockShear(MassProfile):
    """External shear with the CONVENTIONS.md sign convention."""

    def __init__(self, gamma_1=0.05, gamma_2=0.02):
        super().__init__()
        self.gamma_1 = gamma_1
        self.gamma_2 = gamma_2

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        raw = aa.raw_array(grid)
        y, x = raw[:, 0], raw[:, 1]
        return xp.stack(
            [self.gamma_2 * x - self.gamma_1 * y, self.gamma_1 * x + self.gamma_2 * y], axis=-1
        )

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        raw = aa.raw_array(grid)
        return xp.zeros(raw.shape[0])

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        raw = aa.raw_array(grid)
        y, x = raw[:, 0], raw[:, 1]
        return 0.5 * self.gamma_1 * (x**2 - y**2) + self.gamma_2 * x * y

    def convergence_func(self, grid_radius, xp=np):
        return 0.0 * grid_radius
