"""Batch fitting on a Dask LocalCluster (loopback, two workers): 20 tiny lenses, an interrupted
batch restarted (nothing finished is refitted), a worker killed mid-batch (no lens lost), one
database row per lens, failures recorded while the batch goes on, aggregator queries.

Run alone with ``pytest -m dask packages/autolens/tests/batch``.
"""

import json
import os
import signal
import time
from pathlib import Path

import batch_lenses
import numpy as np
import pytest

import autolens as al
from autogalaxy import exc
from autogalaxy.modeling.batch.cluster import local_cluster
from autogalaxy.modeling.database import ResultsDatabase

pytestmark = pytest.mark.dask

N_LENSES = 20


@pytest.fixture(scope="module")
def datasets():
    radii = batch_lenses.radii(N_LENSES)
    return radii, {
        name: batch_lenses.simulate(r, seed=i) for i, (name, r) in enumerate(radii.items())
    }


@pytest.fixture(scope="module")
def client():
    from distributed import Client

    cluster = local_cluster(n_workers=2)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def _finished_times(folder: Path) -> dict:
    return {
        p.parent.parent.name: p.stat().st_mtime_ns for p in folder.glob("lens_*/lbfgs/result.json")
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory, datasets, client):
    """Run 1 is interrupted after 6 lenses (its own LocalCluster, closed by the interrupt);
    run 2 restarts on the shared cluster and kills one worker process mid-batch."""
    radii, data = datasets
    out = tmp_path_factory.mktemp("batch")

    def interrupt(progress):
        if progress.done >= 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        al.fit_batch(
            data,
            batch_lenses.model(),
            batch_lenses.search(out),
            name="sample",
            n_workers=2,
            callback=interrupt,
            progress=False,
        )
    before = _finished_times(out / "sample")

    pids = list(client.run(os.getpid).values())
    killed = []

    def kill_one_worker(progress):
        if not killed and progress.done >= 2 and progress.running > 0:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    result = al.fit_batch(
        data,
        batch_lenses.model(),
        batch_lenses.search(out),
        name="sample",
        client=client,
        callback=kill_one_worker,
        progress=False,
    )
    return {
        "out": out / "sample",
        "before": before,
        "result": result,
        "killed": killed,
        "radii": radii,
    }


def test_restart_refits_nothing_finished_and_killing_a_worker_loses_no_lens(batch):
    result, before = batch["result"], batch["before"]
    assert len(before) >= 6, "the interrupted run should have finished at least 6 lenses"
    assert len(before) < N_LENSES, "the interruption should leave lenses unfinished"
    assert batch["killed"], "a worker process should have been killed during the restart"
    # Every lens finished before the restart is skipped. A lens whose worker was killed after
    # writing result.json but before reporting back is skipped by its retry too (not refitted).
    assert set(before) <= set(result.skipped)
    assert sorted(result.done + result.skipped) == sorted(batch["radii"])
    assert result.failed == []
    after = _finished_times(batch["out"])
    assert {k: after[k] for k in before} == before  # finished lenses were not rewritten
    assert len(after) == N_LENSES
    for lens in batch["radii"]:
        folder = batch["out"] / lens / "lbfgs"
        for name in (
            "model.info",
            "samples.csv",
            "result.json",
            "fit.png",
            "search.summary",
            "model.pickle",
            "dataset.pickle",
            "batch.json",
        ):
            assert (folder / name).exists(), f"{lens}: {name} missing"
    summary = (batch["out"] / "batch_summary.csv").read_text().splitlines()
    assert len(summary) == N_LENSES + 1


def test_the_database_has_exactly_one_row_per_finished_lens(batch):
    db = ResultsDatabase(batch["result"].database)
    keys = db.fit_keys()
    assert len(keys) == len(set(keys)) == N_LENSES
    assert sorted(r.lens_name for r in db.records()) == sorted(batch["radii"])
    assert db.failures() == []
    record = db.records()[0]
    assert record.search_type == "LBFGS" and record.dataset_fingerprint
    assert record.search_settings["maxiter"] == "40"


def test_aggregator_queries_return_the_right_lenses(batch):
    radii = batch["radii"]
    agg = al.Aggregator.from_database(batch["result"].database)
    assert len(agg) == N_LENSES
    high = agg.query(agg.model.galaxies.lens.mass.einstein_radius > 1.0)
    assert sorted(high.values("name")) == sorted(k for k, r in radii.items() if r > 1.0)
    assert len(agg.query(agg.search.name == "lbfgs")) == N_LENSES
    by_lens = dict(zip(agg.values("name"), agg.values("instance")))
    fitted = np.array([by_lens[k].galaxies.lens.mass.einstein_radius for k in radii])
    assert np.allclose(fitted, list(radii.values()), atol=0.05)
    from_dir = al.Aggregator.from_directory(batch["out"])
    assert sorted(from_dir.values("name")) == sorted(agg.values("name"))


def test_tracer_and_fit_aggregators_rebuild_the_maximum_likelihood_fits(batch, tmp_path):
    agg = al.Aggregator.from_database(batch["result"].database)
    agg = agg.query(agg.search.unique_tag == "lens_00")
    (tracers,) = list(al.agg.TracerAgg(aggregator=agg).max_log_likelihood_gen_from())
    (fits,) = list(al.agg.FitImagingAgg(aggregator=agg).max_log_likelihood_gen_from())
    (record,) = agg.records
    expected = record.samples_summary["max_log_likelihood"]
    assert isinstance(tracers[0], al.Tracer)
    assert tracers[0].galaxies[0].mass.einstein_radius == pytest.approx(
        record.instance.galaxies.lens.mass.einstein_radius
    )
    assert fits[0].figure_of_merit == pytest.approx(expected, rel=1e-9)
    path = agg.to_csv(tmp_path / "lens.csv")
    assert "galaxies.lens.mass.einstein_radius" in path.read_text().splitlines()[0]


def test_failing_lenses_are_recorded_and_the_batch_goes_on(tmp_path, datasets, client):
    _, data = datasets
    lenses = {
        "good": data["lens_00"],
        "missing": al.ImagingFolder(tmp_path / "no_such_folder", pixel_scales=0.25),
        "broken": "not a dataset",  # the analysis raises on every attempt
    }
    result = al.fit_batch(
        lenses,
        batch_lenses.model(),
        batch_lenses.search(tmp_path),
        name="fails",
        client=client,
        retries=1,
        progress=False,
    )
    assert result.done == ["good"]
    assert sorted(result.failed) == ["broken", "missing"]
    missing = json.loads((tmp_path / "fails/missing/lbfgs/failure.json").read_text())
    assert "data.fits" in missing["error"]
    broken = json.loads((tmp_path / "fails/broken/lbfgs/failure.json").read_text())
    assert "Traceback" in broken["traceback"] and broken["attempts"] == 2
    db = ResultsDatabase(result.database)
    assert sorted(f["lens_name"] for f in db.failures()) == ["broken", "missing"]
    assert [r.lens_name for r in db.records()] == ["good"]
    assert "failed" in result.table


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, datasets):
    _, data = datasets
    with pytest.raises(exc.BatchException, match="Cannot reach the Dask scheduler"):
        al.fit_batch(
            {"lens_00": data["lens_00"]},
            batch_lenses.model(),
            batch_lenses.search(tmp_path),
            client="tcp://127.0.0.1:9",
            scheduler_timeout=2.0,
            progress=False,
        )


def test_the_command_line_fits_a_folder_of_datasets(tmp_path, datasets, client, capsys):
    from autolens.batch.__main__ import main

    radii, _ = datasets
    for name, seed in (("lens_00", 0), ("lens_19", 19)):
        unmasked = batch_lenses.simulate(radii[name], seed=seed, masked=False)
        al.output_dataset_to_fits(unmasked, tmp_path / "sample" / name)
    job = {
        "datasets": str(tmp_path / "sample"),
        "pixel_scales": batch_lenses.PIXEL,
        "mask_radius": 1.45,
        "name": "cli",
        "output_path": str(tmp_path / "output"),
        "search": {"type": "LBFGS", "name": "lbfgs", "maxiter": 40},
        "model": {
            "lens": {
                "redshift": 0.5,
                "mass": {
                    "class": "IsothermalSph",
                    "centre": [0.0, 0.0],
                    "einstein_radius": {"UniformPrior": {"lower_limit": 0.4, "upper_limit": 1.8}},
                },
            },
            "source": {
                "redshift": 1.0,
                "bulge": {
                    "class": "lp.Sersic",
                    "centre": [0.0, 0.0],
                    "ell_comps": [0.0, 0.0],
                    "effective_radius": 0.3,
                    "sersic_index": 1.0,
                    "intensity": {"UniformPrior": {"lower_limit": 0.1, "upper_limit": 1.5}},
                },
            },
        },
    }
    (tmp_path / "job.json").write_text(json.dumps(job))
    address = client.scheduler.address
    assert main([str(tmp_path / "job.json"), "--scheduler", address, "--quiet"]) == 0
    assert "lens_19" in capsys.readouterr().out
    agg = al.Aggregator.from_database(tmp_path / "output" / "cli" / "results.sqlite")
    fitted = dict(zip(agg.values("name"), agg.values("instance")))
    for name in ("lens_00", "lens_19"):
        radius = fitted[name].galaxies.lens.mass.einstein_radius
        assert radius == pytest.approx(radii[name], abs=0.05)
    job["model"]["lens"]["mass"] = "NoSuchProfile"
    (tmp_path / "bad.json").write_text(json.dumps(job))
    assert main([str(tmp_path / "bad.json"), "--scheduler", address, "--quiet"]) == 2
    assert "NoSuchProfile" in capsys.readouterr().err


def test_a_finished_batch_rerun_starts_no_cluster_and_restores_missing_rows(batch, datasets):
    _, data = datasets
    db_path = batch["out"] / "results.sqlite"
    copy = batch["out"].parent / "copy.sqlite"
    al.Aggregator.from_database(db_path)  # readable before
    db_path.rename(copy)
    for suffix in ("-wal", "-shm"):
        extra = batch["out"] / f"results.sqlite{suffix}"
        if extra.exists():
            extra.unlink()
    start = time.time()
    result = al.fit_batch(
        data,
        batch_lenses.model(),
        batch_lenses.search(batch["out"].parent),
        name="sample",
        client="tcp://127.0.0.1:9",  # never contacted: nothing is left to fit
        progress=False,
    )
    assert len(result.skipped) == N_LENSES and result.n_workers == 0
    assert all(o["max_log_likelihood"] is not None for o in result.outcomes)
    assert len(ResultsDatabase(result.database).fit_keys()) == N_LENSES
    assert time.time() - start < 60
