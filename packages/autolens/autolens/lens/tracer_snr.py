"""Set the intensities of a tracer's signal-to-noise light profiles (``lp_snr``) for a simulation."""

from __future__ import annotations

import autoarray as aa
from autogalaxy.galaxy.snr import snr_light_profiles_of


def set_snr_of_snr_light_profiles(
    tracer,
    grid,
    exposure_time: float,
    background_sky_level: float = 0.0,
    psf: aa.Convolver | None = None,
) -> None:
    """Set each ``lp_snr`` profile's intensity from its target S/N, measured on its own plane's
    ray-traced grid, so a lensed source's S/N includes its magnification.

    As PyAutoLens: the grid is a fresh unmasked uniform grid of ``grid``'s shape and pixel scales
    (origin (0, 0), over-sampling 4 everywhere, whatever ``grid`` carries) and the images are not
    PSF-blurred unless ``psf`` is given (the lensing simulator passes none).
    """
    profiles_of_planes = [
        [p for galaxy in plane for p in snr_light_profiles_of(galaxy)] for plane in tracer.planes
    ]
    if not any(profiles_of_planes):
        return
    uniform = aa.Grid2D.uniform(shape_native=grid.shape_native, pixel_scales=grid.pixel_scales)
    last = max(i for i, profiles in enumerate(profiles_of_planes) if profiles)
    traced = tracer.traced_grid_2d_list_from(uniform, plane_index_limit=last)
    for plane_index, profiles in enumerate(profiles_of_planes):
        for profile in profiles:
            profile.set_intensity_from(
                grid=traced[plane_index],
                exposure_time=exposure_time,
                background_sky_level=background_sky_level,
                psf=psf,
            )
