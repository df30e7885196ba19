"""Set the intensities of a galaxy's signal-to-noise light profiles (``lp_snr``) for a simulation."""

from __future__ import annotations

import autoarray as aa
from autogalaxy.profiles.light.snr.abstract import LightProfileSNR


def snr_light_profiles_of(galaxy) -> list:
    """The galaxy's ``lp_snr`` profiles (members of a ``Basis`` included)."""
    return [p for p in galaxy.light_profile_list if isinstance(p, LightProfileSNR)]


def set_snr_of_snr_light_profiles(
    galaxy,
    grid,
    exposure_time: float,
    background_sky_level: float = 0.0,
    psf: aa.Convolver | None = None,
) -> None:
    """Set the intensity of each of ``galaxy``'s ``lp_snr`` profiles from its target S/N, each
    from its own image on ``grid`` (blurred by ``psf`` when given), as PyAutoGalaxy's
    ``Galaxy.set_snr_of_snr_light_profiles``."""
    for profile in snr_light_profiles_of(galaxy):
        profile.set_intensity_from(
            grid=grid,
            exposure_time=exposure_time,
            background_sky_level=background_sky_level,
            psf=psf,
        )
