"""Random strong lenses for simulation: PyAutoLens's
``model_util.random_galaxies_for_simulation_from`` and ``SIMULATOR_RANDOM_LENS_SUMMARY``.

Each call draws concrete galaxies (not a model) from a NumPy ``Generator``, in PyAutoLens's
order of draws, so the same seed gives the same lenses in both projects:

* lens bulge (when included): ``lp_snr.Sersic`` at (0, 0), each ellipticity component
  ``clip(Normal(0, 0.2), -1, 1)``, ``effective_radius ~ U(1, 5)``, ``sersic_index ~ U(3.5, 4.5)``,
  ``signal_to_noise_ratio ~ U(20, 60)``;
* lens mass: ``mp.Isothermal`` at (0, 0), clipped-normal ellipticity, ``einstein_radius ~
  U(0.2, 1.8)``; ``mp.ExternalShear`` with ``gamma_1, gamma_2 ~ Normal(0, 0.05)``;
* source: ``ps.PointFlux`` with centre ``Normal(0, 0.3)`` per axis and ``flux ~ U(0, 2)``, or an
  ``lp_snr.Sersic`` with that centre, clipped-normal ellipticity, ``effective_radius ~
  U(0.01, 3)``, ``sersic_index ~ U(1.5, 2.5)``, ``signal_to_noise_ratio ~ U(10, 30)``.

Lens at redshift 0.5, source at 1.0.
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

from autogalaxy import exc
from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.profiles import mass as mp
from autogalaxy.profiles import point_sources as ps
from autogalaxy.profiles.light import snr as lp_snr

SIMULATOR_RANDOM_LENS_SUMMARY = (
    "Each simulated strong lens draws fresh truths from: "
    "lens bulge SNR in [20, 60] (when included), "
    "lens mass einstein_radius in [0.2, 1.8] with normal-clipped ellipticity, "
    "external shear ~ Normal(0, 0.05), "
    "source bulge SNR in [10, 30] / point-source flux in [0.0, 2.0] (mode dependent)."
)

#: Standard deviation of each ellipticity component before clipping to [-1, 1].
ELL_COMP_SIGMA = 0.2
#: Standard deviation of each source-centre coordinate (arc-seconds).
SOURCE_CENTRE_SIGMA = 0.3
#: Standard deviation of each external-shear component.
SHEAR_SIGMA = 0.05


def _ell_comps(rng: np.random.Generator) -> Tuple[float, float]:
    # Two separate draws, first component first: the order of draws is part of the contract.
    first = float(np.clip(rng.normal(0.0, ELL_COMP_SIGMA), -1.0, 1.0))
    second = float(np.clip(rng.normal(0.0, ELL_COMP_SIGMA), -1.0, 1.0))
    return (first, second)


def _source_centre(rng: np.random.Generator) -> Tuple[float, float]:
    y = float(rng.normal(0.0, SOURCE_CENTRE_SIGMA))
    x = float(rng.normal(0.0, SOURCE_CENTRE_SIGMA))
    return (y, x)


def random_galaxies_for_simulation_from(
    include_lens_light: bool = True,
    use_point_source: bool = False,
    rng: np.random.Generator | None = None,
) -> Tuple[Galaxy, Galaxy]:
    """Draw a ``(lens, source)`` pair of concrete galaxies for a simulated strong lens.

    Parameters
    ----------
    include_lens_light
        Give the lens an ``lp_snr.Sersic`` bulge (otherwise it is mass only).
    use_point_source
        The source is a ``ps.PointFlux`` (``point_0``) instead of an ``lp_snr.Sersic`` bulge.
    rng
        The ``numpy.random.Generator`` drawn from; ``None`` makes a fresh unseeded one each call.

    The returned galaxies are instances for ``Tracer`` / ``SimulatorImaging.via_tracer_from``
    (which sets the ``lp_snr`` intensities), not fitting models.
    """
    if rng is None:
        rng = np.random.default_rng()
    elif not isinstance(rng, np.random.Generator):
        raise exc.GalaxyException(
            f"rng must be a numpy.random.Generator (np.random.default_rng(seed)) or None, "
            f"got {type(rng).__name__}."
        )

    lens_bulge = None
    if include_lens_light:
        ell_comps = _ell_comps(rng)
        effective_radius = float(rng.uniform(1.0, 5.0))
        sersic_index = float(rng.uniform(3.5, 4.5))
        signal_to_noise_ratio = float(rng.uniform(20.0, 60.0))
        lens_bulge = lp_snr.Sersic(
            signal_to_noise_ratio=signal_to_noise_ratio,
            centre=(0.0, 0.0),
            ell_comps=ell_comps,
            effective_radius=effective_radius,
            sersic_index=sersic_index,
        )

    ell_comps = _ell_comps(rng)
    mass = mp.Isothermal(
        centre=(0.0, 0.0), ell_comps=ell_comps, einstein_radius=float(rng.uniform(0.2, 1.8))
    )
    gamma_1 = float(rng.normal(0.0, SHEAR_SIGMA))
    gamma_2 = float(rng.normal(0.0, SHEAR_SIGMA))
    shear = mp.ExternalShear(gamma_1=gamma_1, gamma_2=gamma_2)
    lens = Galaxy(redshift=0.5, bulge=lens_bulge, mass=mass, shear=shear)

    centre = _source_centre(rng)
    if use_point_source:
        point_0 = ps.PointFlux(centre=centre, flux=float(rng.uniform(0.0, 2.0)))
        return lens, Galaxy(redshift=1.0, point_0=point_0)

    ell_comps = _ell_comps(rng)
    effective_radius = float(rng.uniform(0.01, 3.0))
    sersic_index = float(rng.uniform(1.5, 2.5))
    signal_to_noise_ratio = float(rng.uniform(10.0, 30.0))
    source_bulge = lp_snr.Sersic(
        signal_to_noise_ratio=signal_to_noise_ratio,
        centre=centre,
        ell_comps=ell_comps,
        effective_radius=effective_radius,
        sersic_index=sersic_index,
    )
    return lens, Galaxy(redshift=1.0, bulge=source_bulge)
