"""autogalaxy SimulatorImaging: imaging of galaxies (no lensing) on a padded grid."""

import numpy as np

import autogalaxy as ag

PIXEL = 0.1


def test_via_galaxies_from_matches_blurred_sum_of_galaxy_images():
    grid = ag.Grid2D.uniform((15, 15), pixel_scales=PIXEL, over_sample_size=2)
    psf = ag.Convolver.from_gaussian((5, 5), pixel_scales=PIXEL, sigma=0.1)
    galaxies = [
        ag.Galaxy(redshift=0.5, bulge=ag.lp.Sersic(intensity=1.0, effective_radius=0.3)),
        ag.Galaxy(redshift=0.5, disk=ag.lp.Exponential(centre=(0.2, 0.0), intensity=0.5)),
    ]
    simulator = ag.SimulatorImaging(
        exposure_time=100.0,
        psf=psf,
        add_poisson_noise_to_data=False,
        include_poisson_noise_in_noise_map=False,
    )
    dataset = simulator.via_galaxies_from(galaxies, grid)
    assert dataset.shape_native == (15, 15)

    # Brute force: evaluate on the padded grid, convolve the full image, trim the border.
    padded = grid.padded_grid_from(kernel_shape_native=(5, 5))
    image = sum(g.image_2d_from(grid=padded).native.array for g in galaxies)
    kernel = dataset.psf.kernel.native.array
    full = np.zeros_like(image)
    for i in range(2, image.shape[0] - 2):
        for j in range(2, image.shape[1] - 2):
            full[i, j] = np.sum(image[i - 2 : i + 3, j - 2 : j + 3] * kernel[::-1, ::-1])
    np.testing.assert_allclose(dataset.data.native.array, full[2:-2, 2:-2], rtol=1e-10, atol=1e-14)


def test_seeded_poisson_noise_is_reproducible():
    grid = ag.Grid2D.uniform((9, 9), pixel_scales=PIXEL, over_sample_size=1)
    galaxy = ag.Galaxy(redshift=0.5, bulge=ag.lp.Gaussian(intensity=2.0, sigma=0.2))
    simulator = ag.SimulatorImaging(exposure_time=50.0, background_sky_level=1.0, noise_seed=3)
    a = simulator.via_galaxies_from([galaxy], grid)
    b = ag.SimulatorImaging(
        exposure_time=50.0, background_sky_level=1.0, noise_seed=3
    ).via_galaxies_from([galaxy], grid)
    np.testing.assert_array_equal(a.data.native.array, b.data.native.array)
    assert np.all(np.isfinite(a.noise_map.array)) and np.all(a.noise_map.array > 0.0)
