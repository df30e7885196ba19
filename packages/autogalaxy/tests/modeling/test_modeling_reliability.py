"""Reliability of the searches: settings, fingerprints, loaded files, locks, full disks, L-BFGS.

NumPy only and fast (toy problem); the kill -9 loop is ``workspace_test/reliability``.
"""

import errno
import json
import os
import warnings

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
    UniformPrior,
)
from autogalaxy.modeling.lock import FolderLock
from autogalaxy.modeling.searches import checkpoint

pytestmark = pytest.mark.filterwarnings("ignore::Warning:sklearn")

FAST_NN = {"hidden_layer_sizes": (8,), "max_iter": 100}

BAD_SETTINGS = [
    (Nautilus, {"n_live": 0}),
    (Nautilus, {"n_live": 1}),
    (Nautilus, {"n_live": -5}),
    (Nautilus, {"n_batch": 0}),
    (Nautilus, {"n_eff": 0}),
    (Nautilus, {"f_live": 0.0}),
    (Nautilus, {"f_live": 1.5}),
    (Nautilus, {"n_like_max": 0}),
    (Nautilus, {"n_networks": -1}),
    (Nautilus, {"n_live": 2.5}),
    (Nautilus, {"n_live": "200"}),
    (DynestyStatic, {"nlive": 1}),
    (DynestyStatic, {"nlive": -3}),
    (DynestyStatic, {"bound": "sphere"}),
    (DynestyStatic, {"sample": "walk"}),
    (DynestyStatic, {"dlogz": 0.0}),
    (DynestyStatic, {"maxiter": 0}),
    (DynestyStatic, {"checkpoint_every": -1}),
    (Emcee, {"nsteps": 0}),
    (Emcee, {"burn_in_fraction": 1.0}),
    (Emcee, {"burn_in_fraction": -0.1}),
    (Emcee, {"thin": 0}),
    (Emcee, {"nwalkers": 1}),
    (Emcee, {"initializer": "ball!"}),
    (Emcee, {"ball_width": 0.0}),
    (LBFGS, {"n_starts": 0}),
    (LBFGS, {"maxiter": -1}),
    (LBFGS, {"maxiter": 0}),
    (LBFGS, {"tol": -1.0}),
    (LBFGS, {"eps": 0.0}),
    (LBFGS, {"eps": 0.5}),
    (LBFGS, {"checkpoint_interval": 0}),
    (NUTS, {"num_samples": 0}),
    (NUTS, {"num_warmup": 0}),
    (NUTS, {"chunk": 0}),
    (NUTS, {"target_acceptance_rate": 1.0}),
    (LBFGS, {"name": "../escape"}),
    (LBFGS, {"name": "/abs"}),
    (LBFGS, {"name": 5}),
    (LBFGS, {"path_prefix": "a/../../b"}),
    (LBFGS, {"seed": -1}),
    (LBFGS, {"seed": 1.5}),
    (LBFGS, {"resample_figure_of_merit": float("nan")}),
]


@pytest.mark.parametrize("cls, kwargs", BAD_SETTINGS)
def test_bad_search_settings_raise_up_front(cls, kwargs):
    key = next(iter(kwargs))
    with pytest.raises(exc.SearchException, match=f"{key}="):
        cls(**kwargs)


def test_settings_changed_after_construction_are_checked_at_fit(tmp_path):
    search = Nautilus(output_path=tmp_path, progress=False)
    search.n_live = 0
    with pytest.raises(exc.SearchException, match="n_live=0"):
        search.fit(toy.toy_model(), toy.ToyAnalysis())


def lbfgs(tmp_path, **kwargs):
    kwargs.setdefault("name", "fit")
    return LBFGS(output_path=tmp_path, progress=False, maxiter=30, **kwargs)


# ------------------------------------------------------------------ fingerprint


def _model_with(a_prior, b_first=False):
    if b_first:
        b = UniformPrior(-2.0, 2.0)
        return Collection(toy=Model(toy.Toy, b=b, a=a_prior))
    return Collection(toy=Model(toy.Toy, a=a_prior, b=UniformPrior(-2.0, 2.0)))


def test_changed_prior_is_refused(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    with pytest.raises(exc.SearchException, match="model priors or fixed values"):
        lbfgs(tmp_path).fit(_model_with(UniformPrior(0.0, 5.0)), toy.ToyAnalysis())


def test_changed_parameter_order_is_refused(tmp_path):
    b = UniformPrior(-2.0, 2.0)  # created first: b becomes parameter 0
    reordered = Collection(toy=Model(toy.Toy, a=UniformPrior(0.0, 3.0), b=b))
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    with pytest.raises(exc.SearchException, match="model parameters"):
        lbfgs(tmp_path).fit(reordered, toy.ToyAnalysis())


def test_changed_search_setting_is_refused_with_the_key(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    with pytest.raises(exc.SearchException, match=r"search settings \(maxiter: 30 -> 31\)"):
        LBFGS(name="fit", output_path=tmp_path, progress=False, maxiter=31).fit(
            toy.toy_model(), toy.ToyAnalysis()
        )


def test_changed_seed_is_refused(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    with pytest.raises(exc.SearchException, match="seed"):
        lbfgs(tmp_path, seed=4).fit(toy.toy_model(), toy.ToyAnalysis())


def test_changed_analysis_class_is_refused(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    with pytest.raises(exc.SearchException, match="analysis"):
        lbfgs(tmp_path).fit(toy.toy_model(), toy.VisualAnalysis())


def test_progress_setting_does_not_change_the_fingerprint(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    again = LBFGS(name="fit", output_path=tmp_path, progress=True, maxiter=30)
    assert again.fit(toy.toy_model(), toy.ToyAnalysis()).loaded


def test_folder_with_fit_files_but_no_fingerprint_is_refused(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    (tmp_path / "fit" / "fingerprint.json").unlink()
    with pytest.raises(exc.SearchException, match="no fingerprint.json"):
        lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())


def test_garbage_fingerprint_names_the_file(tmp_path):
    lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    (tmp_path / "fit" / "fingerprint.json").write_text("{not json")
    with pytest.raises(exc.SearchException, match="fingerprint.json is not a valid"):
        lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())


# ------------------------------------------------------------------ loaded files


def _completed(tmp_path):
    lbfgs(tmp_path, n_starts=3).fit(toy.toy_model(), toy.ToyAnalysis())
    return tmp_path / "fit"


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda t: "\n".join(t.splitlines()[:2]) + "\n", "samples.csv is not the samples file"),
        (lambda t: "", "samples.csv is not the samples file"),
        (lambda t: t.replace(t.splitlines()[1].split(",")[0], "nan", 1), "not the samples file"),
        (lambda t: t + "garbage\n", "not the samples file"),
    ],
)
def test_edited_samples_csv_is_refused(tmp_path, edit, message):
    folder = _completed(tmp_path)
    path = folder / "samples.csv"
    path.write_text(edit(path.read_text()))
    with pytest.raises(exc.SearchException, match=message):
        lbfgs(tmp_path, n_starts=3).fit(toy.toy_model(), toy.ToyAnalysis())


def test_samples_csv_checks_rows_and_values(tmp_path):
    from autogalaxy.modeling.output import read_samples_csv

    path = tmp_path / "s.csv"
    for text, message in [
        ("", "it is empty"),
        ("a,b,log_likelihood,weight\n", "no sample rows"),
        ("a,b,log_likelihood,weight\n1,2,3\n", "line 2 has 3 values"),
        ("a,b,log_likelihood,weight\n1,2,nan,1\n", "line 2 holds a NaN"),
        ("a,b,log_likelihood,weight\n1,x,3,1\n", "not a number"),
        ("a,b,log_likelihood,weight\n1,2,3,-1\n", "weights are negative"),
        ("a,b,c\n1,2,3\n", "does not end with log_likelihood, weight"),
    ]:
        path.write_text(text)
        with pytest.raises(exc.SearchException, match=message) as info:
            read_samples_csv(path)
        assert str(path) in str(info.value)


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '{"completed": false}'])
def test_garbage_result_json_names_the_file(tmp_path, text):
    folder = _completed(tmp_path)
    (folder / "result.json").write_text(text)
    with pytest.raises(exc.SearchException, match="result.json"):
        lbfgs(tmp_path, n_starts=3).fit(toy.toy_model(), toy.ToyAnalysis())


def test_result_json_without_samples_is_refused(tmp_path):
    folder = _completed(tmp_path)
    (folder / "samples.csv").unlink()
    with pytest.raises(exc.SearchException, match="samples.csv is missing"):
        lbfgs(tmp_path, n_starts=3).fit(toy.toy_model(), toy.ToyAnalysis())


@pytest.mark.parametrize(
    "make, file",
    [
        (lambda p: Nautilus(output_path=p, name="fit", n_live=20, progress=False), "nautilus.hdf5"),
        (
            lambda p: DynestyStatic(output_path=p, name="fit", nlive=20, progress=False),
            "dynesty.save",
        ),
        (
            lambda p: Emcee(output_path=p, name="fit", nwalkers=4, nsteps=5, progress=False),
            "emcee.npz",
        ),
        (lambda p: LBFGS(output_path=p, name="fit", progress=False), "lbfgs.checkpoint.npz"),
    ],
)
@pytest.mark.parametrize("content", [b"", b"garbage" * 10])
def test_garbage_checkpoint_names_the_file(tmp_path, make, file, content):
    search = make(tmp_path)
    folder = tmp_path / "fit"
    folder.mkdir()
    from autogalaxy.modeling.fingerprint import fingerprint_of
    from autogalaxy.modeling.output import atomic_write_json

    atomic_write_json(
        folder / "fingerprint.json", fingerprint_of(toy.toy_model(), toy.ToyAnalysis(), search)
    )
    (folder / file).write_bytes(content)
    with pytest.raises(exc.SearchException, match=file.replace(".", r"\.")):
        search.fit(toy.toy_model(), toy.ToyAnalysis())


# ------------------------------------------------------------------ lock and output path


def test_second_fit_into_a_locked_folder_is_refused(tmp_path):
    (tmp_path / "fit").mkdir()
    with FolderLock(tmp_path / "fit"):
        with pytest.raises(exc.SearchException, match="in use by another fit"):
            lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    assert lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis()) is not None


def test_stale_lock_file_of_a_dead_process_is_ignored(tmp_path):
    (tmp_path / "fit").mkdir()
    (tmp_path / "fit" / ".lock").write_text("999999999")
    assert lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis()) is not None


def test_uncreatable_output_path_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(exc.SearchException, match="Cannot create the output folder"):
        LBFGS(output_path=tmp_path / "file" / "sub", progress=False).fit(
            toy.toy_model(), toy.ToyAnalysis()
        )


# ------------------------------------------------------------------ full disk


class _DiskFull:
    """``os.fsync`` that fails with ENOSPC on call number ``at`` (and every later one)."""

    def __init__(self, at):
        self.at = at
        self.calls = 0
        self.real = os.fsync

    def __call__(self, fd):
        self.calls += 1
        if self.calls >= self.at:
            raise OSError(errno.ENOSPC, "No space left on device (simulated)")
        return self.real(fd)


FULL_DISK_SEARCHES = [
    (
        "nautilus",
        lambda p: Nautilus(
            output_path=p,
            name="fit",
            n_live=40,
            n_batch=20,
            n_eff=80,
            checkpoint_every=0,
            n_networks=1,
            neural_network_kwargs=FAST_NN,
            seed=3,
            progress=False,
        ),
        "nautilus.hdf5",
    ),
    (
        "emcee",
        lambda p: Emcee(
            output_path=p,
            name="fit",
            nwalkers=6,
            nsteps=40,
            seed=3,
            checkpoint_every=0,
            progress=False,
        ),
        "emcee.npz",
    ),
    (
        "lbfgs",
        lambda p: LBFGS(
            output_path=p,
            name="fit",
            n_starts=2,
            maxiter=20,
            checkpoint_interval=2,
            seed=3,
            progress=False,
        ),
        "lbfgs.checkpoint.npz",
    ),
]


@pytest.mark.parametrize("kind, make, file", FULL_DISK_SEARCHES)
def test_full_disk_keeps_the_last_good_checkpoint_and_resume_matches(
    tmp_path, monkeypatch, kind, make, file
):
    full = make(tmp_path / "full").fit(toy.toy_model(), toy.ToyAnalysis())
    disk = _DiskFull(at=6)
    monkeypatch.setattr(os, "fsync", disk)
    with pytest.raises(exc.SearchException, match="previous checkpoint was kept"):
        make(tmp_path / "killed").fit(toy.toy_model(), toy.ToyAnalysis())
    monkeypatch.setattr(os, "fsync", disk.real)
    folder = tmp_path / "killed" / "fit"
    assert (folder / file).exists()
    assert not [p.name for p in folder.iterdir() if ".tmp" in p.name]
    if kind == "nautilus":
        checkpoint.check_nautilus_checkpoint(folder / file, 2)
    else:
        np.load(folder / file)
    resumed = make(tmp_path / "killed").fit(toy.toy_model(), toy.ToyAnalysis())
    np.testing.assert_allclose(
        resumed.samples.parameter_lists, full.samples.parameter_lists, rtol=1e-10
    )
    np.testing.assert_allclose(
        resumed.samples.log_likelihood_list, full.samples.log_likelihood_list, rtol=1e-10
    )


# ------------------------------------------------------------------ L-BFGS


def test_dynesty_full_disk_keeps_the_previous_checkpoint(tmp_path, monkeypatch):
    import pickle

    def make(p):
        return DynestyStatic(
            output_path=p,
            name="fit",
            nlive=20,
            seed=3,
            checkpoint_every=0,
            progress=False,
        )

    real_dump = pickle.dump
    calls = [0]

    def dump(obj, handle, *args, **kwargs):
        calls[0] += 1
        if calls[0] >= 5:
            handle.write(b"partial")
            raise OSError(errno.ENOSPC, "No space left on device (simulated)")
        return real_dump(obj, handle, *args, **kwargs)

    monkeypatch.setattr(pickle, "dump", dump)
    with pytest.raises(exc.SearchException, match="previous checkpoint was kept"):
        make(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    monkeypatch.setattr(pickle, "dump", real_dump)
    import dynesty

    dynesty.NestedSampler.restore(str(tmp_path / "fit" / "dynesty.save"))
    assert make(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis()).samples.total_samples > 0


def test_lbfgs_never_reports_a_penalty(tmp_path):
    # the prior median (a = 1.5) is rejected: the start is redrawn
    analysis = toy.ToyAnalysis(nan_if_a_above=1.4)
    result = lbfgs(tmp_path).fit(toy.toy_model(), analysis)
    ml = result.samples.max_log_likelihood
    assert ml > -1e98 and ml != -1.0
    vector = result.samples.max_log_likelihood_vector
    assert vector[0] <= 1.4
    assert ml == pytest.approx(
        float(analysis.log_likelihood_function(result.max_log_likelihood_instance))
    )


def test_lbfgs_with_every_point_rejected_raises(tmp_path):
    with pytest.raises(exc.SearchException, match="landed only on rejected parameters"):
        lbfgs(tmp_path).fit(toy.toy_model(), toy.RaisingAnalysis())


def test_lbfgs_abnormal_stop_is_handled(tmp_path, monkeypatch):
    import scipy.optimize
    from scipy.optimize import OptimizeResult

    def abnormal(fun, x0, **kwargs):
        value = fun(x0)
        return OptimizeResult(
            x=np.asarray(x0),
            fun=value,
            nit=0,
            status=2,
            success=False,
            message="ABNORMAL_TERMINATION_IN_LNSRCH",
        )

    monkeypatch.setattr(scipy.optimize, "minimize", abnormal)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = lbfgs(tmp_path).fit(toy.toy_model(), toy.ToyAnalysis())
    assert any("abnormally" in str(w.message) for w in caught)
    assert result.samples.max_log_likelihood > -1e98


def test_lbfgs_resume_after_interruption_matches(tmp_path):
    class Stop(Exception):
        pass

    def make(p):
        return LBFGS(
            output_path=p,
            name="fit",
            n_starts=2,
            maxiter=20,
            checkpoint_interval=2,
            seed=3,
            progress=False,
        )

    full = make(tmp_path / "full").fit(toy.toy_model(), toy.ToyAnalysis())
    real = checkpoint.write_npz
    count = [0]

    def stop_after(*args, **kwargs):
        real(*args, **kwargs)
        count[0] += 1
        if count[0] == 3:
            raise Stop()

    import autogalaxy.modeling.searches.lbfgs as lbfgs_module

    lbfgs_module.write_npz = stop_after
    try:
        with pytest.raises(Stop):
            make(tmp_path / "killed").fit(toy.toy_model(), toy.ToyAnalysis())
    finally:
        lbfgs_module.write_npz = real
    resumed = make(tmp_path / "killed").fit(toy.toy_model(), toy.ToyAnalysis())
    np.testing.assert_array_equal(resumed.samples.parameter_lists, full.samples.parameter_lists)
    assert json.loads((tmp_path / "killed" / "fit" / "result.json").read_text())["completed"]


@pytest.mark.parametrize("unit", [[1.5, 0.5], [-0.1, 0.5], [np.nan, 0.5]])
def test_unit_vector_outside_the_cube_is_refused(unit):
    from autogalaxy.exc import ModelException

    with pytest.raises(ModelException, match=r"outside \[0, 1\]"):
        toy.toy_model().instance_from_unit_vector(unit)
