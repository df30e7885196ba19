import os
import subprocess
import sys

import modeling_toy as toy
import pytest

from autogalaxy import exc
from autogalaxy.modeling import Nautilus
from autogalaxy.modeling.searches import background_write, checkpoint

pytestmark = [
    pytest.mark.filterwarnings("ignore::Warning:sklearn"),
    pytest.mark.skipif(not hasattr(os, "fork"), reason="background writes need fork"),
]

#: Set in the child pytest of ``test_forking_tests_in_a_process_without_jax``.
_INNER = "AUTOGALAXY_FORK_TESTS_INNER"

#: The tests below fork this process. The library never forks once JAX is loaded (its threads
#: make a forked child unsafe), so neither do its tests: in a suite that has loaded JAX they
#: run in a fresh interpreter instead (the last test of this module).
forks = pytest.mark.skipif(
    "jax" in sys.modules and not os.environ.get(_INNER),
    reason="JAX is loaded in this process; run by test_forking_tests_in_a_process_without_jax",
)


@forks
def test_a_forked_write_runs_and_is_reaped(tmp_path):
    target = tmp_path / "out.txt"
    writer = background_write.BackgroundWrite()
    writer.start(lambda: target.write_text(str(os.getpid())))
    assert writer.running
    seconds, error = writer.wait()
    assert error is None and seconds >= 0.0 and not writer.running
    assert int(target.read_text()) != os.getpid()
    assert writer.wait() is None and writer.done() is None


@forks
def test_a_failed_write_reports_its_error(tmp_path):
    def fail():
        raise OSError(28, "No space left on device (simulated)")

    writer = background_write.BackgroundWrite()
    writer.start(fail)
    _, error = writer.wait()
    assert "No space left" in error


@forks
def test_one_write_in_flight_at_a_time(tmp_path):
    writer = background_write.BackgroundWrite()
    writer.start(lambda: None)
    try:
        with pytest.raises(exc.SearchException, match="still in flight"):
            writer.start(lambda: None)
    finally:
        writer.wait()


def test_not_available_once_jax_is_loaded(monkeypatch):
    monkeypatch.setitem(sys.modules, "jax", object())
    assert not background_write.available()


@forks
def test_a_failed_background_checkpoint_stops_the_fit_and_keeps_the_previous_one(
    tmp_path, monkeypatch
):
    pytest.importorskip("nautilus")
    pytest.importorskip("h5py")
    monkeypatch.setattr(background_write, "available", lambda: True)
    calls = tmp_path / "commits.txt"
    real_commit = checkpoint.commit

    def commit(tmp, dest):
        # counted in a file, not in memory: the commit runs in a forked child
        with open(calls, "a") as handle:
            handle.write("commit\n")
        if len(calls.read_text().split()) >= 2:
            raise OSError(28, "No space left on device (simulated)")
        real_commit(tmp, dest)

    monkeypatch.setattr(checkpoint, "commit", commit)
    search = Nautilus(
        name="fit",
        output_path=tmp_path,
        n_live=50,
        n_eff=150,
        n_networks=1,
        neural_network_kwargs={"hidden_layer_sizes": (16,), "max_iter": 300},
        checkpoint_every=1e-9,
        progress=False,
    )
    with pytest.raises(exc.SearchException, match="previous checkpoint was kept"):
        search.fit(toy.toy_model(), toy.ToyAnalysis())
    folder = tmp_path / "fit"
    assert not [p.name for p in folder.iterdir() if ".tmp" in p.name]
    checkpoint.check_nautilus_checkpoint(folder / "nautilus.hdf5", 2)


@pytest.mark.skipif("jax" not in sys.modules, reason="the forking tests ran in this process")
def test_forking_tests_in_a_process_without_jax():
    env = {**os.environ, _INNER: "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            __file__,
            "-k",
            "not without_jax",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "5 passed" in result.stdout, result.stdout[-3000:]
