"""Search results of the lens imaging analysis carry the maximum-likelihood tracer."""

import numpy as np
import pytest

import autoarray as aa
from autoarray.operators.convolver import Convolver
from autogalaxy.galaxy.galaxies import Galaxies
from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.modeling.model import Collection, Model
from autogalaxy.modeling.result import Result, Samples
from autogalaxy.modeling.searches.abstract import result_from
from autogalaxy.profiles.light.standard.sersic import Sersic
from autogalaxy.profiles.mass.total.isothermal import IsothermalSph
from autolens.imaging.analysis import AnalysisImaging
from autolens.imaging.result import ResultImaging
from autolens.imaging.simulator import SimulatorImaging
from autolens.lens.tracer import Tracer

PIXEL = 0.1


def _analysis():
    tracer = Tracer(
        [
            Galaxy(0.5, mass=IsothermalSph(einstein_radius=0.6)),
            Galaxy(1.0, bulge=Sersic(intensity=0.5, effective_radius=0.2, sersic_index=1.0)),
        ]
    )
    grid = aa.Grid2D.uniform((20, 20), PIXEL, over_sample_size=1)
    simulator = SimulatorImaging(
        exposure_time=500.0, psf=Convolver.from_gaussian((3, 3), PIXEL, 0.1), noise_seed=3
    )
    dataset = simulator.via_tracer_from(tracer, grid)
    return AnalysisImaging(
        dataset.apply_mask(aa.Mask2D.circular((20, 20), radius=0.9, pixel_scales=PIXEL))
    )


def _samples():
    lens = Model(Galaxy, redshift=0.5, mass=Model(IsothermalSph, centre=(0.0, 0.0)))
    source = Model(
        Galaxy, redshift=1.0, bulge=Model(Sersic, centre=(0.0, 0.0), ell_comps=(0.0, 0.0))
    )
    model = Collection(galaxies=Collection(lens=lens, source=source))
    # einstein_radius, intensity, effective_radius, sersic_index; the second row is the best.
    rows = [[0.5, 0.4, 0.25, 1.5], [0.6, 0.5, 0.2, 1.0]]
    return Samples(model, rows, [-900.0, -100.0])


def test_make_result_gives_the_maximum_likelihood_tracer_galaxies_and_fit():
    analysis = _analysis()
    result = result_from(analysis, _samples(), search=None, output_folder=None)
    assert isinstance(result, ResultImaging)
    tracer = result.max_log_likelihood_tracer
    assert isinstance(tracer, Tracer)
    assert tracer.cosmology is analysis.cosmology
    assert tracer.galaxies[0].mass.einstein_radius == 0.6
    galaxies = result.max_log_likelihood_galaxies
    assert isinstance(galaxies, Galaxies) and len(galaxies) == 2
    assert galaxies[1].bulge.sersic_index == 1.0
    expected = analysis.fit_from(result.max_log_likelihood_instance).log_likelihood
    assert np.isclose(result.max_log_likelihood_fit.log_likelihood, expected)


def test_analyses_without_make_result_get_a_plain_result():
    class ToyAnalysis:
        pass

    result = result_from(ToyAnalysis(), _samples(), search=None, output_folder=None)
    assert type(result) is Result


def test_result_grids_are_the_fitted_datasets_grids():
    analysis = _analysis()
    result = result_from(analysis, _samples(), search=None, output_folder=None)
    grids = result.grids
    assert grids is analysis.dataset.grids
    mask = analysis.dataset.mask
    assert grids.lp.shape[0] == mask.pixels_in_mask
    np.testing.assert_allclose(grids.lp.array, analysis.dataset.grid.array)
    assert grids.blurring is not None  # the dataset has a PSF
    with pytest.raises(AttributeError, match="grids"):
        _ = ResultImaging(_samples()).grids
