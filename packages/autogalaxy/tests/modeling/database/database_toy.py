"""Completed search folders written without running a search (fast database / aggregator tests)."""

import json
import pickle
from pathlib import Path

import numpy as np

from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.modeling.model import Collection, Model
from autogalaxy.modeling.output import (
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_text,
    samples_csv_text,
)
from autogalaxy.modeling.result import Result, Samples
from autogalaxy.profiles.light.standard.sersic import Sersic
from autogalaxy.profiles.mass.total.isothermal import IsothermalSph


def toy_model():
    lens = Model(Galaxy, redshift=0.5, mass=Model(IsothermalSph, centre=(0.0, 0.0)))
    source = Model(
        Galaxy,
        redshift=1.0,
        bulge=Model(
            Sersic, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), effective_radius=0.3, sersic_index=1.0
        ),
    )
    return Collection(galaxies=Collection(lens=lens, source=source))


def write_fit(
    folder,
    einstein_radius: float,
    name: str = "search",
    batch_info: dict | None = None,
    log_evidence: float | None = -10.0,
):
    """A completed fit folder whose best sample has ``einstein_radius``; returns the folder."""
    folder = Path(folder)
    model = toy_model()
    rows = np.array(
        [[einstein_radius * 0.9, 0.4], [einstein_radius, 0.5], [einstein_radius * 1.1, 0.45]]
    )
    samples = Samples(
        model, rows, [-50.0, -10.0, -30.0], [0.2, 0.6, 0.2], log_evidence=log_evidence
    )
    paths = [".".join(p) for p in model.paths]
    atomic_write_text(folder / "model.info", model.info)
    atomic_write_text(
        folder / "samples.csv",
        samples_csv_text(paths, rows, samples.log_likelihood_list, samples.weight_list),
    )
    atomic_write_text(
        folder / "search.summary",
        "Search: LBFGS\nName: search\nStatus: completed\n\nSettings:\n    maxiter = 5\n",
    )
    atomic_write_bytes(folder / "model.pickle", pickle.dumps(model))
    if batch_info is not None:
        atomic_write_json(folder / "batch.json", batch_info)
    summary = Result(samples).summary_dict()
    summary.update({"search": "LBFGS", "name": name, "run_time_s": 1.5})
    atomic_write_json(folder / "result.json", summary)
    return folder


def read_json(path):
    return json.loads(Path(path).read_text())
