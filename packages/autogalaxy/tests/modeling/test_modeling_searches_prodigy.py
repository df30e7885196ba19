"""MultiStartProdigy on NumPy: settings, batch sizes, output folder, and the step loop driven by
a NumPy stand-in for the jitted Prodigy step (the JAX run itself is checked by
``workspace_test/jax_grad/multistart_prodigy.py``)."""

import json
import sys

import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy import exc
from autogalaxy.modeling import MultiStartProdigy, Result
from autogalaxy.modeling.searches import prodigy
from autogalaxy.modeling.searches.prodigy import StepBackend, batch_size_from


def numpy_backend(self, model, fitness):
    """Normalised finite-difference gradient ascent in z (a stand-in for Prodigy, NumPy only)."""
    threshold = 0.5 * fitness.resample_figure_of_merit

    def fom(z):
        unit = 1.0 / (1.0 + np.exp(-z))
        return fitness._call_numpy(model.vector_from_unit_vector(unit))

    def step(z, state):
        z = np.asarray(z, dtype=float)
        foms = np.array([fom(row) for row in z])
        grads = np.zeros_like(z)
        for i in range(z.shape[1]):
            h = np.zeros(z.shape[1])
            h[i] = 1e-5
            grads[:, i] = [(fom(row + h) - fom(row - h)) / 2e-5 for row in z]
        alive = foms > threshold
        norm = np.linalg.norm(grads, axis=1, keepdims=True) + 1e-300
        new_z = np.where(alive[:, None], z + 0.1 * grads / norm, z)
        return new_z, {"count": state["count"] + 1}, foms, alive

    def init(z):
        return {"count": np.zeros(len(z))}

    def tree_map(f, new, old):
        return {key: f(new[key], old[key]) for key in new}

    def flatten(state):
        keys = sorted(state)
        return [state[key] for key in keys], keys

    def unflatten(keys, leaves):
        return dict(zip(keys, leaves))

    return StepBackend(step, init, np.asarray, tree_map, np.where, flatten, unflatten)


@pytest.fixture
def numpy_steps(monkeypatch):
    monkeypatch.setattr(MultiStartProdigy, "_backend", numpy_backend)
    monkeypatch.setattr(MultiStartProdigy, "_import", lambda self: None)


class QuickAnalysis(toy.VisualAnalysis):
    """Records each visualisation: (quick_update, figure of merit of the instance)."""

    def __init__(self):
        super().__init__()
        self.updates = []

    def visualize(self, output_dir, instance, quick_update=False):
        super().visualize(output_dir, instance)
        self.updates.append((quick_update, float(self.log_likelihood_function(instance))))


def test_defaults_and_argument_order_follow_pyautofit():
    search = MultiStartProdigy("fit", "prefix", "tag", 12, 40)
    assert (search.name, search.path_prefix, search.unique_tag) == ("fit", "prefix", "tag")
    assert (search.n_starts, search.n_steps) == (12, 40)
    default = MultiStartProdigy()
    assert (default.n_starts, default.n_steps, default.batch_size) == (48, 300, None)
    assert default.learning_rate is None and default.iterations_per_quick_update is None
    assert (default.start_lower_limit, default.start_upper_limit) == (0.15, 0.85)
    assert default.live_visual_update is False and default.seed == 0
    assert default.name == "multistartprodigy"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_starts": 0}, "n_starts"),
        ({"n_starts": 2.5}, "n_starts"),
        ({"n_steps": -1}, "n_steps"),
        ({"n_steps": True}, "n_steps"),
        ({"batch_size": 0}, "batch_size"),
        ({"iterations_per_quick_update": 0}, "iterations_per_quick_update"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"start_lower_limit": 0.9}, "start_lower_limit"),
        ({"start_upper_limit": 1.0}, "start_lower_limit"),
        ({"live_visual_update": True}, "needs iterations_per_quick_update"),
        ({"live_visual_update": "yes", "iterations_per_quick_update": 5}, "live_visual_update"),
        ({"max_memory_gb": 0}, "max_memory_gb"),
        ({"unique_tag": ""}, "unique_tag"),
    ],
)
def test_bad_settings_raise_search_exception_naming_the_setting(kwargs, message):
    with pytest.raises(exc.SearchException, match=message):
        MultiStartProdigy(**kwargs)


def test_batch_size_from_caps_estimates_and_evens_out_chunks():
    assert batch_size_from(48, None, None, 4.0) == 48  # dataset size unknown: all at once
    assert batch_size_from(48, 100, None, 4.0) == 48  # capped at n_starts
    assert batch_size_from(48, 20, None, 4.0) == 16  # 3 chunks of 16 instead of 20 + 20 + 8
    assert batch_size_from(5, 2, None, 4.0) == 2  # 3 chunks of 2 (one padded start)
    points = 10_000
    per_start = points * prodigy.BYTES_PER_POINT
    gb = 10 * per_start / 1024**3
    assert batch_size_from(48, None, points, gb) == 10  # 5 chunks of 10 (2 padded)
    assert batch_size_from(48, None, points, 1e-9) == 1  # never below one start
    assert batch_size_from(7, None, points, 4.0) == 7


def test_output_folder_has_the_unique_tag_between_prefix_and_name(tmp_path):
    search = MultiStartProdigy(
        name="start_here", path_prefix="imaging", unique_tag="lens_1", output_path=tmp_path
    )
    assert search.output_folder == tmp_path / "imaging" / "lens_1" / "start_here"
    assert MultiStartProdigy(name="n", unique_tag="t", output_path=tmp_path).output_folder == (
        tmp_path / "t" / "n"
    )
    assert MultiStartProdigy(name="n", output_path=tmp_path).output_folder == tmp_path / "n"


def test_missing_jax_raises_search_exception_with_the_install_hint(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "jax", None)
    search = MultiStartProdigy(name="nojax", output_path=tmp_path, n_starts=2, n_steps=2)
    with pytest.raises(exc.SearchException, match=r"'jax'.*autogalaxy\[prodigy\]"):
        search.fit(toy.toy_model(), toy.ToyAnalysis())


def test_analysis_that_cannot_switch_to_jax_is_refused():
    from autogalaxy.modeling.fitness import Fitness

    fitness = Fitness(toy.toy_model(), toy.ToyAnalysis())  # its _xp is fixed to NumPy
    with pytest.raises(exc.SearchException, match="use_jax=True"):
        prodigy.jax_fitness_from(fitness)


def test_step_loop_outputs_quick_updates_and_result(numpy_steps, tmp_path):
    analysis = QuickAnalysis()
    search = MultiStartProdigy(
        name="fit",
        path_prefix="toy",
        unique_tag="tag",
        n_starts=5,
        batch_size=2,
        n_steps=25,
        iterations_per_quick_update=10,
        output_path=tmp_path,
        progress=False,
    )
    result = search.fit(toy.toy_model(), analysis)
    assert isinstance(result, Result)
    folder = tmp_path / "toy" / "tag" / "fit"
    for name in ("model.info", "samples.csv", "result.json", "search.summary", "fit.png"):
        assert (folder / name).is_file(), name
    rows = (folder / "samples.csv").read_text().strip().splitlines()
    assert len(rows) == 1 + 5  # one row per start; the padded sixth start is not reported
    assert json.loads((folder / "result.json").read_text())["search"] == "MultiStartProdigy"
    assert "n_starts = 5" in (folder / "search.summary").read_text()
    # quick updates at steps 10 and 20 (not at the last step), then the final visualisation
    assert [quick for quick, _ in analysis.updates] == [True, True, False]
    assert analysis.updates[0][1] <= analysis.updates[1][1] <= analysis.updates[2][1]
    np.testing.assert_allclose(result.samples.max_log_likelihood_vector, toy.TRUTH, atol=0.1)
    assert result.samples.weight_list.sum() == 1.0
    assert result.max_log_likelihood == pytest.approx(analysis.updates[-1][1])
    assert "Maximum Log Likelihood" in result.info
    assert result.max_log_likelihood_instance.toy.a == pytest.approx(
        result.samples.max_log_likelihood_vector[0]
    )


def test_results_do_not_depend_on_batch_size(numpy_steps, tmp_path):
    best = []
    for batch in (1, 3, None):
        search = MultiStartProdigy(
            name=f"b{batch}",
            n_starts=4,
            batch_size=batch,
            n_steps=6,
            output_path=tmp_path,
            progress=False,
        )
        best.append(search.fit(toy.toy_model(), toy.ToyAnalysis()).samples.parameter_lists)
    np.testing.assert_allclose(best[0], best[1])
    np.testing.assert_allclose(best[0], best[2])


def test_plain_visualize_is_used_when_the_analysis_has_no_quick_mode(numpy_steps, tmp_path):
    analysis = toy.VisualAnalysis()
    calls = []
    original = analysis.visualize
    analysis.visualize = lambda output_dir, instance: (
        calls.append(1),
        original(output_dir, instance),
    )
    search = MultiStartProdigy(
        name="plain",
        n_starts=2,
        n_steps=5,
        iterations_per_quick_update=2,
        output_path=tmp_path,
        progress=False,
    )
    search.fit(toy.toy_model(), analysis)
    assert len(calls) == 3  # steps 2 and 4, then the final visualisation


def test_resurrect_redraws_starts_that_hit_resampled_regions(numpy_steps, tmp_path):
    dead = -1e99  # the resample figure of merit of a start that never found a valid point
    found = {}
    for resurrect in (False, True):
        analysis = toy.ToyAnalysis(nan_if_a_above=1.0)  # NaN above a = 1 (truth 1.5 forbidden)
        search = MultiStartProdigy(
            name=f"res_{resurrect}",
            n_starts=6,
            batch_size=4,
            n_steps=12,
            resurrect=resurrect,
            output_path=tmp_path,
            progress=False,
        )
        samples = search.fit(toy.toy_model(), analysis).samples
        assert samples.max_log_likelihood_vector[0] <= 1.0
        found[resurrect] = int(np.sum(np.asarray(samples.log_likelihood_list) > dead))
    assert found[False] < 6  # starts drawn above a = 1 stay frozen ...
    assert found[True] == 6  # ... unless redrawn


def test_every_start_resampled_raises(numpy_steps, tmp_path):
    search = MultiStartProdigy(
        name="dead", n_starts=3, n_steps=2, output_path=tmp_path, progress=False
    )
    with pytest.raises(exc.SearchException, match="every start"):
        search.fit(toy.toy_model(), toy.RaisingAnalysis())


def test_live_display_shows_nothing_on_a_headless_backend(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from autogalaxy.modeling.searches.live_display import LiveDisplay

    png = tmp_path / "fit.png"
    toy.VisualAnalysis().visualize(tmp_path, toy.toy_model().instance_from_vector([1.0, 0.0]))
    display = LiveDisplay()
    display.show(png)
    display.show(tmp_path / "missing.png")
    assert display._figure is None
    display.close()


def test_convergence_detects_a_plateau_only_after_min_steps():
    from autogalaxy.modeling import MultiStartGradientConvergence

    rule = MultiStartGradientConvergence(window=3, min_steps=5, rtol=0.0, atol=0.01)
    rising = [-100.0, -50.0, -20.0, -10.0, -5.0, -2.0]
    flat = [-100.0, -50.0, -20.0, -10.0, -10.0, -10.0]
    assert not rule.check_if_converged(rising)
    assert rule.check_if_converged(flat)
    assert not rule.check_if_converged(flat[:4])  # fewer than min_steps
    # tolerance on the chi-squared scale: 2 * 0.004 = 0.008 <= 0.01, 2 * 0.006 > 0.01
    assert rule.check_if_converged([-10.0] * 4 + [-9.996])
    assert not rule.check_if_converged([-10.0] * 4 + [-9.994])
    off = MultiStartGradientConvergence(check_for_convergence=False, window=1, min_steps=1)
    assert not off.check_if_converged(flat)
    with pytest.raises(exc.SearchException, match="window"):
        MultiStartGradientConvergence(window=0)
    with pytest.raises(exc.SearchException, match="atol"):
        MultiStartGradientConvergence(atol=-1.0)
    with pytest.raises(exc.SearchException, match="convergence"):
        MultiStartProdigy(convergence="yes")


def test_search_stops_early_on_a_plateau_unless_resurrecting(numpy_steps, tmp_path):
    from autogalaxy.modeling import MultiStartGradientConvergence

    rule = MultiStartGradientConvergence(window=5, min_steps=10, rtol=0.0, atol=1e-3)
    steps = {}
    for resurrect in (False, True):
        search = MultiStartProdigy(
            name=f"conv_{resurrect}",
            n_starts=3,
            n_steps=80,
            convergence=rule,
            resurrect=resurrect,
            output_path=tmp_path,
            progress=False,
        )
        search.fit(toy.toy_model(), toy.ToyAnalysis())
        summary = (search.output_folder / "search.summary").read_text()
        steps[resurrect] = search._steps_taken
        reason = "converged" if resurrect is False else "n_steps"
        assert f"Steps taken: {search._steps_taken} (stopped by {reason})" in summary
    assert 10 <= steps[False] < 80
    assert steps[True] == 80


def _prodigy(tmp_path, name, **kwargs):
    settings = dict(
        name=name,
        n_starts=5,
        batch_size=2,
        n_steps=23,
        checkpoint_interval=4,
        output_path=tmp_path,
        progress=False,
        seed=3,
    )
    settings.update(kwargs)
    return MultiStartProdigy(**settings)


@pytest.mark.parametrize("resurrect", [False, True])
def test_killed_fit_resumes_from_the_checkpoint_to_the_uninterrupted_result(
    numpy_steps, tmp_path, resurrect
):
    # nan_if_a_above makes starts die so that resurrect draws from the checkpointed generator
    kwargs = dict(nan_if_a_above=2.2) if resurrect else {}
    reference = _prodigy(tmp_path, "ref", resurrect=resurrect).fit(
        toy.toy_model(), toy.ToyAnalysis(**kwargs)
    )
    # the NumPy stand-in calls the likelihood (1 + 2 * 2) times per start and step: fail in
    # step 11, after the checkpoint of step 8
    calls_per_step = 6 * 5
    with pytest.raises(KeyboardInterrupt):  # the toy analysis simulates a kill
        _prodigy(tmp_path, "killed", resurrect=resurrect).fit(
            toy.toy_model(), toy.ToyAnalysis(fail_after=10 * calls_per_step + 7, **kwargs)
        )
    path = tmp_path / "killed" / prodigy.prodigy_checkpoint.CHECKPOINT_FILE
    assert path.is_file()
    with np.load(path) as saved:
        assert int(saved["step"]) == 8
    analysis = toy.ToyAnalysis(**kwargs)
    resumed = _prodigy(tmp_path, "killed", resurrect=resurrect).fit(toy.toy_model(), analysis)
    # resumed after step 8: 15 more steps plus the final scoring, not 23
    assert analysis.calls < 17 * calls_per_step
    np.testing.assert_array_equal(
        resumed.samples.parameter_lists, reference.samples.parameter_lists
    )
    np.testing.assert_array_equal(
        resumed.samples.log_likelihood_list, reference.samples.log_likelihood_list
    )


def test_checkpoint_of_another_batch_size_is_refused(numpy_steps, tmp_path):
    with pytest.raises(KeyboardInterrupt):  # the toy analysis simulates a kill
        _prodigy(tmp_path, "fit").fit(toy.toy_model(), toy.ToyAnalysis(fail_after=400))
    with pytest.raises(exc.SearchException, match="batch_size"):
        _prodigy(tmp_path, "fit", batch_size=3).fit(toy.toy_model(), toy.ToyAnalysis())


def test_checkpoint_false_writes_no_checkpoint(numpy_steps, tmp_path):
    _prodigy(tmp_path, "fit", checkpoint=False).fit(toy.toy_model(), toy.ToyAnalysis())
    assert not (tmp_path / "fit" / prodigy.prodigy_checkpoint.CHECKPOINT_FILE).exists()
    with pytest.raises(exc.SearchException, match="checkpoint_interval"):
        MultiStartProdigy(checkpoint_interval=0)
