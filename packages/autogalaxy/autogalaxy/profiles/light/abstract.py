"""Base class of every light profile."""

from __future__ import annotations

import abc
import contextlib
import math

import numpy as np
from scipy import integrate, optimize

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import (
    EllProfile,
    check_parameter,
    is_concrete,
    plain_scalars,
)
from autogalaxy.profiles.light.decorators import check_operated_only


def log_of_zero_allowed(xp=np):
    """Context in which ``log(0) = -inf`` raises no NumPy warning (a no-op on JAX)."""
    if xp is np:
        return np.errstate(divide="ignore")
    return contextlib.nullcontext()


def radii_squared_power_from(radii_squared, exponent, xp=np):
    """``radii_squared ** exponent`` for ``radii_squared >= 0``, the fast way.

    A general power costs about as much as ``exp(exponent * log(x))`` plus overhead, so that form
    is used (it also lets callers share the logarithm); exponents 1/2 and 1 (Exponential,
    n = 1/2 Sersic) reduce to ``sqrt`` / nothing when they are plain numbers.
    """
    if is_concrete(exponent) and exponent == 1.0:
        return radii_squared
    if xp is not np:
        return _power_with_finite_gradient(radii_squared, exponent, xp)
    if is_concrete(exponent) and exponent == 0.5:
        return xp.sqrt(radii_squared)
    with log_of_zero_allowed(xp):
        return xp.exp(exponent * aa.numerics.log(radii_squared, xp=xp))


def _power_with_finite_gradient(radii_squared, exponent, xp):
    """JAX path of :func:`radii_squared_power_from` whose gradient is finite at ``r^2 = 0``.

    A profile centre that coincides with a grid point gives ``r^2 = 0`` there, where the power's
    derivative is ``0 / 0``; the point's gradient contribution would be NaN and poison the whole
    likelihood gradient. The double ``where`` evaluates the power only at ``r^2 > 0`` and gives the
    point its exact value ``0 ** exponent`` as a constant, so it contributes zero to the gradient
    (the symmetric limit). Values are unchanged.
    """
    positive = radii_squared > 0.0
    safe = xp.where(positive, radii_squared, 1.0)
    if is_concrete(exponent) and exponent == 0.5:
        power = xp.sqrt(safe)
    else:
        power = xp.exp(exponent * aa.numerics.log(safe, xp=xp))
    at_zero = xp.where(exponent > 0.0, 0.0, xp.inf)
    return xp.where(positive, power, at_zero)


class LightProfile(EllProfile, abc.ABC):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1):
        """A surface-brightness profile ``I(R)`` of the eccentric radius ``R`` (arc-seconds).

        ``intensity`` is in e-/s per arcsec^2 (it may be negative, as a linear solve can give);
        images are sampled surface brightness, averaged over sub-pixels by over-sampling.
        Subclasses implement :meth:`_image_2d_via_radii_squared_from`.
        """
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.intensity = intensity
        check_parameter(self, "intensity")

    @abc.abstractmethod
    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np):
        """Surface brightness at squared eccentric radii (raw in, raw out)."""

    def image_2d_via_radii_from(self, radii, xp=np):
        """Surface brightness at eccentric radii ``radii`` (raw array or float in, same out)."""
        return self._image_2d_via_radii_squared_from(radii * radii, xp=xp)

    @aa.decorators.over_sample
    @aa.decorators.to_array
    @check_operated_only
    def image_2d_from(self, grid, xp=np, operated_only=None, **kwargs):
        """Surface brightness on ``grid``: ``Grid2D`` -> over-sampled ``Array2D``,
        ``Grid2DIrregular`` -> ``ArrayIrregular``, raw ``[N, 2]`` -> raw ``[N]``.

        The profile frame is applied through the eccentric radius computed straight from the
        observer-frame grid (:meth:`eccentric_radii_squared_from`): shift and rotation collapse
        into one quadratic form, so no transformed grid is built and no trigonometry runs; a grid
        already flagged ``is_transformed`` is used as the profile frame.
        """
        return self._image_2d_via_owned_radii_squared_from(
            self.eccentric_radii_squared_from(grid, xp=xp), xp=xp
        )

    def _image_2d_via_owned_radii_squared_from(self, radii_squared, xp=np):
        """:meth:`_image_2d_via_radii_squared_from` for a fresh ``radii_squared`` array that the
        caller hands over: on NumPy a subclass may overwrite it and return it (no temporaries).
        """
        return self._image_2d_via_radii_squared_from(radii_squared, xp=xp)

    def _in_place_numpy_allowed(self, defining_cls, radii_squared, xp, *parameters) -> bool:
        """Whether ``defining_cls``'s in-place NumPy version of the image may run: NumPy, a
        NumPy ``radii_squared``, plain-number ``parameters`` and no subclass overriding
        ``defining_cls._image_2d_via_radii_squared_from``."""
        return (
            xp is np
            and type(self)._image_2d_via_radii_squared_from
            is defining_cls._image_2d_via_radii_squared_from
            and plain_scalars(*parameters)
            and isinstance(radii_squared, np.ndarray)
        )

    def luminosity_within_circle_from(self, radius: float) -> float:
        """Total flux inside eccentric radius ``radius``: ``int_0^radius 2 pi R I(R) dR``.

        The ellipse ``R_ecc < radius`` has area ``pi radius^2``, so this is also the flux inside
        that ellipse. NumPy / SciPy only.
        """
        return integrate.quad(
            lambda r: 2.0 * math.pi * r * float(self.image_2d_via_radii_from(r)),
            0.0,
            radius,
            limit=200,
        )[0]

    @property
    def half_light_radius(self) -> float:
        """Eccentric radius enclosing half the total flux (root-solved numerically)."""
        total = self.luminosity_within_circle_from(np.inf)
        upper = 1.0
        while self.luminosity_within_circle_from(upper) < 0.5 * total:
            upper *= 2.0
        return optimize.brentq(
            lambda r: self.luminosity_within_circle_from(r) - 0.5 * total,
            0.0,
            upper,
            xtol=1e-10,
        )
