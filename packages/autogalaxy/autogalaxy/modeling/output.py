"""Output folder of a fit and atomic file writing.

Layout: ``<output_path>/<path_prefix>/<name>/`` holding ``model.info``, ``search.summary``,
``samples.csv``, ``result.json``, ``fit.png`` (if the analysis can visualise) and the sampler's
checkpoint. Every file is written to a temporary file in the same folder and moved into place
with ``os.replace``, so a reader (or a killed fit) never sees a half-written file.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import numpy as np

from autoarray.io_util import atomic_write_bytes, atomic_write_text

__all__ = ["atomic_write_bytes", "atomic_write_text", "atomic_write_json"]


def atomic_write_json(path: str | os.PathLike, obj) -> None:
    """Write ``obj`` as indented JSON atomically (NumPy scalars / arrays converted)."""
    atomic_write_text(path, json.dumps(_jsonable(obj), indent=2) + "\n")


def _jsonable(obj):
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, float) and not np.isfinite(obj):
        return None if np.isnan(obj) else (1e308 if obj > 0 else -1e308)
    return obj


def output_folder(
    output_path: str | os.PathLike,
    path_prefix: str | os.PathLike | None,
    name: str | None,
    unique_tag: str | None = None,
) -> Path:
    """``<output_path>/<path_prefix>/<unique_tag>/<name>``: PyAutoFit's layout (empty parts skipped)."""
    parts = [Path(output_path)]
    for part in (path_prefix, unique_tag, name):
        if part:
            parts.append(Path(str(part)))
    return Path(*parts)


def samples_csv_text(paths: list[str], parameters: np.ndarray, log_likelihood: np.ndarray,
                     weights: np.ndarray) -> str:
    """CSV text: header = parameter paths + ``log_likelihood`` + ``weight``; one row per sample."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(paths) + ["log_likelihood", "weight"])
    for row, log_l, w in zip(np.asarray(parameters), np.asarray(log_likelihood), np.asarray(weights)):
        writer.writerow([repr(float(v)) for v in row] + [repr(float(log_l)), repr(float(w))])
    return buffer.getvalue()


def read_samples_csv(path: str | os.PathLike):
    """Inverse of :func:`samples_csv_text`: (paths, parameters [S, N], log_likelihood, weights)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    data = np.array([[float(v) for v in row] for row in body], dtype=float).reshape(len(body), len(header))
    return header[:-2], data[:, :-2], data[:, -2], data[:, -1]
