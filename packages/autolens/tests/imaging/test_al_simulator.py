"""SimulatorImaging.via_tracer_from plus the FITS / tracer JSON output of a simulated dataset."""

import json

import numpy as np
import pytest

import autolens as al
from autoarray import exc as aa_exc

PIXEL = 0.1


def _tracer():
    return al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=al.lp.Sersic(intensity=0.5, effective_radius=0.3),
                mass=al.mp.Isothermal(einstein_radius=0.5, ell_comps=(0.05, 0.0)),
                shear=al.mp.ExternalShear(gamma_1=0.02, gamma_2=0.0),
            ),
            al.Galaxy(
                redshift=1.0,
                bulge=al.lp.Sersic(centre=(0.05, 0.05), intensity=1.0, effective_radius=0.1),
            ),
        ]
    )


def _simulator(**kwargs):
    psf = al.Convolver.from_gaussian((5, 5), pixel_scales=PIXEL, sigma=0.1)
    return al.SimulatorImaging(
        exposure_time=300.0, psf=psf, background_sky_level=0.1, noise_seed=7, **kwargs
    )


def test_via_tracer_from_is_seeded_and_has_positive_noise():
    grid = al.Grid2D.uniform((21, 21), pixel_scales=PIXEL, over_sample_size=2)
    first = _simulator().via_tracer_from(_tracer(), grid)
    second = _simulator().via_tracer_from(_tracer(), grid)
    assert first.shape_native == (21, 21)
    assert first.pixel_scales == (PIXEL, PIXEL)
    np.testing.assert_array_equal(first.data.native.array, second.data.native.array)
    assert np.all(first.noise_map.array > 0.0)
    assert first.psf.kernel.array.sum() == pytest.approx(1.0, abs=1e-12)
    # Noise-free: the data are the PSF-blurred ray-traced image (light outside the grid included).
    noiseless = _simulator(add_poisson_noise_to_data=False).via_tracer_from(_tracer(), grid)
    expected = _tracer().unmasked_blurred_image_2d_from(grid, noiseless.psf)
    np.testing.assert_allclose(
        noiseless.data.native.array, expected.native.array, rtol=1e-8, atol=1e-12
    )


def test_output_dataset_to_fits_round_trip_with_tracer_json(tmp_path):
    grid = al.Grid2D.uniform((15, 15), pixel_scales=PIXEL, over_sample_size=1)
    tracer = _tracer()
    dataset = _simulator().via_tracer_from(tracer, grid)
    folder = tmp_path / "dataset"
    al.output_dataset_to_fits(dataset, folder, tracer=tracer)
    for name in ("data.fits", "noise_map.fits", "psf.fits", "tracer.json"):
        assert (folder / name).exists(), name
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]

    loaded = al.Imaging.from_fits(
        data_path=folder / "data.fits",
        noise_map_path=folder / "noise_map.fits",
        psf_path=folder / "psf.fits",
        pixel_scales=PIXEL,
    )
    np.testing.assert_allclose(loaded.data.native.array, dataset.data.native.array)
    np.testing.assert_allclose(loaded.noise_map.native.array, dataset.noise_map.native.array)
    np.testing.assert_allclose(loaded.psf.kernel.native.array, dataset.psf.kernel.native.array)

    json.loads((folder / "tracer.json").read_text())  # valid JSON
    reloaded = al.tracer_from_json(folder / "tracer.json")
    assert isinstance(reloaded, al.Tracer)
    assert reloaded.plane_redshifts == tracer.plane_redshifts
    points = al.Grid2DIrregular([(0.3, 0.2), (-0.4, 0.1)])
    np.testing.assert_allclose(
        reloaded.image_2d_from(points).array, tracer.image_2d_from(points).array, rtol=1e-12
    )


def test_output_to_fits_refuses_to_overwrite_unless_asked(tmp_path):
    grid = al.Grid2D.uniform((9, 9), pixel_scales=PIXEL, over_sample_size=1)
    dataset = _simulator().via_tracer_from(_tracer(), grid)
    al.output_dataset_to_fits(dataset, tmp_path, overwrite=False)
    with pytest.raises(aa_exc.FitsException):
        al.output_dataset_to_fits(dataset, tmp_path, overwrite=False)
    al.output_dataset_to_fits(dataset, tmp_path, overwrite=True)
