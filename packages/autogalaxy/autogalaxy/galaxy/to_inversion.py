"""From galaxies to the linear part of a fit: which light is fixed, which is solved for.

A galaxy's light components are sorted into

* *standard* light profiles (fixed intensity), whose image is simply added to the model, and
* *linear objects* whose amplitudes are solved by a linear inversion: every linear light profile
  is a one-column object and every ``Basis`` holding linear profiles is one multi-column object
  (one column per linear member, in the basis' order).

Everything here works on raw ``[N, 2]`` (y, x) points so the callers (galaxy- and lens-level
fits) can evaluate each plane's light on its ray-traced sub-pixels and blurring pixels in one
call; nothing is binned or convolved here.
"""

from __future__ import annotations

from typing import List

import numpy as np

import autoarray as aa
from autogalaxy.galaxy.profile_types import (
    basis_members,
    is_linear,
    is_operated,
    light_kind,
    profile_class,
)


def galaxy_components(galaxy) -> list:
    """The components (profiles, bases, ...) of a galaxy, in attribute order."""
    components = getattr(galaxy, "_components", None)
    if callable(components):
        return list(components())
    return [
        value
        for name, value in vars(galaxy).items()
        if name not in ("id", "redshift", "label") and value is not None
    ]


class LinearObject:
    """One block of columns of the mapping matrix.

    Parameters
    ----------
    galaxy
        The galaxy owning the block.
    component
        The galaxy attribute value (a linear light profile, or a ``Basis``).
    profile_list
        The linear light profiles of the block, one column each.
    """

    def __init__(self, galaxy, component, profile_list: list):
        self.galaxy = galaxy
        self.component = component
        self.profile_list = list(profile_list)

    @property
    def params(self) -> int:
        return len(self.profile_list)

    @property
    def regularization(self):
        return getattr(self.component, "regularization", None)

    def __repr__(self) -> str:
        return f"LinearObject({type(self.component).__name__}, params={self.params})"


def linear_objects_from(galaxies) -> List[LinearObject]:
    """Linear objects of ``galaxies`` (galaxy order, then attribute order)."""
    objects = []
    for galaxy in galaxies:
        for component in galaxy_components(galaxy):
            kind = light_kind(component)
            if kind == "basis":
                members = [p for p in basis_members(component) if light_kind(p) == "linear"]
                if members:
                    objects.append(LinearObject(galaxy, component, members))
            elif kind == "linear":
                objects.append(LinearObject(galaxy, component, [component]))
    return objects


def standard_light_profiles_from(galaxy, operated_only: bool | None = None) -> list:
    """Non-linear light profiles of a galaxy (bases expanded), optionally filtered by whether
    they are operated (already PSF-convolved)."""
    wanted: tuple[str, ...] = ("standard", "operated")
    if operated_only is not None:
        wanted = ("operated",) if operated_only else ("standard",)
    profiles: list = []
    for component in galaxy_components(galaxy):
        kind = light_kind(component)
        if kind == "basis":
            profiles.extend(p for p in basis_members(component) if light_kind(p) in wanted)
        elif kind in wanted:
            profiles.append(component)
    return profiles


def has_light(galaxy) -> bool:
    """True if the galaxy has any light (standard or linear)."""
    return bool(standard_light_profiles_from(galaxy)) or bool(linear_objects_from([galaxy]))


def has_mass(galaxy) -> bool:
    mass_profiles = getattr(galaxy, "mass_profile_list", None)
    if mass_profiles is not None:
        return len(mass_profiles) > 0
    return False


def points_grid_from(points, xp=np):
    """``Grid2DIrregular`` wrapping raw points (no copy on either backend)."""
    if xp is np:
        return aa.Grid2DIrregular(values=points)
    return aa.Grid2DIrregular(values=points, xp=xp)


def profile_image_raw_from(profile, points, xp=np):
    """Raw image ``[N]`` of one light profile at raw points."""
    return aa.raw_array(profile.image_2d_from(grid=points_grid_from(points, xp), xp=xp))


def standard_image_raw_from(galaxies, points, xp=np, operated_only: bool | None = None):
    """Summed raw image of the standard light profiles of ``galaxies`` at raw points, or
    ``None`` when there are none (so callers can skip work)."""
    total = None
    grid = None
    for galaxy in galaxies:
        for profile in standard_light_profiles_from(galaxy, operated_only=operated_only):
            if grid is None:
                grid = points_grid_from(points, xp)
            image = aa.raw_array(profile.image_2d_from(grid=grid, xp=xp))
            total = image if total is None else total + image
    return total


def linear_columns_raw_from(linear_object: LinearObject, points, xp=np):
    """``[N, params]`` unit-intensity images of a linear object's profiles at raw points."""
    grid = points_grid_from(points, xp)
    columns = [
        aa.raw_array(profile.image_2d_from(grid=grid, xp=xp))
        for profile in linear_object.profile_list
    ]
    return xp.stack(columns, axis=1)


def linear_object_is_operated(linear_object: LinearObject) -> List[bool]:
    """Per column: True if the profile is operated (its column is not PSF-convolved)."""
    return [is_operated(profile) for profile in linear_object.profile_list]


def galaxy_with_linear_profiles_replaced(galaxy, intensity_dict: dict):
    """A copy of ``galaxy`` whose linear light profiles are replaced by standard ones with the
    solved intensities of ``intensity_dict`` (bases are rebuilt with replaced members)."""
    basis_cls = profile_class("Basis")
    kwargs = {}
    for name, value in vars(galaxy).items():
        if name in ("id", "redshift", "label"):
            continue
        if isinstance(value, basis_cls):
            members = []
            for member in basis_members(value):
                if is_linear(member) and member in intensity_dict:
                    members.append(member.lp_instance_from(_as_number(intensity_dict[member])))
                else:
                    members.append(member)
            kwargs[name] = type(value)(
                profile_list=members, regularization=getattr(value, "regularization", None)
            )
        elif is_linear(value) and value in intensity_dict:
            kwargs[name] = value.lp_instance_from(_as_number(intensity_dict[value]))
        else:
            kwargs[name] = value
    new = type(galaxy)(redshift=galaxy.redshift, label=getattr(galaxy, "label", None), **kwargs)
    return new


def _as_number(value):
    """A Python float for concrete values (JAX arrays kept as they are when traced)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return value
    except Exception:  # a JAX tracer cannot be concretised
        return value
