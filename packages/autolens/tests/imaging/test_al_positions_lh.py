"""PositionsLH penalty and the refusal of pixelized models without positions (NumPy)."""

from __future__ import annotations

import numpy as np
import pytest

import autolens as al
from autolens import exc


def _tracer(einstein_radius=1.0):
    lens = al.Galaxy(
        redshift=0.5, mass=al.mp.IsothermalSph(centre=(0.0, 0.0), einstein_radius=einstein_radius)
    )
    source = al.Galaxy(redshift=1.0, light=al.lp.Gaussian(sigma=0.5))
    return al.Tracer([lens, source])


def test_penalty_is_zero_within_threshold_and_linear_beyond():
    # Images at (0, ±1.2) of an SIS with θ_E = 1 trace to (0, ±0.2): separation 0.4.
    positions = al.Grid2DIrregular([(0.0, 1.2), (0.0, -1.2)])
    within = al.PositionsLH(positions=positions, threshold=0.5)
    assert float(within.max_separation_from(_tracer())) == pytest.approx(0.4)
    assert float(within.log_likelihood_penalty_via_tracer_from(_tracer())) == 0.0
    beyond = al.PositionsLH(positions=positions, threshold=0.1, log_likelihood_penalty_factor=100.0)
    assert float(beyond.log_likelihood_penalty_via_tracer_from(_tracer())) == pytest.approx(
        100.0 * 0.3
    )
    no_mass = al.Tracer([al.Galaxy(redshift=0.5), al.Galaxy(redshift=1.0, light=al.lp.Gaussian())])
    assert beyond.log_likelihood_penalty_via_tracer_from(no_mass) == 0.0


def test_positions_need_two_finite_points():
    with pytest.raises(exc.PositionsException):
        al.PositionsLH(positions=al.Grid2DIrregular([(0.0, 1.0), (np.inf, np.inf)]), threshold=0.1)


def _dataset():
    mask = al.Mask2D.all_false((6, 6), pixel_scales=0.5)
    return al.Imaging(
        data=al.Array2D(np.ones(36), mask),
        noise_map=al.Array2D(np.ones(36), mask),
        psf=al.Convolver.no_blur(0.5),
        over_sample_size_lp=1,
        over_sample_size_pixelization=1,
    )


def _model():
    return al.Collection(
        galaxies=al.Collection(
            lens=al.Model(al.Galaxy, redshift=0.5, mass=al.mp.IsothermalSph),
            source=al.Model(
                al.Galaxy,
                redshift=1.0,
                pixelization=al.Model(
                    al.Pixelization,
                    mesh=al.mesh.RectangularUniform((3, 3)),
                    regularization=al.reg.Constant,
                ),
            ),
        )
    )


def test_pixelized_model_without_positions_is_refused_before_fitting():
    analysis = al.AnalysisImaging(dataset=_dataset())
    with pytest.raises(exc.AnalysisException, match="positions_likelihood_list"):
        analysis.modify_before_fit(None, _model())
    al.AnalysisImaging(
        dataset=_dataset(), raise_inversion_positions_likelihood_exception=False
    ).modify_before_fit(None, _model())
    positions = [
        al.PositionsLH(
            positions=[(0.0, 1.2), (0.0, -1.2)], threshold=0.1, log_likelihood_penalty_factor=10.0
        )
    ]
    with_positions = al.AnalysisImaging(dataset=_dataset(), positions_likelihood_list=positions)
    with_positions.modify_before_fit(None, _model())
    instance = _model().instance_from_vector([0.0, 0.0, 1.0, 1.0])
    plain = analysis.log_likelihood_function(instance)
    penalised = with_positions.log_likelihood_function(instance)
    assert float(plain - penalised) == pytest.approx(10.0 * 0.3)
