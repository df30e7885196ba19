"""Fits whose PyAutoFit identifiers are compared (``test_identifier.py``); runs in either project.

``cases(af, al)`` with ``af`` = ``autofit`` and ``al`` = ``autolens`` of PyAutoLens, or both the
``autolens`` of this project. Regenerate the reference with a PyAutoLens venv:

    /path/to/pyautolens-venv/bin/python pyautofit_identifier_cases.py pyautofit_identifiers.json
"""

import json
import sys


def _lens(af, al):
    mass = af.Model(al.mp.Isothermal)
    mass.centre.centre_0 = af.GaussianPrior(mean=0.0, sigma=0.1)
    mass.centre.centre_1 = af.GaussianPrior(mean=0.0, sigma=0.1)
    mass.ell_comps.ell_comps_0 = af.TruncatedGaussianPrior(
        mean=0.0, sigma=0.3, lower_limit=-1.0, upper_limit=1.0
    )
    mass.ell_comps.ell_comps_1 = af.TruncatedGaussianPrior(
        mean=0.0, sigma=0.3, lower_limit=-1.0, upper_limit=1.0
    )
    mass.einstein_radius = af.UniformPrior(lower_limit=0.0, upper_limit=8.0)
    shear = af.Model(al.mp.ExternalShear)
    shear.gamma_1 = af.UniformPrior(lower_limit=-0.3, upper_limit=0.3)
    shear.gamma_2 = af.UniformPrior(lower_limit=-0.3, upper_limit=0.3)
    return af.Model(al.Galaxy, redshift=0.5, mass=mass, shear=shear)


def _source(af, al):
    bulge = af.Model(al.lp.Sersic)
    bulge.centre = (0.1, -0.2)
    bulge.ell_comps.ell_comps_0 = af.GaussianPrior(mean=0.0, sigma=0.3)
    bulge.ell_comps.ell_comps_1 = 0.05
    bulge.intensity = af.LogUniformPrior(lower_limit=1e-6, upper_limit=1e6)
    bulge.effective_radius = af.UniformPrior(lower_limit=0.0, upper_limit=30.0)
    bulge.sersic_index = af.TruncatedGaussianPrior(
        mean=4.0, sigma=1.0, lower_limit=0.5, upper_limit=8.0
    )
    return af.Model(al.Galaxy, redshift=1.0, bulge=bulge)


def _halo(af, al):
    halo = af.Model(al.mp.NFWMCRLudlowSph)
    halo.centre = (0.0, 0.0)
    halo.mass_at_200 = af.LogUniformPrior(lower_limit=1e8, upper_limit=1e15)
    halo.redshift_object = 0.5
    halo.redshift_source = 1.0
    return halo


def cases(af, al):
    lens_source = af.Collection(galaxies=af.Collection(lens=_lens(af, al), source=_source(af, al)))
    return [
        (
            "nautilus_lens_source",
            af.Nautilus(name="n", path_prefix="p", n_live=150, seed=3),
            lens_source,
            None,
        ),
        (
            "nautilus_unique_tag",
            af.Nautilus(name="n", n_live=200, seed=1),
            lens_source,
            "dataset_0",
        ),
        (
            "emcee_source",
            af.Emcee(nwalkers=40),
            af.Collection(galaxies=af.Collection(source=_source(af, al))),
            None,
        ),
        (
            "dynesty_halo",
            af.DynestyStatic(nlive=80, bound="multi", sample="rwalk"),
            af.Collection(halo=_halo(af, al)),
            "tag",
        ),
        ("lbfgs_halo", af.LBFGS(seed=7), _halo(af, al), None),
        (
            "prodigy_lens",
            af.MultiStartProdigy(n_starts=8, seed=5),
            af.Collection(galaxies=af.Collection(lens=_lens(af, al))),
            "u",
        ),
    ]


if __name__ == "__main__":
    import autofit as af  # PyAutoFit (reference venv), not this project
    from autofit.mapper.identifier import Identifier

    import autolens as al

    out = {}
    for name, search, model, unique_tag in cases(af, al):
        parts = [search, model] + ([unique_tag] if unique_tag is not None else [])
        out[name] = {
            "identifier": str(Identifier(parts)),
            "description": Identifier(parts).description,
        }
        search.paths.model = model
        search.paths.unique_tag = unique_tag
        assert search.paths.identifier == out[name]["identifier"]
    with open(sys.argv[1], "w") as f:
        json.dump(out, f, indent=1)
