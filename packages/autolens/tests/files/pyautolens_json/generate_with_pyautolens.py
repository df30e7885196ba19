"""Regenerate the PyAutoLens-written JSON files of this folder (run with a PyAutoLens venv).

    /path/to/pyautolens-venv/bin/python generate_with_pyautolens.py

Writes ``tracer.json``, ``galaxies_mge.json``, ``model.json``, ``model_mge.json`` with PyAutoLens's
own ``al.output_to_json`` and ``expected.json``: values PyAutoLens computes from those objects
(deflections and images at four points, the model's parameter paths and prior medians), which
the tests of this project compare with its reading of the files. Not run by the test suite.
"""

import json
import sys
from pathlib import Path

if __name__ == "__main__":
    # The release, never this checkout (workspace_test/benchmarks/_release.py): imported before
    # any auto* package, so a PYTHONPATH pointing here cannot turn the reference into this code.
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    import _release

    _release.require_release()

import autofit as af
import numpy as np

import autolens as al

HERE = Path(__file__).parent
POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def main():
    lens = al.Galaxy(
        redshift=0.5,
        bulge=al.lp.Sersic(
            centre=(0.0, 0.0),
            ell_comps=(0.05, 0.1),
            intensity=2.0,
            effective_radius=0.6,
            sersic_index=3.0,
        ),
        mass=al.mp.Isothermal(centre=(0.0, 0.01), ell_comps=(0.1, -0.05), einstein_radius=1.6),
        shear=al.mp.ExternalShear(gamma_1=0.05, gamma_2=-0.02),
    )
    source = al.Galaxy(
        redshift=1.0,
        bulge=al.lp.Exponential(
            centre=(0.1, 0.1), ell_comps=(0.0, 0.111), intensity=1.0, effective_radius=0.2
        ),
    )
    tracer = al.Tracer(galaxies=[lens, source])
    al.output_to_json(tracer, HERE / "tracer.json")

    mge = al.Galaxy(
        redshift=0.5,
        bulge=al.lp_basis.Basis(
            profile_list=[
                al.lp.Gaussian(centre=(0.0, 0.0), ell_comps=(0.1, 0.0), intensity=1.0, sigma=s)
                for s in (0.1, 0.5)
            ]
        ),
        mass=al.mp.PowerLaw(
            centre=(0.0, 0.0), ell_comps=(0.0, 0.111), einstein_radius=1.0, slope=2.3
        ),
    )
    galaxies = al.Galaxies([mge])
    al.output_to_json(galaxies, HERE / "galaxies_mge.json")

    model = af.Collection(
        galaxies=af.Collection(
            lens=af.Model(
                al.Galaxy, redshift=0.5, mass=al.mp.Isothermal, shear=al.mp.ExternalShear
            ),
            source=af.Model(al.Galaxy, redshift=1.0, bulge=al.lp.Sersic),
        )
    )
    model.galaxies.lens.mass.einstein_radius = af.UniformPrior(lower_limit=0.5, upper_limit=2.5)
    model.galaxies.source.bulge.centre = model.galaxies.lens.mass.centre
    al.output_to_json(model, HERE / "model.json")

    model_mge = af.Collection(
        galaxies=af.Collection(
            lens=af.Model(
                al.Galaxy,
                redshift=0.5,
                bulge=al.model_util.mge_model_from(
                    mask_radius=2.0,
                    total_gaussians=3,
                    gaussian_per_basis=2,
                    centre_prior_is_uniform=True,
                ),
            )
        )
    )
    al.output_to_json(model_mge, HERE / "model_mge.json")

    grid = al.Grid2DIrregular(POINTS)
    expected = {
        "points": POINTS,
        "tracer_deflections": np.asarray(tracer.deflections_yx_2d_from(grid)).tolist(),
        "tracer_image": np.asarray(tracer.image_2d_from(grid)).tolist(),
        "mge_image": np.asarray(galaxies.image_2d_from(grid)).tolist(),
        "mge_deflections": np.asarray(galaxies.deflections_yx_2d_from(grid)).tolist(),
    }
    for name in ("model.json", "model_mge.json"):
        m = al.from_json(HERE / name)
        expected[name] = {
            # One entry per free parameter in vector order (PyAutoFit's ``paths`` repeats shared
            # priors, so the unique paths are stored).
            "parameter_names": [p[-1] for p in m.unique_prior_paths],
            "prior_count": m.prior_count,
            "median_vector": [float(p.value_for(0.5)) for p in m.priors_ordered_by_id],
        }
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
