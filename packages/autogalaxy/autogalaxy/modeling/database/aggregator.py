"""The aggregator: the results of many searches, loaded from output folders or a database.

PyAutoFit names::

    agg = Aggregator.from_database("results.sqlite")       # or Aggregator.from_directory(path)
    agg = agg.query(agg.model.galaxies.lens.mass.einstein_radius > 1.0)
    for samples in agg.values("samples"): ...
    agg.to_csv("lenses.csv")
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from autogalaxy import exc
from autogalaxy.modeling.database.query import ModelPath, Predicate, SearchPath
from autogalaxy.modeling.database.record import FitRecord, is_completed
from autogalaxy.modeling.database.results_database import ResultsDatabase


def completed_folders(path: str | os.PathLike) -> list[Path]:
    """Every folder under ``path`` (itself included) holding a completed search, sorted."""
    root = Path(path)
    if not root.exists():
        raise exc.AggregatorException(f"No output folder at {root}: expected a directory of fits.")
    found = [Path(d) for d, _, files in os.walk(root) if "result.json" in files]
    return sorted(d for d in found if is_completed(d))


class Aggregator:
    """An ordered, queryable list of finished searches (:class:`FitRecord`)."""

    def __init__(self, records: list[FitRecord] | None = None) -> None:
        self._records = list(records or [])

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_directory(cls, path: str | os.PathLike, completed_only: bool = True) -> "Aggregator":
        """Every completed search found under ``path`` (unfinished ones are never loaded, so
        ``completed_only`` exists for PyAutoFit compatibility only)."""
        agg = cls()
        agg.add_directory(path)
        return agg

    @classmethod
    def from_database(
        cls, filename: str | os.PathLike, completed_only: bool = True, batch: str | None = None
    ) -> "Aggregator":
        """Every fit stored in the database file (or SQLAlchemy URL) ``filename``; ``batch``
        keeps one batch's fits. Only finished searches are ever stored."""
        url = str(filename)
        if "://" not in url and not Path(url).exists():
            raise exc.AggregatorException(f"No results database at {url}.")
        return cls(ResultsDatabase(filename).records(batch=batch))

    def add_directory(self, path: str | os.PathLike) -> "Aggregator":
        """Add every completed search under ``path`` (a folder already loaded is skipped)."""
        seen = {r.output_folder for r in self._records}
        for folder in completed_folders(path):
            record = FitRecord.from_folder(folder)
            if record.output_folder not in seen:
                self._records.append(record)
                seen.add(record.output_folder)
        return self

    def scrape_to_database(self, database: ResultsDatabase | str | os.PathLike) -> int:
        """Write every record to ``database`` (fits already stored are kept); the number added."""
        db = database if isinstance(database, ResultsDatabase) else ResultsDatabase(database)
        return sum(db.add_fit(record) for record in self._records)

    # ------------------------------------------------------------------ querying
    @property
    def model(self) -> ModelPath:
        """Start of a model query: ``agg.model.galaxies.lens.mass.einstein_radius > 1.0``."""
        return ModelPath()

    @property
    def search(self) -> SearchPath:
        """Start of a search query: ``agg.search.name == "fit"``, ``agg.search.unique_tag``."""
        return SearchPath()

    def query(self, predicate: Predicate) -> "Aggregator":
        """A new aggregator with the fits for which ``predicate`` holds."""
        if not isinstance(predicate, Predicate):
            raise exc.AggregatorException(
                f"query needs a predicate such as agg.model.galaxies.lens.mass.einstein_radius > "
                f"1.0 or agg.search.name == 'fit', got {predicate!r}."
            )
        return type(self)([r for r in self._records if predicate(r)])

    def filter(self, predicate: Predicate) -> "Aggregator":
        """Alias of :meth:`query`."""
        return self.query(predicate)

    # ------------------------------------------------------------------ values
    def values(self, name: str) -> list:
        """``name`` of every fit, in order: ``"samples"``, ``"instance"``, ``"model"``,
        ``"log_evidence"``, ``"max_log_likelihood"``, ``"dataset"``, ``"name"``, ..."""
        return [record.value(name) for record in self._records]

    @property
    def records(self) -> list[FitRecord]:
        return list(self._records)

    def __iter__(self) -> Iterator[FitRecord]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return type(self)(self._records[item])
        return self._records[item]

    # ------------------------------------------------------------------ export
    def table(self, parameters: list[str] | None = None) -> list[dict]:
        """One dict per fit: names, log likelihood / evidence, run time, and the
        maximum-likelihood value, median and 1-sigma errors of each parameter (``parameters``:
        dotted paths to keep, default all)."""
        rows = []
        for record in self._records:
            summary = record.samples_summary
            row = {
                "lens_name": record.lens_name,
                "search_name": record.search_name,
                "batch": record.batch,
                "max_log_likelihood": record.max_log_likelihood,
                "log_evidence": record.log_evidence,
                "run_time_s": record.run_time_s,
            }
            ml = summary.get("max_log_likelihood_vector") or []
            median = summary.get("median_pdf_vector") or []
            errors = summary.get("errors_at_1_sigma") or []
            for i, path in enumerate(record.model_paths):
                if parameters is not None and path not in parameters:
                    continue
                row[path] = ml[i] if i < len(ml) else None
                row[f"{path}.median"] = median[i] if i < len(median) else None
                if i < len(errors):
                    row[f"{path}.lower_1_sigma"] = errors[i][0]
                    row[f"{path}.upper_1_sigma"] = errors[i][1]
            rows.append(row)
        return rows

    def to_csv(self, path: str | os.PathLike, parameters: list[str] | None = None) -> Path:
        """Write :meth:`table` to a CSV file (atomically); returns its path."""
        import csv
        import io

        from autogalaxy.modeling.output import atomic_write_text

        rows = self.table(parameters)
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        atomic_write_text(path, buffer.getvalue())
        return Path(path)

    def __repr__(self) -> str:
        return f"<Aggregator of {len(self)} fits>"
