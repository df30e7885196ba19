"""``al.fixtures`` / ``ag.fixtures`` / ``aa.fixtures``: PyAutoLens's 7x7 test objects and values
(log likelihoods checked against PyAutoLens 2026.10.26.1)."""

import numpy as np
import pytest

import autoarray as aa
import autogalaxy as ag
import autolens as al


def test_datasets_have_pyautoarray_shapes_and_values():
    mask = aa.fixtures.make_mask_2d_7x7()
    assert mask.shape_native == (7, 7) and mask.pixels_in_mask == 9
    assert not mask.array[2:5, 2:5].any()
    imaging = aa.fixtures.make_masked_imaging_7x7()
    assert imaging.shape_slim == 9
    np.testing.assert_allclose(imaging.data.slim.array, 1.0)
    np.testing.assert_allclose(imaging.noise_map.slim.array, 2.0)
    kernel = imaging.psf.kernel.native.array if hasattr(imaging.psf, "kernel") else None
    if kernel is not None:
        assert kernel.sum() == pytest.approx(1.0)
    assert aa.fixtures.make_grid_2d_7x7().shape[0] == 9


def test_each_call_builds_a_fresh_object():
    assert aa.fixtures.make_mask_2d_7x7() is not aa.fixtures.make_mask_2d_7x7()


def test_linear_light_fixture_is_pyautogalaxys_gaussian():
    profile = ag.fixtures.make_lp_linear_0()
    assert isinstance(profile, ag.lp_linear.Gaussian)
    assert (profile.centre, profile.ell_comps, profile.sigma) == ((0.0, 0.0), (0.0, 0.0), 1.0)


def test_galaxy_fixtures_follow_pyautogalaxy():
    galaxy = ag.fixtures.make_gal_x1_lp_x1_mp()
    assert galaxy.redshift == 0.5
    assert ag.fixtures.make_lp_1().intensity == 2.0
    assert ag.fixtures.make_mp_1().einstein_radius == 2.0


def test_single_plane_fit_matches_pyautolens():
    fit = al.fixtures.make_fit_imaging_x1_plane_7x7()
    assert fit.log_likelihood == pytest.approx(-66.21993562150197, rel=1e-12)


def test_two_plane_tracer_structure():
    tracer = al.fixtures.make_tracer_x2_plane_7x7()
    assert [g.redshift for g in tracer.galaxies] == [0.5, 0.5, 1.0]
    fit = al.fixtures.make_fit_imaging_x2_plane_7x7()
    assert np.isfinite(fit.log_likelihood)


def test_two_plane_fit_matches_pyautolens():
    """The lens's SIS sits on the centre pixel: PyAutoLens deflects it by ``(0, theta_E)``, so
    the source is seen there at ``(0, -1)`` rather than at its bright centre."""
    fit = al.fixtures.make_fit_imaging_x2_plane_7x7()
    assert fit.log_likelihood == pytest.approx(-658.8871487419613, rel=1e-12)
    # PyAutoLens's model image (rounded to 1e-8), slim order.
    expected = [18.15243019, 24.85077226, 18.15243037, 24.85077215, 42.26458776]
    np.testing.assert_allclose(fit.model_data.array[:5], expected, atol=1e-8)


def test_two_galaxy_fit_matches_pyautogalaxy():
    fit = ag.fixtures.make_fit_imaging_x2_galaxy_7x7()
    assert fit.log_likelihood == pytest.approx(-245.79569634551981, rel=1e-12)
