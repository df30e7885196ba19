"""``Tracer.set_snr_of_snr_light_profiles`` / ``SimulatorImaging.via_tracer_from`` with ``lp_snr``
profiles (numbers from PyAutoLens 2026.10.26.1, recorded by
``autogalaxy/tests/files/lp_snr/generate_with_pyautolens.py``)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autolens as al

EXPECTED = json.loads(
    (Path(__file__).parents[1] / "files" / "lp_snr" / "expected.json").read_text()
)


def psf():
    return al.Convolver.from_gaussian(shape_native=(5, 5), sigma=0.1, pixel_scales=0.1)


def lens_and_source():
    lens_bulge = al.lp_snr.Sersic(
        signal_to_noise_ratio=50.0, ell_comps=(0.05, 0.1), effective_radius=0.8, sersic_index=4.0
    )
    source_bulge = al.lp_snr.SersicCore(
        signal_to_noise_ratio=20.0,
        centre=(0.05, 0.02),
        ell_comps=(0.1, 0.0),
        effective_radius=0.1,
        sersic_index=1.0,
    )
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=lens_bulge,
                mass=al.mp.Isothermal(einstein_radius=0.8, ell_comps=(0.1, 0.0)),
                shear=al.mp.ExternalShear(gamma_1=0.03, gamma_2=-0.02),
            ),
            al.Galaxy(redshift=1.0, bulge=source_bulge),
        ]
    )
    return tracer, lens_bulge, source_bulge


def radial_grid():
    grid = al.Grid2D.uniform(shape_native=(24, 24), pixel_scales=0.1)
    over_sample_size = al.util.over_sample.over_sample_size_via_radial_bins_from(
        grid=grid, sub_size_list=[8, 4, 2], radial_list=[0.3, 0.6], centre_list=[(0.0, 0.0)]
    )
    return grid.apply_over_sampling(over_sample_size=over_sample_size)


def test_via_tracer_from_sets_intensities_as_pyautolens():
    tracer, lens_bulge, source_bulge = lens_and_source()
    simulator = al.SimulatorImaging(
        exposure_time=300.0, background_sky_level=0.1, psf=psf(), add_poisson_noise_to_data=False
    )
    dataset = simulator.via_tracer_from(tracer=tracer, grid=radial_grid())
    expected = EXPECTED["via_tracer"]
    assert lens_bulge.intensity == pytest.approx(expected["lens_bulge"], rel=1e-9)
    assert source_bulge.intensity == pytest.approx(expected["source_bulge"], rel=1e-9)
    assert dataset.shape_native == (24, 24)


def test_source_signal_to_noise_is_measured_on_the_traced_grid():
    tracer, _, source_bulge = lens_and_source()
    grid = radial_grid()
    tracer.set_snr_of_snr_light_profiles(grid=grid, exposure_time=300.0, background_sky_level=0.1)
    uniform = al.Grid2D.uniform(shape_native=(24, 24), pixel_scales=0.1)
    traced = tracer.traced_grid_2d_list_from(uniform)[1]
    peak = float(np.max(source_bulge.image_2d_from(grid=traced).array)) * 300.0
    assert peak / np.sqrt(peak + 0.1 * 300.0) == pytest.approx(20.0, rel=1e-12)
    # Unlensed the same profile would need a different intensity: magnification is included.
    unlensed = al.lp_snr.SersicCore(
        signal_to_noise_ratio=20.0,
        centre=(0.05, 0.02),
        ell_comps=(0.1, 0.0),
        effective_radius=0.1,
        sersic_index=1.0,
    )
    unlensed.set_intensity_from(grid=uniform, exposure_time=300.0, background_sky_level=0.1)
    assert unlensed.intensity != pytest.approx(source_bulge.intensity, rel=1e-3)


def test_tracer_without_snr_profiles_is_untouched():
    source = al.lp.Sersic(intensity=0.4)
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(einstein_radius=1.0)),
            al.Galaxy(redshift=1.0, bulge=source),
        ]
    )
    tracer.set_snr_of_snr_light_profiles(grid=radial_grid(), exposure_time=300.0)
    assert source.intensity == 0.4
