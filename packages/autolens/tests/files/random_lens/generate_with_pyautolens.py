"""Record PyAutoLens 2026.10.26.1's ``model_util.random_galaxies_for_simulation_from`` draws
(run in the reference venv only):

    /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json``: for fixed seeds, every profile parameter of the drawn lens and source,
keyed by galaxy, component and attribute, plus ``SIMULATOR_RANDOM_LENS_SUMMARY``. Compared by
``autolens/tests/imaging/test_al_random_lens.py``.
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

import autolens as al

OUT = Path(__file__).with_name("expected.json")

PARAMETERS = (
    "centre",
    "ell_comps",
    "effective_radius",
    "sersic_index",
    "signal_to_noise_ratio",
    "einstein_radius",
    "gamma_1",
    "gamma_2",
    "flux",
)


def galaxy_dict(galaxy):
    out = {"redshift": galaxy.redshift}
    for name, value in vars(galaxy).items():
        if name in ("redshift", "label", "id") or value is None:
            continue
        if not hasattr(value, "__dict__"):
            continue
        out[name] = {"class": type(value).__name__}
        for parameter in PARAMETERS:
            if hasattr(value, parameter):
                v = getattr(value, parameter)
                out[name][parameter] = list(v) if isinstance(v, tuple) else float(v)
    return out


def main():
    out = {"summary": al.model_util.SIMULATOR_RANDOM_LENS_SUMMARY, "cases": []}
    for seed, include_lens_light, use_point_source in (
        (1, True, False),
        (2, False, False),
        (3, True, True),
        (4, False, True),
    ):
        lens, source = al.model_util.random_galaxies_for_simulation_from(
            include_lens_light=include_lens_light,
            use_point_source=use_point_source,
            rng=np.random.default_rng(seed),
        )
        out["cases"].append(
            {
                "seed": seed,
                "include_lens_light": include_lens_light,
                "use_point_source": use_point_source,
                "lens": galaxy_dict(lens),
                "source": galaxy_dict(source),
            }
        )
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(out, f, indent=1)
    os.replace(tmp, OUT)
    print(json.dumps(out, indent=1)[:3000])


if __name__ == "__main__":
    main()
