import json
import os

import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy import exc
from autogalaxy.modeling import (
    LBFGS,
    NUTS,
    Collection,
    DynestyStatic,
    Emcee,
    Model,
    Nautilus,
    Result,
)

pytestmark = pytest.mark.filterwarnings("ignore::Warning:sklearn")

FAST_NN = {"hidden_layer_sizes": (16,), "max_iter": 300}


class SimulatedKill(Exception):
    pass


class KillableAnalysis(toy.ToyAnalysis):
    def log_likelihood_function(self, instance):
        if self.fail_after is not None and self.calls >= self.fail_after:
            raise SimulatedKill()
        return super().log_likelihood_function(instance)


def check_recovers_truth(result, tol=0.1):
    assert isinstance(result, Result)
    ml = result.samples.max_log_likelihood_vector
    np.testing.assert_allclose(ml, toy.TRUTH, atol=tol)
    inst = result.max_log_likelihood_instance
    assert inst.toy.a == pytest.approx(ml[0])


def check_posterior(result):
    check_recovers_truth(result)
    med = result.samples.median_pdf_vector
    np.testing.assert_allclose(med, toy.TRUTH, atol=0.15)
    errors = result.samples.errors_at_sigma(1.0)
    for lower, upper in errors:
        assert 0.005 < lower < 0.2 and 0.005 < upper < 0.2
    (lo, hi) = result.samples.values_at_sigma(3.0)[0]
    assert lo < med[0] < hi
    assert result.median_pdf_instance.toy.b == pytest.approx(med[1])


def test_lbfgs_recovers_truth_and_writes_outputs(tmp_path):
    analysis = toy.VisualAnalysis()
    search = LBFGS(name="lbfgs", path_prefix="toy", output_path=tmp_path, progress=False)
    result = search.fit(toy.toy_model(), analysis)
    check_recovers_truth(result, tol=0.06)
    assert result.log_evidence is None
    folder = tmp_path / "toy" / "lbfgs"
    for name in ("model.info", "search.summary", "samples.csv", "result.json", "fit.png"):
        assert (folder / name).exists(), name
    assert (folder / "before_fit.txt").read_text() == "2\n"  # visualize_before_fit ran
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    header = (folder / "samples.csv").read_text().splitlines()[0]
    assert header == "toy.a,toy.b,log_likelihood,weight"
    summary = json.loads((folder / "result.json").read_text())
    assert summary["completed"] and summary["paths"] == ["toy.a", "toy.b"]
    assert "Status: completed" in (folder / "search.summary").read_text()
    fit = result.max_log_likelihood_fit
    assert fit.shape == analysis.x.shape
    assert "toy.a" in result.info


def test_completed_fit_is_loaded_not_resampled(tmp_path):
    first = LBFGS(name="again", output_path=tmp_path, progress=False).fit(
        toy.toy_model(), toy.ToyAnalysis()
    )
    analysis = toy.ToyAnalysis()
    second = LBFGS(name="again", output_path=tmp_path, progress=False).fit(
        toy.toy_model(), analysis
    )
    assert second.loaded and analysis.calls == 0
    np.testing.assert_allclose(
        second.samples.max_log_likelihood_vector, first.samples.max_log_likelihood_vector
    )
    other = Collection(toy=Model(toy.Toy, a=1.0, b=toy.toy_model().toy.b))
    with pytest.raises(exc.SearchException, match="different fit; changed: model parameters"):
        LBFGS(name="again", output_path=tmp_path, progress=False).fit(other, toy.ToyAnalysis())


def test_no_free_parameters_raises(tmp_path):
    model = Collection(toy=Model(toy.Toy, a=1.0, b=0.0))
    with pytest.raises(exc.SearchException, match="no free parameters"):
        Nautilus(name="x", output_path=tmp_path).fit(model, toy.ToyAnalysis())


def test_nuts_needs_jax(tmp_path):
    pytest.importorskip("blackjax")
    with pytest.raises(exc.SearchException, match="JAX"):
        NUTS(name="n", output_path=tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())


def test_nautilus_posterior(tmp_path):
    pytest.importorskip("nautilus")
    pytest.importorskip("h5py")
    search = Nautilus(
        name="naut",
        output_path=tmp_path,
        n_live=50,
        n_eff=150,
        n_networks=1,
        neural_network_kwargs=FAST_NN,
        progress=False,
    )
    result = search.fit(toy.toy_model(), toy.ToyAnalysis())
    check_posterior(result)
    assert result.log_evidence is not None and np.isfinite(result.log_evidence)
    assert (tmp_path / "naut" / "nautilus.hdf5").exists()


@pytest.mark.parametrize("background", [False, True])
def test_nautilus_throttled_checkpoint_skips_rewrites_and_writes_the_final_state(
    tmp_path, monkeypatch, background
):
    pytest.importorskip("nautilus")
    h5py = pytest.importorskip("h5py")
    from autogalaxy.modeling.searches import background_write, checkpoint

    if background and not hasattr(os, "fork"):
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(background_write, "available", lambda: background)
    # Counted in a file: a background write commits in a forked child.
    log = tmp_path / "commits.txt"
    real_commit = checkpoint.commit

    def counting_commit(tmp, dest):
        with open(log, "a") as handle:
            handle.write(f"{dest}\n")
        real_commit(tmp, dest)

    monkeypatch.setattr(checkpoint, "commit", counting_commit)
    search = Nautilus(
        name="naut",
        output_path=tmp_path,
        n_live=50,
        n_eff=150,
        n_networks=1,
        neural_network_kwargs=FAST_NN,
        checkpoint_every=1e6,
        progress=False,
    )
    result = search.fit(toy.toy_model(), toy.ToyAnalysis())
    # the first batch's write and the end-of-run flush; nautilus's per-bound rewrites skipped
    assert len(log.read_text().split()) == 2
    with h5py.File(tmp_path / "naut" / "nautilus.hdf5", "r") as f:
        assert bool(f["sampler"].attrs["explored"])
        assert int(f["sampler"].attrs["n_like"]) >= result.samples.total_samples


def test_dynesty_posterior(tmp_path):
    pytest.importorskip("dynesty")
    result = DynestyStatic(name="dyn", output_path=tmp_path, nlive=60, progress=False).fit(
        toy.toy_model(), toy.ToyAnalysis()
    )
    check_posterior(result)
    assert np.isfinite(result.log_evidence)


def test_emcee_posterior(tmp_path):
    pytest.importorskip("emcee")
    pytest.importorskip("h5py")
    result = Emcee(name="mc", output_path=tmp_path, nwalkers=10, nsteps=300, progress=False).fit(
        toy.toy_model(), toy.ToyAnalysis()
    )
    check_posterior(result)
    assert result.log_evidence is None


def _killed_then_resumed(tmp_path, make_search, kill_after):
    """Run uninterrupted; run killed after kill_after calls then restarted; return both."""
    full_analysis = KillableAnalysis()
    full = make_search(tmp_path / "full").fit(toy.toy_model(), full_analysis)
    with pytest.raises(SimulatedKill):
        make_search(tmp_path / "killed").fit(
            toy.toy_model(), KillableAnalysis(fail_after=kill_after)
        )
    assert not (tmp_path / "killed" / "fit" / "result.json").exists()
    resumed_analysis = KillableAnalysis()
    resumed = make_search(tmp_path / "killed").fit(toy.toy_model(), resumed_analysis)
    assert resumed_analysis.calls < full_analysis.calls
    return full, resumed


def test_emcee_resume_matches_uninterrupted(tmp_path):
    pytest.importorskip("emcee")
    pytest.importorskip("h5py")
    full, resumed = _killed_then_resumed(
        tmp_path,
        lambda out: Emcee(
            name="fit",
            output_path=out,
            nwalkers=8,
            nsteps=100,
            seed=3,
            progress=False,
            checkpoint_every=0,
        ),
        kill_after=8 * 60,
    )
    np.testing.assert_allclose(resumed.samples.parameter_lists, full.samples.parameter_lists)
    np.testing.assert_allclose(
        resumed.samples.log_likelihood_list, full.samples.log_likelihood_list
    )


def test_nautilus_resume_matches_uninterrupted(tmp_path):
    pytest.importorskip("nautilus")
    pytest.importorskip("h5py")
    full, resumed = _killed_then_resumed(
        tmp_path,
        lambda out: Nautilus(
            name="fit",
            output_path=out,
            n_live=50,
            n_eff=100,
            n_networks=1,
            neural_network_kwargs=FAST_NN,
            seed=5,
            progress=False,
        ),
        kill_after=400,
    )
    np.testing.assert_allclose(
        resumed.samples.max_log_likelihood_vector,
        full.samples.max_log_likelihood_vector,
        rtol=1e-10,
    )
    assert resumed.log_evidence == pytest.approx(full.log_evidence, rel=1e-10)


def test_dynesty_resume_matches_uninterrupted(tmp_path):
    pytest.importorskip("dynesty")
    # dynesty checkpoints on a wall-clock timer; the killed run lasts only ~50 ms, so any positive
    # interval makes whether a checkpoint exists depend on machine speed. 0 = every iteration.
    full, resumed = _killed_then_resumed(
        tmp_path,
        lambda out: DynestyStatic(
            name="fit", output_path=out, nlive=30, seed=7, progress=False, checkpoint_every=0
        ),
        kill_after=400,
    )
    np.testing.assert_allclose(
        resumed.samples.max_log_likelihood_vector,
        full.samples.max_log_likelihood_vector,
        rtol=1e-10,
    )


def test_missing_optional_package_names_the_extra(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "emcee" or name.startswith("emcee."):
            raise ImportError("No module named 'emcee'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    import importlib

    monkeypatch.setattr(importlib, "import_module", lambda name, *a: fake_import(name))
    # The hint names installs that work from this repository, never the public PyAutoGalaxy.
    with pytest.raises(
        exc.SearchException, match=r"pip install 'emcee>=3.1'.*\./packages/autogalaxy\[emcee\]"
    ):
        Emcee(name="e", output_path=tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())


def test_progress_bar_runs(tmp_path, capsys):
    LBFGS(name="p", output_path=tmp_path, progress=True).fit(toy.toy_model(), toy.ToyAnalysis())
    captured = capsys.readouterr()
    assert "LBFGS[p]" in captured.err


class _FingerprintedToy(toy.ToyAnalysis):
    def __init__(self, fingerprint: str):
        super().__init__()
        self._fingerprint = fingerprint

    def fingerprint(self) -> str:
        return self._fingerprint


def test_fit_of_a_different_dataset_is_not_reloaded(tmp_path):
    first = LBFGS(name="data", output_path=tmp_path, progress=False)
    first.fit(toy.toy_model(), _FingerprintedToy("dataset-a"))
    stored = json.loads((tmp_path / "data" / "fingerprint.json").read_text())
    assert stored["dataset"] == "dataset-a"
    again = LBFGS(name="data", output_path=tmp_path, progress=False)
    assert again.fit(toy.toy_model(), _FingerprintedToy("dataset-a")).samples is not None
    with pytest.raises(exc.SearchException, match="changed: dataset"):
        LBFGS(name="data", output_path=tmp_path, progress=False).fit(
            toy.toy_model(), _FingerprintedToy("dataset-b")
        )


def test_search_hands_its_folder_to_the_batch_strategy_record(tmp_path, monkeypatch):
    # the folder a fit resumes from is where its batch strategies are recorded
    seen = {}

    def capture(self, model, fitness, folder, progress):
        seen["record"], seen["folder"] = fitness.batch_record_folder, folder
        raise SimulatedKill

    monkeypatch.setattr(LBFGS, "_fit", capture)
    with pytest.raises(SimulatedKill):
        LBFGS(name="rec", output_path=tmp_path, progress=False).fit(
            toy.toy_model(), toy.ToyAnalysis()
        )
    assert seen["record"] == seen["folder"] and seen["folder"].name == "rec"
