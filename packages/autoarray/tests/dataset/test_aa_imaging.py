import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.dataset import DatasetModel, Imaging, SimulatorImaging
from autoarray.operators.convolver import Convolver


def _imaging(shape=(15, 15), psf=True, seed=0):
    rng = np.random.default_rng(seed)
    data = aa.Array2D.no_mask(rng.normal(size=shape), pixel_scales=0.2)
    noise = aa.Array2D.no_mask(np.full(shape, 2.0), pixel_scales=0.2)
    kernel = Convolver.from_gaussian((5, 5), pixel_scales=0.2, sigma=0.3) if psf else None
    return Imaging(data, noise, psf=kernel)


def test_basic_properties_and_normalised_psf():
    imaging = _imaging()
    assert imaging.shape_native == (15, 15)
    assert imaging.pixel_scales == (0.2, 0.2)
    assert imaging.mask.is_all_false
    assert imaging.psf.kernel.array.sum() == pytest.approx(1.0)
    snr = imaging.signal_to_noise_map.array
    np.testing.assert_allclose(snr, np.maximum(imaging.data.array / 2.0, 0.0))
    assert imaging.signal_to_noise_max == pytest.approx(snr.max())
    raw = Imaging(
        imaging.data,
        imaging.noise_map,
        psf=Convolver(np.ones((3, 3)), pixel_scales=0.2),
        use_normalized_psf=False,
    )
    assert raw.psf.kernel.array.sum() == pytest.approx(9.0)


def test_grids_cached_and_blurring():
    imaging = _imaging().apply_mask(aa.Mask2D.circular((15, 15), radius=0.7, pixel_scales=0.2))
    grids = imaging.grids
    assert imaging.grids is grids
    assert grids.lp is grids.lp
    assert imaging.grid is grids.lp
    assert grids.lp.shape[0] == imaging.mask.pixels_in_mask
    np.testing.assert_array_equal(np.asarray(grids.lp.over_sample_size.array), 4)
    blurring = grids.blurring
    assert grids.blurring is blurring
    expected = imaging.mask.derive_mask.blurring_from((5, 5), allow_padding=True)
    assert blurring.shape[0] == expected.pixels_in_mask
    np.testing.assert_array_equal(np.asarray(blurring.over_sample_size.array), 1)
    assert _imaging(psf=False).grids.blurring is None
    oversampled = imaging.apply_over_sampling(over_sample_size_lp=2)
    np.testing.assert_array_equal(np.asarray(oversampled.grids.lp.over_sample_size.array), 2)


@pytest.mark.parametrize("bad", [0.0, -1.0, np.nan, np.inf])
def test_noise_map_validation(bad):
    noise = np.full((5, 5), 1.0)
    noise[2, 2] = bad
    data = aa.Array2D.no_mask(np.ones((5, 5)), pixel_scales=0.1)
    with pytest.raises(exc.DatasetException):
        Imaging(data, aa.Array2D.no_mask(noise, pixel_scales=0.1))
    # masked bad pixels are fine
    mask = aa.Mask2D.all_false((5, 5), 0.1)
    mask_array = mask.array.copy()
    mask_array[2, 2] = True
    mask = aa.Mask2D(mask_array, pixel_scales=0.1)
    Imaging(aa.Array2D(np.ones((5, 5)), mask), aa.Array2D(noise, mask))
    Imaging(data, aa.Array2D.no_mask(noise, pixel_scales=0.1), check_noise_map=False)


def test_data_and_shape_validation():
    good = aa.Array2D.no_mask(np.ones((5, 5)), pixel_scales=0.1)
    values = np.ones((5, 5))
    values[1, 1] = np.nan
    with pytest.raises(exc.DatasetException):
        Imaging(aa.Array2D.no_mask(values, pixel_scales=0.1), good)
    with pytest.raises(exc.DatasetException):
        Imaging(good, aa.Array2D.no_mask(np.ones((6, 5)), pixel_scales=0.1))
    with pytest.raises(exc.DatasetException):
        Imaging(good, np.ones((4, 4)))
    with pytest.raises(exc.DatasetException):
        Imaging(good, None)


def test_apply_mask_rules():
    imaging = _imaging()
    with pytest.raises(exc.DatasetException):
        imaging.apply_mask(aa.Mask2D.all_false((10, 10), 0.2))
    with pytest.raises(exc.DatasetException):
        imaging.apply_mask(aa.Mask2D(np.ones((15, 15), dtype=bool), pixel_scales=0.2))
    small = aa.Mask2D.circular((15, 15), radius=0.5, pixel_scales=0.2)
    big = aa.Mask2D.circular((15, 15), radius=1.0, pixel_scales=0.2)
    masked = imaging.apply_mask(small)
    assert masked.mask is small
    np.testing.assert_allclose(masked.data.array, imaging.data.native.array[~small.array])
    with pytest.raises(exc.DatasetException):
        masked.apply_mask(big)
    masked.apply_mask(small)


def test_fits_round_trip_and_errors(tmp_path):
    imaging = _imaging()
    paths = [tmp_path / "data.fits", tmp_path / "noise.fits", tmp_path / "psf.fits"]
    imaging.output_to_fits(*paths)
    loaded = Imaging.from_fits(paths[0], paths[1], pixel_scales=0.2, psf_path=paths[2])
    np.testing.assert_allclose(loaded.data.native.array, imaging.data.native.array)
    np.testing.assert_allclose(loaded.noise_map.native.array, imaging.noise_map.native.array)
    np.testing.assert_allclose(loaded.psf.kernel_native, imaging.psf.kernel_native)
    assert loaded.pixel_scales == (0.2, 0.2)
    with pytest.raises(exc.FitsException):
        imaging.output_to_fits(*paths)
    imaging.output_to_fits(*paths, overwrite=True)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    missing = tmp_path / "nothing_here.fits"
    with pytest.raises(exc.FitsException, match="nothing_here.fits"):
        Imaging.from_fits(missing, paths[1], pixel_scales=0.2)
    from astropy.io import fits

    cube = tmp_path / "cube.fits"
    fits.PrimaryHDU(np.ones((2, 3, 3))).writeto(cube)
    with pytest.raises(exc.FitsException, match="cube.fits"):
        Imaging.from_fits(cube, paths[1], pixel_scales=0.2)
    with pytest.raises(exc.FitsException, match="cube.fits"):
        Imaging.from_fits(paths[0], paths[1], pixel_scales=0.2, psf_path=cube)


def test_trimmed_after_convolution():
    imaging = _imaging(shape=(19, 19))
    trimmed = imaging.trimmed_after_convolution_from((5, 5))
    assert trimmed.shape_native == (15, 15)
    np.testing.assert_allclose(trimmed.data.native.array, imaging.data.native.array[2:-2, 2:-2])
    assert trimmed.mask.is_all_false


def test_dataset_model_defaults():
    model = DatasetModel()
    assert model.background_sky_level == 0.0
    assert model.grid_offset == (0.0, 0.0)


def test_simulator_reproducible_and_noise_statistics():
    image = aa.Array2D.no_mask(np.full((40, 40), 5.0), pixel_scales=0.1)
    psf = Convolver.from_gaussian((3, 3), pixel_scales=0.1, sigma=0.1)
    simulator = SimulatorImaging(
        exposure_time=100.0, background_sky_level=2.0, psf=psf, noise_seed=1
    )
    a = simulator.via_image_from(image)
    b = simulator.via_image_from(image)
    np.testing.assert_array_equal(a.data.array, b.data.array)
    assert a.psf.kernel.array.sum() == pytest.approx(1.0)
    other = SimulatorImaging(exposure_time=100.0, background_sky_level=2.0, psf=psf, noise_seed=2)
    assert not np.array_equal(other.via_image_from(image).data.array, a.data.array)

    interior = a.data.native.array[2:-2, 2:-2]
    # sky subtracted: mean ~ 5; Poisson std of (5 + 2) * 100 counts / 100
    assert interior.mean() == pytest.approx(5.0, abs=0.05)
    assert interior.std() == pytest.approx(np.sqrt(700.0) / 100.0, rel=0.1)
    noise = a.noise_map.native.array
    np.testing.assert_allclose(noise, np.sqrt(np.abs((a.data.native.array + 2.0) * 100.0)) / 100.0)

    clean = SimulatorImaging(
        exposure_time=100.0,
        psf=psf,
        add_poisson_noise_to_data=False,
        include_poisson_noise_in_noise_map=False,
        noise_if_add_noise_false=0.3,
    ).via_image_from(image, over_sample_size=2)
    np.testing.assert_allclose(clean.data.native.array[2:-2, 2:-2], 5.0, rtol=1e-12)
    np.testing.assert_allclose(clean.noise_map.array, 0.3)
    np.testing.assert_array_equal(np.asarray(clean.grids.lp.over_sample_size.array), 2)


@pytest.mark.parametrize("time", [0.0, -1.0])
def test_simulator_invalid_exposure(time):
    with pytest.raises(exc.DatasetException):
        SimulatorImaging(exposure_time=time)


def test_simulate_mask_and_fit_end_to_end():
    from autoarray.fit import FitImaging

    def light(coords):
        return 50.0 * np.exp(-(coords[:, 0] ** 2 + coords[:, 1] ** 2) / (2 * 0.8**2))

    grid = aa.Grid2D.uniform((45, 45), pixel_scales=0.1, over_sample_size=1)
    image = aa.Array2D(light(grid.array), grid.mask)
    psf = Convolver.from_gaussian((7, 7), pixel_scales=0.1, sigma=0.15)
    simulator = SimulatorImaging(
        exposure_time=300.0, background_sky_level=1.0, psf=psf, noise_seed=3
    )
    padded_mask = image.padded_before_convolution_from((7, 7)).mask
    padded = aa.Array2D(light(aa.Grid2D.from_mask(padded_mask).array), padded_mask)
    dataset = simulator.via_image_from(padded).trimmed_after_convolution_from((7, 7))
    assert dataset.shape_native == (45, 45)
    assert SimulatorImaging(exposure_time=1.0).via_image_from(image).psf.pixel_scales == (0.1, 0.1)

    mask = aa.Mask2D.circular((45, 45), radius=1.5, pixel_scales=0.1)
    masked = dataset.apply_mask(mask)
    model_image = aa.Array2D(light(masked.grid.array), mask)
    blurring_grid = masked.grids.blurring
    blurring_image = aa.Array2D(light(blurring_grid.array), blurring_grid.mask)
    model = masked.psf.convolved_image_from(model_image, blurring_image)
    fit = FitImaging(masked, model)
    # the true model fits to within the noise: chi^2 per pixel ~ 1
    assert 0.8 < fit.reduced_chi_squared < 1.2
    # ignoring the light scattered in from the blurring region gives a clearly worse fit
    without_blurring = FitImaging(masked, masked.psf.convolved_image_from(model_image, None))
    assert without_blurring.chi_squared > fit.chi_squared + 100.0
