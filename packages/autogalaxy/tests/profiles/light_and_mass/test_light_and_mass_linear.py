"""``lmp_linear`` profiles: linear (unit-intensity) light + the stellar mass of ``intensity``
(numbers from PyAutoGalaxy 2026.10.26.1, recorded by
``tests/files/lmp_linear/generate_with_pyautolens.py``)."""

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.galaxy.profile_types import is_linear, light_kind

EXPECTED = json.loads(
    (Path(__file__).parents[2] / "files" / "lmp_linear" / "expected.json").read_text()
)
GRID = ag.Grid2DIrregular(EXPECTED["points"])


def profiles():
    return {
        "Sersic": ag.lmp_linear.Sersic(
            centre=(0.1, -0.1),
            ell_comps=(0.1, 0.05),
            intensity=0.5,
            effective_radius=0.8,
            sersic_index=2.5,
            mass_to_light_ratio=1.3,
        ),
        "SersicSph": ag.lmp_linear.SersicSph(
            centre=(0.0, 0.1), intensity=0.3, effective_radius=0.6, sersic_index=3.0
        ),
        "Exponential": ag.lmp_linear.Exponential(
            ell_comps=(-0.1, 0.1), intensity=0.4, effective_radius=0.7, mass_to_light_ratio=2.0
        ),
        "DevVaucouleursSph": ag.lmp_linear.DevVaucouleursSph(
            intensity=0.2, effective_radius=0.9, mass_to_light_ratio=0.8
        ),
        "Gaussian": ag.lmp_linear.Gaussian(
            ell_comps=(0.05, 0.0), intensity=0.6, sigma=0.5, mass_to_light_ratio=1.5
        ),
        "GaussianGradient": ag.lmp_linear.GaussianGradient(
            centre=(0.05, 0.0),
            ell_comps=(0.1, 0.05),
            intensity=0.6,
            sigma=0.5,
            mass_to_light_ratio_base=1.5,
            mass_to_light_gradient=0.4,
            mass_to_light_radius=0.8,
        ),
        "SersicGradient": ag.lmp_linear.SersicGradient(
            ell_comps=(0.1, 0.0),
            intensity=0.6,
            effective_radius=0.7,
            sersic_index=2.0,
            mass_to_light_ratio=1.5,
            mass_to_light_gradient=0.3,
        ),
        "SersicGradientSph": ag.lmp_linear.SersicGradientSph(
            centre=(0.0, 0.1),
            intensity=0.4,
            effective_radius=0.6,
            sersic_index=3.0,
            mass_to_light_gradient=-0.2,
        ),
        "ExponentialGradient": ag.lmp_linear.ExponentialGradient(
            ell_comps=(0.1, 0.0),
            intensity=0.6,
            effective_radius=0.7,
            mass_to_light_ratio=1.5,
            mass_to_light_gradient=0.3,
        ),
        "ExponentialGradientSph": ag.lmp_linear.ExponentialGradientSph(
            centre=(0.1, 0.0), intensity=0.5, effective_radius=0.5, mass_to_light_gradient=0.5
        ),
    }


#: Relative agreement of the deflections with PyAutoGalaxy's, whose Sersic-family deflections are
#: approximations: ~1e-7 for n = 2.5 to 3, ~1e-5 at n = 1 and 4 (mp.Exponential /
#: mp.DevVaucouleurs), 2.4e-5 for SersicGradient (docs/pyautolens_scripts.md).
DEFLECTION_RTOL = {
    "Sersic": 3e-7,
    "SersicSph": 3e-7,
    "Gaussian": 1e-9,
    "GaussianGradient": 1e-9,
    "SersicGradient": 3e-5,
    "SersicGradientSph": 3e-5,
    "ExponentialGradient": 3e-5,
    "ExponentialGradientSph": 3e-5,
}


@pytest.mark.parametrize("name", list(EXPECTED["profiles"]))
def test_matches_pyautogalaxy(name):
    p = profiles()[name]
    expected = EXPECTED["profiles"][name]
    np.testing.assert_allclose(p.image_2d_from(GRID).array, expected["image"], rtol=1e-12)
    # PyAutoGalaxy's lmp_linear convergence is that of unit intensity (its mass code calls the
    # linear light's unit-intensity image), while its deflections use ``intensity``: here both
    # use ``intensity``, so the convergence is PyAutoGalaxy's times ``intensity`` and agrees
    # with the deflections.
    np.testing.assert_allclose(
        p.convergence_2d_from(GRID).array,
        p.intensity * np.asarray(expected["convergence"]),
        rtol=1e-10,
    )
    rtol = DEFLECTION_RTOL.get(name, 1.5e-5)
    np.testing.assert_allclose(
        p.deflections_yx_2d_from(GRID).array, expected["deflections"], rtol=rtol
    )


def test_light_is_unit_intensity_and_mass_follows_intensity():
    p = ag.lmp_linear.Sersic(intensity=0.5, effective_radius=0.8, sersic_index=2.5)
    q = ag.lmp_linear.Sersic(intensity=2.0, effective_radius=0.8, sersic_index=2.5)
    np.testing.assert_array_equal(p.image_2d_from(GRID).array, q.image_2d_from(GRID).array)
    np.testing.assert_allclose(
        4.0 * p.convergence_2d_from(GRID).array, q.convergence_2d_from(GRID).array, rtol=1e-14
    )
    np.testing.assert_allclose(
        p.image_2d_from(GRID).array,
        ag.lp.Sersic(intensity=1.0, effective_radius=0.8, sersic_index=2.5)
        .image_2d_from(GRID)
        .array,
        rtol=1e-14,
    )
    assert p.intensity == 0.5  # evaluating the light leaves the mass normalisation alone


def test_is_a_linear_light_profile_and_a_mass_profile():
    p = profiles()["Gaussian"]
    assert is_linear(p) and light_kind(p) == "linear"
    assert isinstance(p, ag.lp_linear.Gaussian) and isinstance(p, ag.mp.Gaussian)
    galaxy = ag.Galaxy(redshift=0.5, bulge=p)
    assert galaxy.mass_profile_list == [p] and galaxy.light_profile_list == [p]
    assert p == p and p != profiles()["Gaussian"]  # linear profiles are keyed by identity


def test_signature_is_the_mass_profiles():
    assert list(inspect.signature(ag.lmp_linear.Sersic).parameters) == [
        "centre",
        "ell_comps",
        "intensity",
        "effective_radius",
        "sersic_index",
        "mass_to_light_ratio",
    ]
    assert ag.lmp_linear.Sersic().sersic_index == 0.6  # PyAutoGalaxy's default


def test_solved_profile_is_the_standard_light_and_mass_profile():
    p = profiles()["Exponential"]
    solved = p.lp_instance_from({p: 3.0})
    assert type(solved) is ag.lmp.Exponential
    assert solved.intensity == 3.0 and solved.mass_to_light_ratio == 2.0
    assert solved.ell_comps == (-0.1, 0.1) and solved.effective_radius == 0.7
    np.testing.assert_allclose(
        solved.image_2d_from(GRID).array, 3.0 * p.image_2d_from(GRID).array, rtol=1e-14
    )


def test_bad_parameter_raises_profile_exception():
    with pytest.raises(ag.exc.ProfileException, match="effective_radius"):
        ag.lmp_linear.Sersic(effective_radius=-1.0)


def test_json_uses_pyautogalaxys_class_path(tmp_path):
    galaxy = ag.Galaxy(redshift=0.5, bulge=ag.lmp_linear.Sersic(intensity=0.3))
    ag.output_to_json(galaxy, tmp_path / "galaxy.json")
    text = (tmp_path / "galaxy.json").read_text()
    assert "autogalaxy.profiles.light_linear_and_mass_profiles.Sersic" in text
    loaded = ag.from_json(tmp_path / "galaxy.json")
    assert type(loaded.bulge) is ag.lmp_linear.Sersic and loaded.bulge.intensity == 0.3


@pytest.mark.parametrize("name", list(EXPECTED["lmp"]))
def test_standard_gradient_twins_match_pyautogalaxy(name):
    linear = profiles()[name]
    cls = getattr(ag.lmp, name)
    names = [n for n in inspect.signature(cls.__init__).parameters if n != "self"]
    p = cls(**{n: getattr(linear, n) for n in names})
    expected = EXPECTED["lmp"][name]
    np.testing.assert_allclose(p.image_2d_from(GRID).array, expected["image"], rtol=1e-12)
    np.testing.assert_allclose(
        p.convergence_2d_from(GRID).array, expected["convergence"], rtol=1e-10
    )
    np.testing.assert_allclose(
        p.deflections_yx_2d_from(GRID).array, expected["deflections"], rtol=DEFLECTION_RTOL[name]
    )
    assert type(linear.lp_instance_from(1.0)) is cls
