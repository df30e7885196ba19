"""Core-Sersic light profiles (Graham et al. 2003): SersicCore and ExponentialCore (n = 1)."""

from __future__ import annotations

import numpy as np

from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter
from autogalaxy.profiles.kernels import log_of_zero_allowed
from autogalaxy.profiles.light.standard.sersic import Sersic, sersic_constant_from


class SersicCore(Sersic):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        effective_radius=0.6,
        sersic_index=4.0,
        radius_break=0.025,
        intensity=0.05,
        gamma=0.25,
        alpha=3.0,
    ):
        """Cored Sersic profile: an inner power law ``R^-gamma`` inside ``radius_break``.

        ``I' (1 + (r_b/R)^a)^(g/a) exp(-b_n ((R^a + r_b^a) / R_e^a)^(1/(a n)))`` with
        ``I' = I 2^(-g/a) exp(b_n (2^(1/a) r_b / R_e)^(1/n))``, so ``intensity`` is the surface
        brightness at the break radius. ``radius_break >= 0`` and ``alpha > 0`` are required.
        """
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )
        self.radius_break = radius_break
        self.gamma = gamma
        self.alpha = alpha
        check_parameter(self, "radius_break", non_negative=True)
        check_parameter(self, "gamma")
        check_parameter(self, "alpha", positive=True)

    def _image_2d_via_radii_squared_from(self, radii_squared, xp=np, overwrite: bool = False):
        alpha, gamma = self.alpha, self.gamma
        # Points at R = 0 (a centre on a grid point) get the analytic limit of _at_centre: the
        # log-form below would give 0 * inf = NaN there for gamma = 0 (PyAutoGalaxy: the core
        # value) and NaN gradients on JAX.
        inv_n = 1.0 / self.sersic_index
        b = sersic_constant_from(self.sersic_index)
        break_alpha = self.radius_break**alpha
        prefactor = (
            self.intensity
            * 2.0 ** (-gamma / alpha)
            * xp.exp(
                b * (2.0 ** (1.0 / alpha) * self.radius_break / self.effective_radius) ** inv_n
            )
        )
        rate = b * self.effective_radius ** (-inv_n)
        if xp is np:
            with log_of_zero_allowed(xp), np.errstate(invalid="ignore"):
                values = self._via_log_radii_squared(
                    xp.log(radii_squared), prefactor, rate, break_alpha, xp
                )
            centre_points = radii_squared == 0.0
            if np.any(centre_points):
                values = np.where(centre_points, self._at_centre(prefactor, rate, xp), values)
            return values
        # JAX: the formula runs on r^2 = 1 where r^2 = 0 and the centre's value is put in by a
        # where, so no 0 * inf or log(0) enters the gradient; the centre point contributes zero
        # to the gradient w.r.t. the centre (the symmetric limit, as for the other profiles).
        at_centre = radii_squared == 0.0
        safe_log = xp.log(xp.where(at_centre, 1.0, radii_squared))
        values = self._via_log_radii_squared(safe_log, prefactor, rate, break_alpha, xp)
        return xp.where(at_centre, self._at_centre(prefactor, rate, xp), values)

    def _via_log_radii_squared(self, log_radii_squared, prefactor, rate, break_alpha, xp):
        """The profile at ``r > 0`` from ``log r^2``.

        With s = R^a + r_b^a and ((R^a + r_b^a) / R_e^a)^(1/(a n)) = R_e^(-1/n) s^(1/(a n)):
        I' (s / R^a)^(g/a) exp(-rate s^(1/(a n))) = I' exp((g/a)(log s - a log R) - rate s^(1/(a n)))
        two logs and three exps on the array instead of three general powers.
        """
        alpha, gamma = self.alpha, self.gamma
        log_radii_alpha = (0.5 * alpha) * log_radii_squared
        log_summed = xp.log(xp.exp(log_radii_alpha) + break_alpha)
        return prefactor * xp.exp(
            (gamma / alpha) * (log_summed - log_radii_alpha)
            - rate * xp.exp(log_summed / (self.sersic_index * alpha))
        )

    def _at_centre(self, prefactor, rate, xp):
        """The limit at ``R = 0``: ``(1 + (r_b/R)^a)^(g/a)`` behaves as ``(r_b/R)^g``, so

        * ``radius_break = 0``: the profile is a Sersic, ``I'``;
        * ``gamma < 0``: 0 (a hole at the centre);
        * ``gamma = 0``: ``I' exp(-rate r_b^(1/n))`` (a flat core);
        * ``gamma > 0``: ``+inf``, a genuine cusp (the pixel-integrated flux is finite for
          ``gamma < 2``, the point value is not), as in PyAutoGalaxy; a fit whose centre lies on
          a grid point then gets a non-finite likelihood and ``Fitness`` resamples it.
        """
        gamma = self.gamma
        core = prefactor * xp.exp(-rate * self.radius_break ** (1.0 / self.sersic_index))
        cusp = xp.where(gamma > 0.0, xp.inf, xp.where(gamma < 0.0, 0.0, core))
        return xp.where(self.radius_break > 0.0, cusp, prefactor)

    @property
    def half_light_radius(self):
        return super(Sersic, self).half_light_radius


class SersicCoreSph(SphTwin, SersicCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        effective_radius=0.6,
        sersic_index=4.0,
        radius_break=0.025,
        intensity=0.05,
        gamma=0.25,
        alpha=3.0,
    ):
        """Spherical :class:`SersicCore`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            radius_break=radius_break,
            intensity=intensity,
            gamma=gamma,
            alpha=alpha,
        )


class ExponentialCore(SersicCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        effective_radius=0.6,
        radius_break=0.025,
        intensity=0.05,
        gamma=0.25,
        alpha=3.0,
    ):
        """Cored exponential profile: a :class:`SersicCore` with ``sersic_index = 1``."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            effective_radius=effective_radius,
            sersic_index=1.0,
            radius_break=radius_break,
            intensity=intensity,
            gamma=gamma,
            alpha=alpha,
        )


class ExponentialCoreSph(SphTwin, ExponentialCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        effective_radius=0.6,
        radius_break=0.025,
        intensity=0.05,
        gamma=0.25,
        alpha=3.0,
    ):
        """Spherical :class:`ExponentialCore`."""
        super().__init__(
            centre=centre,
            ell_comps=(0.0, 0.0),
            effective_radius=effective_radius,
            radius_break=radius_break,
            intensity=intensity,
            gamma=gamma,
            alpha=alpha,
        )
