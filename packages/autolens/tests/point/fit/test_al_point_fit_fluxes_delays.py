import numpy as np
import pytest

import autolens as al

EXACT = al.Grid2DIrregular([(1.1, 0.0), (-0.9, 0.0)])


def test_fluxes(p1_tracer):
    fit = al.FitFluxes(
        name="point_0",
        data=al.ArrayIrregular([21.0, 19.0]),
        noise_map=al.ArrayIrregular([1.0, 2.0]),
        positions=EXACT,
        tracer=p1_tracer(al.ps.PointFlux((0.1, 0.0), 2.0)),
    )
    np.testing.assert_allclose(fit.model_fluxes, [22.0, 18.0], rtol=1e-6)
    assert fit.chi_squared == pytest.approx(1.25, rel=1e-6)
    assert fit.log_likelihood == pytest.approx(-3.1560242341, abs=1e-6)


def test_fluxes_solved(p1_tracer):
    fit = al.FitFluxesSolved(
        name="point_0",
        data=al.ArrayIrregular([21.0, 19.0]),
        noise_map=al.ArrayIrregular([1.0, 2.0]),
        positions=EXACT,
        tracer=p1_tracer(al.ps.PointSolved()),
    )
    assert fit.solved_flux == pytest.approx(1.9380530978, rel=1e-6)
    assert fit.chi_squared == pytest.approx(0.7079645842, abs=1e-6)
    assert fit.log_likelihood == pytest.approx(-4.4413336907, abs=1e-6)


def test_fluxes_need_a_flux(p1_tracer):
    with pytest.raises(al.exc.PointExtractionException, match="flux"):
        al.FitFluxes(
            name="point_0",
            data=al.ArrayIrregular([21.0, 19.0]),
            noise_map=al.ArrayIrregular([1.0, 2.0]),
            positions=EXACT,
            tracer=p1_tracer(al.ps.Point((0.1, 0.0))),
        )


def test_time_delays(p1_tracer):
    tracer = p1_tracer(al.ps.Point((0.1, 0.0)))
    fit = al.FitTimeDelays(
        name="point_0",
        data=al.ArrayIrregular([0.0, 25.0]),
        noise_map=al.ArrayIrregular([1.0, 1.0]),
        positions=EXACT,
        tracer=tracer,
    )
    np.testing.assert_allclose(fit.residual_map, [0.0, -0.5108727019], atol=1e-8)
    assert fit.chi_squared == pytest.approx(0.2609909176, abs=1e-9)
    assert fit.log_likelihood == pytest.approx(-1.9683725252, abs=1e-9)
    solved = al.FitTimeDelaysSolved(
        name="point_0",
        data=al.ArrayIrregular([0.0, 25.0]),
        noise_map=al.ArrayIrregular([1.0, 1.0]),
        positions=EXACT,
        tracer=tracer,
    )
    assert solved.solved_reference == pytest.approx(76.2771817548, abs=1e-8)
    assert solved.chi_squared == pytest.approx(0.1304954588, abs=1e-9)
    assert solved.log_likelihood == pytest.approx(-1.3307598529, abs=1e-9)


def test_fit_point_dataset_sums_components(p1_tracer, fixed_solver):
    dataset = al.PointDataset(
        "point_0",
        positions=[(1.12, 0.01), (-0.88, -0.02)],
        positions_noise_map=0.05,
        fluxes=[21.0, 19.0],
        fluxes_noise_map=[1.0, 2.0],
        time_delays=[0.0, 25.0],
        time_delays_noise_map=[1.0, 1.0],
    )
    tracer = p1_tracer(al.ps.PointFlux((0.1, 0.0), 2.0))
    fit = al.FitPointDataset(
        dataset, tracer, fixed_solver, fit_positions_cls=al.FitPositionsImagePairAll
    )
    assert fit.positions.log_likelihood == pytest.approx(6.6713803970, abs=1e-8)
    assert fit.flux.log_likelihood == pytest.approx(-7.5808182285, abs=1e-6)
    assert fit.time_delays.log_likelihood == pytest.approx(-17.4605610932, abs=1e-8)
    assert fit.log_likelihood == pytest.approx(-18.3699989246, abs=1e-6)
    # A profile without a flux: the flux fit silently drops out (as the reference).
    fit = al.FitPointDataset(
        dataset,
        p1_tracer(al.ps.Point((0.1, 0.0))),
        fixed_solver,
        fit_positions_cls=al.FitPositionsImagePairAll,
    )
    assert fit.flux is None


def test_fit_point_dataset_name_mismatch_raises(p1_tracer, fixed_solver):
    dataset = al.PointDataset("point_9", positions=[(1.12, 0.01)], positions_noise_map=0.05)
    with pytest.raises(al.exc.PointExtractionException, match="point_9"):
        al.FitPointDataset(dataset, p1_tracer(al.ps.Point((0.1, 0.0))), fixed_solver)
