"""``lmp`` light-and-mass profiles: image = light profile, lensing = mass = M/L x light
(values checked against PyAutoGalaxy 2026.10.26.1's ``lmp.Sersic`` / ``lmp.Gaussian``)."""

import json

import numpy as np
import pytest

import autogalaxy as ag

GRID = ag.Grid2DIrregular([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)])


def test_sersic_matches_pyautogalaxy():
    p = ag.lmp.Sersic(
        centre=(0.1, -0.1),
        ell_comps=(0.1, 0.05),
        intensity=0.5,
        effective_radius=0.8,
        sersic_index=2.5,
        mass_to_light_ratio=1.3,
    )
    np.testing.assert_allclose(
        p.image_2d_from(GRID).array,
        [0.7356947378115797, 0.2659738370586297, 0.17194790965181425, 0.07103500019051463],
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        p.convergence_2d_from(GRID).array,
        [0.9564031591550536, 0.3457659881762186, 0.22353228254735855, 0.09234550024766902],
        rtol=1e-12,
    )
    # PyAutoGalaxy's elliptical Sersic deflections are themselves ~1e-7 approximations.
    np.testing.assert_allclose(
        p.deflections_yx_2d_from(GRID).array,
        [
            [0.8460426819322009, 1.254768477582029],
            [1.2700213012751527, -0.5867365227290731],
            [-0.649193488130831, 1.07320977199085],
            [0.6204392884533513, 0.6871836044975859],
        ],
        rtol=3e-7,
    )


def test_gaussian_matches_pyautogalaxy():
    p = ag.lmp.Gaussian(
        centre=(0.1, -0.1), ell_comps=(0.1, 0.05), intensity=0.5, sigma=0.8, mass_to_light_ratio=1.3
    )
    np.testing.assert_allclose(
        p.image_2d_from(GRID).array,
        [0.38573938320006074, 0.23551808501599775, 0.16349680575338263, 0.05072215280539077],
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        p.deflections_yx_2d_from(GRID).array,
        [
            [0.20499400669893353, 0.3020664986282745],
            [0.45667260813964855, -0.2162269179145768],
            [-0.2867044287863993, 0.44274910365540454],
            [0.3172393625106971, 0.3448001669782098],
        ],
        rtol=1e-9,
    )


@pytest.mark.parametrize(
    "name",
    [
        "Sersic",
        "SersicSph",
        "Exponential",
        "ExponentialSph",
        "DevVaucouleurs",
        "DevVaucouleursSph",
        "Gaussian",
    ],
)
def test_light_and_mass_views_agree_with_the_separate_profiles(name):
    kwargs = {"intensity": 0.7, "mass_to_light_ratio": 2.0}
    if name.startswith("Sersic"):
        # lp.Sersic and mp.Sersic have different default indices (4 and 0.6, as PyAutoGalaxy;
        # lmp takes the mass profile's), so give it explicitly.
        kwargs["sersic_index"] = 3.0
    both = getattr(ag.lmp, name)(**kwargs)
    light_kwargs = {k: v for k, v in kwargs.items() if k != "mass_to_light_ratio"}
    np.testing.assert_allclose(
        both.image_2d_from(GRID).array,
        getattr(ag.lp, name)(**light_kwargs).image_2d_from(GRID).array,
    )
    np.testing.assert_allclose(
        both.deflections_yx_2d_from(GRID).array,
        getattr(ag.mp, name)(**kwargs).deflections_yx_2d_from(GRID).array,
    )
    galaxy = ag.Galaxy(redshift=0.5, bulge=both)
    np.testing.assert_allclose(galaxy.image_2d_from(GRID).array, both.image_2d_from(GRID).array)


def test_model_and_json(tmp_path):
    model = ag.Model(ag.lmp.Sersic)
    assert "mass_to_light_ratio" in model.joined_paths
    ag.output_to_json(ag.lmp.Sersic(intensity=0.3), tmp_path / "p.json")
    assert json.loads((tmp_path / "p.json").read_text())["class_path"] == (
        "autogalaxy.profiles.light_and_mass_profiles.Sersic"
    )
    assert type(ag.from_json(tmp_path / "p.json")) is ag.lmp.Sersic


def test_invalid_parameters_raise():
    with pytest.raises(ag.exc.ProfileException):
        ag.lmp.Sersic(ell_comps=(0.9, 0.9))
