"""Small ready-made tracers, fits and analyses for tests (``al.fixtures.make_*``), with
PyAutoLens's names and values, on autoarray's 7x7 datasets and autogalaxy's galaxies."""

from __future__ import annotations

from autogalaxy.fixtures import *  # noqa: F401,F403  (datasets, profiles and galaxies too)
from autogalaxy.fixtures import (
    make_gal_x1_lp,
    make_gal_x1_mp,
    make_lp_0,
    make_masked_imaging_7x7,
)
from autogalaxy.galaxy import Galaxy
from autolens.lens.tracer import Tracer


def make_tracer_x1_plane_7x7() -> Tracer:
    """One plane at z = 0.5 holding one Sersic galaxy."""
    return Tracer(galaxies=[make_gal_x1_lp()])


def make_tracer_x2_plane_7x7() -> Tracer:
    """Lens plane (an isothermal and a Sersic galaxy at z = 0.5) and a Sersic source at z = 1."""
    source = Galaxy(redshift=1.0, light_profile_0=make_lp_0())
    return Tracer(galaxies=[make_gal_x1_mp(), make_gal_x1_lp(), source])


def make_fit_imaging_x1_plane_7x7():
    from autolens.imaging.fit_imaging import FitImaging

    return FitImaging(dataset=make_masked_imaging_7x7(), tracer=make_tracer_x1_plane_7x7())


def make_fit_imaging_x2_plane_7x7():
    from autolens.imaging.fit_imaging import FitImaging

    return FitImaging(dataset=make_masked_imaging_7x7(), tracer=make_tracer_x2_plane_7x7())


def make_analysis_imaging_7x7():  # type: ignore[no-redef]
    from autolens.imaging.analysis import AnalysisImaging

    return AnalysisImaging(dataset=make_masked_imaging_7x7())
