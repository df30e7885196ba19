import os

import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy import exc
from autogalaxy.modeling import Nautilus
from autogalaxy.modeling.searches import worker_pool

pytestmark = pytest.mark.filterwarnings("ignore::Warning:sklearn")

FAST_NN = {"hidden_layer_sizes": (16,), "max_iter": 300}


class PidAnalysis(toy.ToyAnalysis):
    """Records (in a file, as workers are other processes) which processes ran likelihoods."""

    def __init__(self, record):
        super().__init__()
        self.record = str(record)

    def __getstate__(self):
        # Spawned workers (JAX loaded by other tests) receive the analysis pickled; the
        # NumPy module it holds does not pickle.
        state = self.__dict__.copy()
        del state["_xp"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state, _xp=np)

    def log_likelihood_function(self, instance):
        with open(self.record, "a") as handle:
            handle.write(f"{os.getpid()}\n")
        return super().log_likelihood_function(instance)


def nautilus(tmp_path, name, cores):
    return Nautilus(
        name=name,
        output_path=tmp_path,
        n_live=50,
        n_eff=150,
        n_networks=2,
        neural_network_kwargs=FAST_NN,
        number_of_cores=cores,
        progress=False,
    )


def test_nautilus_on_two_cores_gives_the_one_core_samples(tmp_path):
    pytest.importorskip("nautilus")
    pytest.importorskip("h5py")
    from nautilus.neural import NeuralNetworkEmulator

    train = NeuralNetworkEmulator.__dict__["train"]
    record = tmp_path / "pids.txt"
    one = nautilus(tmp_path, "one", 1).fit(toy.toy_model(), toy.ToyAnalysis())
    two = nautilus(tmp_path, "two", 2).fit(toy.toy_model(), PidAnalysis(record))
    # Likelihoods and network training moved to the workers; the sampler's draws did not.
    np.testing.assert_array_equal(two.samples.parameter_lists, one.samples.parameter_lists)
    np.testing.assert_array_equal(two.samples.log_likelihood_list, one.samples.log_likelihood_list)
    assert two.log_evidence == one.log_evidence
    pids = set(record.read_text().split())
    assert len(pids) == 2 and str(os.getpid()) not in pids
    # nautilus's training method is restored after the run
    assert NeuralNetworkEmulator.__dict__["train"] is train


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pooled_training_trains_the_serial_networks(method, monkeypatch):
    """Forked workers (NumPy analyses) and spawned ones (JAX loaded) train the same networks."""
    pytest.importorskip("nautilus")
    monkeypatch.setattr(worker_pool, "start_method", lambda: method)
    from nautilus.neural import NeuralNetworkEmulator

    rng = np.random.default_rng(3)
    x = rng.normal(size=(60, 3))
    y = np.sin(x).sum(axis=1)
    serial = NeuralNetworkEmulator.train(x, y, n_networks=2, neural_network_kwargs=FAST_NN)
    with worker_pool.worker_pool(2, None) as pool, worker_pool.pooled_network_training(pool):
        pooled = NeuralNetworkEmulator.train(x, y, n_networks=2, neural_network_kwargs=FAST_NN)
    for a, b in zip(serial.neural_networks, pooled.neural_networks):
        for wa, wb in zip(a.coefs_, b.coefs_):
            np.testing.assert_array_equal(wa, wb)
    np.testing.assert_array_equal(serial.predict(x), pooled.predict(x))


@pytest.mark.parametrize("cores", [0, -2, 1.5, "2", True])
def test_invalid_number_of_cores_raises_before_sampling(tmp_path, cores):
    pytest.importorskip("nautilus")
    with pytest.raises(exc.SearchException, match="number_of_cores"):
        nautilus(tmp_path, "bad", cores).fit(toy.toy_model(), toy.ToyAnalysis())


def test_one_core_and_none_start_no_workers():
    with worker_pool.worker_pool(1, None) as pool:
        assert pool is None
    search = Nautilus(name="x", number_of_cores=None)
    assert worker_pool.cores_from(search) == 1


def test_worker_likelihood_outside_a_worker_raises():
    with pytest.raises(exc.SearchException, match="worker"):
        worker_pool.worker_batch_likelihood(np.zeros((1, 2)))


def test_a_dead_worker_raises_a_search_exception():
    with pytest.raises(exc.SearchException, match="worker process of the search died"):
        with worker_pool.worker_pool(2, os._exit) as pool:
            list(pool.map(worker_pool.worker_batch_likelihood, [1]))


def test_workers_are_spawned_once_jax_is_loaded(monkeypatch):
    import multiprocessing
    import sys

    monkeypatch.setitem(sys.modules, "jax", object())
    assert worker_pool.start_method() == "spawn"
    monkeypatch.delitem(sys.modules, "jax")
    if "fork" in multiprocessing.get_all_start_methods():
        assert worker_pool.start_method() == "fork"


def test_an_unpicklable_likelihood_for_spawned_workers_raises(monkeypatch):
    monkeypatch.setattr(worker_pool, "start_method", lambda: "spawn")
    with pytest.raises(exc.SearchException, match="cannot be pickled"):
        with worker_pool.worker_pool(2, toy.ToyAnalysis()):
            pass
