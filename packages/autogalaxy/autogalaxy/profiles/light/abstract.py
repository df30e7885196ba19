"""Base class of every light profile."""

from __future__ import annotations

import abc
import math

import numpy as np
from scipy import integrate, optimize

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import (
    EllProfile,
    check_parameter,
)
from autogalaxy.profiles.light.decorators import check_operated_only


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
    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        """Surface brightness at squared eccentric radii (raw in, raw out): the profile's one
        formula. ``overwrite=True``: the caller hands ``radii_squared`` over, and the formula may
        evaluate in it (``autogalaxy.profiles.kernels``)."""

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
        return self._image_2d_via_radii_squared_from(
            self.eccentric_radii_squared_from(grid, xp=xp), xp=xp, overwrite=True
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
