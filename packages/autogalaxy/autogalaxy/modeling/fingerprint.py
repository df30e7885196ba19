"""Fingerprint of a fit: what an output folder was made for.

A folder records the model (parameter order and every prior / fixed value), the dataset, the
analysis settings and the search settings in ``fingerprint.json``. A search resumes a checkpoint
or reloads a completed result only when all four match; otherwise it refuses and names what
changed, so a reused folder can never hand back a stale posterior.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.output import atomic_write_json

#: File in a fit's output folder holding its fingerprint.
FINGERPRINT_FILE = "fingerprint.json"

#: Files whose presence shows an earlier fit wrote to a folder (so a fingerprint must exist).
FIT_FILES = (
    "samples.csv",
    "result.json",
    "nautilus.hdf5",
    "dynesty.save",
    "emcee.hdf5",
    "emcee.npz",
    "lbfgs.checkpoint.npz",
    "nuts.checkpoint.npz",
    "prodigy.checkpoint.npz",
    "batch_strategy.json",
)

#: Search attributes that do not change the samples (where and how a fit is shown and stored).
_NEUTRAL_SEARCH_KEYS = {
    "name",
    "path_prefix",
    "output_path",
    "progress",
    "checkpoint",
    "checkpoint_every",
    "number_of_cores",
    "is_identifier_in_paths",
}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _describe(obj, depth: int = 0):
    """A JSON-able, deterministic description of a settings object (class + simple fields)."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return repr(obj)  # JSON has no inf / nan; a string compares exactly
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, np.generic):
        return _describe(obj.item(), depth)
    if isinstance(obj, (list, tuple)):
        return [_describe(v, depth + 1) for v in obj]
    if isinstance(obj, dict):
        return {
            str(k): _describe(v, depth + 1)
            for k, v in sorted(obj.items(), key=lambda kv: str(kv[0]))
        }
    fields = getattr(obj, "__dict__", None)
    if fields is None or depth > 3:
        return f"{type(obj).__module__}.{type(obj).__qualname__}"
    simple = {
        k: _describe(v, depth + 1)
        for k, v in sorted(fields.items())
        if not k.startswith("_") and not callable(v)
    }
    return {"class": type(obj).__qualname__, **simple}


def model_section(model) -> dict:
    """Parameter order and the full model tree (classes, priors, fixed values)."""
    return {"paths": model.joined_paths, "info_sha256": _sha(model.info)}


def analysis_section(analysis) -> dict:
    """Analysis class and settings (cosmology, inversion settings; not the backend)."""
    return {
        "class": type(analysis).__qualname__,
        "settings": _describe(getattr(analysis, "settings", None)),
        "cosmology": _describe(getattr(analysis, "cosmology", None)),
    }


def dataset_section(analysis) -> str | None:
    """The analysis' dataset hash (``analysis.fingerprint()``), None if it has none."""
    fingerprint = getattr(analysis, "fingerprint", None)
    return str(fingerprint()) if callable(fingerprint) else None


def search_section(search) -> dict:
    """Sampling settings of the search (seed included; output location and progress excluded)."""
    settings = {k: v for k, v in search.config_dict.items() if k not in _NEUTRAL_SEARCH_KEYS}
    return {"class": type(search).__qualname__, "settings": _describe(settings)}


def fingerprint_of(model, analysis, search) -> dict:
    """The full fingerprint of a fit."""
    return {
        "model": model_section(model),
        "dataset": dataset_section(analysis),
        "analysis": analysis_section(analysis),
        "search": search_section(search),
    }


def _differences(stored: dict, current: dict) -> list[str]:
    out = []
    for section in ("model", "dataset", "analysis", "search"):
        old, new = stored.get(section), current.get(section)
        if old == new:
            continue
        if section == "model" and isinstance(old, dict) and old.get("paths") != new["paths"]:
            out.append(f"model parameters (was {old.get('paths')}, now {new['paths']})")
        elif section == "model":
            out.append("model priors or fixed values (same parameters, different model.info)")
        elif section == "dataset":
            out.append("dataset (data, noise map, mask, PSF or over-sampling)")
        elif isinstance(old, dict) and isinstance(new, dict):
            o, n = old.get("settings", {}), new.get("settings", {})
            if isinstance(o, dict) and isinstance(n, dict) and old.get("class") == new.get("class"):
                keys = sorted(k for k in set(o) | set(n) if o.get(k) != n.get(k))
                changes = ", ".join(f"{k}: {o.get(k)!r} -> {n.get(k)!r}" for k in keys)
                out.append(f"{section} settings ({changes})")
            else:
                out.append(f"{section} (was {old.get('class')}, now {new.get('class')})")
        else:
            out.append(section)
    return out


def read_fingerprint(folder: Path) -> dict | None:
    """The stored fingerprint, None if the folder has none; a clear error if it is unreadable."""
    path = Path(folder) / FINGERPRINT_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise exc.SearchException(
            f"{path} is not a valid fingerprint file ({err}); expected the JSON object written "
            "by the search. Delete the output folder to start the fit again."
        ) from err
    if not isinstance(data, dict) or not {"model", "search"} <= set(data):
        raise exc.SearchException(
            f"{path} does not hold a fit fingerprint (expected keys model, dataset, analysis, "
            "search). Delete the output folder to start the fit again."
        )
    return data


def check_fingerprint(folder: Path, current: dict) -> None:
    """Refuse to resume or reload a folder made for another fit; write the fingerprint if new."""
    folder = Path(folder)
    stored = read_fingerprint(folder)
    if stored is None:
        leftovers = [name for name in FIT_FILES if (folder / name).exists()]
        if leftovers:
            raise exc.SearchException(
                f"The output folder {folder} holds fit files ({', '.join(leftovers)}) but no "
                f"{FINGERPRINT_FILE}, so it cannot be checked that they belong to this model, "
                "dataset and search; use another search name or path_prefix, or delete the folder."
            )
        atomic_write_json(folder / FINGERPRINT_FILE, current)
        return
    changes = _differences(stored, current)
    if changes:
        raise exc.SearchException(
            f"The output folder {folder} was made for a different fit; changed: "
            + "; ".join(changes)
            + ". Refusing to resume or reload it: use another search name or path_prefix, or "
            "delete the folder."
        )
