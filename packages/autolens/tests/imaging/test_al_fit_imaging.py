import os

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc as aa_exc
from autoarray.dataset.dataset_model import DatasetModel
from autoarray.dataset.imaging import Imaging
from autoarray.operators.convolver import Convolver
from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.imaging.fit_imaging import FitImaging as AgFitImaging
from autogalaxy.imaging.settings import SettingsInversion
from autogalaxy.modeling.model import Collection, Model
from autogalaxy.profiles.light.basis import Basis
from autogalaxy.profiles.light.linear.gaussian import Gaussian as LinearGaussian
from autogalaxy.profiles.light.linear.sersic import Sersic as LinearSersic
from autogalaxy.profiles.light.standard.gaussian import Gaussian
from autogalaxy.profiles.light.standard.sersic import Sersic
from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph
from autolens.imaging.analysis import AnalysisImaging
from autolens.imaging.fit_imaging import FitImaging
from autolens.imaging.simulator import SimulatorImaging, tracer_from_json, tracer_to_json
from autolens.lens.tracer import Tracer

PIXEL = 0.1


def small_dataset(psf=None, over_sample_size=1):
    """A 7x7 dataset with a 3x3 unmasked centre, simple data and noise."""
    mask = np.full((7, 7), True)
    mask[2:5, 2:5] = False
    mask = aa.Mask2D(mask, pixel_scales=PIXEL)
    data = aa.Array2D(np.arange(1.0, 50.0).reshape(7, 7) / 10.0, mask)
    noise = aa.Array2D(np.full((7, 7), 2.0), mask)
    return Imaging(data, noise, psf=psf, over_sample_size_lp=over_sample_size)


def gaussian_values(points, intensity, sigma, centre=(0.0, 0.0)):
    d = np.asarray(points) - np.asarray(centre)
    return intensity * np.exp(-0.5 * np.sum(d**2, axis=1) / sigma**2)


def noiseless_dataset(tracer, shape=(30, 30), radius=1.2, psf_sigma=0.1):
    grid = aa.Grid2D.uniform(shape, PIXEL, over_sample_size=1)
    psf = Convolver.from_gaussian((3, 3), PIXEL, sigma=psf_sigma)
    simulator = SimulatorImaging(
        exposure_time=1000.0,
        psf=psf,
        add_poisson_noise_to_data=False,
        include_poisson_noise_in_noise_map=False,
        noise_if_add_noise_false=1.0,
    )
    dataset = simulator.via_tracer_from(tracer, grid)
    mask = aa.Mask2D.circular(shape, radius=radius, pixel_scales=PIXEL)
    return dataset.apply_mask(mask)


def true_tracer():
    lens = Galaxy(
        0.5,
        bulge=Sersic(ell_comps=(0.05, 0.0), intensity=1.3, effective_radius=0.4, sersic_index=2.5),
        mass=Isothermal(ell_comps=(0.0, 0.1), einstein_radius=0.8),
    )
    source = Galaxy(
        1.0,
        bulge=Sersic(centre=(0.05, 0.02), intensity=0.7, effective_radius=0.2, sersic_index=1.0),
        mge=Basis(
            [
                Gaussian(centre=(0.0, 0.05), intensity=0.4, sigma=0.1),
                Gaussian(centre=(0.0, 0.05), intensity=0.2, sigma=0.3),
            ]
        ),
    )
    return Tracer([lens, source])


def linear_tracer(mass=None):
    lens = Galaxy(
        0.5,
        bulge=LinearSersic(ell_comps=(0.05, 0.0), effective_radius=0.4, sersic_index=2.5),
        mass=mass or Isothermal(ell_comps=(0.0, 0.1), einstein_radius=0.8),
    )
    source = Galaxy(
        1.0,
        bulge=LinearSersic(centre=(0.05, 0.02), effective_radius=0.2, sersic_index=1.0),
        mge=Basis(
            [
                LinearGaussian(centre=(0.0, 0.05), sigma=0.1),
                LinearGaussian(centre=(0.0, 0.05), sigma=0.3),
            ]
        ),
    )
    return Tracer([lens, source])


TRUE_INTENSITIES = [1.3, 0.7, 0.4, 0.2]


class TestStandardFit:
    def test_quantities_by_hand_without_psf_blur(self):
        dataset = small_dataset(psf=Convolver.no_blur(PIXEL))
        galaxy = Galaxy(0.5, light=Gaussian(intensity=3.0, sigma=0.15))
        fit = FitImaging(dataset, Tracer([galaxy]))
        points = np.asarray(dataset.grids.lp.array)
        model = gaussian_values(points, 3.0, 0.15)
        data = np.asarray(dataset.data.array)
        residual = data - model
        chi2 = np.sum((residual / 2.0) ** 2)
        norm = 9 * np.log(2.0 * np.pi * 4.0)
        np.testing.assert_allclose(fit.model_data.array, model, rtol=1e-12)
        np.testing.assert_allclose(fit.residual_map.array, residual, rtol=1e-12)
        np.testing.assert_allclose(fit.normalized_residual_map.array, residual / 2.0, rtol=1e-12)
        np.testing.assert_allclose(fit.chi_squared_map.array, (residual / 2.0) ** 2, rtol=1e-12)
        assert fit.chi_squared == pytest.approx(chi2, rel=1e-12)
        assert fit.noise_normalization == pytest.approx(norm, rel=1e-12)
        assert fit.log_likelihood == pytest.approx(-0.5 * (chi2 + norm), rel=1e-12)
        assert fit.figure_of_merit == fit.log_likelihood
        assert fit.log_evidence is None
        assert fit.inversion is None
        assert fit.reduced_chi_squared == pytest.approx(chi2 / 9)
        assert fit.linear_light_profile_intensity_dict == {}
        assert not fit.perform_inversion

    def test_psf_blurring_and_over_sampling_match_manual_convolution(self):
        psf = Convolver.from_gaussian((3, 3), PIXEL, sigma=0.1, normalize=True)
        dataset = small_dataset(psf=psf, over_sample_size=2)
        tracer = Tracer(
            [
                Galaxy(
                    0.5,
                    light=Gaussian(intensity=2.0, sigma=0.2),
                    mass=IsothermalSph(einstein_radius=0.15),
                ),
                Galaxy(1.0, light=Gaussian(intensity=1.0, sigma=0.1)),
            ]
        )
        fit = FitImaging(dataset, tracer)
        image = tracer.image_2d_from(dataset.grids.lp)
        blurring = tracer.image_2d_from(dataset.grids.blurring)
        expected = dataset.psf.convolved_image_from(image, blurring)
        np.testing.assert_allclose(fit.blurred_image.array, expected.array, rtol=1e-12)
        np.testing.assert_allclose(fit.model_data.array, expected.array, rtol=1e-12)
        total = sum(img.array for img in fit.galaxy_model_image_dict.values())
        np.testing.assert_allclose(total, fit.model_data.array, rtol=1e-12)

    def test_galaxy_level_fit_equals_single_plane_tracer(self):
        psf = Convolver.from_gaussian((3, 3), PIXEL, sigma=0.1, normalize=True)
        dataset = small_dataset(psf=psf, over_sample_size=2)
        galaxies = [
            Galaxy(0.5, light=Gaussian(intensity=2.0, sigma=0.2)),
            Galaxy(0.5, light=LinearGaussian(sigma=0.3)),
        ]
        fit_ag = AgFitImaging(dataset, galaxies)
        fit_al = FitImaging(dataset, Tracer(galaxies))
        assert fit_ag.log_likelihood == pytest.approx(fit_al.log_likelihood, rel=1e-13)
        np.testing.assert_allclose(fit_ag.model_data.array, fit_al.model_data.array, rtol=1e-13)

    def test_dataset_model_sky_and_offset(self):
        psf = Convolver.from_gaussian((3, 3), PIXEL, sigma=0.1, normalize=True)
        dataset = small_dataset(psf=psf)
        galaxy = Galaxy(0.5, light=Gaussian(centre=(0.05, -0.02), intensity=2.0, sigma=0.2))
        fit = FitImaging(
            dataset,
            Tracer([galaxy]),
            dataset_model=DatasetModel(background_sky_level=0.1, grid_offset=(-0.05, 0.02)),
        )
        np.testing.assert_allclose(fit.data.array, dataset.data.array - 0.1, rtol=1e-12)
        centred = Galaxy(0.5, light=Gaussian(intensity=2.0, sigma=0.2))
        reference = FitImaging(dataset, Tracer([centred]))
        np.testing.assert_allclose(fit.model_data.array, reference.model_data.array, rtol=1e-12)

    def test_no_psf_raises_clear_exception(self):
        dataset = small_dataset(psf=None)
        with pytest.raises(aa_exc.FitException, match="PSF"):
            FitImaging(dataset, Tracer([Galaxy(0.5, light=Gaussian(intensity=1.0))]))
        # Nothing to blur: fine without a PSF.
        fit = FitImaging(dataset, Tracer([Galaxy(0.5)]))
        np.testing.assert_allclose(fit.model_data.array, 0.0)


class TestLinearFit:
    def test_recovers_true_intensities_of_noiseless_lens(self):
        dataset = noiseless_dataset(true_tracer())
        settings = SettingsInversion(no_regularization_add_to_curvature_diag_value=0.0)
        fit = FitImaging(dataset, linear_tracer(), settings=settings)
        np.testing.assert_allclose(fit.inversion.reconstruction, TRUE_INTENSITIES, rtol=1e-8)
        assert fit.chi_squared < 1e-15
        np.testing.assert_allclose(fit.model_data.array, dataset.data.array, rtol=1e-8, atol=1e-12)
        intensities = list(fit.linear_light_profile_intensity_dict.values())
        np.testing.assert_allclose(intensities, TRUE_INTENSITIES, rtol=1e-8)
        lstsq = FitImaging(
            dataset,
            linear_tracer(),
            settings=SettingsInversion(
                use_positive_only_solver=False, no_regularization_add_to_curvature_diag_value=0.0
            ),
        )
        np.testing.assert_allclose(lstsq.inversion.reconstruction, TRUE_INTENSITIES, rtol=1e-8)

    def test_default_settings_close_to_truth_and_evidence_equals_likelihood(self):
        dataset = noiseless_dataset(true_tracer())
        fit = FitImaging(dataset, linear_tracer())
        np.testing.assert_allclose(fit.inversion.reconstruction, TRUE_INTENSITIES, rtol=1e-3)
        assert fit.log_evidence == pytest.approx(fit.log_likelihood, rel=1e-14)
        assert fit.figure_of_merit == fit.log_evidence
        B = fit.inversion.operated_mapping_matrix
        np.testing.assert_allclose(
            fit.model_data.array,
            fit.blurred_image.array + B @ fit.inversion.reconstruction,
            rtol=1e-12,
        )

    def test_mapping_matrix_by_hand(self):
        psf = Convolver.from_gaussian((3, 3), PIXEL, sigma=0.1, normalize=True)
        dataset = small_dataset(psf=psf, over_sample_size=2)
        profile = LinearGaussian(sigma=0.2)
        fit = FitImaging(
            dataset,
            Tracer([Galaxy(0.5, light=profile)]),
            settings=SettingsInversion(use_positive_only_solver=False),
        )
        unit = Tracer([Galaxy(0.5, light=Gaussian(intensity=1.0, sigma=0.2))])
        column = dataset.psf.convolved_image_from(
            unit.image_2d_from(dataset.grids.lp), unit.image_2d_from(dataset.grids.blurring)
        ).array
        np.testing.assert_allclose(fit.inversion.operated_mapping_matrix[:, 0], column, rtol=1e-12)
        d = np.asarray(dataset.data.array)
        D = column @ (d / 4.0)
        F = column @ (column / 4.0) + 1e-3
        assert fit.inversion.reconstruction[0] == pytest.approx(D / F, rel=1e-12)

    def test_nnls_non_negative_and_equal_to_lstsq_when_positive(self):
        tracer = Tracer(
            [
                Galaxy(
                    0.5, a=Gaussian(intensity=1.0, sigma=0.3), b=Gaussian(intensity=-0.3, sigma=0.1)
                )
            ]
        )
        dataset = noiseless_dataset(tracer, shape=(20, 20), radius=0.8)
        model = Tracer([Galaxy(0.5, a=LinearGaussian(sigma=0.3), b=LinearGaussian(sigma=0.1))])
        lstsq = FitImaging(
            dataset, model, settings=SettingsInversion(use_positive_only_solver=False)
        )
        nnls = FitImaging(dataset, model)
        assert lstsq.inversion.reconstruction[1] < 0.0
        assert np.all(nnls.inversion.reconstruction >= 0.0)
        assert nnls.chi_squared >= lstsq.chi_squared
        positive = Tracer(
            [
                Galaxy(
                    0.5, a=Gaussian(intensity=1.0, sigma=0.3), b=Gaussian(intensity=0.3, sigma=0.1)
                )
            ]
        )
        dataset = noiseless_dataset(positive, shape=(20, 20), radius=0.8)
        lstsq = FitImaging(
            dataset, model, settings=SettingsInversion(use_positive_only_solver=False)
        )
        nnls = FitImaging(dataset, model)
        assert np.all(lstsq.inversion.reconstruction > 0.0)
        np.testing.assert_allclose(
            nnls.inversion.reconstruction, lstsq.inversion.reconstruction, rtol=1e-10
        )

    def test_singular_system_raises_inversion_exception(self):
        dataset = noiseless_dataset(true_tracer(), shape=(20, 20), radius=0.8)
        twins = Tracer([Galaxy(0.5, a=LinearGaussian(sigma=0.3), b=LinearGaussian(sigma=0.3))])
        settings = SettingsInversion(
            use_positive_only_solver=False, no_regularization_add_to_curvature_diag_value=0.0
        )
        with pytest.raises(aa_exc.InversionException):
            FitImaging(dataset, twins, settings=settings)
        # A linear profile with no light in the mask gives a zero column: singular for both.
        outside = Tracer(
            [
                Galaxy(
                    0.5,
                    a=LinearGaussian(sigma=0.3),
                    b=LinearGaussian(centre=(50.0, 50.0), sigma=0.01),
                )
            ]
        )
        for positive in (True, False):
            settings = SettingsInversion(
                use_positive_only_solver=positive, no_regularization_add_to_curvature_diag_value=0.0
            )
            with pytest.raises(aa_exc.InversionException):
                FitImaging(dataset, outside, settings=settings)

    def test_linear_profiles_replaced_by_solved_standard_profiles(self):
        dataset = noiseless_dataset(true_tracer(), shape=(20, 20), radius=0.8)
        fit = FitImaging(dataset, linear_tracer())
        tracer = fit.tracer_linear_light_profiles_to_light_profiles
        # Properties, as in PyAutoLens (scripts read them without calling).
        for name in (
            "tracer_linear_light_profiles_to_light_profiles",
            "model_obj_linear_light_profiles_to_light_profiles",
        ):
            assert isinstance(getattr(FitImaging, name), property), name
        model_obj = fit.model_obj_linear_light_profiles_to_light_profiles
        assert model_obj.galaxies[0].bulge.intensity == tracer.galaxies[0].bulge.intensity
        assert not tracer.perform_inversion
        assert isinstance(tracer.galaxies[0].bulge, Sersic)
        assert tracer.galaxies[0].bulge.intensity == pytest.approx(fit.inversion.reconstruction[0])
        assert tracer.galaxies[1].mge.profile_list[1].intensity == pytest.approx(
            fit.inversion.reconstruction[3]
        )
        standard = FitImaging(dataset, tracer)
        np.testing.assert_allclose(standard.model_data.array, fit.model_data.array, rtol=1e-10)
        model_images = fit.galaxy_model_image_dict
        total = sum(image.array for image in model_images.values())
        np.testing.assert_allclose(total, fit.model_data.array, rtol=1e-10)


class TestSimulatorAndAnalysis:
    def test_simulator_matches_unmasked_blurred_image(self):
        tracer = true_tracer()
        grid = aa.Grid2D.uniform((20, 20), PIXEL, over_sample_size=2)
        psf = Convolver.from_gaussian((5, 5), PIXEL, sigma=0.1, normalize=True)
        simulator = SimulatorImaging(
            exposure_time=100.0,
            psf=psf,
            add_poisson_noise_to_data=False,
            include_poisson_noise_in_noise_map=False,
        )
        dataset = simulator.via_tracer_from(tracer, grid)
        assert dataset.shape_native == (20, 20)
        expected = tracer.unmasked_blurred_image_2d_from(grid, psf)
        np.testing.assert_allclose(
            dataset.data.native.array, expected.native.array, rtol=1e-8, atol=1e-12
        )

    def test_tracer_json_round_trip(self, tmp_path):
        tracer = linear_tracer(mass=Isothermal(centre=(0.1, 0.0), einstein_radius=1.1))
        path = tmp_path / "tracer.json"
        tracer_to_json(tracer, path)
        loaded = tracer_from_json(path)
        assert isinstance(loaded, Tracer)
        assert loaded.plane_redshifts == tracer.plane_redshifts
        assert loaded.galaxies[0].mass.centre == (0.1, 0.0)
        assert isinstance(loaded.galaxies[1].mge, Basis)
        grid = aa.Grid2DIrregular([(0.3, 0.2), (-0.5, 0.4)])
        np.testing.assert_allclose(
            loaded.deflections_yx_2d_from(grid).array, tracer.deflections_yx_2d_from(grid).array
        )

    def test_analysis_numpy(self, tmp_path):
        dataset = noiseless_dataset(true_tracer(), shape=(20, 20), radius=0.8)
        model = Collection(
            galaxies=Collection(
                lens=Model(Galaxy, redshift=0.5, bulge=LinearSersic, mass=Isothermal),
                source=Model(Galaxy, redshift=1.0, bulge=LinearSersic),
            )
        )
        analysis = AnalysisImaging(dataset)
        assert analysis.use_jax is False and analysis._xp is np
        instance = model.instance_from_prior_medians()
        fit = analysis.fit_from(instance)
        assert isinstance(fit, FitImaging)
        assert analysis.log_likelihood_function(instance) == fit.figure_of_merit
        analysis.visualize(tmp_path, instance)
        assert os.path.getsize(tmp_path / "fit.png") > 1000

        class _Result:
            max_log_likelihood_instance = instance

        analysis.save_results(tmp_path, _Result())
        loaded = tracer_from_json(tmp_path / "tracer.json")
        assert loaded.total_planes == 2
