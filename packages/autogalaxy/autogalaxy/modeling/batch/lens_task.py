"""What one Dask task does: fit one lens with its own copy of the search.

The search's output folder becomes ``<output_path>/<batch>/<lens name>/<search name>/``. A lens
whose folder already holds a completed search is not refitted; an interrupted one resumes from
the search's own checkpoint (``search.fit`` does both). Next to the search outputs the task
stores the fit's recipe (``model.pickle``, ``dataset.pickle``, ``analysis.pickle``,
``batch.json``) so the aggregator can rebuild tracers and fits, then writes the database row.

Errors of the fit itself propagate, so Dask retries the task (``retries=``); a dataset that
cannot be loaded is returned as a failure at once (retrying cannot help).
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import socket
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from autogalaxy.modeling.batch.datasets import load
from autogalaxy.modeling.database.record import (
    ANALYSIS_FILE,
    BATCH_FILE,
    DATASET_FILE,
    FAILURE_FILE,
    MODEL_FILE,
    FitRecord,
    is_completed,
)
from autogalaxy.modeling.output import atomic_write_bytes, atomic_write_json

#: Lens outcomes reported by :func:`run_lens`.
DONE, SKIPPED, FAILED = "done", "skipped", "failed"


@dataclass
class LensTask:
    """Everything a worker needs to fit one lens (pickled to the worker)."""

    name: str
    source: object  # a dataset or a loader with .load()
    model: object
    search: object
    analysis_cls: type
    analysis_kwargs: dict = field(default_factory=dict)
    output_path: str = "output"
    batch: str = "batch"
    database: str | None = None

    @property
    def key(self) -> str:
        return f"{self.batch}/{self.name}/{self.search.name}"

    def lens_search(self):
        """A copy of the search writing to ``<output_path>/<batch>/<name>/<search name>``."""
        search = copy.copy(self.search)
        search.output_path = self.output_path
        search.path_prefix = os.path.join(self.batch, self.name)
        search.progress = False  # many workers: the batch shows one progress display
        return search

    @property
    def folder(self) -> Path:
        return Path(self.lens_search().output_folder)


def search_settings(search) -> dict:
    """The search's settings as ``{name: repr}`` (stored in ``batch.json`` and the database)."""
    config = getattr(search, "config_dict", None) or vars(search)
    return {k: repr(v) for k, v in config.items()}


def _write_recipe(task: LensTask, folder: Path, dataset) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(folder / MODEL_FILE, pickle.dumps(task.model))
    atomic_write_bytes(folder / DATASET_FILE, pickle.dumps(dataset))
    atomic_write_bytes(
        folder / ANALYSIS_FILE, pickle.dumps((task.analysis_cls, dict(task.analysis_kwargs)))
    )
    atomic_write_json(
        folder / BATCH_FILE,
        {
            "key": task.key,
            "lens_name": task.name,
            "batch": task.batch,
            "search_name": task.search.name,
            "search_settings": search_settings(task.search),
        },
    )


def finished_summary(folder: Path) -> dict:
    """``max_log_likelihood`` and ``log_evidence`` of a completed fit (for the summary table)."""
    summary = json.loads((Path(folder) / "result.json").read_text(encoding="utf-8"))
    return {k: summary.get(k) for k in ("max_log_likelihood", "log_evidence")}


def record_finished(task: LensTask, folder: Path) -> bool:
    """Write the database row of a finished lens (no-op without a database or when stored)."""
    if task.database is None:
        return False
    from autogalaxy.modeling.database.results_database import ResultsDatabase

    return ResultsDatabase(task.database).add_fit(FitRecord.from_folder(folder, key=task.key))


def record_failure(task: LensTask, error: str, trace: str, attempts: int | None = None) -> None:
    """``failure.json`` in the lens folder and a ``failure`` row in the database."""
    folder = task.folder
    atomic_write_json(
        folder / FAILURE_FILE,
        {
            "lens_name": task.name,
            "error": error,
            "traceback": trace,
            "attempts": attempts,
            "failed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    )
    if task.database is not None:
        from autogalaxy.modeling.database.results_database import ResultsDatabase

        ResultsDatabase(task.database).add_failure(
            task.key, task.name, task.batch, task.search.name, error, trace
        )


def run_lens(task: LensTask) -> dict:
    """Fit one lens; a dict with ``name``, ``status`` and timings (see module docstring)."""
    started = time.time()
    search = task.lens_search()
    folder = Path(search.output_folder)
    outcome = {
        "name": task.name,
        "folder": str(folder),
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started": started,
    }
    if is_completed(folder):
        record_finished(task, folder)
        return {
            **outcome,
            **finished_summary(folder),
            "status": SKIPPED,
            "ended": time.time(),
            "fit_time_s": 0.0,
        }
    try:
        dataset = load(task.source)
    except Exception as err:
        trace = traceback.format_exc()
        record_failure(task, f"{type(err).__name__}: {err}", trace, attempts=1)
        return {
            **outcome,
            "status": FAILED,
            "error": f"{type(err).__name__}: {err}",
            "traceback": trace,
            "ended": time.time(),
            "fit_time_s": 0.0,
        }
    _write_recipe(task, folder, dataset)
    analysis = task.analysis_cls(dataset, **task.analysis_kwargs)
    fit_start = time.time()
    result = search.fit(task.model, analysis)
    fit_time = time.time() - fit_start
    record_finished(task, folder)
    failure = folder / FAILURE_FILE
    if failure.exists():
        failure.unlink()
    samples = result.samples
    return {
        **outcome,
        "status": DONE,
        "ended": time.time(),
        "fit_time_s": fit_time,
        "max_log_likelihood": samples.max_log_likelihood,
        "log_evidence": samples.log_evidence,
    }
