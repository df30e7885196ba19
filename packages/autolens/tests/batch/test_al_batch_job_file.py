"""Job files of ``python -m autolens.batch``: parsing, model and search construction, errors."""

import json

import pytest

import autolens as al
from autolens import exc
from autolens.batch.job_file import model_from, read_job_file, search_from

YAML_JOB = """
datasets: data/sample
pixel_scales: 0.1
search: {type: Nautilus, name: nautilus, n_live: 50}
model:
  lens: {redshift: 0.5, mass: Isothermal, shear: ExternalShear}
  source: {redshift: 1.0, bulge: lp_linear.Sersic}
"""


def test_a_yaml_job_builds_the_model_and_search(tmp_path):
    (tmp_path / "job.yaml").write_text(YAML_JOB)
    job = read_job_file(tmp_path / "job.yaml")
    model = model_from(job["model"])
    assert model.galaxies.lens.mass.cls is al.mp.Isothermal
    assert model.galaxies.lens.shear.cls is al.mp.ExternalShear
    assert model.galaxies.source.bulge.cls is al.lp_linear.Sersic
    assert model.galaxies.source.redshift == 1.0
    search = search_from(job["search"], "out")
    assert isinstance(search, al.Nautilus) and search.n_live == 50 and search.name == "nautilus"


def test_priors_in_components():
    model = model_from(
        {
            "lens": {
                "redshift": 0.5,
                "mass": {
                    "class": "IsothermalSph",
                    "einstein_radius": {"UniformPrior": {"lower_limit": 0.4, "upper_limit": 1.8}},
                },
            }
        }
    )
    prior = model.galaxies.lens.mass.einstein_radius
    assert isinstance(prior, al.UniformPrior) and prior.upper_limit == 1.8
    with pytest.raises(exc.AnalysisException, match="PriorName"):
        model_from(
            {
                "lens": {
                    "redshift": 0.5,
                    "mass": {"class": "IsothermalSph", "einstein_radius": {"Flat": {}}},
                }
            }
        )


def test_fixed_values_in_components(tmp_path):
    model = model_from(
        {"lens": {"redshift": 0.5, "mass": {"class": "IsothermalSph", "centre": [0.1, 0.0]}}}
    )
    assert model.prior_count == 1
    assert model.galaxies.lens.mass.centre_0 == 0.1


@pytest.mark.parametrize(
    "job, message",
    [
        ({"datasets": "d", "pixel_scales": 0.1, "search": {"type": "LBFGS"}}, "'model'"),
        (
            {
                "datasets": "d",
                "pixel_scales": 0.1,
                "search": {"type": "LBFGS"},
                "model": {},
                "typo": 1,
            },
            "unknown job keys",
        ),
    ],
)
def test_incomplete_or_misspelt_jobs_are_refused(tmp_path, job, message):
    (tmp_path / "job.json").write_text(json.dumps(job))
    with pytest.raises(exc.AnalysisException, match=message):
        read_job_file(tmp_path / "job.json")


def test_bad_models_and_searches_are_refused():
    with pytest.raises(exc.AnalysisException, match="redshift"):
        model_from({"lens": {"mass": "Isothermal"}})
    with pytest.raises(exc.AnalysisException, match="Unknown profile"):
        model_from({"lens": {"redshift": 0.5, "mass": "Isothermall"}})
    with pytest.raises(exc.AnalysisException, match="type among"):
        search_from({"type": "Multinest"}, "out")
