"""Power-law, isothermal and point-mass deflections and potentials at and next to the exact
centre equal PyAutoGalaxy 2026.10.26.1's (``tests/files/centre_convention/
generate_with_pyautolens.py``): its radius softened by 1e-16 arcsec^2 (the point mass's ``r^2``
by 1e-20) and, at the power law's centre itself, the major-axis direction."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.profiles.mass.total import epl_util, sie_util

EXPECTED = json.loads(
    (Path(__file__).parents[3] / "files" / "centre_convention" / "expected.json").read_text()
)
POINTS = np.array(EXPECTED["points"])
CENTRE = tuple(EXPECTED["centre"])
NAMES = sorted(EXPECTED["profiles"])


def _profile(name):
    entry = EXPECTED["profiles"][name]
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in entry["kwargs"].items()}
    return getattr(ag.mp, entry["class"])(centre=CENTRE, **kwargs), kwargs


def _close(actual, expected):
    # 1e-9 relative: points 1e-12" from the centre are only known to ~1e-4" / 0.3" of round-off
    # in their offset, which both codes see alike but propagate differently.
    assert np.asarray(actual) == pytest.approx(np.asarray(expected), rel=1.0e-9, abs=1.0e-13)


@pytest.mark.parametrize("name", NAMES)
def test__deflections_and_potential_equal_the_release(name):
    profile, _ = _profile(name)
    grid = ag.Grid2DIrregular(POINTS.tolist())
    _close(
        profile.deflections_yx_2d_from(grid=grid).array, EXPECTED["profiles"][name]["deflections"]
    )
    _close(profile.potential_2d_from(grid=grid).array, EXPECTED["profiles"][name]["potential"])


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("PowerLaw")])
def test__epl_xp_formula_equals_the_release(name):
    """The xp formula (the JAX path) gives the same numbers as the in-place NumPy kernel."""
    _, kwargs = _profile(name)
    alpha_y, alpha_x = epl_util.epl_deflections_from(
        POINTS[:, 0] - CENTRE[0],
        POINTS[:, 1] - CENTRE[1],
        kwargs["einstein_radius"],
        kwargs["slope"],
        kwargs["ell_comps"],
        n_nodes=epl_util.EPL_QUADRATURE_NODES_JAX,
    )
    _close(np.stack((alpha_y, alpha_x), axis=-1), EXPECTED["profiles"][name]["deflections"])


@pytest.mark.parametrize("name", ["Isothermal", "IsothermalNearRound", "IsothermalRound"])
def test__sie_xp_branches_equal_the_release(name):
    """Closed form (``f >= 1e-4``) or series, as the JAX path evaluates them."""
    _, kwargs = _profile(name)
    e1, e2 = kwargs["ell_comps"]
    f = math.hypot(e1, e2)
    branch = (
        sie_util._sie_closed_from
        if f >= sie_util.SIE_SERIES_ELLIPTICITY
        else sie_util._sie_series_from
    )
    alpha_y, alpha_x = sie_util._sie_centred(
        branch, POINTS[:, 0], POINTS[:, 1], CENTRE, kwargs["einstein_radius"], e1, e2, f
    )
    _close(np.stack((alpha_y, alpha_x), axis=-1), EXPECTED["profiles"][name]["deflections"])


def test__series_and_closed_form_agree_with_softening_near_the_centre():
    """Both SIE branches soften alike, so they still meet at the switch within 1e-6" of it."""
    f = sie_util.SIE_SERIES_ELLIPTICITY
    y = np.array([0.0, 3.0e-9, -2.0e-7, 1.0e-6])
    x = np.array([0.0, -4.0e-9, 5.0e-8, -1.0e-6])
    for e1, e2 in ((0.0, f), (0.6 * f, -0.8 * f)):
        closed = sie_util._sie_closed_from(y, x, 1.3, e1, e2, math.hypot(e1, e2))
        series = sie_util._sie_series_from(y, x, 1.3, e1, e2, math.hypot(e1, e2))
        assert np.stack(series) == pytest.approx(np.stack(closed), rel=1e-12, abs=1e-16)
