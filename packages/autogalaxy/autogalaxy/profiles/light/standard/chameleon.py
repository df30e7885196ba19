"""Chameleon light profile (difference of two cored isothermal profiles)."""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.geometry_profiles import check_parameter, grid_raw_from
from autogalaxy.profiles.light.abstract import LightProfile

#: Axis-ratio cap of the Chameleon profiles (PyAutoGalaxy's): ``q`` never exceeds it, not even
#: for the spherical twins, so a "round" Chameleon is very slightly elliptical (q = 0.99999).
CHAMELEON_AXIS_RATIO_MAX = 0.99999


class Chameleon(LightProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity=0.1,
        core_radius_0=0.01,
        core_radius_1=0.05,
    ):
        """Chameleon ``I/(1+q) [(R^2 + 4 w0^2/(1+q)^2)^(-1/2) - (R^2 + 4 w1^2/(1+q)^2)^(-1/2)]``.

        ``R`` is the elliptical radius. ``q`` is capped at 0.99999 everywhere (factors and the
        radius, as PyAutoGalaxy does; :data:`CHAMELEON_AXIS_RATIO_MAX`). The core radii ``w0 = core_radius_0`` and ``w1 = core_radius_1`` must be non-negative (``w1 > w0``
        gives positive light).
        """
        super().__init__(centre=centre, ell_comps=ell_comps, intensity=intensity)
        self.core_radius_0 = core_radius_0
        self.core_radius_1 = core_radius_1
        check_parameter(self, "core_radius_0", non_negative=True)
        check_parameter(self, "core_radius_1", non_negative=True)

    def axis_ratio(self, xp=np):
        """Axis ratio ``q``, capped at :data:`CHAMELEON_AXIS_RATIO_MAX`."""
        return xp.minimum(super().axis_ratio(xp=xp), CHAMELEON_AXIS_RATIO_MAX)

    def eccentric_radii_squared_from(self, grid, xp=np):
        """Squared eccentric radii ``q x'^2 + y'^2 / q`` with the *capped* ``q``.

        The base class's trigonometry-free form derives ``q`` from ``ell_comps`` and would skip
        the cap, so the grid is shifted and rotated into the profile frame here instead.
        """
        raw = grid_raw_from(grid)
        if not getattr(grid, "is_transformed", False):
            raw = grid_raw_from(self.transformed_to_reference_frame_grid_from(raw, xp=xp))
        q = self.axis_ratio(xp=xp)
        return q * raw[:, 1] ** 2 + raw[:, 0] ** 2 / q

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        # elliptical radius^2 = eccentric radius^2 / q
        return self._image_2d_via_elliptical_squared_from(
            radii_squared / self.axis_ratio(xp=xp), xp=xp
        )

    def image_2d_via_radii_from(self, radii, xp=np):
        """Surface brightness at *elliptical* radii ``radii`` (PyAutoGalaxy's meaning of this
        method for the Chameleon, unlike the eccentric radii of the other light profiles)."""
        return self._image_2d_via_elliptical_squared_from(radii * radii, xp=xp)

    def _image_2d_via_elliptical_squared_from(self, elliptical_squared, xp=np):
        q = self.axis_ratio(xp=xp)
        factor = 4.0 / (1.0 + q) ** 2
        amplitude = self.intensity / (1.0 + q)
        # Divided by each root (XLA turns 1 / sqrt into rsqrt, scalar code on AVX2).
        return amplitude / xp.sqrt(
            elliptical_squared + factor * self.core_radius_0**2
        ) - amplitude / xp.sqrt(elliptical_squared + factor * self.core_radius_1**2)


class ChameleonSph(Chameleon):
    def __init__(self, centre=(0.0, 0.0), intensity=0.1, core_radius_0=0.01, core_radius_1=0.05):
        """Spherical :class:`Chameleon`: ``ell_comps = (0, 0)``, but (as in PyAutoGalaxy) with the
        axis-ratio cap, so not the spherical geometry of the other ``*Sph`` twins."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            intensity=intensity,
            core_radius_0=core_radius_0,
            core_radius_1=core_radius_1,
        )
