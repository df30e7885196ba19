"""The PyAutoLens names scripts use in their first lines (issue 18): util namespaces, exception
names, FITS helpers, modelling re-exports, ``jax_wrapper`` and ``autolens.jax.pytrees``."""

import numpy as np
import pytest

import autoarray as aa
import autogalaxy as ag
import autolens as al


@pytest.mark.parametrize("module", [aa, ag, al])
def test_util_namespaces(module):
    for name in ("dataset", "over_sample", "array_2d", "geometry", "fit", "inversion"):
        assert hasattr(module.util, name)
    assert callable(module.util.dataset.should_simulate)
    assert module.util.over_sample.over_sample_size_via_radial_bins_from is (
        aa.over_sample_size_via_radial_bins_from
    )


def test_al_util_tracer():
    assert callable(al.util.tracer.plane_redshifts_from)


@pytest.mark.parametrize(
    "name",
    [
        "ProfileException",
        "GalaxyException",
        "PriorException",
        "SearchException",
        "FitException",
        "MaskException",
        "ArrayException",
        "GridException",
        "KernelException",
        "DatasetException",
        "InversionException",
        "PositionsException",
        "PixelizationException",
        "MeshException",
        "PlottingException",
        "PointExtractionException",
        "SamplesException",
        "PathsException",
        "UnitsException",
        "VectorYXException",
        "RayTracingException",
        "AnalysisException",
    ],
)
def test_exception_names(name):
    cls = getattr(al.exc, name)
    assert issubclass(cls, ValueError)


def test_exceptions_are_the_lower_layers_classes():
    assert al.exc.ProfileException is ag.exc.ProfileException
    assert al.exc.MaskException is aa.exc.MaskException
    with pytest.raises(al.exc.ProfileException):
        al.mp.Isothermal(ell_comps=(0.9, 0.9))
    # autolens' FitException is also autogalaxy's, so raising it in a likelihood resamples.
    assert issubclass(al.exc.FitException, ag.exc.FitException)
    assert issubclass(al.exc.FitException, al.exc.AutoLensException)


def test_fits_helpers(tmp_path):
    values = np.arange(12.0).reshape(3, 4)
    al.output_to_fits(values, tmp_path / "a.fits")
    np.testing.assert_array_equal(al.ndarray_via_fits_from(tmp_path / "a.fits", hdu=0), values)
    array = al.Array2D.from_fits(tmp_path / "a.fits", pixel_scales=0.1)
    array.output_to_fits(tmp_path / "b.fits", overwrite=True)
    np.testing.assert_array_equal(al.ndarray_via_fits_from(tmp_path / "b.fits", hdu=0), values)


def test_modelling_re_exports():
    for name in (
        "SettingsSearch",
        "DirectoryPaths",
        "Sample",
        "enable_pytrees",
        "register_model",
        "model_util",
        "galaxy_name_image_dict_via_result_from",
        "fixtures",
        "Collection",
        "Model",
    ):
        assert hasattr(al, name)
    assert al.Collection.from_dict is not None


def test_jax_wrapper_and_pytrees_modules_import():
    from autolens import jax_wrapper
    from autolens.jax.pytrees import enable_pytrees, register_model

    assert jax_wrapper.jax_enable_x64 is True
    assert enable_pytrees is al.enable_pytrees and register_model is al.register_model


def test_result_grids_and_tracer():
    analysis = al.fixtures.make_analysis_imaging_7x7()
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(al.Galaxy, redshift=0.5, mass=al.mp.IsothermalSph),
            source=al.Model(al.Galaxy, redshift=1.0, bulge=al.lp.SersicSph),
        )
    )
    result = analysis.make_result(
        al.Samples(model, [model.physical_values_from_prior_medians], [0.0])
    )
    assert result.grids.lp.shape[0] == 9
    assert isinstance(result.max_log_likelihood_tracer, al.Tracer)
    assert np.isfinite(result.max_log_likelihood_fit.log_likelihood)
    assert isinstance(result.info, str) and result.info


def test_pyautofit_module_paths_port_by_renaming_the_package():
    from autolens.non_linear.fitness import Fitness
    from autolens.non_linear.paths.directory import DirectoryPaths
    from autolens.non_linear.samples import Sample

    assert Fitness is al.Fitness and Sample is al.Sample and DirectoryPaths is al.DirectoryPaths
