"""Lens fits whose lens bulge is an ``lmp_linear.Sersic`` (solved light + its mass deflecting
the source): log likelihood and solved intensities as PyAutoLens 2026.10.26.1 (recorded by
``autogalaxy/tests/files/lmp_linear/generate_with_pyautolens.py`` on the dataset built here)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autolens as al

EXPECTED = json.loads(
    (
        Path(__file__).parents[3]
        / "autogalaxy"
        / "tests"
        / "files"
        / "lmp_linear"
        / "expected.json"
    ).read_text()
)["fit"]

SERSIC = dict(centre=(0.0, 0.0), ell_comps=(0.05, 0.0), effective_radius=0.6, sersic_index=3.0)


def dataset():
    shape = (15, 15)
    y, x = np.mgrid[0:15, 0:15]
    data = (
        0.2
        + 0.5 * np.exp(-((y - 7.0) ** 2 + (x - 7.5) ** 2) / 8.0)
        + 0.05 * np.sin(x * 1.3 + y * 0.7)
    )
    imaging = al.Imaging(
        data=al.Array2D.no_mask(data, pixel_scales=0.1),
        noise_map=al.Array2D.no_mask(np.full(shape, 0.1), pixel_scales=0.1),
        psf=al.Convolver.from_gaussian(shape_native=(3, 3), sigma=0.1, pixel_scales=0.1),
    )
    mask = al.Mask2D.circular(shape_native=shape, pixel_scales=0.1, radius=0.5)
    return imaging.apply_mask(mask=mask).apply_over_sampling(over_sample_size_lp=2)


def fit_from(label, mass_to_light_ratio=2.0):
    if label == "lmp_linear":
        lens_profile = al.lmp_linear.Sersic(
            intensity=0.2, mass_to_light_ratio=mass_to_light_ratio, **SERSIC
        )
        components = {"bulge": lens_profile}
    else:
        lens_profile = al.lp_linear.Sersic(**SERSIC)
        components = {
            "bulge": lens_profile,
            "stellar": al.mp.Sersic(
                intensity=0.2, mass_to_light_ratio=mass_to_light_ratio, **SERSIC
            ),
        }
    source_profile = al.lp_linear.Exponential(centre=(0.1, 0.1), effective_radius=0.2)
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(einstein_radius=0.8), **components),
            al.Galaxy(redshift=1.0, bulge=source_profile),
        ]
    )
    return al.FitImaging(dataset=dataset(), tracer=tracer), lens_profile, source_profile


@pytest.mark.parametrize("label", ["lmp_linear", "lp_linear_plus_mp"])
def test_fit_matches_pyautolens(label):
    fit, lens_profile, source_profile = fit_from(label)
    expected = EXPECTED[label]
    intensities = fit.linear_light_profile_intensity_dict
    # PyAutoGalaxy's elliptical Sersic deflections are ~1e-7 approximations.
    assert intensities[lens_profile] == pytest.approx(expected["lens_intensity"], rel=1e-6)
    assert intensities[source_profile] == pytest.approx(expected["source_intensity"], rel=1e-6)
    assert fit.log_likelihood == pytest.approx(expected["log_likelihood"], rel=1e-6)


def test_lmp_linear_is_linear_light_plus_its_stellar_mass():
    a, _, _ = fit_from("lmp_linear")
    b, _, _ = fit_from("lp_linear_plus_mp")
    assert a.log_likelihood == pytest.approx(b.log_likelihood, rel=1e-13)


def test_the_mass_of_the_profile_lenses_the_source():
    with_mass, _, _ = fit_from("lmp_linear")
    without_mass, _, _ = fit_from("lmp_linear", mass_to_light_ratio=0.0)
    assert without_mass.log_likelihood != pytest.approx(with_mass.log_likelihood, rel=1e-4)


def test_max_likelihood_tracer_holds_the_standard_light_and_mass_profile():
    fit, lens_profile, _ = fit_from("lmp_linear")
    solved = fit.tracer_linear_light_profiles_to_light_profiles.galaxies[0].bulge
    assert type(solved) is al.lmp.Sersic
    assert solved.intensity == pytest.approx(
        fit.linear_light_profile_intensity_dict[lens_profile], rel=1e-12
    )


def test_basis_of_lmp_linear_gaussians_as_the_lens_light_and_mass():
    members = [
        al.lmp_linear.Gaussian(intensity=1.0, mass_to_light_ratio=3.0, sigma=0.3),
        al.lmp_linear.Gaussian(
            intensity=2.0, mass_to_light_ratio=4.0, sigma=0.6, ell_comps=(0.1, 0.0)
        ),
    ]
    source_profile = al.lp_linear.Exponential(centre=(0.1, 0.1), effective_radius=0.2)
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, bulge=al.lp_basis.Basis(profile_list=members)),
            al.Galaxy(redshift=1.0, bulge=source_profile),
        ]
    )
    fit = al.FitImaging(dataset=dataset(), tracer=tracer)
    expected = EXPECTED["basis_of_lmp_linear_gaussians"]
    # PyAutoLens's own fit of this lens differs by 6e-7 from its fit of the same lens written
    # as lp_linear Gaussians + mp.Gaussian masses, which this fit reproduces to 1e-11.
    assert fit.log_likelihood == pytest.approx(expected["log_likelihood"], rel=1e-6)
    intensities = fit.linear_light_profile_intensity_dict
    np.testing.assert_allclose(
        [intensities[m] for m in members], expected["member_intensities"], rtol=1e-3
    )
    assert intensities[source_profile] == pytest.approx(expected["source_intensity"], rel=1e-4)
    # The members' masses deflect: without them the source is not lensed the same way.
    assert tracer.galaxies[0].mass_profile_list == members
