"""Shared by the dark-matter profile tests: PyAutoGalaxy 2026.10.26.1's numbers for the mass-concentration profiles
(``../files/pyautogalaxy_mcr.json``, written by ``../files/generate_mcr_with_pyautolens.py``)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa
from autogalaxy.profiles import mass as mp

REFERENCE = json.loads(
    (Path(__file__).resolve().parents[1] / "files" / "pyautogalaxy_mcr.json").read_text()
)
GRID = aa.Grid2DIrregular([tuple(p) for p in REFERENCE["points"]])


def cases_of(*names):
    return [case for case in REFERENCE["cases"] if case["name"] in names]


def profile_from(case):
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in case["kwargs"].items()}
    return getattr(mp, case["name"])(**kwargs)


def max_rel(values, reference) -> float:
    """Largest difference relative to the largest reference magnitude (zeros stay comparable)."""
    values = np.ravel(np.asarray(values, dtype=float))
    reference = np.ravel(np.asarray(reference, dtype=float))
    return float(np.max(np.abs(values - reference)) / np.max(np.abs(reference)))


def check_against_reference(case, deflection_rtol=1e-9):
    profile = profile_from(case)
    assert max_rel(profile.kappa_s, case["kappa_s"]) < 1e-10
    assert max_rel(profile.scale_radius, case["scale_radius"]) < 1e-10
    if "truncation_radius" in case:
        assert max_rel(profile.truncation_radius, case["truncation_radius"]) < 1e-10
    assert max_rel(profile.convergence_2d_from(GRID).array, case["convergence"]) < 1e-10
    deflections = profile.deflections_yx_2d_from(GRID).array
    assert max_rel(deflections, case["deflections"]) < deflection_rtol
    return profile


@pytest.fixture
def mcr_reference():
    """``(cases_of, profile_from, check_against_reference, max_rel)`` for the MCR tests."""
    return cases_of, profile_from, check_against_reference, max_rel
