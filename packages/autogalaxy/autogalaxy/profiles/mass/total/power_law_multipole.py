"""``PowerLawMultipole``: an ``m``-th order multipole perturbation of a power law (Chu et al. 2013).

With ``t = slope - 1``, polar coordinates ``(r, theta)`` about the centre (theta counter-clockwise
from +x) and ``multipole_comps = (c0, c1) = k_m (sin(m phi_m), cos(m phi_m))``::

    kappa = 1/2 * (theta_E / r)^t * k_m cos(m (theta - phi_m))
          = 1/2 * theta_E^t r^-t [c1 cos(m theta) + c0 sin(m theta)]
    psi   = theta_E^t r^(2-t) [c1 cos(m theta) + c0 sin(m theta)] / ((2-t)^2 - m^2)
    alpha = grad psi:  alpha_r = (2-t) psi / r,  alpha_theta = (1/r) d psi / d theta

(``2 kappa = laplacian psi``). The formulas are linear in ``multipole_comps``, so they need no
``(k_m, phi_m)`` conversion and have finite gradients at ``multipole_comps = (0, 0)``; ``cos(m theta)``
and ``sin(m theta)`` come from ``((x + i y) / r)^m`` (no trigonometric calls).
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy import convert, exc
from autogalaxy.profiles.geometry_profiles import SphTwin, stacked_yx_from
from autogalaxy.profiles.mass.abstract import MassProfile, check_parameter, check_range
from autogalaxy.profiles.mass.total import epl_util


class PowerLawMultipole(SphTwin, MassProfile):
    has_convergence_func = False

    def __init__(
        self,
        m: int = 4,
        centre=(0.0, 0.0),
        einstein_radius: float = 1.0,
        slope: float = 2.0,
        multipole_comps=(0.0, 0.0),
    ):
        """Multipole of order ``m`` (a positive integer) with strength/orientation ``multipole_comps``."""
        super().__init__(centre=centre, ell_comps=(0.0, 0.0))
        if int(m) != m or m < 1:
            raise exc.ProfileException(f"PowerLawMultipole: m={m!r} must be a positive integer.")
        self.m = int(m)
        self.einstein_radius = einstein_radius
        self.slope = slope
        self.multipole_comps = multipole_comps
        check_parameter(self, "einstein_radius", non_negative=True)
        check_range(self, "slope", 1.0, 3.0)
        check_parameter(self, "multipole_comps")
        if isinstance(slope, (int, float)) and abs((3.0 - slope) ** 2 - self.m**2) < 1.0e-12:
            raise exc.ProfileException(
                f"PowerLawMultipole: (3 - slope)^2 = m^2 is singular (m={m}, slope={slope})."
            )

    def k_m_and_angle_m(self, xp=np):
        """``(k_m, phi_m)`` with ``phi_m`` in degrees (``convert.multipole_k_m_and_phi_m_from``)."""
        return convert.multipole_k_m_and_phi_m_from(self.multipole_comps, self.m, xp=xp)

    def _polar_from(self, grid, xp=np):
        """``y, x, r^2, cos(m theta), sin(m theta), at_centre`` about the centre (the exact centre is
        replaced by a stand-in point; results there are set to 0 by the callers)."""
        y, x = self._centred_yx_from(grid, xp=xp)
        at_centre, y, x = epl_util.centre_safe_from(y, x, xp=xp)
        r2 = y * y + x * x
        # Two divisions by r, not products with 1 / r (XLA's rsqrt is scalar code on AVX2).
        r = xp.sqrt(r2)
        c = x / r
        s = y / r
        cos_m, sin_m = c, s
        for _ in range(self.m - 1):
            cos_m, sin_m = cos_m * c - sin_m * s, sin_m * c + cos_m * s
        return y, x, r2, cos_m, sin_m, at_centre

    def _angular(self, cos_m, sin_m):
        return self.multipole_comps[1] * cos_m + self.multipole_comps[0] * sin_m

    def _angular_derivative(self, cos_m, sin_m):
        return self.m * (self.multipole_comps[0] * cos_m - self.multipole_comps[1] * sin_m)

    @aa.decorators.over_sample
    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        _, _, r2, cos_m, sin_m, at_centre = self._polar_from(grid, xp=xp)
        t = self.slope - 1.0
        value = 0.5 * self.einstein_radius**t * r2 ** (-0.5 * t) * self._angular(cos_m, sin_m)
        return xp.where(at_centre, 0.0, value)

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        _, _, r2, cos_m, sin_m, at_centre = self._polar_from(grid, xp=xp)
        t = self.slope - 1.0
        denom = (2.0 - t) ** 2 - self.m**2
        value = (
            self.einstein_radius**t * r2 ** (1.0 - 0.5 * t) * self._angular(cos_m, sin_m) / denom
        )
        return xp.where(at_centre, 0.0, value)

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        return stacked_yx_from(*self.deflections_yx_columns_from(grid, xp=xp), xp=xp)

    def deflections_yx_columns_from(self, grid, xp=np):
        """The ``(alpha_y, alpha_x)`` columns of :meth:`deflections_yx_2d_from` (raw)."""
        y, x, r2, cos_m, sin_m, at_centre = self._polar_from(grid, xp=xp)
        t = self.slope - 1.0
        denom = (2.0 - t) ** 2 - self.m**2
        # alpha_r / r and alpha_theta / r, so that the unit vectors become (y, x) / r factors.
        scale = xp.where(at_centre, 0.0, self.einstein_radius**t * r2 ** (-0.5 * t) / denom)
        radial = (2.0 - t) * scale * self._angular(cos_m, sin_m)
        tangential = scale * self._angular_derivative(cos_m, sin_m)
        # e_r = (x, y)/r, e_theta = (-y, x)/r.
        alpha_x = radial * x - tangential * y
        alpha_y = radial * y + tangential * x
        return alpha_y, alpha_x

    def convergence_func(self, grid_radius, xp=np):
        radius = xp.asarray(aa.raw_array(grid_radius))
        return xp.zeros_like(radius)
