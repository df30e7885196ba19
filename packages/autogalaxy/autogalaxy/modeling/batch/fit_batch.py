"""``fit_batch``: fit one model to many lenses, one search per lens, as Dask tasks.

Dask distributed does the scheduling (no home-made scheduler): with no client a pinned
``LocalCluster`` on this machine, otherwise any ``Client`` (a scheduler address, a
``dask_jobqueue.SLURMCluster``, ...). Lenses whose output folder holds a completed search are
never resubmitted; a task whose worker dies is rescheduled by Dask, a task that raises is
retried ``retries`` times, and a lens that keeps failing is recorded (``failure.json``, the
database's ``failure`` table) while the batch goes on.
"""

from __future__ import annotations

import csv
import io
import os
import time
import traceback
import uuid
from pathlib import Path
from typing import Callable

from autogalaxy import exc
from autogalaxy.modeling.batch.cluster import connect, distributed, local_cluster
from autogalaxy.modeling.batch.datasets import lenses_from
from autogalaxy.modeling.batch.lens_task import (
    DONE,
    FAILED,
    SKIPPED,
    LensTask,
    finished_summary,
    record_failure,
    record_finished,
    run_lens,
)
from autogalaxy.modeling.batch.progress import BatchProgress, ProgressDisplay, summary_table
from autogalaxy.modeling.database.record import is_completed
from autogalaxy.modeling.output import atomic_write_text

#: File name of the default results database, in ``<output_path>/<batch name>/``.
DATABASE_FILE = "results.sqlite"


class BatchResult:
    """Outcome of :func:`fit_batch`: one dict per lens (input order) and batch figures."""

    def __init__(
        self,
        name: str,
        folder: Path,
        outcomes: list[dict],
        wall_s: float,
        n_workers: int,
        database: str | None,
    ) -> None:
        self.name = name
        self.folder = folder
        self.outcomes = outcomes
        self.wall_s = wall_s
        self.n_workers = n_workers
        self.database = database

    def names(self, status: str) -> list[str]:
        return [o["name"] for o in self.outcomes if o["status"] == status]

    @property
    def done(self) -> list[str]:
        """Lenses fitted in this run."""
        return self.names(DONE)

    @property
    def skipped(self) -> list[str]:
        """Lenses finished by an earlier run (not refitted)."""
        return self.names(SKIPPED)

    @property
    def failed(self) -> list[str]:
        return self.names(FAILED)

    @property
    def table(self) -> str:
        return summary_table(self.outcomes)

    def aggregator(self):
        """An :class:`~autogalaxy.modeling.database.Aggregator` of this batch's finished fits."""
        from autogalaxy.modeling.database.aggregator import Aggregator

        if self.database is not None:
            return Aggregator.from_database(self.database, batch=self.name)
        return Aggregator.from_directory(self.folder)

    def __repr__(self) -> str:
        return (
            f"<BatchResult {self.name}: {len(self.done)} done, {len(self.skipped)} already "
            f"done, {len(self.failed)} failed in {self.wall_s:.1f} s>"
        )


def _client_from(client, n_workers: int | None, timeout: float):
    """(client, things to close afterwards)."""
    dist = distributed()
    if client is None:
        cluster = local_cluster(n_workers)
        new = dist.Client(cluster, timeout=timeout)
        return new, [new, cluster]
    if isinstance(client, str):
        new = connect(client, timeout)
        return new, [new]
    if isinstance(client, dist.Client):
        return client, []
    if hasattr(client, "scheduler_address"):  # a cluster object (LocalCluster, SLURMCluster)
        new = dist.Client(client, timeout=timeout)
        return new, [new]
    raise exc.BatchException(
        f"client must be None, a dask.distributed.Client, a cluster or a scheduler address; "
        f"got {client!r}."
    )


def _failure_outcome(task: LensTask, future, retries: int) -> dict:
    err = future.exception()
    error = f"{type(err).__name__}: {err}"
    tb = future.traceback()
    trace = "".join(traceback.format_exception(type(err), err, tb)) if tb else error
    # KilledWorker: the lens' worker died more often than the scheduler allows.
    record_failure(task, error, trace, attempts=retries + 1)
    return {
        "name": task.name,
        "folder": str(task.folder),
        "status": FAILED,
        "error": error,
        "traceback": trace,
        "fit_time_s": 0.0,
    }


def _write_summary_csv(path: Path, outcomes: list[dict]) -> None:
    columns = [
        "name",
        "status",
        "max_log_likelihood",
        "log_evidence",
        "fit_time_s",
        "host",
        "pid",
        "started",
        "ended",
        "folder",
        "error",
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for o in outcomes:
        writer.writerow({k: o.get(k) for k in columns})
    atomic_write_text(path, buffer.getvalue())


def fit_batch(
    datasets,
    model,
    search,
    analysis_cls: type | None = None,
    client=None,
    *,
    name: str = "batch",
    output_path: str | os.PathLike | None = None,
    analysis_kwargs: dict | None = None,
    database: str | os.PathLike | bool | None = True,
    retries: int = 2,
    n_workers: int | None = None,
    progress: bool = True,
    poll_s: float = 0.5,
    scheduler_timeout: float = 10.0,
    callback: Callable[[BatchProgress], None] | None = None,
) -> BatchResult:
    """Fit ``model`` to every lens of ``datasets`` with its own copy of ``search``.

    Parameters
    ----------
    datasets
        ``{name: dataset or loader}``, a list of loaders (:class:`ImagingFolder`) or of
        ``(name, dataset)`` pairs.
    model
        The model every lens is fitted with.
    search
        The search template (its settings, its ``output_path`` unless ``output_path`` is given).
        Each lens writes ``<output_path>/<name>/<lens name>/<search name>/``.
    analysis_cls
        Analysis class built on the worker as ``analysis_cls(dataset, **analysis_kwargs)``
        (default: the galaxy-level ``AnalysisImaging``; ``al.fit_batch`` uses the lens one).
    client
        None (a ``LocalCluster``, one single-threaded worker per core), a Dask ``Client``, a
        cluster object (``dask_jobqueue.SLURMCluster``) or a scheduler address.
    name
        The batch name (a sub-folder of ``output_path``).
    database
        True: ``<output_path>/<name>/results.sqlite``; a file name or SQLAlchemy URL; None or
        False: no database.
    retries
        Extra attempts of a lens whose fit raised (a killed worker is rescheduled by Dask up to
        its ``distributed.scheduler.allowed-failures``).
    n_workers
        Workers of the LocalCluster started when ``client`` is None (default: the core count).
    progress
        Print live progress and the final summary table to stderr.
    callback
        Called with a :class:`BatchProgress` at every poll (raise ``KeyboardInterrupt`` in it to
        stop the batch: running lenses resume from their checkpoints at the next run).
    """
    from autogalaxy.modeling.database.results_database import ResultsDatabase, database_url

    if analysis_cls is None:
        from autogalaxy.imaging.analysis import AnalysisImaging as analysis_cls
    lenses = lenses_from(datasets)
    output_path = Path(output_path if output_path is not None else search.output_path)
    folder = output_path / name
    folder.mkdir(parents=True, exist_ok=True)
    db_url, stored = None, set()
    if database not in (None, False):
        db_url = database_url(folder / DATABASE_FILE if database is True else database)
        # Create and version-check before any worker writes; the stored keys spare a restart
        # from re-reading every finished lens.
        stored = set(ResultsDatabase(db_url).fit_keys())
    tasks = [
        LensTask(
            name=lens,
            source=source,
            model=model,
            search=search,
            analysis_cls=analysis_cls,
            analysis_kwargs=dict(analysis_kwargs or {}),
            output_path=str(output_path),
            batch=name,
            database=db_url,
        )
        for lens, source in lenses
    ]
    start = time.time()
    outcomes: dict[str, dict] = {}
    pending = []
    for task in tasks:
        if is_completed(task.folder):
            # Finished by an earlier run: never refitted; its database row is ensured (a
            # worker killed between result.json and its row leaves it missing).
            if task.key not in stored:
                record_finished(task, task.folder)
            outcomes[task.name] = {
                "name": task.name,
                "folder": str(task.folder),
                **finished_summary(task.folder),
                "status": SKIPPED,
                "fit_time_s": 0.0,
            }
        else:
            pending.append(task)
    display = ProgressDisplay(name, enabled=progress)
    n_workers_used = 0
    if pending:
        n_workers_used = _run(
            pending,
            outcomes,
            client,
            n_workers,
            retries,
            poll_s,
            scheduler_timeout,
            display,
            callback,
            len(tasks),
            start,
        )
    ordered = [outcomes[t.name] for t in tasks]
    result = BatchResult(name, folder, ordered, time.time() - start, n_workers_used, db_url)
    _write_summary_csv(folder / "batch_summary.csv", ordered)
    if progress:
        display.show(_snapshot(outcomes, 0, len(tasks), start), final=True)
        print(result.table, file=display.stream)
    return result


def _snapshot(outcomes: dict, running: int, total: int, start: float) -> BatchProgress:
    statuses = [o["status"] for o in outcomes.values()]
    return BatchProgress(
        total=total,
        done=statuses.count(DONE),
        skipped=statuses.count(SKIPPED),
        failed=statuses.count(FAILED),
        running=running,
        elapsed_s=time.time() - start,
    )


def _run(
    pending, outcomes, client, n_workers, retries, poll_s, timeout, display, callback, total, start
) -> int:
    """Submit ``pending`` and collect outcomes until every task ends; the worker count."""
    dist = distributed()
    client, to_close = _client_from(client, n_workers, timeout)
    futures: dict = {}
    try:
        n_workers_used = len(client.scheduler_info().get("workers", {}))
        run_id = uuid.uuid4().hex[:8]
        for task in pending:
            future = client.submit(
                run_lens,
                task,
                key=f"fit-{task.batch}-{task.name}-{run_id}",
                retries=retries,
                pure=False,
            )
            futures[future] = task
        remaining = set(futures)
        our_keys = {f.key for f in futures}
        while remaining:
            for future in [f for f in remaining if f.done()]:
                remaining.discard(future)
                task = futures[future]
                if future.status == "finished":
                    outcomes[task.name] = future.result()
                else:
                    outcomes[task.name] = _failure_outcome(task, future, retries)
            processing = client.processing()
            assigned = sum(1 for keys in processing.values() for k in keys if k in our_keys)
            # Workers also hold queued tasks besides those their threads run.
            running = min(assigned, sum(client.nthreads().values()))
            snapshot = _snapshot(outcomes, running, total, start)
            display.show(snapshot)
            if callback is not None:
                callback(snapshot)
            if remaining:
                try:
                    dist.wait(list(remaining), timeout=poll_s, return_when="FIRST_COMPLETED")
                except (TimeoutError, dist.TimeoutError):
                    pass
        return n_workers_used
    except BaseException:
        # Interrupted: finished lenses are on disk; unfinished ones resume next run.
        if futures:
            client.cancel(list(futures))
        raise
    finally:
        for item in to_close:
            item.close()
