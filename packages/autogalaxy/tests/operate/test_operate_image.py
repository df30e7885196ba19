import numpy as np
import pytest
from scipy.signal import convolve2d

import autoarray as aa
from autoarray.operators.convolver import Convolver
from autogalaxy.galaxy import Galaxies, Galaxy
from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.operated import LightProfileOperated


class OperatedGaussian(LightProfileOperated, lp.Gaussian):
    pass


@pytest.fixture
def setup():
    mask = aa.Mask2D.circular(shape_native=(15, 15), radius=0.9, pixel_scales=0.2)
    psf = Convolver.from_gaussian(shape_native=(3, 3), pixel_scales=0.2, sigma=0.3, normalize=True)
    grid = aa.Grid2D.from_mask(mask=mask, over_sample_size=2)
    blurring_grid = aa.Grid2D.blurring_grid_from(mask=mask, kernel_shape_native=psf.shape_native)
    return grid, blurring_grid, psf


def test__blurred_image_is_psf_convolution_of_image_and_blurring_image(setup):
    grid, blurring_grid, psf = setup
    galaxy = Galaxy(
        redshift=0.5,
        bulge=lp.Sersic(intensity=1.0, effective_radius=0.6, sersic_index=2.0),
    )
    blurred = galaxy.blurred_image_2d_from(grid=grid, blurring_grid=blurring_grid, psf=psf)
    assert isinstance(blurred, aa.Array2D)
    expected = psf.convolved_image_from(
        image=galaxy.image_2d_from(grid=grid),
        blurring_image=galaxy.image_2d_from(grid=blurring_grid),
    )
    assert blurred.array == pytest.approx(expected.array, rel=1e-12)

    galaxies = Galaxies([galaxy, Galaxy(redshift=0.5, disk=lp.Gaussian(sigma=0.3))])
    blurred_sum = galaxies.blurred_image_2d_from(grid=grid, blurring_grid=blurring_grid, psf=psf)
    blurred_list = galaxies.blurred_image_2d_list_from(
        grid=grid, blurring_grid=blurring_grid, psf=psf
    )
    assert blurred_sum.array == pytest.approx(
        blurred_list[0].array + blurred_list[1].array, rel=1e-10
    )
    blurred_dict = galaxies.galaxy_blurred_image_2d_dict_from(
        grid=grid, blurring_grid=blurring_grid, psf=psf
    )
    assert blurred_dict[galaxy].array == pytest.approx(blurred.array, rel=1e-12)


def test__operated_profiles_are_added_unconvolved(setup):
    grid, blurring_grid, psf = setup
    bulge = lp.Sersic(intensity=1.0, effective_radius=0.6, sersic_index=2.0)
    operated = OperatedGaussian(intensity=0.5, sigma=0.2)
    galaxy = Galaxy(redshift=0.5, bulge=bulge, psf_light=operated)
    plain = Galaxy(redshift=0.5, bulge=bulge)

    blurred = galaxy.blurred_image_2d_from(grid=grid, blurring_grid=blurring_grid, psf=psf)
    expected = (
        plain.blurred_image_2d_from(grid=grid, blurring_grid=blurring_grid, psf=psf).array
        + operated.image_2d_from(grid=grid).array
    )
    assert blurred.array == pytest.approx(expected, rel=1e-12)


def test__padded_and_unmasked_blurred_images(setup):
    grid, _, psf = setup
    galaxy = Galaxy(redshift=0.5, light=lp.Gaussian(intensity=1.0, sigma=0.4))

    padded = galaxy.padded_image_2d_from(grid=grid, psf_shape_2d=(3, 3))
    assert padded.shape_native == (17, 17)

    unmasked = galaxy.unmasked_blurred_image_2d_from(grid=grid, psf=psf)
    assert unmasked.shape_native == (15, 15)
    padded_native = np.asarray(padded.native.array)
    expected = convolve2d(padded_native, psf.kernel_native, mode="same")[1:-1, 1:-1]
    assert np.asarray(unmasked.native.array) == pytest.approx(expected, rel=1e-10, abs=1e-14)


@pytest.mark.parametrize("sub_size, materialised", [(1, False), (2, True)])
def test__over_sampled_images_are_convolved_as_materialised_values(sub_size, materialised):
    # Over-sampled binning writes the values to memory (a reduction), so the JAX canvas needs
    # no zero-slot sum to force it; without over-sampling it does (ConvolverState.canvas_from).
    from autogalaxy.operate.image import blurred_image_raw_from

    mask = aa.Mask2D.circular(shape_native=(15, 15), radius=0.9, pixel_scales=0.2)
    grid = aa.Grid2D.from_mask(mask=mask, over_sample_size=sub_size)
    over_sampler = grid.over_sampler
    n_sub = int(grid.over_sampled.shape[0])
    seen = {}

    class RecordingPSF:
        def convolved_image_from(self, image, blurring_image, xp=np, mask=None, **kwargs):
            seen.update(kwargs)
            return image

    unbinned = np.ones(n_sub + 5)
    blurred = blurred_image_raw_from(unbinned, None, n_sub, over_sampler, RecordingPSF(), mask)
    assert seen == {"materialised": materialised}
    assert blurred.shape == (mask.pixels_in_mask,)
