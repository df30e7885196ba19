"""``lp_snr`` profiles: intensity set from a target S/N (numbers from PyAutoGalaxy 2026.10.26.1,
recorded by ``tests/files/lp_snr/generate_with_pyautolens.py``)."""

import inspect
import json
import math
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.profiles.light.snr import intensity_factor_for_signal_to_noise_from

EXPECTED = json.loads(
    (Path(__file__).parents[2] / "files" / "lp_snr" / "expected.json").read_text()
)


def psf():
    return ag.Convolver.from_gaussian(shape_native=(5, 5), sigma=0.1, pixel_scales=0.1)


def galaxy_profiles():
    return {
        "sersic": ag.lp_snr.Sersic(
            signal_to_noise_ratio=25.0,
            centre=(0.05, -0.1),
            ell_comps=(0.1, -0.05),
            effective_radius=0.4,
            sersic_index=2.5,
        ),
        "exponential_sph": ag.lp_snr.ExponentialSph(
            signal_to_noise_ratio=12.0, effective_radius=0.3
        ),
        "dev_vaucouleurs": ag.lp_snr.DevVaucouleurs(
            signal_to_noise_ratio=40.0, ell_comps=(0.0, 0.2), effective_radius=0.5
        ),
        "gaussian": ag.lp_snr.Gaussian(signal_to_noise_ratio=8.0, ell_comps=(0.1, 0.0), sigma=0.3),
        "sersic_core": ag.lp_snr.SersicCore(
            signal_to_noise_ratio=30.0, effective_radius=0.2, sersic_index=1.5
        ),
        "chameleon_sph": ag.lp_snr.ChameleonSph(signal_to_noise_ratio=15.0),
        "elson_free_fall": ag.lp_snr.ElsonFreeFall(
            signal_to_noise_ratio=20.0, ell_comps=(-0.1, 0.05), effective_radius=0.3, eta=2.0
        ),
    }


def grid():
    return ag.Grid2D.uniform(shape_native=(16, 16), pixel_scales=0.1, over_sample_size=2)


def test_names_and_signatures_are_pyautogalaxys():
    assert ag.lp_snr.Sersic.__mro__[1] is ag.lp.Sersic
    assert list(inspect.signature(ag.lp_snr.Sersic).parameters) == [
        "signal_to_noise_ratio",
        "centre",
        "ell_comps",
        "effective_radius",
        "sersic_index",
    ]
    assert list(inspect.signature(ag.lp_snr.SersicCore).parameters)[-3:] == [
        "radius_break",
        "gamma",
        "alpha",
    ]
    p = ag.lp_snr.SersicCore()
    assert (p.signal_to_noise_ratio, p.radius_break, p.intensity) == (10.0, 0.01, 0.0)
    for name in ("ExponentialSph", "DevVaucouleursSph", "GaussianSph", "SersicSph", "ChameleonSph"):
        assert getattr(ag.lp_snr, name)().ell_comps == (0.0, 0.0)


@pytest.mark.parametrize("use_psf", [False, True])
def test_set_intensity_from_matches_pyautogalaxy(use_psf):
    expected = EXPECTED["set_intensity_psf" if use_psf else "set_intensity"]
    for name, profile in galaxy_profiles().items():
        profile.set_intensity_from(
            grid=grid(),
            exposure_time=300.0,
            background_sky_level=0.1,
            psf=psf() if use_psf else None,
        )
        # PyAutoGalaxy root-finds (Brent, xtol 2e-12); this is the closed-form root. The
        # Chameleon is capped at q = 0.99999 (in the radius too) as in PyAutoGalaxy.
        assert profile.intensity == pytest.approx(expected[name], rel=1e-9), name


def test_brightest_pixel_has_the_target_signal_to_noise():
    profile = ag.lp_snr.Gaussian(signal_to_noise_ratio=17.0, sigma=0.4)
    profile.set_intensity_from(grid=grid(), exposure_time=200.0, background_sky_level=2.0)
    signal = float(np.max(profile.image_2d_from(grid=grid()).array)) * 200.0
    assert signal / math.sqrt(signal + 2.0 * 200.0) == pytest.approx(17.0, rel=1e-12)
    # The image scales with intensity, so a re-set is independent of the previous intensity.
    profile.intensity = 123.0
    before = profile.intensity
    profile.set_intensity_from(grid=grid(), exposure_time=200.0, background_sky_level=2.0)
    assert profile.intensity != before
    assert signal / 200.0 == pytest.approx(
        float(np.max(profile.image_2d_from(grid=grid()).array)), rel=1e-12
    )


def test_intensity_factor_closed_form():
    # No sky: S/N = sqrt(signal), so signal = S^2 counts.
    assert intensity_factor_for_signal_to_noise_from(10.0, 2.0, 50.0) == pytest.approx(
        100.0 / (2.0 * 50.0)
    )
    factor = intensity_factor_for_signal_to_noise_from(5.0, 0.3, 1000.0, 0.5)
    signal = factor * 0.3 * 1000.0
    assert signal / math.sqrt(signal + 500.0) == pytest.approx(5.0, rel=1e-13)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"signal_to_noise_ratio": 0.0}, "signal_to_noise_ratio"),
        ({"exposure_time": -1.0}, "exposure_time"),
        ({"brightest_value": 0.0}, "no positive pixel"),
        ({"background_sky_level": -0.1}, "background_sky_level"),
    ],
)
def test_bad_input_raises(kwargs, match):
    arguments = dict(
        signal_to_noise_ratio=10.0,
        brightest_value=1.0,
        exposure_time=100.0,
        background_sky_level=0.0,
    )
    arguments.update(kwargs)
    with pytest.raises(ag.exc.ProfileException, match=match):
        intensity_factor_for_signal_to_noise_from(**arguments)


def test_non_positive_signal_to_noise_is_refused_at_construction():
    with pytest.raises(ag.exc.ProfileException, match="signal_to_noise_ratio"):
        ag.lp_snr.Sersic(signal_to_noise_ratio=-3.0)


def test_model_of_snr_profile_has_a_signal_to_noise_prior():
    model = ag.Model(ag.lp_snr.Sersic)
    assert "signal_to_noise_ratio" in model.dict()["arguments"] or hasattr(
        model, "signal_to_noise_ratio"
    )
    instance = model.instance_from_prior_medians()
    assert isinstance(instance, ag.lp_snr.Sersic)
    assert instance.intensity == 0.0


def test_json_uses_pyautogalaxys_class_path(tmp_path):
    galaxy = ag.Galaxy(redshift=0.5, bulge=ag.lp_snr.Exponential(signal_to_noise_ratio=30.0))
    ag.output_to_json(galaxy, tmp_path / "galaxy.json")
    assert (
        "autogalaxy.profiles.light.snr.exponential.Exponential"
        in (tmp_path / "galaxy.json").read_text()
    )
    loaded = ag.from_json(tmp_path / "galaxy.json")
    assert type(loaded.bulge) is ag.lp_snr.Exponential
    assert loaded.bulge.signal_to_noise_ratio == 30.0
