"""
Flat Lambda-CDM cosmology used for lensing calculations.

All distance methods accept an ``xp`` argument (``numpy`` by default, ``jax.numpy`` on the JAX
path) and are traceable under ``jax.jit`` / ``jax.vmap`` with traced redshifts.

The reference definition (see ``CONVENTIONS.md``) integrates ``1/E(z)`` with composite Simpson
on 8193 points in ``z``.  Here the same integral is evaluated with a fixed Gauss-Legendre rule
in ``u = ln(1 + z)``, which agrees with the reference to ~1e-13 relative for lensing redshifts
while needing ~100x fewer evaluations of ``E(z)``.
"""

from __future__ import annotations

import functools
import math
from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np

# Physical constants (CODATA 2018 / IAU 2015, the values astropy ships).
SPEED_OF_LIGHT_KM_S = 299792.458
SPEED_OF_LIGHT_KPC_S = 9.715611890180198e-12
# Newton's constant in kpc^3 / (M_sun s^2).
GRAVITATIONAL_CONSTANT_KPC3_MSUN_S2 = 4.517103049894965e-39
# 1 Mpc in km, used to turn H0 [km/s/Mpc] into 1/s.
MPC_IN_KM = 3.0856775814913673e19

# The two densities use PyAutoGalaxy's own constants, so that the masses and the NFW
# normalisations derived from them (``kappa_s`` of the mass-concentration profiles) equal its
# numbers to rounding; astropy's differ by 3.4e-5 (Sigma_crit: M_sun = 1.98847e30 kg instead of
# GM_sun / G) and 1.7e-7 (rho_crit: G = 4.30091e-6 kpc (km/s)^2 / M_sun).
_SIGMA_CRIT_C_M_S = 299792458.0
_SIGMA_CRIT_G_SI = 6.67430e-11
_SIGMA_CRIT_M_SUN_KG = 1.98847e30
_SIGMA_CRIT_KPC_M = 3.085677581491367e19
#: ``c^2 / (4 pi G)`` in M_sun / kpc (times ``D_s / (D_l D_ls)`` in 1/kpc gives M_sun / kpc^2).
SIGMA_CRIT_CONSTANT_MSUN_KPC = (
    _SIGMA_CRIT_C_M_S**2
    / (4.0 * math.pi * _SIGMA_CRIT_G_SI)
    * _SIGMA_CRIT_KPC_M
    / _SIGMA_CRIT_M_SUN_KG
)
_RHO_CRIT_KPC_IN_KM = 3.085677581e16
_RHO_CRIT_MPC_IN_KM = 3.085677581e19
#: Newton's constant in kpc^3 / (M_sun s^2) from ``4.30091e-6 kpc (km/s)^2 / M_sun``.
RHO_CRIT_G_KPC3_MSUN_S2 = 4.30091e-6 / _RHO_CRIT_KPC_IN_KM**2
ARCSEC_PER_RADIAN = 206264.80624709636

# Number of Gauss-Legendre nodes for the comoving-distance integral.
_N_QUADRATURE = 96
_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(_N_QUADRATURE)


def _is_python_scalar(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _resolve_xp(xp, *values):
    """
    Return ``xp`` unless it is NumPy and a JAX array / tracer was passed, in which case the JAX
    numpy module is returned instead (so a forgotten ``xp=`` does not crash inside ``jit``).
    """
    if xp is not np:
        return xp
    for value in values:
        module = type(value).__module__
        if module.startswith(("jax", "jaxlib")):
            import jax.numpy as jnp

            return jnp
    return np


class LensingCosmology(ABC):
    """
    Base class of the lensing cosmologies: everything derives from ``E(z)`` (``efunc``), the
    Hubble constant ``H0`` [km/s/Mpc] and the comoving-distance integral.
    """

    H0: float

    # ------------------------------------------------------------------ abstract pieces

    @abstractmethod
    def efunc(self, redshift, xp=np):
        """Implemented by every concrete subclass."""

    @abstractmethod
    def _parameters(self) -> tuple:
        """Implemented by every concrete subclass."""

    # ------------------------------------------------------------------ identity

    def __eq__(self, other):
        return type(self) is type(other) and self._parameters() == other._parameters()

    def __hash__(self):
        return hash((type(self).__name__, self._parameters()))

    # ------------------------------------------------------------------ distances

    @property
    def hubble_distance_mpc(self) -> float:
        return SPEED_OF_LIGHT_KM_S / self.H0

    def _integral_inverse_efunc(self, redshift_0, redshift_1, xp=np):
        """
        ``∫_{z0}^{z1} dz / E(z)`` with a Gauss-Legendre rule in ``u = ln(1+z)``
        (``dz = (1+z) du``).  Broadcasts over array redshifts.
        """
        z0 = xp.asarray(redshift_0, dtype=xp.float64)
        z1 = xp.asarray(redshift_1, dtype=xp.float64)
        u0 = xp.log1p(z0)[..., None]
        u1 = xp.log1p(z1)[..., None]
        half = 0.5 * (u1 - u0)
        u = u0 + half * (xp.asarray(_GL_NODES) + 1.0)
        one_plus_z = xp.exp(u)
        integrand = one_plus_z / self.efunc(one_plus_z - 1.0, xp=xp)
        return half[..., 0] * xp.sum(xp.asarray(_GL_WEIGHTS) * integrand, axis=-1)

    def _distance_between_in_kpc(self, redshift_0, redshift_1, xp=np):
        integral = self._integral_inverse_efunc(redshift_0, redshift_1, xp=xp)
        return (
            1.0e3
            * self.hubble_distance_mpc
            * integral
            / (1.0 + xp.asarray(redshift_1, dtype=xp.float64))
        )

    def angular_diameter_distance_between_redshifts_in_kpc_from(
        self, redshift_0, redshift_1, xp=np
    ):
        """
        Angular diameter distance from ``redshift_0`` to ``redshift_1`` in kpc (flat universe:
        comoving distance between them divided by ``1 + redshift_1``).
        """
        xp = _resolve_xp(xp, redshift_0, redshift_1)
        if _is_python_scalar(redshift_0) and _is_python_scalar(redshift_1):
            # Concrete redshifts (also the usual case under ``jit``, where plane redshifts are
            # static): memoised NumPy value, a constant in any traced graph.
            distance = _distance_between_in_kpc_cached(self, float(redshift_0), float(redshift_1))
            return distance if xp is np else xp.asarray(distance)
        return self._distance_between_in_kpc(redshift_0, redshift_1, xp=xp)

    def angular_diameter_distance_to_earth_in_kpc_from(self, redshift, xp=np):
        return self.angular_diameter_distance_between_redshifts_in_kpc_from(0.0, redshift, xp=xp)

    def comoving_distance_in_kpc_from(self, redshift, xp=np):
        xp = _resolve_xp(xp, redshift)
        return self.angular_diameter_distance_to_earth_in_kpc_from(redshift, xp=xp) * (
            1.0 + redshift
        )

    def luminosity_distance_in_kpc_from(self, redshift, xp=np):
        xp = _resolve_xp(xp, redshift)
        return (
            self.angular_diameter_distance_to_earth_in_kpc_from(redshift, xp=xp)
            * (1.0 + redshift) ** 2
        )

    def luminosity_distance(self, redshift, xp=np):
        """Luminosity distance in kpc (alias of ``luminosity_distance_in_kpc_from``)."""
        return self.luminosity_distance_in_kpc_from(redshift, xp=xp)

    def arcsec_per_kpc_from(self, redshift, xp=np):
        return ARCSEC_PER_RADIAN / self.angular_diameter_distance_to_earth_in_kpc_from(
            redshift, xp=xp
        )

    def kpc_per_arcsec_from(self, redshift, xp=np):
        return (
            self.angular_diameter_distance_to_earth_in_kpc_from(redshift, xp=xp) / ARCSEC_PER_RADIAN
        )

    # ------------------------------------------------------------------ densities

    def hubble_parameter_per_second_from(self, redshift, xp=np):
        """``H(z)`` in 1/s."""
        xp = _resolve_xp(xp, redshift)
        return self.H0 / MPC_IN_KM * self.efunc(redshift, xp=xp)

    def critical_surface_density_between_redshifts_solar_mass_per_kpc2_from(
        self, redshift_0, redshift_1, xp=np
    ):
        """``Σ_cr = c² / (4πG) · D_s / (D_l D_ls)`` in M_sun / kpc² (∞ if ``D_ls = 0``)."""
        xp = _resolve_xp(xp, redshift_0, redshift_1)
        const = SIGMA_CRIT_CONSTANT_MSUN_KPC
        d_l = self.angular_diameter_distance_to_earth_in_kpc_from(redshift_0, xp=xp)
        d_s = self.angular_diameter_distance_to_earth_in_kpc_from(redshift_1, xp=xp)
        d_ls = self.angular_diameter_distance_between_redshifts_in_kpc_from(
            redshift_0, redshift_1, xp=xp
        )
        if xp is np and np.ndim(d_ls) == 0:
            if d_ls == 0.0:
                return math.inf
            return const * d_s / (d_l * d_ls)
        d_ls = xp.asarray(d_ls)
        safe = xp.where(d_ls == 0.0, 1.0, d_ls)
        return xp.where(d_ls == 0.0, xp.inf, const * d_s / (d_l * safe))

    def critical_surface_density_between_redshifts_from(self, redshift_0, redshift_1, xp=np):
        """Critical surface density for lensing in M_sun / arcsec² (∞ if ``D_ls = 0``)."""
        sigma_kpc2 = self.critical_surface_density_between_redshifts_solar_mass_per_kpc2_from(
            redshift_0, redshift_1, xp=xp
        )
        return sigma_kpc2 * self.kpc_per_arcsec_from(redshift_0, xp=xp) ** 2

    def cosmic_average_density_solar_mass_per_kpc3_from(self, redshift, xp=np):
        """Critical density of the Universe ``ρ_c(z) = 3 H(z)² / (8πG)`` in M_sun / kpc³."""
        xp = _resolve_xp(xp, redshift)
        h_z = self.H0 / _RHO_CRIT_MPC_IN_KM * self.efunc(redshift, xp=xp)
        return 3.0 * h_z**2 / (8.0 * math.pi * RHO_CRIT_G_KPC3_MSUN_S2)

    def critical_density(self, redshift, xp=np):
        """``ρ_c(z)`` in M_sun / kpc³ (PyAutoGalaxy's name for the same quantity)."""
        return self.cosmic_average_density_solar_mass_per_kpc3_from(redshift, xp=xp)

    def Om(self, redshift, xp=np):  # noqa: N802  (PyAutoGalaxy's / astropy's name)
        """Matter density parameter ``Ω_m(z) = Ω_m0 (1+z)³ / E(z)²`` (massive neutrinos, which
        ``E`` counts as matter, are not included, as in PyAutoGalaxy)."""
        xp = _resolve_xp(xp, redshift)
        opz = 1.0 + xp.asarray(redshift, dtype=xp.float64)
        return self.Om0 * opz**3 / self.efunc(redshift, xp=xp) ** 2

    def cosmic_average_density_from(self, redshift, xp=np):
        """Critical density ``ρ_c(z)`` in M_sun / arcsec³ (kpc converted at ``redshift``)."""
        return (
            self.cosmic_average_density_solar_mass_per_kpc3_from(redshift, xp=xp)
            * self.kpc_per_arcsec_from(redshift, xp=xp) ** 3
        )

    # ------------------------------------------------------------------ lensing helpers

    def scaling_factor_between_redshifts_from(self, redshift_0, redshift_1, redshift_final, xp=np):
        """
        Multi-plane deflection scaling
        ``β = D(z0, z1) D(0, z_final) / (D(0, z1) D(z0, z_final))``.
        """
        xp = _resolve_xp(xp, redshift_0, redshift_1, redshift_final)
        d_01 = self.angular_diameter_distance_between_redshifts_in_kpc_from(
            redshift_0, redshift_1, xp=xp
        )
        d_0f = self.angular_diameter_distance_between_redshifts_in_kpc_from(
            redshift_0, redshift_final, xp=xp
        )
        d_1 = self.angular_diameter_distance_to_earth_in_kpc_from(redshift_1, xp=xp)
        d_f = self.angular_diameter_distance_to_earth_in_kpc_from(redshift_final, xp=xp)
        return (d_01 * d_f) / (d_1 * d_0f)

    def velocity_dispersion_from(self, redshift_0, redshift_1, einstein_radius, xp=np):
        """
        Velocity dispersion [km/s] of a singular isothermal sphere at ``redshift_0`` with
        Einstein radius ``einstein_radius`` [arcsec] for a source at ``redshift_1``:
        ``σ = c sqrt(θ_E D_s / (4π D_ls))`` with ``θ_E`` in radians.
        """
        xp = _resolve_xp(xp, redshift_0, redshift_1, einstein_radius)
        d_s = self.angular_diameter_distance_to_earth_in_kpc_from(redshift_1, xp=xp)
        d_ls = self.angular_diameter_distance_between_redshifts_in_kpc_from(
            redshift_0, redshift_1, xp=xp
        )
        theta_rad = einstein_radius / ARCSEC_PER_RADIAN
        return SPEED_OF_LIGHT_KM_S * xp.sqrt(theta_rad * d_s / (4.0 * math.pi * d_ls))


@functools.lru_cache(maxsize=4096)
def _distance_between_in_kpc_cached(
    cosmology: LensingCosmology, redshift_0: float, redshift_1: float
) -> float:
    """NumPy distances memoised per (cosmology parameters, redshift pair); Python floats only."""
    return float(cosmology._distance_between_in_kpc(redshift_0, redshift_1, xp=np))


class FlatLambdaCDM(LensingCosmology):
    """
    Flat ΛCDM cosmology (w0 = -1) with massive neutrinos treated as pure matter.

    Parameters
    ----------
    H0
        Hubble constant today in km/s/Mpc.
    Om0
        Matter density today (excluding massive neutrinos).
    Tcmb0
        CMB temperature today in K.
    Neff
        Effective number of neutrino species.
    m_nu
        Neutrino mass(es) in eV: a scalar (every one of the ``floor(Neff)`` species has this
        mass) or a sequence of per-species masses.
    Ob0
        Baryon density today (informational; it does not enter distances).
    """

    def __init__(
        self,
        H0: float = 67.66,
        Om0: float = 0.30966,
        Tcmb0: float = 2.7255,
        Neff: float = 3.046,
        m_nu: float | Sequence[float] = 0.0,
        Ob0: float = 0.04897,
    ):
        self.H0 = float(H0)
        self.Om0 = float(Om0)
        self.Tcmb0 = float(Tcmb0)
        self.Neff = float(Neff)
        self.Ob0 = float(Ob0)

        if np.ndim(m_nu) == 0:
            masses = (float(m_nu),) * math.floor(self.Neff) if float(m_nu) > 0 else ()
            self.m_nu: float | tuple[float, ...] = float(m_nu)
        else:
            masses = tuple(float(m) for m in m_nu)
            self.m_nu = masses

        h = self.H0 / 100.0
        n_massive = sum(1 for m in masses if m > 0.0)
        n_massless = max(self.Neff - n_massive, 0.0)

        self.Ogamma0 = 2.469e-5 * (self.Tcmb0 / 2.7255) ** 4 / h**2
        self.Onu_rad0 = 0.2271 * n_massless * self.Ogamma0
        self.Onu_mass0 = sum(masses) / (93.14 * h**2)
        self.Or0 = self.Ogamma0 + self.Onu_rad0
        self.Ode0 = 1.0 - self.Om0 - self.Or0 - self.Onu_mass0

    def _parameters(self) -> tuple:
        return (self.H0, self.Om0, self.Tcmb0, self.Neff, self.m_nu, self.Ob0)

    def __repr__(self):
        return (
            f"{type(self).__name__}(H0={self.H0}, Om0={self.Om0}, Tcmb0={self.Tcmb0}, "
            f"Neff={self.Neff}, m_nu={self.m_nu}, Ob0={self.Ob0})"
        )

    def efunc(self, redshift, xp=np):
        """``E(z) = H(z)/H0``."""
        xp = _resolve_xp(xp, redshift)
        opz = 1.0 + xp.asarray(redshift, dtype=xp.float64)
        return xp.sqrt((self.Om0 + self.Onu_mass0) * opz**3 + self.Or0 * opz**4 + self.Ode0)


class Planck15(FlatLambdaCDM):
    """The default cosmology: Planck 2015 parameters, one 0.06 eV neutrino treated as matter."""

    def __init__(self):
        super().__init__(
            H0=67.74,
            Om0=0.3075,
            Tcmb0=2.7255,
            Neff=3.046,
            m_nu=(0.0, 0.0, 0.06),
            Ob0=0.0486,
        )

    def __repr__(self):
        return "Planck15()"
