import numpy as np
import pytest

import autolens as al


def _setup(solver_100):
    lens = al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(centre=(0.0, 0.0), einstein_radius=1.0))
    tracer = al.Tracer([lens, al.Galaxy(redshift=1.0, point_0=al.ps.Point((0.1, 0.0)))])
    dataset = al.SimulatorPoint(
        solver_100, positions_noise_sigma=0.02, time_delays_noise_sigma=1.0
    ).via_tracer_from(tracer)
    lens_m = al.Model(al.Galaxy, redshift=0.5, mass=al.mp.IsothermalSph)
    source_m = al.Model(al.Galaxy, redshift=1.0, point_0=al.ps.Point)
    model = al.Collection(galaxies=al.Collection(lens=lens_m, source=source_m))
    analysis = al.AnalysisPoint(dataset, solver_100, fit_positions_cls=al.FitPositionsImagePairAll)
    return model, analysis, dataset, tracer


def test_log_likelihood_function_is_the_fit(solver_100):
    model, analysis, dataset, tracer = _setup(solver_100)
    instance = model.instance_from_vector([0.0, 0.0, 1.0, 0.1, 0.0])
    fit = al.FitPointDataset(
        dataset,
        analysis.tracer_via_instance_from(instance),
        solver_100,
        fit_positions_cls=al.FitPositionsImagePairAll,
    )
    assert analysis.log_likelihood_function(instance) == pytest.approx(
        fit.log_likelihood, rel=1e-12
    )
    # The true model beats a wrong Einstein radius.
    worse = model.instance_from_vector([0.0, 0.0, 1.1, 0.1, 0.0])
    assert analysis.log_likelihood_function(instance) > analysis.log_likelihood_function(worse)
    value = al.Fitness(model, analysis).call(np.array([0.0, 0.0, 1.0, 0.1, 0.0]))
    assert value == pytest.approx(fit.log_likelihood, rel=1e-12)


def test_save_results_writes_tracer_and_dataset(solver_100, tmp_path):
    model, analysis, dataset, _ = _setup(solver_100)

    class _Result:
        max_log_likelihood_instance = model.instance_from_vector([0.0, 0.0, 1.0, 0.1, 0.0])

    analysis.save_results(tmp_path, _Result())
    loaded = al.from_json(tmp_path / "dataset.json")
    np.testing.assert_allclose(loaded.positions.array, dataset.positions.array)
    assert (tmp_path / "tracer.json").exists()


def test_positions_near_the_solver_edge_warn():
    solver = al.PointSolver.for_limits_and_scale(
        -1.0, 1.0, -1.0, 1.0, scale=0.1, pixel_scale_precision=0.01
    )
    dataset = al.PointDataset(
        "point_0", positions=[(0.95, 0.0), (-0.5, 0.0)], positions_noise_map=0.01
    )
    with pytest.warns(UserWarning, match="solver's area"):
        al.AnalysisPoint(dataset, solver)


def test_visualize_writes_positions_png(solver_100, tmp_path):
    model, analysis, _, _ = _setup(solver_100)
    analysis.visualize(tmp_path, model.instance_from_vector([0.0, 0.0, 1.0, 0.1, 0.0]))
    assert (tmp_path / "positions.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.filterwarnings("ignore::Warning:sklearn")
def test_nautilus_fit_on_two_cores_covers_the_truth(solver_100, tmp_path):
    """The image-plane fit with worker processes (number_of_cores=2) recovers the simulated
    Einstein radius and source centre within 3 sigma."""
    pytest.importorskip("nautilus")
    _, analysis, _, _ = _setup(solver_100)
    mass = al.Model(al.mp.IsothermalSph, centre=(0.0, 0.0))
    mass.einstein_radius = al.UniformPrior(lower_limit=0.8, upper_limit=1.2)
    point = al.Model(al.ps.Point)
    point.centre_0 = al.UniformPrior(lower_limit=-0.1, upper_limit=0.3)
    point.centre_1 = al.UniformPrior(lower_limit=-0.2, upper_limit=0.2)
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(al.Galaxy, redshift=0.5, mass=mass),
            source=al.Model(al.Galaxy, redshift=1.0, point_0=point),
        )
    )
    search = al.Nautilus(
        name="two_cores",
        output_path=tmp_path,
        n_live=40,
        n_eff=100,
        n_networks=2,
        neural_network_kwargs={"hidden_layer_sizes": (16,), "max_iter": 300},
        number_of_cores=2,
        progress=False,
    )
    samples = search.fit(model=model, analysis=analysis).samples
    for truth, (low, high) in zip((1.0, 0.1, 0.0), samples.values_at_sigma(3.0)):
        assert low <= truth <= high
    # the posterior is informative, not the prior
    low, high = samples.values_at_sigma(3.0)[0]
    assert high - low < 0.1
