"""Geometry shared by every light and mass profile: centre, ellipticity and reference frames.

A profile's reference frame is obtained by shifting a grid by the profile ``centre`` and rotating
it by ``-phi`` (``phi`` the position angle in degrees, counter-clockwise from +x); coordinates are
``(y, x)`` pairs. Radii in that frame:

- elliptical radius ``R_ell = sqrt(x'^2 + (y'/q)^2)`` (major-axis radius);
- eccentric radius ``R_ecc = sqrt(q) R_ell`` (circularised radius: the ellipse ``R_ecc < r``
  has area ``pi r^2``).

Every method takes ``xp`` (``numpy`` default, ``jax.numpy`` for JAX) and threads it into every
nested call, so traced parameters never meet a NumPy operation. Nothing derived from parameters
is cached on the instance (a cache would hold tracers across ``vmap`` batch elements).
"""

from __future__ import annotations

import math

import numpy as np

import autoarray as aa
from autogalaxy import convert, exc
from autogalaxy.profiles import parameter_rules
from autogalaxy.profiles.kernels import (  # noqa: F401  (also imported from here)
    eccentric_radii_squared_via_offsets_from,
    is_concrete,
    plain_scalars,
)


def grid_raw_from(grid):
    """The raw ``[N, 2]`` array (NumPy or JAX) behind ``grid`` (an autoarray grid or a raw array)."""
    return aa.raw_array(grid)


def _traced(value) -> bool:
    """True for JAX arrays / tracers (or tuples of them mixed with plain numbers)."""
    if isinstance(value, (tuple, list)):
        return all(_traced(v) or is_concrete(v) for v in value)
    return (type(value).__module__ or "").startswith("jax")


def check_parameter(profile, name: str, *, positive: bool = False, non_negative: bool = False):
    """Raise :class:`~autogalaxy.exc.ProfileException` if the concrete parameter ``name`` is invalid.

    Non-finite values are always invalid; ``positive`` / ``non_negative`` add the sign
    requirements. Skipped when the value is not a plain number (JAX arrays / tracers).
    """
    value = getattr(profile, name)
    if type(value) is float:
        elements = (value,)
    elif type(value) is tuple and all(type(v) is float for v in value):
        elements = value
    elif not is_concrete(value) and not _traced(value):
        raise exc.ProfileException(
            f"{type(profile).__name__}: {name}={value!r} must be a number"
            + (" or a tuple of numbers" if isinstance(value, (tuple, list)) else "")
            + f", got {type(value).__name__}."
        )
    elif not is_concrete(value):
        # traced: the search's Fitness applies the rule (NumPy and JAX reject the same points)
        rule = "positive" if positive else ("non_negative" if non_negative else "finite")
        parameter_rules.record(profile, name, rule)
        return
    else:
        elements = np.ravel(np.asarray(value, dtype=float))
    for element in elements:
        if not math.isfinite(element):
            raise exc.ProfileException(
                f"{type(profile).__name__}: {name}={value!r} must be finite."
            )
        if positive and element <= 0.0:
            raise exc.ProfileException(
                f"{type(profile).__name__}: {name}={value!r} must be positive."
            )
        if non_negative and element < 0.0:
            raise exc.ProfileException(
                f"{type(profile).__name__}: {name}={value!r} must be non-negative."
            )


def stacked_yx_from(values_y, values_x, xp=np):
    """Raw ``[N, 2]`` array with columns ``(values_y, values_x)`` (both raw ``[..., N]``).

    The same as ``xp.stack((values_y, values_x), axis=-1)``, but on JAX it is built from two
    ``dynamic_update_slice`` writes: XLA fuses a ``stack`` (a concatenate along the minor axis)
    with its producers into one loop over the ``[N, 2]`` output that evaluates both columns'
    expressions at every element and does not vectorise (measured 5-7x slower for the SIE
    deflections), whereas each update keeps a vectorised ``[N]`` loop of its own.
    """
    if xp is np:
        out = np.empty(np.shape(values_y) + (2,))
        out[..., 0] = values_y
        out[..., 1] = values_x
        return out
    from jax import lax

    shape = values_y.shape
    out = xp.zeros(shape + (2,), dtype=values_y.dtype)
    start = (0,) * len(shape)
    out = lax.dynamic_update_slice(out, values_y[..., None], start + (0,))
    return lax.dynamic_update_slice(out, values_x[..., None], start + (1,))


def stacked_yx_for_column_reads_from(values_y, values_x, xp=np):
    """Raw ``[N, 2]`` array with columns ``(values_y, values_x)`` whose consumers read it back
    column by column (ray-traced points handed to light and mass profiles).

    On JAX this is a plain ``stack``: when every consumer slices a column, XLA's simplifier
    removes the stack and the column expressions fuse straight into the consumers' loops (no
    ``[N, 2]`` array is written; measured 8.2-8.8 -> 5.3-6.1 ms on the P2 likelihood). Use
    :func:`stacked_yx_from` for results that are materialised.
    """
    if xp is np:
        return stacked_yx_from(values_y, values_x, xp=xp)
    return xp.stack((values_y, values_x), axis=-1)


def _rotate_raw(raw, cos_phi, sin_phi, xp=np):
    """Rotate raw ``(y, x)`` vectors counter-clockwise by the angle with the given cos / sin."""
    y = raw[:, 0]
    x = raw[:, 1]
    return xp.stack((x * sin_phi + y * cos_phi, x * cos_phi - y * sin_phi), axis=-1)


class GeometryProfile(aa.Pytree):
    #: As a pytree, the constructor's arguments are the parameters (children); a float a class
    #: sets itself under another name (an isothermal's ``slope``) is a static constant.
    __pytree_leaves__ = "__init__"

    def __init__(self, centre=(0.0, 0.0)):
        """Base of every profile: stores its ``centre`` ``(y, x)`` in arc-seconds."""
        self.centre = centre
        check_parameter(self, "centre")

    def __repr__(self):
        params = ", ".join(f"{key}={value!r}" for key, value in self.__dict__.items())
        return f"{type(self).__name__}({params})"


class SphProfile(GeometryProfile):
    """A spherical (circularly symmetric) profile: its frame is only shifted by the centre."""

    def axis_ratio(self, xp=np):
        return 1.0

    def angle(self, xp=np):
        return 0.0

    @aa.decorators.to_grid
    def transformed_to_reference_frame_grid_from(self, grid, xp=np, **kwargs):
        """Shift ``grid`` so the profile centre is the origin."""
        raw = grid_raw_from(grid)
        return xp.stack((raw[:, 0] - self.centre[0], raw[:, 1] - self.centre[1]), axis=-1)

    @aa.decorators.to_grid
    def transformed_from_reference_frame_grid_from(self, grid, xp=np, **kwargs):
        """Inverse of :meth:`transformed_to_reference_frame_grid_from` (add the centre back)."""
        raw = grid_raw_from(grid)
        return xp.stack((raw[:, 0] + self.centre[0], raw[:, 1] + self.centre[1]), axis=-1)

    def rotated_grid_from_reference_frame_from(self, grid, xp=np, angle=None):
        """Rotate raw ``[N, 2]`` vectors from the profile frame back to the observer frame.

        Spherical profiles have no rotation, so without an explicit ``angle`` (degrees) the input
        is returned as it is.
        """
        if angle is None:
            return grid
        phi = xp.radians(angle)
        return _rotate_raw(grid_raw_from(grid), xp.cos(phi), xp.sin(phi), xp=xp)

    @aa.decorators.to_array
    @aa.decorators.transform
    def radial_grid_from(self, grid, xp=np, **kwargs):
        """Distance of every grid point from the profile centre."""
        raw = grid_raw_from(grid)
        return xp.sqrt(raw[:, 0] ** 2 + raw[:, 1] ** 2)

    def _cartesian_grid_via_radial_from(self, grid, radius, xp=np):
        """Raw ``[N, 2]`` vectors of length ``radius`` along the direction of each grid point."""
        raw = grid_raw_from(grid)
        theta = xp.arctan2(raw[:, 0], raw[:, 1])
        return xp.stack((radius * xp.sin(theta), radius * xp.cos(theta)), axis=-1)

    def elliptical_radii_grid_from(self, grid, xp=np, **kwargs):
        """Raw elliptical radii ``sqrt(x'^2 + (y'/q)^2)`` of an already-transformed grid."""
        raw = grid_raw_from(grid)
        return xp.sqrt(raw[:, 1] ** 2 + (raw[:, 0] / self.axis_ratio(xp=xp)) ** 2)

    def eccentric_radii_grid_from(self, grid, xp=np, **kwargs):
        """Raw eccentric radii ``sqrt(q) * R_ell`` of an already-transformed grid."""
        return xp.sqrt(self.axis_ratio(xp=xp)) * self.elliptical_radii_grid_from(grid, xp=xp)

    def eccentric_radii_squared_from(self, grid, xp=np):
        """Raw squared eccentric radii ``q x'^2 + y'^2 / q`` of a grid in *any* frame.

        Works on the observer-frame grid directly (no rotation, no trigonometry): if the grid is
        flagged ``is_transformed`` the frame definition is used, otherwise the grid is shifted by
        the centre here. Spherical profiles return ``x^2 + y^2``.
        """
        raw = grid_raw_from(grid)
        if aa.decorators.in_profile_frame(grid):
            return raw[:, 0] ** 2 + raw[:, 1] ** 2
        dy = raw[:, 0] - self.centre[0]
        dx = raw[:, 1] - self.centre[1]
        return dy * dy + dx * dx


class EllProfile(SphProfile):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0)):
        """An elliptical profile with ``ell_comps = (e1, e2)`` (see :mod:`autogalaxy.convert`).

        On the NumPy path (plain-number parameters) ``ell_comps`` must be finite with
        ``|ell_comps| < 1``, else :class:`~autogalaxy.exc.ProfileException` is raised.
        """
        super().__init__(centre=centre)
        self.ell_comps = ell_comps
        check_parameter(self, "ell_comps")
        if not is_concrete(ell_comps):
            parameter_rules.record(self, "ell_comps", "unit_disk")
        elif float(ell_comps[0]) ** 2 + float(ell_comps[1]) ** 2 >= 1.0:
            raise exc.ProfileException(
                f"{type(self).__name__}: |ell_comps| must be < 1, got ell_comps={ell_comps!r}."
            )

    def axis_ratio(self, xp=np):
        """Axis ratio ``q`` (|ell_comps| clamped at 0.999)."""
        return convert.axis_ratio_from(self.ell_comps, xp=xp)

    def angle(self, xp=np):
        """Position angle in degrees, counter-clockwise from +x."""
        return convert.angle_from(self.ell_comps, xp=xp)

    def _cos_sin_phi_from(self, xp=np):
        """``(cos phi, sin phi)`` of the position angle."""
        phi = xp.radians(self.angle(xp=xp))
        return xp.cos(phi), xp.sin(phi)

    @aa.decorators.to_grid
    def transformed_to_reference_frame_grid_from(self, grid, xp=np, **kwargs):
        """Shift ``grid`` by the centre and rotate it by ``-phi``: result ``(y', x')``."""
        cos_phi, sin_phi = self._cos_sin_phi_from(xp=xp)
        raw = grid_raw_from(grid)
        dy = raw[:, 0] - self.centre[0]
        dx = raw[:, 1] - self.centre[1]
        return xp.stack((dy * cos_phi - dx * sin_phi, dx * cos_phi + dy * sin_phi), axis=-1)

    @aa.decorators.to_grid
    def transformed_from_reference_frame_grid_from(self, grid, xp=np, **kwargs):
        """Inverse of :meth:`transformed_to_reference_frame_grid_from` (rotate by +phi, add centre)."""
        cos_phi, sin_phi = self._cos_sin_phi_from(xp=xp)
        rotated = _rotate_raw(grid_raw_from(grid), cos_phi, sin_phi, xp=xp)
        return xp.stack((rotated[:, 0] + self.centre[0], rotated[:, 1] + self.centre[1]), axis=-1)

    def rotated_grid_from_reference_frame_from(self, grid, xp=np, angle=None):
        """Rotate raw ``[N, 2]`` vectors ``(y, x)`` by ``+angle`` degrees about the origin.

        ``angle`` defaults to the profile's position angle (undoing the frame rotation).
        """
        if angle is None:
            cos_phi, sin_phi = self._cos_sin_phi_from(xp=xp)
        else:
            phi = xp.radians(angle)
            cos_phi, sin_phi = xp.cos(phi), xp.sin(phi)
        return _rotate_raw(grid_raw_from(grid), cos_phi, sin_phi, xp=xp)

    def _eccentric_coefficients_from(self, xp=np):
        """Coefficients ``(c_xx, c_xy, c_yy)`` with ``R_ecc^2 = c_xx x^2 + c_xy x y + c_yy y^2``.

        From ``q x'^2 + y'^2 / q`` with ``q = (1-f)/(1+f)`` and ``f = |e|``:
        ``R_ecc^2 = [(1+f^2)(x^2+y^2) - 2 e2 (x^2-y^2) - 4 e1 x y] / (1-f^2)``, which needs no
        trigonometry and has finite gradients at ``ell_comps = (0, 0)``. ``|e|`` is clamped at
        ``convert.ELL_COMPS_MAGNITUDE_CLAMP`` by rescaling both components: with that scale ``s``
        and ``inv = 1 / (1 - f^2)``, ``e1`` and ``e2`` enter only through ``s inv``.
        """
        e1, e2 = self.ell_comps[0], self.ell_comps[1]
        clamp_squared = convert.ELL_COMPS_MAGNITUDE_CLAMP**2
        fac_squared = e1 * e1 + e2 * e2
        if is_concrete(e1, e2):
            scale = 1.0
            if fac_squared > clamp_squared:
                scale, fac_squared = math.sqrt(clamp_squared / fac_squared), clamp_squared
            inv = 1.0 / (1.0 - fac_squared)
            scaled_inv = scale * inv
        else:
            # s inv = sqrt(num / den) for both cases, so that one square root of one quotient is
            # the only expensive operation: XLA:CPU compiles each divide or root of a per-profile
            # scalar as a kernel of its own (it does not repeat it at every point), and compile
            # time follows the number of kernels (docs/performance.md, round 13).
            over = fac_squared > clamp_squared
            num = xp.where(over, clamp_squared, 1.0)
            den = xp.where(over, (1.0 - clamp_squared) ** 2 * fac_squared, (1.0 - fac_squared) ** 2)
            scaled_inv = xp.sqrt(num / den)
            inv = xp.where(over, 1.0 / (1.0 - clamp_squared), scaled_inv)
            fac_squared = xp.minimum(fac_squared, clamp_squared)
        diagonal = (1.0 + fac_squared) * inv
        return (
            diagonal - 2.0 * e2 * scaled_inv,
            -4.0 * e1 * scaled_inv,
            diagonal + 2.0 * e2 * scaled_inv,
        )

    def eccentric_radii_squared_from(self, grid, xp=np):
        """Raw squared eccentric radii ``q x'^2 + y'^2 / q`` of a grid in *any* frame.

        An ``is_transformed`` grid uses the frame definition; otherwise the observer-frame grid
        is used directly through :meth:`_eccentric_coefficients_from` (one pass, no rotation).
        """
        raw = grid_raw_from(grid)
        if aa.decorators.in_profile_frame(grid):
            q = self.axis_ratio(xp=xp)
            return q * raw[:, 1] ** 2 + raw[:, 0] ** 2 / q
        dy = raw[:, 0] - self.centre[0]
        dx = raw[:, 1] - self.centre[1]
        c_xx, c_xy, c_yy = self._eccentric_coefficients_from(xp=xp)
        # dy and dx are fresh: handed over to the kernel (in place on NumPy).
        return eccentric_radii_squared_via_offsets_from(
            dy, dx, c_xx, c_xy, c_yy, xp=xp, overwrite=True
        )


class SphTwin:
    """Mixin for the spherical twin of an elliptical profile (``SersicSph`` of ``Sersic``, ...).

    Put it first in the bases (``class SersicSph(SphTwin, Sersic)``): the twin keeps
    ``ell_comps = (0, 0)`` but uses the spherical geometry (shift only, no rotation, ``q = 1``),
    which gives the same numbers with less work.
    """

    axis_ratio = SphProfile.axis_ratio
    angle = SphProfile.angle
    transformed_to_reference_frame_grid_from = SphProfile.transformed_to_reference_frame_grid_from
    transformed_from_reference_frame_grid_from = (
        SphProfile.transformed_from_reference_frame_grid_from
    )
    rotated_grid_from_reference_frame_from = SphProfile.rotated_grid_from_reference_frame_from
    eccentric_radii_squared_from = SphProfile.eccentric_radii_squared_from
