"""Batch pieces that need no cluster: lens names, dataset folders, progress, worker settings."""

import io

import pytest

from autogalaxy import exc
from autogalaxy.modeling.batch.cluster import worker_env
from autogalaxy.modeling.batch.datasets import ImagingFolder, folders_in, lenses_from
from autogalaxy.modeling.batch.progress import BatchProgress, ProgressDisplay, summary_table


def test_lens_names_must_be_unique_and_folder_safe(tmp_path):
    assert lenses_from({"a": 1, "b": 2}) == [("a", 1), ("b", 2)]
    assert lenses_from([ImagingFolder(tmp_path / "x", 0.1)])[0][0] == "x"
    with pytest.raises(exc.BatchException, match="repeated: a"):
        lenses_from([("a", 1), ("a", 2)])
    with pytest.raises(exc.BatchException, match="not safe"):
        lenses_from({"../up": 1})
    with pytest.raises(exc.BatchException, match="at least one"):
        lenses_from({})


def test_a_missing_dataset_file_names_the_file(tmp_path):
    (tmp_path / "sample" / "lens_1").mkdir(parents=True)
    folders = folders_in(tmp_path / "sample", pixel_scales=0.1)
    assert list(folders) == ["lens_1"]
    with pytest.raises(exc.BatchException, match="data.fits is missing"):
        folders["lens_1"].load()
    with pytest.raises(exc.BatchException, match="not a folder"):
        folders_in(tmp_path / "nothing", pixel_scales=0.1)


def test_progress_counts_and_eta():
    progress = BatchProgress(total=10, done=2, skipped=3, failed=1, running=2, elapsed_s=30.0)
    assert progress.finished == 6 and progress.queued == 2
    assert progress.eta_s == pytest.approx(4 * 30.0 / 3)
    assert BatchProgress(total=3, skipped=3).eta_s == 0.0
    assert BatchProgress(total=3, running=1, elapsed_s=5.0).eta_s is None
    stream = io.StringIO()
    ProgressDisplay("b", stream=stream).show(progress)
    assert "6/10 finished" in stream.getvalue() and "ETA 0:00:40" in stream.getvalue()


def test_summary_table_lists_every_lens():
    table = summary_table(
        [
            {"name": "lens_a", "status": "done", "max_log_likelihood": -1.5, "fit_time_s": 2.0},
            {"name": "lens_b", "status": "failed", "error": "ValueError: bad\nmore"},
        ]
    )
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["lens", "status"]
    assert "-1.5000" in lines[2] and "ValueError: bad" in lines[3] and "more" not in table


def test_workers_run_one_thread_per_numerical_library(monkeypatch):
    monkeypatch.setenv("XLA_FLAGS", "--xla_force_host_platform_device_count=1")
    env = worker_env()
    assert env["OMP_NUM_THREADS"] == env["OPENBLAS_NUM_THREADS"] == env["MKL_NUM_THREADS"] == "1"
    assert "--xla_force_host_platform_device_count=1" in env["XLA_FLAGS"]
    assert "--xla_cpu_multi_thread_eigen=false" in env["XLA_FLAGS"]
