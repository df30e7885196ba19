"""FitImaging with linear light profiles exposes every quantity of the issue checklist, and they
are consistent with each other and with the CONVENTIONS formulas."""

import numpy as np
import pytest

import autolens as al

PIXEL = 0.1


@pytest.fixture(scope="module")
def fit():
    mask = al.Mask2D.circular((21, 21), pixel_scales=PIXEL, radius=0.8)
    truth = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=al.lp.Sersic(intensity=0.3),
                mass=al.mp.Isothermal(einstein_radius=0.5),
            ),
            al.Galaxy(redshift=1.0, bulge=al.lp.Sersic(intensity=1.0, effective_radius=0.1)),
        ]
    )
    grid = al.Grid2D.uniform((21, 21), pixel_scales=PIXEL, over_sample_size=2)
    psf = al.Convolver.from_gaussian((3, 3), pixel_scales=PIXEL, sigma=0.1)
    dataset = (
        al.SimulatorImaging(exposure_time=300.0, psf=psf, noise_seed=1)
        .via_tracer_from(truth, grid)
        .apply_mask(mask)
    )
    model = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                bulge=al.lp_linear.Sersic(),
                mass=al.mp.Isothermal(einstein_radius=0.5),
            ),
            al.Galaxy(redshift=1.0, bulge=al.lp_linear.Sersic(effective_radius=0.1)),
        ]
    )
    return al.FitImaging(dataset=dataset, tracer=model)


def test_maps_and_scalars_follow_the_formulas(fit):
    data, noise = fit.dataset.data.array, fit.dataset.noise_map.array
    model = fit.model_data.array
    np.testing.assert_allclose(fit.residual_map.array, data - model, rtol=1e-12)
    np.testing.assert_allclose(
        fit.normalized_residual_map.array, (data - model) / noise, rtol=1e-12
    )
    np.testing.assert_allclose(fit.chi_squared_map.array, ((data - model) / noise) ** 2, rtol=1e-12)
    assert fit.chi_squared == pytest.approx(np.sum(((data - model) / noise) ** 2), rel=1e-12)
    assert fit.noise_normalization == pytest.approx(np.sum(np.log(2 * np.pi * noise**2)), rel=1e-12)
    assert fit.log_likelihood == pytest.approx(
        -0.5 * (fit.chi_squared + fit.noise_normalization), rel=1e-12
    )
    assert fit.figure_of_merit == pytest.approx(fit.log_likelihood, rel=1e-12)
    for name in ("residual_map", "normalized_residual_map", "chi_squared_map", "model_data"):
        assert isinstance(getattr(fit, name), al.Array2D), name


def test_per_galaxy_and_per_plane_images_sum_to_the_model(fit):
    per_galaxy = fit.galaxy_model_image_dict
    assert len(per_galaxy) == 2
    total = sum(image.array for image in per_galaxy.values())
    np.testing.assert_allclose(total, fit.model_data.array, rtol=1e-12, atol=1e-14)
    planes = sum(image.array for image in fit.model_images_of_planes_list)
    np.testing.assert_allclose(planes, fit.model_data.array, rtol=1e-12, atol=1e-14)


def test_solved_intensities_and_replaced_tracer(fit):
    intensities = np.asarray(fit.inversion.reconstruction)
    assert intensities.shape == (2,) and np.all(intensities > 0.0)
    np.testing.assert_allclose(intensities, [0.3, 1.0], rtol=0.05)
    tracer = fit.tracer_linear_light_profiles_to_light_profiles
    bulges = [galaxy.bulge for galaxy in tracer.galaxies]
    assert all(
        isinstance(b, al.lp.Sersic) and not isinstance(b, al.lp_linear.Sersic) for b in bulges
    )
    np.testing.assert_allclose([b.intensity for b in bulges], intensities, rtol=1e-12)
    standard = al.FitImaging(dataset=fit.dataset, tracer=tracer)
    np.testing.assert_allclose(
        standard.model_data.array, fit.model_data.array, rtol=1e-9, atol=1e-12
    )
