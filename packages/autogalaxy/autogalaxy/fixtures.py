"""Small ready-made profiles, galaxies and fits for tests (``ag.fixtures.make_*``), with
PyAutoGalaxy's names and values; the datasets are autoarray's (``aa.fixtures``)."""

from __future__ import annotations

from autoarray.fixtures import *  # noqa: F401,F403  (the dataset fixtures under ag's name too)
from autoarray.fixtures import make_masked_imaging_7x7
from autogalaxy.galaxy import Galaxies, Galaxy
from autogalaxy.profiles import mass as mp
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light import standard as lp


def make_lp_0() -> lp.SersicSph:
    return lp.SersicSph(intensity=1.0, effective_radius=2.0, sersic_index=2.0)


def make_lp_1() -> lp.SersicSph:
    return lp.SersicSph(intensity=2.0, effective_radius=2.0, sersic_index=2.0)


def make_lp_linear_0() -> lp_linear.Gaussian:
    """A linear Gaussian with default parameters (PyAutoGalaxy's ``make_lp_linear_0``)."""
    return lp_linear.Gaussian()


def make_mp_0() -> mp.IsothermalSph:
    return mp.IsothermalSph(einstein_radius=1.0)


def make_mp_1() -> mp.IsothermalSph:
    return mp.IsothermalSph(einstein_radius=2.0)


def make_gal_x1_lp() -> Galaxy:
    return Galaxy(redshift=0.5, light_profile_0=make_lp_0())


def make_gal_x2_lp() -> Galaxy:
    return Galaxy(redshift=0.5, light_profile_0=make_lp_0(), light_profile_1=make_lp_1())


def make_gal_x1_mp() -> Galaxy:
    return Galaxy(redshift=0.5, mass_profile_0=make_mp_0())


def make_gal_x2_mp() -> Galaxy:
    return Galaxy(redshift=0.5, mass_profile_0=make_mp_0(), mass_profile_1=make_mp_1())


def make_gal_x1_lp_x1_mp() -> Galaxy:
    return Galaxy(redshift=0.5, light_profile_0=make_lp_0(), mass_profile_0=make_mp_0())


def make_galaxies_7x7() -> Galaxies:
    return Galaxies([make_gal_x1_lp_x1_mp()])


def make_fit_imaging_x2_galaxy_7x7():
    """``FitImaging`` of two light galaxies to :func:`make_masked_imaging_7x7`."""
    from autogalaxy.imaging.fit_imaging import FitImaging

    return FitImaging(
        dataset=make_masked_imaging_7x7(), galaxies=[make_gal_x1_lp(), make_gal_x1_lp()]
    )


def make_analysis_imaging_7x7():
    from autogalaxy.imaging.analysis import AnalysisImaging

    return AnalysisImaging(dataset=make_masked_imaging_7x7())
