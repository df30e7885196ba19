"""
``Galaxy``: a redshift plus any number of named components (light profiles, mass profiles,
bases of profiles, pixelizations, ...).  Its images, deflections, convergence and potential are
sums over the relevant components.
"""

from __future__ import annotations

import itertools
import math
import numbers

import numpy as np

import autoarray as aa
from autogalaxy import exc
from autogalaxy.galaxy.profile_types import (
    basis_members,
    is_linear,
    is_operated,
    profile_class,
)
from autogalaxy.operate.image import OperateImage

_galaxy_ids = itertools.count()


def _n_points(grid) -> int:
    return int(aa.raw_array(grid).shape[0])


def _operated_selected(profile, operated_only: bool | None) -> bool:
    if operated_only is None:
        return True
    return is_operated(profile) == bool(operated_only)


def _check_redshift(redshift) -> None:
    """A galaxy redshift is a finite number >= 0 (traced JAX values are not checked)."""
    if redshift is None:  # allowed for a single galaxy (no lensing)
        return
    if isinstance(redshift, (str, bytes, bool)):
        raise exc.GalaxyException(f"Galaxy redshift={redshift!r} must be a number >= 0 (or None).")
    if isinstance(redshift, numbers.Real) and not (
        math.isfinite(redshift) and float(redshift) >= 0.0
    ):
        raise exc.GalaxyException(f"Galaxy redshift={redshift!r} must be a finite number >= 0.")


class Galaxy(OperateImage, aa.Pytree):
    """
    A galaxy at ``redshift`` made of named components, e.g.
    ``Galaxy(redshift=0.5, bulge=lp.Sersic(...), mass=mp.Isothermal(...))``.

    Every galaxy gets a unique integer ``id`` (its hash).  A list passed as a component raises
    ``GalaxyException`` (use a ``Basis`` or separate names instead).
    """

    #: Static under JAX: the redshift groups galaxies into planes in Python, the id is identity.
    __pytree_static__ = ("redshift", "label", "id")

    def __init__(self, redshift: float, label: str | None = None, **kwargs):
        self.id = next(_galaxy_ids)
        _check_redshift(redshift)
        self.redshift = redshift
        self.label = label
        for name, value in kwargs.items():
            if isinstance(value, (str, bytes, bool, numbers.Number)):
                raise exc.GalaxyException(
                    f"Galaxy component '{name}'={value!r} is a {type(value).__name__}; expected a "
                    "profile object (e.g. lp.Sersic()), a Basis, a pixelization or None."
                )
            if isinstance(value, list):
                raise exc.GalaxyException(
                    f"Galaxy component '{name}' is a list: pass each profile under its own "
                    "name (or group them in a Basis)."
                )
            setattr(self, name, value)

    def __hash__(self):
        return self.id

    def __eq__(self, other):
        return isinstance(other, Galaxy) and other.id == self.id

    def __repr__(self):
        components = ", ".join(
            f"{name}={type(value).__name__}" for name, value in self.profile_dict.items()
        )
        return f"Galaxy(redshift={self.redshift}{', ' if components else ''}{components})"

    # ------------------------------------------------------------------ components

    def _components(self):
        return [
            value
            for name, value in self.__dict__.items()
            if name not in ("id", "redshift", "label") and value is not None
        ]

    def cls_list_from(self, cls, cls_filtered=None) -> list:
        """Components that are instances of ``cls`` (and not of ``cls_filtered``)."""
        return [
            value
            for value in self._components()
            if isinstance(value, cls)
            and not (cls_filtered is not None and isinstance(value, cls_filtered))
        ]

    def has(self, cls) -> bool:
        """True if any component is an instance of ``cls`` (a class or tuple of classes)."""
        return any(isinstance(value, cls) for value in self._components())

    @property
    def profile_dict(self) -> dict[str, object]:
        """Name → component for every light / mass profile or basis."""
        classes = tuple(profile_class(name) for name in ("LightProfile", "MassProfile", "Basis"))
        return {
            name: value
            for name, value in self.__dict__.items()
            if name not in ("id", "redshift", "label") and isinstance(value, classes)
        }

    def _expanded(self, base_name: str) -> list:
        """Components that are instances of ``base_name``, with bases replaced by their
        members."""
        base = profile_class(base_name)
        basis = profile_class("Basis")
        profiles: list = []
        for value in self._components():
            if isinstance(value, basis):
                profiles.extend(p for p in basis_members(value) if isinstance(p, base))
            elif isinstance(value, base):
                profiles.append(value)
        return profiles

    @property
    def light_profile_list(self) -> list:
        """Every light profile (bases expanded), linear ones included."""
        return self._expanded("LightProfile")

    @property
    def mass_profile_list(self) -> list:
        """Every mass profile (bases expanded)."""
        return self._expanded("MassProfile")

    def _image_profiles(self, operated_only: bool | None = None) -> list:
        """Light profiles that contribute to the image: not linear, and matching
        ``operated_only``."""
        return [
            profile
            for profile in self.light_profile_list
            if not is_linear(profile) and _operated_selected(profile, operated_only)
        ]

    @property
    def has_light_profile(self) -> bool:
        return len(self.light_profile_list) > 0

    @property
    def has_mass_profile(self) -> bool:
        return len(self.mass_profile_list) > 0

    # ------------------------------------------------------------------ light

    def image_2d_unbinned_from(self, grid, xp=np, operated_only=None):
        """
        Raw summed image of the (non-linear) light profiles, evaluated on
        ``grid.over_sampled`` for a ``Grid2D`` (not binned) and on ``grid`` otherwise.
        """
        profiles = self._image_profiles(operated_only)
        points = grid.over_sampled if isinstance(grid, aa.Grid2D) else grid
        if not profiles:
            return xp.zeros(_n_points(points))
        total = aa.raw_array(profiles[0].image_2d_from(grid=points, xp=xp))
        for profile in profiles[1:]:
            total = total + aa.raw_array(profile.image_2d_from(grid=points, xp=xp))
        return total

    def light_planes_from(self, points, xp=np) -> list:
        """One plane: this galaxy at ``points`` (``OperateImage``'s blur pipeline)."""
        return [([self], points)]

    @aa.decorators.to_array
    def image_2d_from(self, grid, xp=np, operated_only=None, **kwargs):
        """
        Sum of the images of the galaxy's light profiles, excluding linear light profiles
        (their intensities are solved for by an inversion); zeros if there are none.

        For a ``Grid2D`` every profile is evaluated on the same over-sampled sub-pixels and
        the sum is binned once.
        """
        if not self._image_profiles(operated_only):
            return xp.zeros(_n_points(grid))
        unbinned = self.image_2d_unbinned_from(grid=grid, xp=xp, operated_only=operated_only)
        if isinstance(grid, aa.Grid2D):
            return grid.over_sampler.binned_array_2d_from(unbinned, xp=xp)
        return unbinned

    def image_2d_list_from(self, grid, xp=np, operated_only=None) -> list:
        """Image of each light profile (bases expanded); zeros for linear profiles."""
        images = []
        for profile in self.light_profile_list:
            if is_linear(profile) or not _operated_selected(profile, operated_only):
                images.append(self._zeros_like_grid(grid, xp))
            else:
                images.append(profile.image_2d_from(grid=grid, xp=xp))
        return images

    @aa.decorators.to_array
    def _zeros_on_grid(self, grid, xp=np, **kwargs):
        return xp.zeros(_n_points(grid))

    def _zeros_like_grid(self, grid, xp=np):
        return self._zeros_on_grid(grid, xp=xp)

    def luminosity_within_circle_from(self, radius: float, xp=np):
        """Total luminosity of the non-linear light profiles within a circle of ``radius``
        (arc-seconds) around each profile's centre."""
        return sum(
            (
                _circle_integral(profile, "luminosity_within_circle_from", "image_2d_from", radius)
                for profile in self._image_profiles()
            ),
            0.0,
        )

    # ------------------------------------------------------------------ mass

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Sum of the deflection angles (y, x) of the mass profiles; zeros if none."""
        profiles = self.mass_profile_list
        if not profiles:
            return xp.zeros((_n_points(grid), 2))
        total = aa.raw_array(profiles[0].deflections_yx_2d_from(grid=grid, xp=xp))
        for profile in profiles[1:]:
            total = total + aa.raw_array(profile.deflections_yx_2d_from(grid=grid, xp=xp))
        return total

    def deflections_yx_columns_from(self, grid, xp=np):
        """Raw ``(alpha_y, alpha_x)`` arrays of the summed deflections (what ray tracing uses;
        see ``MassProfile.deflections_yx_columns_from``); zeros if there is no mass."""
        profiles = self.mass_profile_list
        if not profiles:
            zeros = xp.zeros(_n_points(grid))
            return zeros, zeros
        alpha_y, alpha_x = profiles[0].deflections_yx_columns_from(grid, xp=xp)
        for profile in profiles[1:]:
            more_y, more_x = profile.deflections_yx_columns_from(grid, xp=xp)
            alpha_y = alpha_y + more_y
            alpha_x = alpha_x + more_x
        return alpha_y, alpha_x

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """Sum of the convergences of the mass profiles; zeros if none."""
        return self._summed_scalar(grid, xp, "convergence_2d_from")

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Sum of the lensing potentials of the mass profiles; zeros if none."""
        return self._summed_scalar(grid, xp, "potential_2d_from")

    def _summed_scalar(self, grid, xp, method: str):
        profiles = self.mass_profile_list
        if not profiles:
            return xp.zeros(_n_points(grid))
        total = aa.raw_array(getattr(profiles[0], method)(grid=grid, xp=xp))
        for profile in profiles[1:]:
            total = total + aa.raw_array(getattr(profile, method)(grid=grid, xp=xp))
        return total

    def traced_grid_2d_from(self, grid, xp=np):
        """
        ``grid − α(grid)``.  For a ``Grid2D`` the over-sampled sub-pixels are traced too, and
        the result is a ``Grid2D`` carrying them (so a source's ``@over_sample`` uses the traced
        sub-pixels).
        """
        return traced_grid_2d_via_deflections_from(self.deflections_yx_2d_from, grid, xp=xp)

    def mass_angular_within_circle_from(self, radius: float, xp=np):
        """Angular mass (convergence integrated over area, arcsec²) within a circle of
        ``radius`` around each mass profile's centre."""
        return sum(
            (
                _circle_integral(
                    profile, "mass_angular_within_circle_from", "convergence_2d_from", radius
                )
                for profile in self.mass_profile_list
            ),
            0.0,
        )

    # ------------------------------------------------------------------ misc

    def set_snr_of_snr_light_profiles(
        self, grid, exposure_time: float, background_sky_level: float = 0.0, psf=None
    ) -> None:
        """Set the intensity of every ``lp_snr`` profile from its target S/N
        (:func:`autogalaxy.galaxy.snr.set_snr_of_snr_light_profiles`)."""
        from autogalaxy.galaxy.snr import set_snr_of_snr_light_profiles

        set_snr_of_snr_light_profiles(self, grid, exposure_time, background_sky_level, psf)

    def extract_attribute(self, cls, attr_name):
        """``ArrayIrregular`` / ``Grid2DIrregular`` of ``attr_name`` over the components of
        type ``cls`` (``None`` if none have it)."""
        values = [
            getattr(value, attr_name)
            for value in self.cls_list_from(cls)
            if hasattr(value, attr_name)
        ]
        if not values:
            return None
        if isinstance(values[0], (tuple, list)) and len(values[0]) == 2:
            return aa.Grid2DIrregular(values=values)
        return aa.ArrayIrregular(values=values)


def traced_grid_2d_via_deflections_from(deflections_yx_2d_from, grid, xp=np):
    """``grid − α(grid)`` for a deflection function, keeping the grid's type; a ``Grid2D``
    also has its over-sampled sub-pixels traced (carried as ``over_sampled``)."""
    xp_kwargs = {} if xp is np else {"xp": xp}
    if isinstance(grid, aa.Grid2D):
        traced = grid.array - aa.raw_array(deflections_yx_2d_from(grid=grid, xp=xp))
        sub = grid.over_sampled
        traced_sub = sub.array - aa.raw_array(deflections_yx_2d_from(grid=sub, xp=xp))
        return aa.Grid2D(
            values=traced,
            mask=grid.mask,
            over_sample_size=grid.over_sample_size,
            over_sampled=aa.Grid2DIrregular(values=traced_sub, **xp_kwargs),
            over_sampler=grid.over_sampler,
            **xp_kwargs,
        )
    traced = aa.raw_array(grid) - aa.raw_array(deflections_yx_2d_from(grid=grid, xp=xp))
    if isinstance(grid, aa.Grid2DIrregular):
        return aa.Grid2DIrregular(values=traced, **xp_kwargs)
    return traced


def _circle_integral(profile, own_method: str, field_method: str, radius: float) -> float:
    """
    A profile's integral within a circle: its own ``own_method(radius)`` if it has one, else a
    numerical integral of ``field_method`` over the disc of ``radius`` around its centre
    (Gauss-Legendre in r, uniform in angle).
    """
    own = getattr(profile, own_method, None)
    if callable(own):
        try:
            return float(own(radius=radius))
        except NotImplementedError:
            pass

    centre = np.asarray(getattr(profile, "centre", (0.0, 0.0)), dtype=float)
    nodes, weights = np.polynomial.legendre.leggauss(256)
    radii = 0.5 * radius * (nodes + 1.0)
    radial_weights = 0.5 * radius * weights
    n_angle = 256
    angles = (np.arange(n_angle) + 0.5) * 2.0 * math.pi / n_angle
    rr, aa_ = np.meshgrid(radii, angles, indexing="ij")
    points = np.stack(
        [centre[0] + rr * np.sin(aa_), centre[1] + rr * np.cos(aa_)], axis=-1
    ).reshape(-1, 2)
    values = np.asarray(
        aa.raw_array(getattr(profile, field_method)(grid=aa.Grid2DIrregular(values=points)))
    ).reshape(rr.shape)
    return float(np.sum(values.mean(axis=1) * 2.0 * math.pi * radii * radial_weights))
