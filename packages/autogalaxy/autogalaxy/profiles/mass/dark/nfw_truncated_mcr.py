"""Truncated spherical NFW profiles set by ``M_200c`` through a mass-concentration relation.

As :mod:`nfw_mcr`, with the truncation radius PyAutoGalaxy uses: ``2 r_200``, where ``r_200`` is
in kpc while the profile reads it as arc-seconds (its convention, kept so that the profiles give
its numbers).
"""

from __future__ import annotations

from autogalaxy.profiles.mass.dark.nfw_mcr import _store_halo, duffy_parameters, ludlow_parameters
from autogalaxy.profiles.mass.dark.nfw_truncated import NFWTruncatedSph

#: Truncation radius in units of ``r_200`` (kpc value).
TRUNCATION_OVER_R200 = 2.0


class NFWTruncatedMCRDuffySph(NFWTruncatedSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        mass_at_200: float = 1e9,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Truncated spherical NFW on the Duffy et al. (2008) relation."""
        _store_halo(self, mass_at_200, redshift_object, redshift_source)
        kappa_s, scale_radius, radius_at_200 = duffy_parameters(
            mass_at_200, redshift_object, redshift_source
        )
        super().__init__(
            centre=centre,
            kappa_s=kappa_s,
            scale_radius=scale_radius,
            truncation_radius=TRUNCATION_OVER_R200 * radius_at_200,
        )


class NFWTruncatedMCRScatterLudlowSph(NFWTruncatedSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        mass_at_200: float = 1e9,
        scatter_sigma: float = 0.0,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Truncated spherical NFW on the Ludlow et al. (2016) relation with ``scatter_sigma``."""
        _store_halo(
            self, mass_at_200, redshift_object, redshift_source, scatter_sigma=scatter_sigma
        )
        kappa_s, scale_radius, radius_at_200 = ludlow_parameters(
            mass_at_200, scatter_sigma, redshift_object, redshift_source
        )
        super().__init__(
            centre=centre,
            kappa_s=kappa_s,
            scale_radius=scale_radius,
            truncation_radius=TRUNCATION_OVER_R200 * radius_at_200,
        )


class NFWTruncatedMCRLudlowSph(NFWTruncatedMCRScatterLudlowSph):
    def __init__(
        self,
        centre=(0.0, 0.0),
        mass_at_200: float = 1e9,
        redshift_object: float = 0.5,
        redshift_source: float = 1.0,
    ):
        """Truncated spherical NFW on the mean Ludlow et al. (2016) relation."""
        super().__init__(
            centre=centre,
            mass_at_200=mass_at_200,
            scatter_sigma=0.0,
            redshift_object=redshift_object,
            redshift_source=redshift_source,
        )
