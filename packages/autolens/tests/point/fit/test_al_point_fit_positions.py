"""Position fits against the reference release's P1 numbers (its solver's model images are
injected, so only the fit formulas are under test)."""

import numpy as np
import pytest

import autolens as al

NN = -8.3071749614


def _fit(cls, point, p1_tracer, p1_data, solver):
    data, noise = p1_data
    return cls(name="point_0", data=data, noise_map=noise, tracer=p1_tracer(point), solver=solver)


@pytest.mark.parametrize(
    "cls, chi_squared, log_likelihood",
    [
        (al.FitPositionsImagePairAll, -5.0355858326, 6.6713803970),
        (al.FitPositionsImagePair, 0.4990004066, 3.9040872774),
        (al.FitPositionsImagePairRepeat, 0.4990004066, 3.9040872774),
    ],
)
def test_image_plane_fits(cls, chi_squared, log_likelihood, p1_tracer, p1_data, fixed_solver):
    fit = _fit(cls, al.ps.Point((0.1, 0.0)), p1_tracer, p1_data, fixed_solver)
    assert fit.chi_squared == pytest.approx(chi_squared, abs=1e-8)
    assert fit.noise_normalization == pytest.approx(NN, abs=1e-8)
    assert fit.log_likelihood == pytest.approx(log_likelihood, abs=1e-8)
    np.testing.assert_allclose(fixed_solver.calls[-1], [0.1, 0.0])


def test_image_pair_residuals(p1_tracer, p1_data, fixed_solver):
    fit = _fit(al.FitPositionsImagePair, al.ps.Point((0.1, 0.0)), p1_tracer, p1_data, fixed_solver)
    np.testing.assert_allclose(fit.residual_map, [0.0219720642, 0.0276537413], atol=1e-9)


def test_source_plane_fit(p1_tracer, p1_data, fixed_solver):
    fit = _fit(al.FitPositionsSource, al.ps.Point((0.1, 0.0)), p1_tracer, p1_data, fixed_solver)
    assert fit.noise_normalization == pytest.approx(-16.6143499228, abs=1e-8)
    assert fit.chi_squared == pytest.approx(0.4568626396, abs=1e-7)
    assert fit.log_likelihood == pytest.approx(8.0787436416, abs=1e-7)


def test_source_solved_fit(p1_tracer, p1_data, fixed_solver):
    fit = _fit(al.FitPositionsSourceSolved, al.ps.PointSolved(), p1_tracer, p1_data, fixed_solver)
    np.testing.assert_allclose(fit.source_plane_centre, [0.1195205361, 0.0016985017], atol=1e-8)
    assert fit.chi_squared == pytest.approx(0.0363800280, abs=1e-7)
    assert fit.log_likelihood == pytest.approx(1.3126838630, abs=1e-7)


def test_solved_image_fits_run_the_solver_at_the_solved_centre(p1_tracer, p1_data, fixed_solver):
    fit = _fit(
        al.FitPositionsImagePairAllSolved, al.ps.PointSolved(), p1_tracer, p1_data, fixed_solver
    )
    np.testing.assert_allclose(fixed_solver.calls[-1], [0.1195205361, 0.0016985017], atol=1e-8)
    assert np.isfinite(fit.log_likelihood)


def test_single_datum_and_unmatched_penalty(p1_tracer, fixed_solver):
    data = al.Grid2DIrregular([(1.12, 0.01)])
    noise = al.ArrayIrregular([0.05])
    tracer = p1_tracer(al.ps.Point((0.1, 0.0)))
    kwargs = dict(name="point_0", data=data, noise_map=noise, tracer=tracer, solver=fixed_solver)
    pair = al.FitPositionsImagePair(**kwargs)
    assert pair.chi_squared == pytest.approx(0.1931086425, abs=1e-8)
    assert pair.log_likelihood == pytest.approx(1.9802394191, abs=1e-8)
    repeat = al.FitPositionsImagePairRepeat(**kwargs)
    assert repeat.chi_squared == pytest.approx(1632.4006510417, rel=1e-8)
    assert repeat.log_likelihood == pytest.approx(-814.1235317805, rel=1e-8)
    every = al.FitPositionsImagePairAll(**kwargs)
    assert every.chi_squared == pytest.approx(-2.5741844771, abs=1e-8)
    assert every.log_likelihood == pytest.approx(3.3638859789, abs=1e-8)


def test_no_model_image(p1_tracer, p1_data, solver_100):
    fit = _fit(al.FitPositionsImagePairAll, al.ps.Point((5.0, 5.0)), p1_tracer, p1_data, solver_100)
    assert fit.chi_squared == pytest.approx(8e10)


def test_with_real_solver_close_to_reference(p1_tracer, p1_data, solver_100):
    # Polished images are exact, the reference's are centroids ~9e-4" off: close, not equal.
    fit = _fit(al.FitPositionsImagePairAll, al.ps.Point((0.1, 0.0)), p1_tracer, p1_data, solver_100)
    assert fit.log_likelihood == pytest.approx(6.6713803970, abs=0.05)


def test_profile_kind_mismatch_raises(p1_tracer, p1_data, fixed_solver):
    with pytest.raises(al.exc.PointProfileMismatchException, match="PointSolved"):
        _fit(
            al.FitPositionsImagePairAllSolved,
            al.ps.Point((0.1, 0.0)),
            p1_tracer,
            p1_data,
            fixed_solver,
        )
    with pytest.raises(al.exc.PointProfileMismatchException, match="centre"):
        _fit(al.FitPositionsImagePairAll, al.ps.PointSolved(), p1_tracer, p1_data, fixed_solver)


def test_missing_name_and_length_mismatch_raise(p1_tracer, p1_data, fixed_solver):
    data, noise = p1_data
    tracer = p1_tracer(al.ps.Point((0.1, 0.0)))
    with pytest.raises(al.exc.PointExtractionException, match="point_1"):
        al.FitPositionsImagePairAll(
            name="point_1", data=data, noise_map=noise, tracer=tracer, solver=fixed_solver
        )
    with pytest.raises(al.exc.FitException, match="noise"):
        al.FitPositionsImagePairAll(
            name="point_0",
            data=data,
            noise_map=al.ArrayIrregular([0.05]),
            tracer=tracer,
            solver=fixed_solver,
        )
