"""Spherical NFW and gNFW profiles set by a virial mass and a concentration.

``NFWVirialMassConcSph``: ``virial_mass`` (M_sun) inside the radius of mean density
``virial_overdens`` x ``rho_crit(z_lens)``, concentration ``r_vir / r_s``.
``gNFWVirialMassConcSph``: ``log10m_vir`` and ``c_2 = r_vir / r_{-2}``; ``overdens = 0`` selects
Bryan & Norman's (1998) virial overdensity (stored back on the profile, as PyAutoGalaxy does).
"""

from __future__ import annotations

from autoarray.backend import xp_of
from autogalaxy.profiles.geometry_profiles import check_parameter
from autogalaxy.profiles.mass.dark import mcr_util
from autogalaxy.profiles.mass.dark.gnfw import gNFWSph
from autogalaxy.profiles.mass.dark.nfw import NFWSph


class NFWVirialMassConcSph(NFWSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        virial_mass: float = 1e12,
        concentration: float = 10.0,
        virial_overdens: float = 200.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Spherical NFW of ``virial_mass`` (M_sun) and ``concentration``."""
        self.virial_mass = virial_mass
        self.concentration = concentration
        self.virial_overdens = virial_overdens
        self.redshift_object = redshift_object
        self.redshift_source = redshift_source
        for name in ("virial_mass", "concentration", "virial_overdens"):
            check_parameter(self, name, positive=True)
        xp = xp_of(virial_mass, concentration, virial_overdens, redshift_object, redshift_source)
        kappa_s, scale_radius, _ = mcr_util.nfw_kappa_s_and_scale_radius_from(
            virial_mass, concentration, virial_overdens, redshift_object, redshift_source, xp=xp
        )
        super().__init__(centre=centre, kappa_s=kappa_s, scale_radius=scale_radius)


class gNFWVirialMassConcSph(gNFWSph):  # noqa: N801  (PyAutoGalaxy's class name)
    def __init__(
        self,
        centre=(0.0, 0.0),
        log10m_vir: float = 12.0,
        c_2: float = 10.0,
        overdens: float = 0.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
        inner_slope: float = 1.0,
    ):
        """Spherical gNFW of virial mass ``10**log10m_vir`` (M_sun) and ``c_2 = r_vir / r_{-2}``.

        ``overdens``: the overdensity (w.r.t. critical) defining ``r_vir``; 0 selects Bryan &
        Norman (1998). ``virial_radius`` (kpc) and the overdensity used are kept as attributes.
        """
        self.log10m_vir = log10m_vir
        self.c_2 = c_2
        self.redshift_object = redshift_object
        self.redshift_source = redshift_source
        check_parameter(self, "c_2", positive=True)
        xp = xp_of(log10m_vir, c_2, overdens, redshift_object, redshift_source, inner_slope)
        kappa_s, scale_radius, virial_radius, overdensity = (
            mcr_util.gnfw_kappa_s_and_scale_radius_from(
                10.0**log10m_vir,
                c_2,
                overdens,
                redshift_object,
                redshift_source,
                inner_slope,
                xp=xp,
            )
        )
        self.virial_radius = virial_radius
        self.overdens = overdensity
        super().__init__(
            centre=centre, kappa_s=kappa_s, inner_slope=inner_slope, scale_radius=scale_radius
        )
