"""Galaxy-level ``lp_snr`` intensities: ``Galaxy.set_snr_of_snr_light_profiles`` and
``SimulatorImaging.via_galaxies_from`` (numbers from PyAutoGalaxy 2026.10.26.1)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autogalaxy as ag

EXPECTED = json.loads(
    (Path(__file__).parents[1] / "files" / "lp_snr" / "expected.json").read_text()
)


def psf():
    return ag.Convolver.from_gaussian(shape_native=(5, 5), sigma=0.1, pixel_scales=0.1)


def grid():
    return ag.Grid2D.uniform(shape_native=(16, 16), pixel_scales=0.1, over_sample_size=2)


def profiles():
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
        "gaussian": ag.lp_snr.Gaussian(signal_to_noise_ratio=8.0, ell_comps=(0.1, 0.0), sigma=0.3),
    }


def test_via_galaxies_from_sets_intensities_as_pyautogalaxy():
    p = profiles()
    standard = ag.lp.Sersic(intensity=0.7)
    galaxies = [
        ag.Galaxy(redshift=0.5, bulge=p["sersic"], disk=p["exponential_sph"], other=standard),
        ag.Galaxy(redshift=0.5, light=p["gaussian"]),
    ]
    simulator = ag.SimulatorImaging(
        exposure_time=500.0, background_sky_level=1.0, psf=psf(), add_poisson_noise_to_data=False
    )
    dataset = simulator.via_galaxies_from(galaxies=galaxies, grid=grid())
    for name, profile in p.items():
        assert profile.intensity == pytest.approx(EXPECTED["via_galaxies"][name], rel=1e-9), name
    assert standard.intensity == 0.7  # ordinary profiles are left alone
    assert np.all(np.isfinite(dataset.data.array)) and float(np.max(dataset.data.array)) > 0.0


def test_galaxy_set_snr_reaches_basis_members_and_skips_others():
    member = ag.lp_snr.Gaussian(signal_to_noise_ratio=10.0, sigma=0.2)
    galaxy = ag.Galaxy(
        redshift=0.5,
        bulge=ag.lp_basis.Basis(profile_list=[member, ag.lp.Gaussian(intensity=0.3, sigma=0.2)]),
    )
    galaxy.set_snr_of_snr_light_profiles(grid=grid(), exposure_time=100.0)
    peak = float(np.max(member.image_2d_from(grid=grid()).array)) * 100.0
    assert peak / np.sqrt(peak) == pytest.approx(10.0, rel=1e-12)
    assert galaxy.bulge.profile_list[1].intensity == 0.3
