"""``Basis``: a list of profiles treated as one (e.g. a Multi-Gaussian Expansion)."""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import grid_raw_from
from autogalaxy.profiles.light.abstract import LightProfile
from autogalaxy.profiles.light.linear.abstract import LightProfileLinear


class Basis(LightProfile):
    def __init__(self, profile_list, regularization=None):
        """A light (and mass) profile that sums the profiles of ``profile_list``.

        Linear light profiles in the list are solved together as one linear object (optionally
        regularised by ``regularization``); they contribute zero to :meth:`image_2d_from`.
        ``centre`` / ``ell_comps`` are those of the first profile.
        """
        self.profile_list = profile_list
        self.regularization = regularization

    @property
    def centre(self):
        return self.profile_list[0].centre if self.profile_list else (0.0, 0.0)

    @property
    def ell_comps(self):
        return (
            getattr(self.profile_list[0], "ell_comps", (0.0, 0.0))
            if self.profile_list
            else (0.0, 0.0)
        )

    @property
    def light_profile_list(self):
        """The light profiles of the basis (linear ones included)."""
        return [profile for profile in self.profile_list if isinstance(profile, LightProfile)]

    @property
    def light_profile_linear_list(self):
        """The linear light profiles of the basis, solved by the inversion."""
        return [profile for profile in self.profile_list if isinstance(profile, LightProfileLinear)]

    @property
    def _light_profile_standard_list(self):
        return [
            profile
            for profile in self.light_profile_list
            if not isinstance(profile, LightProfileLinear)
        ]

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        image = 0.0 * radii_squared
        for profile in self._light_profile_standard_list:
            image = image + profile._image_2d_via_radii_squared_from(radii_squared, xp=xp)
        return image

    @aa.decorators.over_sample
    @aa.decorators.to_array
    def image_2d_from(self, grid, xp=np, operated_only=None, **kwargs):
        """Sum of the standard (non-linear) members' images, over-sampled once for the basis."""
        image = xp.zeros(grid_raw_from(grid).shape[0])
        for profile in self._light_profile_standard_list:
            member = profile.image_2d_from(grid, xp, operated_only=operated_only)
            image = image + grid_raw_from(member)
        return image

    def _sum_over_members(self, name, grid, xp, **kwargs):
        raw_sum = None
        for profile in self.profile_list:
            method = getattr(profile, name, None)
            if method is None:
                continue
            values = grid_raw_from(method(grid, xp, **kwargs))
            raw_sum = values if raw_sum is None else raw_sum + values
        return raw_sum

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """Sum of the members' convergences (zero when no member is a mass profile)."""
        result = self._sum_over_members("convergence_2d_from", grid, xp, **kwargs)
        return xp.zeros(grid_raw_from(grid).shape[0]) if result is None else result

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Sum of the members' lensing potentials (zero when no member is a mass profile)."""
        result = self._sum_over_members("potential_2d_from", grid, xp, **kwargs)
        return xp.zeros(grid_raw_from(grid).shape[0]) if result is None else result

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Sum of the members' deflections (zero when no member is a mass profile)."""
        result = self._sum_over_members("deflections_yx_2d_from", grid, xp, **kwargs)
        return xp.zeros(grid_raw_from(grid).shape) if result is None else result
