"""``mp.GaussianGradient``: a Gaussian mass whose mass-to-light ratio scales with its width
(values against PyAutoGalaxy 2026.10.26.1 are in
``tests/profiles/light_and_mass/test_light_and_mass_linear.py``, through ``lmp.GaussianGradient``)."""

import numpy as np
import pytest

import autogalaxy as ag

GRID = ag.Grid2DIrregular([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0)])


def test_mass_to_light_ratio_scales_with_sigma():
    p = ag.mp.GaussianGradient(
        sigma=0.49,
        mass_to_light_ratio_base=2.0,
        mass_to_light_gradient=1.0,
        mass_to_light_radius=0.25,
    )
    assert p.mass_to_light_ratio == pytest.approx(2.0 * 0.5 / 0.25)
    flat = ag.mp.Gaussian(sigma=0.49, intensity=0.1, mass_to_light_ratio=4.0)
    np.testing.assert_allclose(
        p.deflections_yx_2d_from(GRID).array, flat.deflections_yx_2d_from(GRID).array, rtol=1e-14
    )
    with pytest.raises(ag.exc.ProfileException, match="mass_to_light_radius"):
        ag.mp.GaussianGradient(mass_to_light_radius=0.0)


def test_default_priors_are_pyautogalaxys():
    model = ag.Model(ag.mp.GaussianGradient)
    assert isinstance(model.mass_to_light_ratio_base, ag.LogUniformPrior)
    assert model.sigma.upper_limit == 25.0
    assert model.mass_to_light_radius == 1.0  # fixed, as PyAutoGalaxy's Constant prior
    assert isinstance(ag.Model(ag.mp.Sersic).mass_to_light_ratio, ag.LogUniformPrior)


def test__assigned_mass_to_light_ratio_replaces_the_derived_one():
    # PyAutoGalaxy 2026.10.26.1: lmp_linear.GaussianGradient(sigma=0.5, gradient=1, base=2)
    # deflects (0.3, 0.4) by (0.02408032, 0.0321071); after `mass_to_light_ratio = 10.0`
    # by (0.2360816, 0.31477547) (a model fixing the attribute, as the public mge.py does)
    profile = ag.lmp_linear.GaussianGradient(
        sigma=0.5, mass_to_light_gradient=1.0, mass_to_light_ratio_base=2.0
    )
    grid = ag.Grid2DIrregular([[0.3, 0.4]])
    assert profile.mass_to_light_ratio == pytest.approx(1.02)
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(grid=grid).array, [[0.02408032, 0.0321071]], rtol=1e-6
    )
    profile.mass_to_light_ratio = 10.0
    assert profile.mass_to_light_ratio == 10.0
    np.testing.assert_allclose(
        profile.deflections_yx_2d_from(grid=grid).array, [[0.2360816, 0.31477547]], rtol=1e-6
    )
