"""Record PyAutoGalaxy / PyAutoLens 2026.10.26.1 deflections and potentials of the power-law,
isothermal and point mass profiles at and next to their exact centre (run in the reference venv only):

    /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json``: for each profile of ``profiles()``, the (y, x) points of ``points()``
(the centre itself, then offsets of 1e-12, 1e-9 and 1e-6 arcsec along x, y and a diagonal, then
one point far out) with the release's ``deflections_yx_2d_from`` and ``potential_2d_from`` there.
The release softens the elliptical radius by 1e-16 arcsec^2 (the point mass's ``r^2`` by 1e-20)
and gives the power law's exact centre the major-axis direction; a sub-pixel on the lens centre shows this in a fit's log evidence.
Compared by ``autogalaxy/tests/profiles/mass/total/test_mass_total_centre_convention.py``.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

if __name__ == "__main__":
    # The release, never this checkout (workspace_test/benchmarks/_release.py): imported before
    # any auto* package, so a PYTHONPATH pointing here cannot turn the reference into this code.
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    import _release

    _release.require_release()

import autogalaxy as ag

OUT = Path(__file__).with_name("expected.json")
CENTRE = (0.3, -0.3)
OFFSETS = (1.0e-12, 1.0e-9, 1.0e-6)
DIRECTIONS = ((0.0, 1.0), (1.0, 0.0), (0.6, -0.8))


def points():
    out = [CENTRE]
    for offset in OFFSETS:
        for dy, dx in DIRECTIONS:
            out.append((CENTRE[0] + offset * dy, CENTRE[1] + offset * dx))
    out.append((CENTRE[0] + 0.7, CENTRE[1] - 0.4))
    return out


def profiles():
    """``name -> (class name, constructor keyword arguments)``; the centre is ``CENTRE``."""
    return {
        "PowerLaw": ("PowerLaw", {"ell_comps": (0.1, 0.05), "einstein_radius": 1.6, "slope": 2.1}),
        "PowerLawShallow": (
            "PowerLaw",
            {"ell_comps": (0.0, -0.2), "einstein_radius": 1.6, "slope": 1.8},
        ),
        "PowerLawRound": (
            "PowerLaw",
            {"ell_comps": (0.0, 0.0), "einstein_radius": 1.6, "slope": 2.3},
        ),
        "PowerLawSlope2": (
            "PowerLaw",
            {"ell_comps": (0.11111111111111109, 0.0), "einstein_radius": 1.6, "slope": 2.0},
        ),
        "Isothermal": ("Isothermal", {"ell_comps": (0.1, 0.05), "einstein_radius": 1.6}),
        "IsothermalNearRound": (
            "Isothermal",
            {"ell_comps": (2.0e-5, -3.0e-5), "einstein_radius": 1.6},
        ),
        "IsothermalRound": ("Isothermal", {"ell_comps": (0.0, 0.0), "einstein_radius": 1.6}),
        "IsothermalSph": ("IsothermalSph", {"einstein_radius": 1.6}),
        "PointMass": ("PointMass", {"einstein_radius": 0.8}),
    }


def main():
    grid = ag.Grid2DIrregular(points())
    out = {"release": ag.__version__, "centre": list(CENTRE), "points": points(), "profiles": {}}
    for name, (cls, kwargs) in profiles().items():
        profile = getattr(ag.mp, cls)(centre=CENTRE, **kwargs)
        out["profiles"][name] = {
            "class": cls,
            "kwargs": kwargs,
            "deflections": np.asarray(profile.deflections_yx_2d_from(grid=grid)).tolist(),
            "potential": np.asarray(profile.potential_2d_from(grid=grid)).tolist(),
        }
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(out, f, indent=1)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
