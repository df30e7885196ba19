"""Cored Sersic stellar mass (PyAutoGalaxy's ``mp.SersicCore``): ``M/L`` times the cored Sersic
light of Graham et al. (2003).

``kappa(R) = M/L I' (1 + (r_b / R)^a)^(g/a) exp(-b_n ((R^a + r_b^a) / R_e^a)^(1/(a n)))`` of the
eccentric radius ``R``, with ``I' = I 2^(-g/a) exp(b_n (2^(1/a) r_b / R_e)^(1/n))`` so that
``intensity`` is the surface brightness at the break radius.

Deflections are those of the release: a multi-Gaussian expansion (:mod:`.mge`) on 20 widths
log-spaced from ``R_e / 50`` to ``20 R_e`` (eccentric-radius widths). The expansion is an
approximation of the profile (a few 1e-3 relative inside ``R_e / 50``), kept because PyAutoGalaxy
models are fitted with exactly these deflections. The potential is the release's too: a 30-Gaussian
expansion integrated along rays from the centre (:func:`mge.potential_from`); its gradient agrees
with the deflections to the two expansions' difference (~1e-3 relative).

The convergence is written in plain powers (not the light profile's log-form kernel): the MGE
evaluates it at complex radii, where this form is the principal branch the release uses; the
log form would move to another branch for ``alpha > 4.3``. ``tests`` check the two agree on real
radii.
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter, grid_raw_from
from autogalaxy.profiles.mass.stellar import mge
from autogalaxy.profiles.mass.stellar.sersic import Sersic

#: Number of Gaussians and their width range (in units of ``effective_radius``), as the release.
MGE_GAUSSIANS = 20
MGE_SIGMA_RANGE = (1.0 / 50.0, 20.0)
#: The release's potential uses its own, wider expansion.
MGE_POTENTIAL_GAUSSIANS = 30
MGE_POTENTIAL_SIGMA_RANGE = (1.0 / 100.0, 20.0)


def _is_static_zero(value) -> bool:
    return isinstance(value, (int, float, np.number)) and float(value) == 0.0


class SersicCore(Sersic):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        effective_radius: float = 0.6,
        sersic_index: float = 4.0,
        radius_break: float = 0.01,
        intensity: float = 0.05,
        gamma: float = 0.25,
        alpha: float = 3.0,
        mass_to_light_ratio: float = 1.0,
    ):
        """Cored Sersic mass profile.

        Parameters
        ----------
        centre
            ``(y, x)`` centre in arc-seconds.
        ell_comps
            Elliptical components ``(e1, e2)``.
        effective_radius
            Eccentric radius of the outer Sersic (arc-seconds, > 0).
        sersic_index
            Sersic index ``n`` of the outer profile (> 0).
        radius_break
            Break radius between the inner power law and the outer Sersic (arc-seconds, >= 0).
        intensity
            Surface brightness at the break radius.
        gamma
            Logarithmic slope of the inner power law.
        alpha
            Sharpness of the transition (> 0).
        mass_to_light_ratio
            Conversion of light to convergence (>= 0).
        """
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            intensity=intensity,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
            mass_to_light_ratio=mass_to_light_ratio,
        )
        self.radius_break = radius_break
        self.gamma = gamma
        self.alpha = alpha
        check_parameter(self, "radius_break", non_negative=True)
        check_parameter(self, "gamma")
        check_parameter(self, "alpha", positive=True)

    def intensity_prime(self, xp=np):
        """``I' = I 2^(-g/a) exp(b_n (2^(1/a) r_b / R_e)^(1/n))``."""
        return self._intensity_prime_from(self.intensity, xp=xp)

    def _intensity_prime_from(self, intensity, xp=np):
        b_n = self.sersic_constant
        scaled_break = 2.0 ** (1.0 / self.alpha) * self.radius_break / self.effective_radius
        return (
            intensity
            * 2.0 ** (-self.gamma / self.alpha)
            * xp.exp(b_n * scaled_break ** (1.0 / self.sersic_index))
        )

    def convergence_func(self, grid_radius, xp=np):
        """Convergence at the eccentric radius ``grid_radius`` (real >= 0, or complex for the MGE)."""
        radius = xp.asarray(grid_radius)
        if xp.iscomplexobj(radius):
            inner = (1.0 + (self.radius_break / radius) ** self.alpha) ** (self.gamma / self.alpha)
            return self._with_outer_sersic(inner, radius**self.alpha, xp)
        return self._convergence_from_squared(radius**2, xp=xp)

    def _convergence_from_squared(self, radius_squared, xp=np):
        """Real radii, as ``R^2``. ``R = 0`` takes the limit of ``(1 + (r_b / R)^a)^(g/a)`` (a cusp
        for ``g > 0``, a hole for ``g < 0``, flat for ``g = 0`` or ``r_b = 0``) through a where on
        a safe ``R^2``, so no 0 / 0 or d sqrt(0) enters a gradient."""
        alpha, gamma = self.alpha, self.gamma
        positive = radius_squared > 0.0
        safe = xp.where(positive, radius_squared, 1.0)
        limit = xp.where(gamma > 0.0, xp.inf, xp.where(gamma < 0.0, 0.0, 1.0))
        limit = xp.where(self.radius_break > 0.0, limit, 1.0)
        ratio = (self.radius_break**2 / safe) ** (0.5 * alpha)
        inner = xp.where(positive, (1.0 + ratio) ** (gamma / alpha), limit)
        return self._with_outer_sersic(inner, xp.where(positive, safe ** (0.5 * alpha), 0.0), xp)

    def _with_outer_sersic(self, inner, radius_alpha, xp):
        """``M/L I' inner exp(-b_n ((R^a + r_b^a) / R_e^a)^(1/(a n)))`` given ``R^a``."""
        scaled = (radius_alpha + self.radius_break**self.alpha) / self.effective_radius**self.alpha
        outer = xp.exp(-self.sersic_constant * scaled ** (1.0 / (self.alpha * self.sersic_index)))
        return self.mass_to_light_ratio * self.intensity_prime(xp=xp) * inner * outer

    # -- the multi-Gaussian expansion -----------------------------------------------------------

    def _mge_from(self, xp=np, number: int = MGE_GAUSSIANS, sigma_range=MGE_SIGMA_RANGE):
        """``(amplitudes, widths)`` of the expansion (widths in eccentric radius)."""
        sigmas = mge.log_spaced_sigmas_from(
            self.effective_radius * sigma_range[0],
            self.effective_radius * sigma_range[1],
            number,
            xp=xp,
        )
        return mge.amplitudes_from(self.convergence_func, sigmas, xp=xp), sigmas

    def _is_circular(self) -> bool:
        """Statically round (a spherical twin, or ``ell_comps`` given as zeros): exact radial
        Gaussian deflections instead of the elliptical form at the capped axis ratio."""
        return isinstance(self, SphTwin) or all(_is_static_zero(e) for e in self.ell_comps)

    @aa.decorators.to_vector_yx
    @aa.decorators.transform(rotate_back=True)
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Deflections of the multi-Gaussian expansion (NumPy and JAX)."""
        raw = grid_raw_from(grid)
        amplitudes, sigmas = self._mge_from(xp=xp)
        q = self.axis_ratio(xp=xp)

        def deflections(circular):
            return xp.stack(
                mge.deflections_from(
                    raw[:, 0], raw[:, 1], q, amplitudes, sigmas, circular=circular, xp=xp
                ),
                axis=-1,
            )

        if self._is_circular():
            return deflections(True)
        if xp is np:
            return deflections(False)
        # Traced ellipticity that is exactly round (e.g. ell_comps fixed at zero but passed as
        # leaves): the NumPy path's exact radial form, not the capped-q form's ~6e-5 bias.
        return xp.where(q == 1.0, deflections(True), deflections(False))

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Potential of the release's 30-Gaussian expansion (``R_e / 100`` to ``20 R_e``) by its
        ray quadrature (:func:`mge.potential_from`)."""
        raw = grid_raw_from(grid)
        amplitudes, sigmas = self._mge_from(
            xp=xp, number=MGE_POTENTIAL_GAUSSIANS, sigma_range=MGE_POTENTIAL_SIGMA_RANGE
        )
        return mge.potential_from(
            raw[:, 0], raw[:, 1], self.axis_ratio(xp=xp), amplitudes, sigmas, xp=xp
        )


class SersicCoreSph(SphTwin, SersicCore):
    def __init__(
        self,
        centre=(0.0, 0.0),
        effective_radius: float = 0.6,
        sersic_index: float = 4.0,
        radius_break: float = 0.01,
        intensity: float = 0.05,
        gamma: float = 0.25,
        alpha: float = 3.0,
        mass_to_light_ratio: float = 1.0,
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
            mass_to_light_ratio=mass_to_light_ratio,
        )
