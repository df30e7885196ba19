"""
``Galaxies``: a list of galaxies (typically one plane).  Its images, deflections, convergence
and potential are sums over the galaxies.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.galaxy.galaxy import (
    Galaxy,
    _n_points,
    traced_grid_2d_via_deflections_from,
)
from autogalaxy.galaxy.profile_types import basis_members, is_linear, profile_class
from autogalaxy.operate.image import OperateImage


class Galaxies(list, OperateImage, aa.Pytree):
    """A list of ``Galaxy`` objects; ``redshift`` is the first galaxy's. As a pytree its items
    are the children."""

    def __init__(self, galaxies=()):
        super().__init__(galaxies)

    @property
    def redshift(self) -> float | None:
        return self[0].redshift if len(self) > 0 else None

    # ------------------------------------------------------------------ components

    def cls_list_from(self, cls, cls_filtered=None) -> list:
        return [value for galaxy in self for value in galaxy.cls_list_from(cls, cls_filtered)]

    def has(self, cls) -> bool:
        return any(galaxy.has(cls) for galaxy in self)

    def galaxies_with_cls_list_from(self, cls) -> list[Galaxy]:
        """The galaxies that have a component of type ``cls``."""
        return [galaxy for galaxy in self if galaxy.has(cls)]

    @property
    def perform_inversion(self) -> bool:
        """True if any galaxy has a linear light profile (directly or in a ``Basis``)."""
        basis = profile_class("Basis")
        for galaxy in self:
            for value in galaxy._components():
                if is_linear(value):
                    return True
                if isinstance(value, basis) and any(
                    is_linear(member) for member in basis_members(value)
                ):
                    return True
        return False

    # ------------------------------------------------------------------ light

    def light_planes_from(self, points, xp=np) -> list:
        """One plane: every galaxy at ``points`` (``OperateImage``'s blur pipeline)."""
        return [(list(self), points)]

    def image_2d_unbinned_from(self, grid, xp=np, operated_only=None):
        """Raw summed unbinned image (on ``grid.over_sampled`` for a ``Grid2D``)."""
        points = grid.over_sampled if isinstance(grid, aa.Grid2D) else grid
        total = None
        for galaxy in self:
            if not galaxy._image_profiles(operated_only):
                continue
            image = galaxy.image_2d_unbinned_from(grid=grid, xp=xp, operated_only=operated_only)
            total = image if total is None else total + image
        if total is None:
            return xp.zeros(_n_points(points))
        return total

    @aa.decorators.to_array
    def image_2d_from(self, grid, xp=np, operated_only=None, **kwargs):
        """Sum of the galaxies' images (over-sampled sub-pixels binned once for a
        ``Grid2D``)."""
        if not any(galaxy._image_profiles(operated_only) for galaxy in self):
            return xp.zeros(_n_points(grid))
        unbinned = self.image_2d_unbinned_from(grid=grid, xp=xp, operated_only=operated_only)
        if isinstance(grid, aa.Grid2D):
            return grid.over_sampler.binned_array_2d_from(unbinned, xp=xp)
        return unbinned

    def image_2d_list_from(self, grid, xp=np, operated_only=None) -> list:
        """Image of each galaxy."""
        return [
            galaxy.image_2d_from(grid=grid, xp=xp, operated_only=operated_only) for galaxy in self
        ]

    def galaxy_image_2d_dict_from(self, grid, xp=np, operated_only=None) -> dict:
        """Galaxy → its image."""
        return {
            galaxy: galaxy.image_2d_from(grid=grid, xp=xp, operated_only=operated_only)
            for galaxy in self
        }

    def galaxy_blurred_image_2d_dict_from(self, grid, blurring_grid, psf, xp=np) -> dict:
        """Galaxy → its PSF-blurred image."""
        return {
            galaxy: galaxy.blurred_image_2d_from(
                grid=grid, blurring_grid=blurring_grid, psf=psf, xp=xp
            )
            for galaxy in self
        }

    # ------------------------------------------------------------------ mass

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        total = xp.zeros((_n_points(grid), 2))
        for galaxy in self:
            if galaxy.has_mass_profile:
                total = total + aa.raw_array(galaxy.deflections_yx_2d_from(grid=grid, xp=xp))
        return total

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        total = xp.zeros(_n_points(grid))
        for galaxy in self:
            if galaxy.has_mass_profile:
                total = total + aa.raw_array(galaxy.convergence_2d_from(grid=grid, xp=xp))
        return total

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        total = xp.zeros(_n_points(grid))
        for galaxy in self:
            if galaxy.has_mass_profile:
                total = total + aa.raw_array(galaxy.potential_2d_from(grid=grid, xp=xp))
        return total

    def traced_grid_2d_from(self, grid, xp=np):
        """``grid − Σ α(grid)`` (sub-pixels traced too for a ``Grid2D``)."""
        return traced_grid_2d_via_deflections_from(self.deflections_yx_2d_from, grid, xp=xp)

    def luminosity_within_circle_from(self, radius: float) -> float:
        return sum((galaxy.luminosity_within_circle_from(radius) for galaxy in self), 0.0)

    def mass_angular_within_circle_from(self, radius: float) -> float:
        return sum((galaxy.mass_angular_within_circle_from(radius) for galaxy in self), 0.0)

    def extract_attribute(self, cls, attr_name: str):
        """
        ``attr_name`` of every component of type ``cls`` over the galaxies (in order), as
        PyAutoGalaxy returns it: an ``ArrayIrregular`` when the first value is a float, a
        ``Grid2DIrregular`` when it is a (y, x) tuple, ``None`` when no component is of type
        ``cls`` or the first value is neither.  A component without the attribute contributes
        ``None``.
        """
        attributes = [
            getattr(value, attr_name, None)
            for galaxy in self
            for value in galaxy.__dict__.values()
            if isinstance(value, cls)
        ]
        if not attributes:
            return None
        if isinstance(attributes[0], float):
            return aa.ArrayIrregular(values=attributes)
        if isinstance(attributes[0], tuple):
            return aa.Grid2DIrregular(values=attributes)
        return None
