"""Every image a dense brute-force Newton search finds (|μ| > 0.1, inside the solver's area)
is found by the solver: 25 random sources behind each of SIE + shear and NFW + SIE.
``workspace_test/benchmarks/point_completeness.py`` runs 1,000."""

import numpy as np
import pytest

import autolens as al
from autolens.point.completeness import brute_force_images_from, missed_images_from


def _lenses():
    sie_shear = [
        al.Galaxy(
            redshift=0.5,
            mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.15, -0.05), einstein_radius=1.0),
            shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=0.03),
        ),
    ]
    nfw_sie = [
        al.Galaxy(
            redshift=0.5,
            dark=al.mp.NFWSph(centre=(0.0, 0.0), kappa_s=0.15, scale_radius=5.0),
            mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.1, 0.1), einstein_radius=0.6),
        ),
    ]
    return {"sie_shear": sie_shear, "nfw_sie": nfw_sie}


@pytest.mark.parametrize("name", ["sie_shear", "nfw_sie"])
def test_no_image_missed(name):
    tracer = al.Tracer(_lenses()[name] + [al.Galaxy(redshift=1.0)])
    solver = al.PointSolver.for_limits_and_scale(
        -2.0, 2.0, -2.0, 2.0, scale=0.05, pixel_scale_precision=0.001
    )
    rng = np.random.default_rng(7)
    sources = rng.uniform(-0.3, 0.3, size=(25, 2))
    counts = []
    for source in sources:
        found = solver.solve(tracer, source).array
        expected = brute_force_images_from(tracer, source, extent=1.95, starts_per_side=80)
        missed = missed_images_from(found, expected)
        assert missed.shape[0] == 0, (
            f"source {source}: missed {missed.tolist()}, found {found.tolist()}"
        )
        counts.append(found.shape[0])
    # The sample has multiply imaged sources (doubles and quads, odd counts with a central image).
    assert max(counts) >= 4
