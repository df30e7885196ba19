"""NFW profiles set by the halo mass ``M_200c`` through a mass-concentration relation.

``mass_at_200`` (M_sun, within the radius of mean density 200 ``rho_crit(z_lens)``) and the
lens and source redshifts give ``kappa_s`` and ``scale_radius`` (:mod:`mcr_util`): Duffy et al.
(2008) or Ludlow et al. (2016) concentrations, the latter optionally moved by ``scatter_sigma``
standard deviations of 0.15 dex. The parameters are computed once, in the constructor, with the
backend of the inputs: a traced mass (a JAX model fit) gives traced ``kappa_s`` and
``scale_radius``.
"""

from __future__ import annotations

from autoarray.backend import xp_of
from autogalaxy.profiles.geometry_profiles import check_parameter
from autogalaxy.profiles.mass.dark import mcr_util
from autogalaxy.profiles.mass.dark.gnfw import gNFW
from autogalaxy.profiles.mass.dark.nfw import NFW, NFWSph


def _store_halo(profile, mass_at_200, redshift_object, redshift_source, **extra) -> None:
    profile.mass_at_200 = mass_at_200
    profile.redshift_object = redshift_object
    profile.redshift_source = redshift_source
    for name, value in extra.items():
        setattr(profile, name, value)
    check_parameter(profile, "mass_at_200", positive=True)


def ludlow_parameters(mass_at_200, scatter_sigma, redshift_object, redshift_source):
    """``(kappa_s, scale_radius, r_200)`` on the Ludlow relation, on the inputs' backend."""
    xp = xp_of(mass_at_200, scatter_sigma, redshift_object, redshift_source)
    return mcr_util.kappa_s_and_scale_radius_for_ludlow(
        mass_at_200, scatter_sigma, redshift_object, redshift_source, xp=xp
    )


def duffy_parameters(mass_at_200, redshift_object, redshift_source):
    """``(kappa_s, scale_radius, r_200)`` on the Duffy relation, on the inputs' backend."""
    xp = xp_of(mass_at_200, redshift_object, redshift_source)
    return mcr_util.kappa_s_and_scale_radius_for_duffy(
        mass_at_200, redshift_object, redshift_source, xp=xp
    )


class NFWMCRDuffySph(NFWSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        mass_at_200: float = 1e9,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Spherical NFW of ``M_200c = mass_at_200`` (M_sun) on the Duffy et al. (2008) relation."""
        _store_halo(self, mass_at_200, redshift_object, redshift_source)
        kappa_s, scale_radius, _ = duffy_parameters(mass_at_200, redshift_object, redshift_source)
        super().__init__(centre=centre, kappa_s=kappa_s, scale_radius=scale_radius)


class NFWMCRScatterLudlow(NFW):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        mass_at_200: float = 1e9,
        scatter_sigma: float = 0.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Elliptical NFW on the Ludlow et al. (2016) relation, concentration moved by
        ``scatter_sigma`` x 0.15 dex."""
        _store_halo(
            self, mass_at_200, redshift_object, redshift_source, scatter_sigma=scatter_sigma
        )
        kappa_s, scale_radius, _ = ludlow_parameters(
            mass_at_200, scatter_sigma, redshift_object, redshift_source
        )
        super().__init__(
            centre=centre, ell_comps=ell_comps, kappa_s=kappa_s, scale_radius=scale_radius
        )


class NFWMCRScatterLudlowSph(NFWSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        mass_at_200: float = 1e9,
        scatter_sigma: float = 0.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Spherical NFW on the Ludlow et al. (2016) relation with ``scatter_sigma``."""
        _store_halo(
            self, mass_at_200, redshift_object, redshift_source, scatter_sigma=scatter_sigma
        )
        kappa_s, scale_radius, _ = ludlow_parameters(
            mass_at_200, scatter_sigma, redshift_object, redshift_source
        )
        super().__init__(centre=centre, kappa_s=kappa_s, scale_radius=scale_radius)


class NFWMCRLudlow(NFWMCRScatterLudlow):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        mass_at_200: float = 1e9,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Elliptical NFW on the mean Ludlow et al. (2016) relation."""
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            mass_at_200=mass_at_200,
            scatter_sigma=0.0,
            redshift_object=redshift_object,
            redshift_source=redshift_source,
        )


class NFWMCRLudlowSph(NFWMCRScatterLudlowSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        mass_at_200: float = 1e9,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Spherical NFW on the mean Ludlow et al. (2016) relation."""
        super().__init__(
            centre=centre,
            mass_at_200=mass_at_200,
            scatter_sigma=0.0,
            redshift_object=redshift_object,
            redshift_source=redshift_source,
        )


class gNFWMCRLudlow(gNFW):  # noqa: N801  (PyAutoGalaxy's class name)
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        mass_at_200: float = 1e9,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
        inner_slope: float = 1.0,
    ):
        """Elliptical gNFW whose ``kappa_s`` and ``scale_radius`` are those of the NFW on the mean
        Ludlow et al. (2016) relation (as in PyAutoGalaxy; ``inner_slope`` does not enter them)."""
        _store_halo(self, mass_at_200, redshift_object, redshift_source)
        kappa_s, scale_radius, _ = ludlow_parameters(
            mass_at_200, 0.0, redshift_object, redshift_source
        )
        super().__init__(
            centre=centre,
            ell_comps=ell_comps,
            kappa_s=kappa_s,
            inner_slope=inner_slope,
            scale_radius=scale_radius,
        )
