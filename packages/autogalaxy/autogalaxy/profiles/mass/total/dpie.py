"""Dual pseudo-isothermal elliptical mass profiles (dPIE; Eliasdottir et al. 2007, App. A).

* :class:`dPIEMassB0` / :class:`dPIEMassB0Sph`: the internal parameters ``(ra, rs, b0)``;
* :class:`dPIEMass` / :class:`dPIEMassSph`: Lenstool's parameters (``ellipticity``,
  ``angle_pos``, velocity dispersion ``sigma`` in km/s, ``r_core``, ``r_cut``), as PyAutoLens's
  default dPIE: ``b0 = 6 * 648000 * (sigma / c)^2 * D_LS / D_S`` arc-seconds (distances of a flat
  ``FlatLambdaCDM(H0, Om0)``), the Lenstool mass ellipticity ``e = (a^2 - b^2) / (a^2 + b^2)``
  giving ``q = sqrt((1 - e) / (1 + e))``.

The mass is elliptical: ``kappa`` is the spherical profile (``dpie_util``) at
``R^2 = x'^2 / (1 + f)^2 + y'^2 / (1 - f)^2`` with ``f = (1 - q) / (1 + q) = |ell_comps|``,
i.e. stratified on ellipses of axis ratio ``q`` with ``R = xi / (1 + f)``,
``xi^2 = x'^2 + y'^2 / q^2``. Elliptical deflections and potential use Keeton's integrals
(:class:`KeetonMassProfile`); the spherical profiles use the closed forms.

Default priors follow PyAutoLens except ``dPIEMassB0.rs``: Uniform(0, 100) (as ``dPIEMass``'s
``r_cut``) instead of PyAutoLens's Uniform(0, 10), whose median equals that of ``ra`` and so
gives ``rs = ra`` (a division by zero) at the prior medians. The Lenstool-parameter profiles keep
``redshift_object``, ``redshift_source``, ``H0`` and ``Om0`` fixed (PyAutoLens gives them priors;
they are constants of a lens model, and ``b0``'s distance ratio is computed from them once).
"""

from __future__ import annotations

import math

import numpy as np

import autoarray as aa
from autogalaxy.profiles.geometry_profiles import SphTwin, check_parameter, grid_raw_from
from autogalaxy.profiles.mass import keeton_util
from autogalaxy.profiles.mass.keeton_profile import KeetonMassProfile
from autogalaxy.profiles.mass.total import dpie_util

#: Speed of light in km/s.
SPEED_OF_LIGHT_KMS = 299792.458
#: Arc-seconds per radian.
ARCSEC_PER_RAD = 648000.0 / math.pi
#: Gauss-Legendre nodes per panel and small-``u`` power of the elliptical Keeton integrals.
DPIE_QUADRATURE_NODES = 32
DPIE_QUADRATURE_POWER = 2.0


class dPIEMassB0(KeetonMassProfile):  # noqa: N801  (PyAutoLens's class name)
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        ra: float = 0.0,
        rs: float = 2.0,
        b0: float = 0.1,
    ):
        """Elliptical dPIE mass with core radius ``ra``, cut radius ``rs > ra`` (arc-seconds) and
        lens strength ``b0`` (arc-seconds; the Einstein radius for ``ra -> 0``, ``rs -> inf``)."""
        super().__init__(centre=centre, ell_comps=ell_comps)
        self.ra = ra
        self.rs = rs
        self.b0 = b0
        check_parameter(self, "ra", non_negative=True)
        check_parameter(self, "rs", positive=True)
        check_parameter(self, "b0", non_negative=True)
        if isinstance(ra, float) and isinstance(rs, float) and not rs > ra:
            from autogalaxy import exc

            raise exc.ProfileException(
                f"{type(self).__name__}: the cut radius rs={rs} must exceed the core ra={ra}."
            )

    def _ellipse_factor(self, xp=np):
        """``1 + f`` with ``f = (1 - q) / (1 + q)``: ``R = xi / (1 + f)``."""
        q = self.axis_ratio(xp=xp)
        return 1.0 + (1.0 - q) / (1.0 + q)

    def convergence_func(self, grid_radius, xp=np):
        """Convergence at elliptical radius ``xi`` (``xi^2 = x'^2 + y'^2 / q^2``)."""
        return self._kappa_of_xi2(xp.asarray(grid_radius) ** 2, xp)

    def _kappa_of_xi2(self, xi2, xp):
        return dpie_util.convergence_from(
            xi2 / self._ellipse_factor(xp) ** 2, self.b0, self.ra, self.rs, xp=xp
        )

    def _alpha_circ_of_xi(self, xi, xp):
        factor = self._ellipse_factor(xp)
        return factor * dpie_util.deflection_magnitude_from(
            xi / factor, self.b0, self.ra, self.rs, xp=xp
        )

    def _keeton_quadrature(self, xp=np):
        return DPIE_QUADRATURE_NODES, DPIE_QUADRATURE_POWER, self.rs

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        q = self.axis_ratio(xp=xp)
        return self._kappa_of_xi2(raw[:, 1] ** 2 + (raw[:, 0] / q) ** 2, xp)


class dPIEMassB0Sph(SphTwin, dPIEMassB0):  # noqa: N801
    def __init__(self, centre=(0.0, 0.0), ra: float = 0.0, rs: float = 2.0, b0: float = 0.1):
        """Spherical dPIE mass with closed-form deflections and potential."""
        super().__init__(centre=centre, ell_comps=(0.0, 0.0), ra=ra, rs=rs, b0=b0)

    @aa.decorators.to_array
    @aa.decorators.transform
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        return dpie_util.convergence_from(
            raw[:, 0] ** 2 + raw[:, 1] ** 2, self.b0, self.ra, self.rs, xp=xp
        )

    @aa.decorators.to_vector_yx
    @aa.decorators.transform
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        radii = keeton_util.radii_from(raw, xp)
        s_a = xp.sqrt(self.ra**2 + radii**2)
        s_s = xp.sqrt(self.rs**2 + radii**2)
        # alpha / R, finite at the centre (see dpie_util.deflection_magnitude_from).
        over_r = dpie_util.strength_from(self.b0, self.ra, self.rs) * (
            1.0 / xp.maximum(s_a + self.ra, dpie_util.RA_FLOOR) - 1.0 / (s_s + self.rs)
        )
        return keeton_util.radial_vectors_from(raw, over_r, xp)

    @aa.decorators.to_array
    @aa.decorators.transform
    def potential_2d_from(self, grid, xp=np, **kwargs):
        raw = grid_raw_from(grid)
        return dpie_util.potential_from(
            keeton_util.radii_from(raw, xp), self.b0, self.ra, self.rs, xp=xp
        )


def b0_from(sigma, redshift_object: float, redshift_source: float, H0: float, Om0: float):
    """Lenstool's lens strength ``6 * 648000 * (sigma / c)^2 * D_LS / D_S`` (arc-seconds) for
    ``sigma`` in km/s; the distance ratio comes from ``FlatLambdaCDM(H0, Om0)``."""
    from autogalaxy.cosmology.model import FlatLambdaCDM

    cosmology = FlatLambdaCDM(H0=float(H0), Om0=float(Om0))
    ratio = cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(
        float(redshift_object), float(redshift_source)
    ) / cosmology.angular_diameter_distance_to_earth_in_kpc_from(float(redshift_source))
    return 6.0 * math.pi * ARCSEC_PER_RAD * (sigma / SPEED_OF_LIGHT_KMS) ** 2 * float(ratio)


def ell_comps_via_lenstool_from(ellipticity, angle_pos):
    """``ell_comps`` of Lenstool's mass ellipticity ``(a^2 - b^2) / (a^2 + b^2)`` and position
    angle (degrees counter-clockwise from +x); works on floats and JAX scalars."""
    xp = aa.backend.xp_of(ellipticity, angle_pos)
    q = ((1.0 - ellipticity) / (1.0 + ellipticity)) ** 0.5
    f = (1.0 - q) / (1.0 + q)
    phi = 2.0 * angle_pos * (math.pi / 180.0)
    e1, e2 = f * xp.sin(phi), f * xp.cos(phi)
    if xp is np:
        return (float(e1), float(e2))
    return (e1, e2)


class dPIEMass(dPIEMassB0):  # noqa: N801
    def __init__(
        self,
        centre=(0.0, 0.0),
        ellipticity: float = 0.0,
        angle_pos: float = 0.0,
        sigma: float = 200.0,
        r_core: float = 0.1,
        r_cut: float = 20.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
        H0: float = 67.66,
        Om0: float = 0.30966,
    ):
        """Elliptical dPIE in Lenstool's parameters (PyAutoLens's default dPIE): mass
        ``ellipticity`` ``(a^2 - b^2) / (a^2 + b^2)``, ``angle_pos`` (degrees), fiducial velocity
        dispersion ``sigma`` (km/s), ``r_core`` / ``r_cut`` (arc-seconds); ``redshift_object``,
        ``redshift_source``, ``H0`` and ``Om0`` fix the distance ratio of ``b0`` (constants)."""
        if isinstance(ellipticity, float) and not 0.0 <= ellipticity < 1.0:
            from autogalaxy import exc

            raise exc.ProfileException(
                f"dPIEMass: ellipticity must lie in [0, 1), got {ellipticity}."
            )
        super().__init__(
            centre=centre,
            ell_comps=ell_comps_via_lenstool_from(ellipticity, angle_pos),
            ra=r_core,
            rs=r_cut,
            b0=b0_from(sigma, redshift_object, redshift_source, H0, Om0),
        )
        self.ellipticity = ellipticity
        self.angle_pos = angle_pos
        self.sigma = sigma
        self.r_core = r_core
        self.r_cut = r_cut
        self.redshift_object = redshift_object
        self.redshift_source = redshift_source
        self.H0 = H0
        self.Om0 = Om0


class dPIEMassSph(dPIEMassB0Sph):  # noqa: N801
    def __init__(
        self,
        centre=(0.0, 0.0),
        sigma: float = 200.0,
        r_core: float = 0.1,
        r_cut: float = 20.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
        H0: float = 67.66,
        Om0: float = 0.30966,
    ):
        """Spherical dPIE in Lenstool's parameters (see :class:`dPIEMass`)."""
        super().__init__(
            centre=centre,
            ra=r_core,
            rs=r_cut,
            b0=b0_from(sigma, redshift_object, redshift_source, H0, Om0),
        )
        self.sigma = sigma
        self.r_core = r_core
        self.r_cut = r_cut
        self.redshift_object = redshift_object
        self.redshift_source = redshift_source
        self.H0 = H0
        self.Om0 = Om0
