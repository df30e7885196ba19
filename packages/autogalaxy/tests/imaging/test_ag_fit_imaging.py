import json
import os

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc as aa_exc
from autoarray.operators.convolver import Convolver
from autogalaxy.galaxy import to_inversion
from autogalaxy.galaxy.galaxies import Galaxies
from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.imaging.analysis import AnalysisImaging
from autogalaxy.imaging.fit_imaging import FitImaging
from autogalaxy.imaging.fit_statics import fit_statics_from
from autogalaxy.imaging.model_json import model_obj_from_dict, model_obj_to_dict
from autogalaxy.imaging.settings import SettingsInversion, settings_values_from
from autogalaxy.imaging.simulator import SimulatorImaging
from autogalaxy.modeling.model import Collection, Model
from autogalaxy.profiles.light.basis import Basis
from autogalaxy.profiles.light.linear.gaussian import Gaussian as LinearGaussian
from autogalaxy.profiles.light.linear.sersic import Exponential as LinearExponential
from autogalaxy.profiles.light.linear.sersic import Sersic as LinearSersic
from autogalaxy.profiles.light.standard.gaussian import Gaussian
from autogalaxy.profiles.light.standard.sersic import Exponential, Sersic

PIXEL = 0.1


def simulate(galaxies, shape=(24, 24), radius=1.0, over_sample_size=1, noise=1.0):
    grid = aa.Grid2D.uniform(shape, PIXEL, over_sample_size=over_sample_size)
    psf = Convolver.from_gaussian((3, 3), PIXEL, sigma=0.1)
    simulator = SimulatorImaging(
        exposure_time=1000.0,
        psf=psf,
        add_poisson_noise_to_data=False,
        include_poisson_noise_in_noise_map=False,
        noise_if_add_noise_false=noise,
    )
    dataset = simulator.via_galaxies_from(galaxies, grid)
    return dataset.apply_mask(aa.Mask2D.circular(shape, radius=radius, pixel_scales=PIXEL))


def true_galaxies():
    return [
        Galaxy(
            0.5,
            bulge=Sersic(intensity=1.5, effective_radius=0.3, sersic_index=3.0),
            disk=Exponential(ell_comps=(0.1, 0.0), intensity=0.5, effective_radius=0.8),
        )
    ]


def test_settings_defaults():
    assert settings_values_from(None) == (True, 1e-3)
    assert settings_values_from(SettingsInversion(False, 0.0)) == (False, 0.0)


def test_linear_objects_sorting():
    basis = Basis(
        [LinearGaussian(sigma=0.1), Gaussian(intensity=1.0, sigma=0.2), LinearGaussian(sigma=0.3)]
    )
    galaxy = Galaxy(0.5, bulge=LinearExponential(), mge=basis, disk=Exponential())
    objects = to_inversion.linear_objects_from([galaxy])
    assert [o.params for o in objects] == [1, 2]
    assert objects[1].component is basis
    standard = to_inversion.standard_light_profiles_from(galaxy)
    assert standard == [basis.profile_list[1], galaxy.disk]


def test_noiseless_fit_recovers_intensities_and_statics_are_cached():
    dataset = simulate(true_galaxies())
    model = [
        Galaxy(
            0.5,
            bulge=LinearSersic(effective_radius=0.3, sersic_index=3.0),
            disk=LinearExponential(ell_comps=(0.1, 0.0), effective_radius=0.8),
        )
    ]
    fit = FitImaging(
        dataset,
        model,
        settings=SettingsInversion(no_regularization_add_to_curvature_diag_value=0.0),
    )
    np.testing.assert_allclose(fit.inversion.reconstruction, [1.5, 0.5], rtol=1e-8)
    assert isinstance(fit.galaxies, Galaxies)
    assert fit_statics_from(dataset) is fit._statics
    replaced = fit.galaxies_linear_light_profiles_to_light_profiles
    # Properties, as in PyAutoGalaxy.
    assert isinstance(FitImaging.galaxies_linear_light_profiles_to_light_profiles, property)
    assert isinstance(FitImaging.model_obj_linear_light_profiles_to_light_profiles, property)
    assert replaced[0].bulge.intensity == pytest.approx(1.5, rel=1e-8)
    standard = FitImaging(dataset, replaced)
    assert standard.chi_squared < 1e-12


def test_standard_fit_matches_blurred_image_of_galaxies():
    galaxies = true_galaxies()
    dataset = simulate(galaxies, over_sample_size=2, noise=0.5)
    fit = FitImaging(dataset, galaxies)
    expected = Galaxies(galaxies).blurred_image_2d_from(
        dataset.grids.lp, dataset.grids.blurring, dataset.psf
    )
    np.testing.assert_allclose(fit.model_data.array, np.asarray(aa.raw_array(expected)), rtol=1e-12)
    norm = np.sum(np.log(2 * np.pi * 0.25 * np.ones(dataset.mask.pixels_in_mask)))
    assert fit.noise_normalization == pytest.approx(norm, rel=1e-12)
    assert fit.log_likelihood == pytest.approx(-0.5 * (fit.chi_squared + norm), rel=1e-12)


def test_no_psf_raises():
    dataset = simulate(true_galaxies())
    no_psf = type(dataset)(dataset.data, dataset.noise_map, psf=None)
    with pytest.raises(aa_exc.FitException):
        FitImaging(no_psf, true_galaxies())


def test_galaxy_json_round_trip():
    galaxy = Galaxy(
        0.5,
        bulge=Sersic(centre=(0.1, 0.2), intensity=2.0),
        mge=Basis([LinearGaussian(sigma=0.1), LinearGaussian(sigma=0.4)]),
    )
    text = json.dumps(model_obj_to_dict(galaxy))
    loaded = model_obj_from_dict(json.loads(text))
    assert loaded.redshift == 0.5
    assert loaded.bulge.centre == (0.1, 0.2)
    assert loaded.bulge.intensity == 2.0
    assert [p.sigma for p in loaded.mge.profile_list] == [0.1, 0.4]


def test_analysis(tmp_path):
    dataset = simulate(true_galaxies())
    model = Collection(galaxies=Collection(galaxy=Model(Galaxy, redshift=0.5, bulge=Sersic)))
    analysis = AnalysisImaging(dataset)
    instance = model.instance_from_prior_medians()
    fit = analysis.fit_from(instance)
    assert analysis.log_likelihood_function(instance) == fit.figure_of_merit
    analysis.visualize(tmp_path, instance)
    assert os.path.getsize(tmp_path / "fit.png") > 1000

    class _Result:
        max_log_likelihood_instance = instance

    analysis.save_results(tmp_path, _Result())
    assert (tmp_path / "galaxies.json").exists()


def test_threaded_numpy_pass_equals_single_pass():
    """Splitting the per-point work into per-thread blocks gives exactly the single-pass fit."""
    from autoarray import execution

    dataset = simulate(true_galaxies(), over_sample_size=2, noise=0.5)
    standard = [Galaxy(0.5, bulge=Sersic(intensity=1.2, effective_radius=0.35, sersic_index=2.5))]
    linear = [
        Galaxy(
            0.5,
            bulge=LinearSersic(effective_radius=0.3, sersic_index=3.0),
            disk=Exponential(ell_comps=(0.1, 0.0), intensity=0.5, effective_radius=0.8),
        )
    ]
    with execution.using(numpy_threads=1):
        single = [FitImaging(dataset, galaxies) for galaxies in (standard, linear)]
    with execution.using(numpy_threads=3, numpy_parallel_min_points=10):
        assert execution.numpy_chunking_from(100) == (34, 3)
        threaded = [FitImaging(dataset, galaxies) for galaxies in (standard, linear)]
    for a, b in zip(single, threaded):
        assert a.log_likelihood == b.log_likelihood
        np.testing.assert_array_equal(a.model_data.array, b.model_data.array)
    np.testing.assert_array_equal(
        single[1].inversion.reconstruction, threaded[1].inversion.reconstruction
    )


@pytest.mark.parametrize("over_sample_size, materialised", [(1, False), (2, True)])
def test_linear_columns_are_blurred_as_materialised_values_when_over_sampled(
    monkeypatch, over_sample_size, materialised
):
    # Over-sampled columns come out of binning (a reduction), so the JAX canvas needs no
    # zero-slot sum (ConvolverState.canvas_from); the NumPy fit is the same either way.
    dataset = simulate(true_galaxies(), over_sample_size=over_sample_size)
    galaxies = [Galaxy(0.5, bulge=LinearSersic(effective_radius=0.3, sersic_index=3.0))]
    expected = FitImaging(dataset, galaxies).log_likelihood
    seen = []
    original = Convolver.convolved_mapping_matrix_from

    def recording(self, *args, **kwargs):
        seen.append(kwargs.get("materialised"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Convolver, "convolved_mapping_matrix_from", recording)
    assert FitImaging(dataset, galaxies).log_likelihood == expected
    assert seen == [materialised]
