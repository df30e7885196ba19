"""One finished search, read from its output folder or from a database row.

A :class:`FitRecord` holds what the aggregator and the database need: names, the samples CSV,
``result.json``, the search settings and (when the fit was run by the batch runner, which stores
them) the pickled model, masked dataset and analysis recipe. Pickles are unpickled lazily, so
scanning thousands of fits stays cheap.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import time
from pathlib import Path

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.fingerprint import FINGERPRINT_FILE
from autogalaxy.modeling.result import Samples

#: Files the batch runner writes next to the search outputs (the fit's recipe).
MODEL_FILE = "model.pickle"
DATASET_FILE = "dataset.pickle"
ANALYSIS_FILE = "analysis.pickle"
BATCH_FILE = "batch.json"
FAILURE_FILE = "failure.json"


def is_completed(folder: str | Path) -> bool:
    """True when ``folder`` holds a completed search (``result.json`` with ``completed``)."""
    result_file = Path(folder) / "result.json"
    if not (result_file.exists() and (Path(folder) / "samples.csv").exists()):
        return False
    try:
        return bool(json.loads(result_file.read_text(encoding="utf-8")).get("completed"))
    except (OSError, ValueError):
        return False


def samples_arrays_from_text(text: str):
    """(paths, parameters [S, N], log_likelihood [S], weights [S]) of a samples CSV text."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    data = np.array([[float(v) for v in row] for row in body], dtype=float)
    data = data.reshape(len(body), len(header))
    return header[:-2], data[:, :-2], data[:, -2], data[:, -1]


def settings_from_summary(text: str) -> tuple[str | None, dict]:
    """(search class name, settings ``{name: repr}``) parsed from a ``search.summary`` text."""
    search_type, settings, in_settings = None, {}, False
    for line in text.splitlines():
        if line.startswith("Search: "):
            search_type = line[len("Search: ") :].strip()
        elif line.strip() == "Settings:":
            in_settings = True
        elif in_settings and " = " in line:
            key, value = line.strip().split(" = ", 1)
            settings[key] = value
    return search_type, settings


class FitRecord:
    """A finished search: see the module docstring. Build with :meth:`from_folder` or from a
    database row (:meth:`from_row`)."""

    def __init__(self, **fields) -> None:
        self.key: str = fields["key"]
        self.lens_name: str | None = fields.get("lens_name")
        self.batch: str | None = fields.get("batch")
        self.search_name: str | None = fields.get("search_name")
        self.search_type: str | None = fields.get("search_type")
        self.dataset_fingerprint: str | None = fields.get("dataset_fingerprint")
        self.model_paths: list[str] = list(fields.get("model_paths") or [])
        self.model_info: str | None = fields.get("model_info")
        self.search_settings: dict = dict(fields.get("search_settings") or {})
        self.samples_summary: dict = dict(fields.get("samples_summary") or {})
        self.samples_csv: str | None = fields.get("samples_csv")
        self.run_time_s: float | None = fields.get("run_time_s")
        self.completed_at: str | None = fields.get("completed_at")
        self.output_folder: str | None = fields.get("output_folder")
        self._blobs = {
            "model": fields.get("model_pickle"),
            "dataset": fields.get("dataset_pickle"),
            "analysis": fields.get("analysis_pickle"),
        }
        self._cache: dict = {}

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_folder(cls, folder: str | Path, key: str | None = None) -> "FitRecord":
        """Read a completed search's output folder (a ``SearchException``-free read: missing
        optional files give ``None``)."""
        folder = Path(folder)
        if not is_completed(folder):
            raise exc.AggregatorException(f"{folder} does not hold a completed search.")

        def text(name):
            path = folder / name
            return path.read_text(encoding="utf-8") if path.exists() else None

        def blob(name):
            path = folder / name
            return path.read_bytes() if path.exists() else None

        summary = json.loads(text("result.json"))
        batch_info = json.loads(text(BATCH_FILE) or "{}")
        search_type, settings = settings_from_summary(text("search.summary") or "")
        # The dataset hash of the folder's fingerprint.json (older folders: analysis.fingerprint).
        stored = json.loads(text(FINGERPRINT_FILE) or "{}")
        fingerprint = stored.get("dataset") if isinstance(stored, dict) else None
        if fingerprint is None:
            fingerprint = text("analysis.fingerprint")
        finished = (folder / "result.json").stat().st_mtime
        return cls(
            key=key or batch_info.get("key") or str(folder),
            # Outside a batch, PyAutoLens scripts name the dataset in path_prefix.
            lens_name=batch_info.get("lens_name") or folder.parent.name,
            batch=batch_info.get("batch"),
            search_name=summary.get("name") or folder.name,
            search_type=summary.get("search") or search_type,
            dataset_fingerprint=None if fingerprint is None else fingerprint.strip(),
            model_paths=summary.get("paths"),
            model_info=text("model.info"),
            search_settings=batch_info.get("search_settings") or settings,
            samples_summary=summary,
            samples_csv=text("samples.csv"),
            run_time_s=summary.get("run_time_s"),
            completed_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(finished)),
            output_folder=str(folder.resolve()),
            model_pickle=blob(MODEL_FILE),
            dataset_pickle=blob(DATASET_FILE),
            analysis_pickle=blob(ANALYSIS_FILE),
        )

    @classmethod
    def from_row(cls, row) -> "FitRecord":
        """A record from a ``fit`` table row (a SQLAlchemy ``Row`` mapping)."""
        m = dict(row._mapping)
        for name in ("model_paths", "search_settings", "samples_summary"):
            m[name] = json.loads(m[name]) if m.get(name) else None
        return cls(**m)

    def row(self) -> dict:
        """Column values of this record for the ``fit`` table."""
        instance = None
        vector = self.samples_summary.get("max_log_likelihood_vector")
        if vector is not None:
            instance = json.dumps(dict(zip(self.model_paths, vector)))
        return {
            "key": self.key,
            "lens_name": self.lens_name,
            "batch": self.batch,
            "search_name": self.search_name,
            "search_type": self.search_type,
            "dataset_fingerprint": self.dataset_fingerprint,
            "model_paths": json.dumps(self.model_paths),
            "model_info": self.model_info,
            "model_pickle": self._blobs["model"],
            "search_settings": json.dumps(self.search_settings),
            "samples_summary": json.dumps(self.samples_summary),
            "samples_csv": self.samples_csv,
            "max_log_likelihood_instance": instance,
            "max_log_likelihood": self.max_log_likelihood,
            "log_evidence": self.log_evidence,
            "run_time_s": self.run_time_s,
            "completed_at": self.completed_at,
            "output_folder": self.output_folder,
            "dataset_pickle": self._blobs["dataset"],
            "analysis_pickle": self._blobs["analysis"],
        }

    # ------------------------------------------------------------------ values
    @property
    def unique_tag(self) -> str | None:
        """PyAutoFit's name for the dataset name (the lens name here)."""
        return self.lens_name

    @property
    def name(self) -> str | None:
        """The search's name (PyAutoFit ``agg.search.name``)."""
        return self.search_name

    @property
    def log_evidence(self) -> float | None:
        value = self.samples_summary.get("log_evidence")
        return None if value is None else float(value)

    @property
    def max_log_likelihood(self) -> float | None:
        value = self.samples_summary.get("max_log_likelihood")
        return None if value is None else float(value)

    def _unpickle(self, what: str):
        if what not in self._cache:
            blob = self._blobs[what]
            if blob is None:
                raise exc.AggregatorException(
                    f"The fit {self.key} has no stored {what} ({what}.pickle): only fits run by "
                    "fit_batch store their model, dataset and analysis."
                )
            self._cache[what] = pickle.loads(blob)
        return self._cache[what]

    @property
    def has_model(self) -> bool:
        return self._blobs["model"] is not None

    @property
    def has_analysis(self) -> bool:
        """True when the fit's dataset and analysis recipe are stored."""
        return self._blobs["analysis"] is not None and self._blobs["dataset"] is not None

    @property
    def model(self):
        """The fitted model (``Collection`` / ``Model``)."""
        return self._unpickle("model")

    @property
    def samples(self) -> Samples:
        """The search's samples (needs the stored model)."""
        if "samples" not in self._cache:
            if self.samples_csv is None:
                raise exc.AggregatorException(f"The fit {self.key} has no samples.csv.")
            paths, parameters, log_l, weights = samples_arrays_from_text(self.samples_csv)
            self._cache["samples"] = Samples(
                self.model, parameters, log_l, weights, log_evidence=self.log_evidence
            )
        return self._cache["samples"]

    @property
    def instance(self):
        """The maximum-likelihood instance."""
        vector = self.samples_summary.get("max_log_likelihood_vector")
        if vector is None:
            return self.samples.max_log_likelihood_instance
        return self.model.instance_from_vector(vector)

    @property
    def median_pdf_instance(self):
        return self.model.instance_from_vector(self.samples_summary["median_pdf_vector"])

    @property
    def dataset(self):
        """The masked dataset that was fitted."""
        return self._unpickle("dataset")

    @property
    def analysis_recipe(self) -> tuple[type, dict]:
        """``(analysis class, keyword arguments)`` the fit's analysis was built with."""
        return self._unpickle("analysis")

    def analysis(self, **overrides):
        """A NumPy analysis of the stored dataset, built like the fitted one."""
        cls, kwargs = self.analysis_recipe
        kwargs = {**kwargs, "use_jax": False, **overrides}
        return cls(self.dataset, **kwargs)

    def value(self, name: str):
        """``agg.values(name)`` of this record."""
        getters = {
            "samples": lambda: self.samples,
            "instance": lambda: self.instance,
            "max_log_likelihood_instance": lambda: self.instance,
            "median_pdf_instance": lambda: self.median_pdf_instance,
            "model": lambda: self.model,
            "dataset": lambda: self.dataset,
            "log_evidence": lambda: self.log_evidence,
            "max_log_likelihood": lambda: self.max_log_likelihood,
            "samples_summary": lambda: self.samples_summary,
            "search_settings": lambda: self.search_settings,
            "name": lambda: self.lens_name,
            "unique_tag": lambda: self.lens_name,
            "search_name": lambda: self.search_name,
            "output_folder": lambda: self.output_folder,
            "run_time_s": lambda: self.run_time_s,
            "dataset_fingerprint": lambda: self.dataset_fingerprint,
        }
        if name not in getters:
            raise exc.AggregatorException(
                f"Unknown value {name!r}; expected one of {', '.join(sorted(getters))}."
            )
        return getters[name]()

    def __repr__(self) -> str:
        return f"<FitRecord {self.key}>"
