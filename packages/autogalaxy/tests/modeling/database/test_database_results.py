"""The results database: one row per finished fit under concurrent writers, schema versions,
failures, URLs."""

import multiprocessing
import sqlite3

import pytest
from database_toy import write_fit

from autogalaxy import exc
from autogalaxy.modeling.database import SCHEMA_VERSION, FitRecord, ResultsDatabase, database_url


def _records(tmp_path, n):
    return [
        FitRecord.from_folder(
            write_fit(tmp_path / f"lens_{i}" / "search", 0.5 + 0.1 * i), key=f"b/lens_{i}/search"
        )
        for i in range(n)
    ]


def test_a_record_round_trips_through_the_database(tmp_path):
    record = _records(tmp_path, 1)[0]
    db = ResultsDatabase(tmp_path / "results.sqlite")
    assert db.add_fit(record) is True
    assert db.add_fit(record) is False  # one row per key, however often it is written
    (stored,) = db.records()
    assert stored.key == "b/lens_0/search"
    assert stored.lens_name == "lens_0"
    assert stored.search_type == "LBFGS"
    assert stored.search_settings == {"maxiter": "5"}
    assert stored.max_log_likelihood == pytest.approx(-10.0)
    assert stored.log_evidence == pytest.approx(-10.0)
    assert stored.run_time_s == pytest.approx(1.5)
    assert stored.instance.galaxies.lens.mass.einstein_radius == pytest.approx(0.5)
    assert stored.samples.total_samples == 3
    assert stored.model_paths == record.model_paths


def _writer(args):
    url, folders = args
    db = ResultsDatabase(url)
    return sum(db.add_fit(FitRecord.from_folder(f, key=key)) for key, f in folders)


def test_concurrent_writers_leave_exactly_one_row_per_fit(tmp_path):
    records = _records(tmp_path, 8)
    url = database_url(tmp_path / "results.sqlite")
    jobs = [(key, r.output_folder) for key, r in ((r.key, r) for r in records)]
    # Six processes all write the same eight fits at the same time.
    with multiprocessing.get_context("fork").Pool(6) as pool:
        inserted = pool.map(_writer, [(url, jobs)] * 6)
    assert sum(inserted) == 8
    db = ResultsDatabase(url)
    assert sorted(db.fit_keys()) == sorted(r.key for r in records)
    mode = sqlite3.connect(tmp_path / "results.sqlite").execute("PRAGMA journal_mode").fetchone()
    assert mode[0] == "wal"


def test_a_database_of_another_schema_version_is_refused(tmp_path):
    path = tmp_path / "results.sqlite"
    ResultsDatabase(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(exc.DatabaseException, match="schema version"):
        ResultsDatabase(path)


def test_failures_are_recorded_and_cleared_when_the_lens_finishes(tmp_path):
    record = _records(tmp_path, 1)[0]
    db = ResultsDatabase(tmp_path / "results.sqlite")
    db.add_failure(record.key, "lens_0", "b", "search", "ValueError: boom", "Traceback ...")
    db.add_failure(record.key, "lens_0", "b", "search", "ValueError: again", "Traceback ...")
    (failure,) = db.failures()
    assert failure["error"] == "ValueError: again"
    db.add_fit(record)
    assert db.failures() == []


def test_database_url_accepts_files_and_urls(tmp_path):
    assert database_url(tmp_path / "a.sqlite") == f"sqlite:///{(tmp_path / 'a.sqlite').resolve()}"
    assert database_url("postgresql://user@host/db") == "postgresql://user@host/db"
    with pytest.raises(exc.DatabaseException, match="Cannot open"):
        ResultsDatabase("nosuchdialect://x/y")


def test_a_folder_without_a_completed_search_is_not_a_record(tmp_path):
    (tmp_path / "half").mkdir()
    with pytest.raises(exc.AggregatorException, match="completed"):
        FitRecord.from_folder(tmp_path / "half")
