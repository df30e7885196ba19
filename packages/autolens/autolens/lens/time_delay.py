"""Time delays of a two-plane lens: the Fermat potential and the time-delay distance.

``φ(θ) = ½|α(θ)|² − ψ(θ)`` with ``α`` and ``ψ`` the summed single-plane deflections and
potentials (at an image ``θ − α = β``, so ``½|α|² = ½|θ − β|²``, the geometric term), and

    Δt [days] = D_Δt / c · φ [arcsec²] · (π / 648000)² / 86400,
    D_Δt = (1 + z_l) D_l D_s / D_ls.

Absolute values are relative to the unlensed path (they can be negative); fits use
differences between images.
"""

from __future__ import annotations

import math

import numpy as np

import autoarray as aa
from autogalaxy.galaxy.galaxies import Galaxies
from autolens import exc

#: Metres per kiloparsec and the speed of light (m/s), as the reference ecosystem uses them.
METRES_PER_KPC = 3.085677581491367e19
SPEED_OF_LIGHT = 299792458.0
SECONDS_PER_DAY = 86400.0
RADIANS_PER_ARCSEC = math.pi / 648000.0


def _two_plane_redshifts(tracer) -> tuple[float, float]:
    if tracer.total_planes != 2:
        raise exc.RayTracingException(
            f"Time delays need a tracer of exactly two planes (lens and source); this one has "
            f"{tracer.total_planes} (redshifts {tracer.plane_redshifts})."
        )
    lens, source = tracer.plane_redshifts
    return lens, source


def time_delay_distance_in_metres_from(tracer) -> float:
    """``D_Δt = (1 + z_l) D_l D_s / D_ls`` in metres (from the tracer's cosmology)."""
    z_l, z_s = _two_plane_redshifts(tracer)
    cosmology = tracer.cosmology
    d_l = cosmology.angular_diameter_distance_to_earth_in_kpc_from(z_l)
    d_s = cosmology.angular_diameter_distance_to_earth_in_kpc_from(z_s)
    d_ls = cosmology.angular_diameter_distance_between_redshifts_in_kpc_from(z_l, z_s)
    return (1.0 + z_l) * d_l * d_s / d_ls * METRES_PER_KPC


def days_per_arcsec_squared_from(tracer) -> float:
    """The factor turning a Fermat potential (arcsec²) into a time delay (days)."""
    return (
        time_delay_distance_in_metres_from(tracer)
        / SPEED_OF_LIGHT
        * RADIANS_PER_ARCSEC**2
        / SECONDS_PER_DAY
    )


def fermat_potential_raw_from(tracer, points, xp=np):
    """``½|α|² − ψ`` (arcsec²) at raw ``[N, 2]`` image-plane points."""
    galaxies = Galaxies(tracer.galaxies)
    grid = aa.Grid2DIrregular(values=points, xp=xp)
    alpha = xp.asarray(aa.raw_array(galaxies.deflections_yx_2d_from(grid=grid, xp=xp))).reshape(
        -1, 2
    )
    psi = xp.asarray(aa.raw_array(galaxies.potential_2d_from(grid=grid, xp=xp))).reshape(-1)
    return 0.5 * (alpha[:, 0] ** 2 + alpha[:, 1] ** 2) - psi


def time_delays_raw_from(tracer, points, xp=np):
    """Time delays (days) at raw ``[N, 2]`` image-plane points."""
    factor = days_per_arcsec_squared_from(tracer)
    return factor * fermat_potential_raw_from(tracer, points, xp=xp)
