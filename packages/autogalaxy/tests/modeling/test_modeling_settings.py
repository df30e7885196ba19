"""SettingsSearch, DirectoryPaths, Sample and the PyAutoFit keywords every search accepts."""

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.modeling import searches


def test_settings_search_dict_has_pyautofit_keys():
    settings = ag.SettingsSearch(path_prefix="imaging", unique_tag="lens_1")
    assert settings.search_dict == {
        "path_prefix": "imaging",
        "unique_tag": "lens_1",
        "number_of_cores": 1,
        "session": None,
        "use_jax_vmap": None,
    }
    assert settings.fit_dict == {"info": None}


@pytest.mark.parametrize(
    "cls",
    [searches.Nautilus, searches.DynestyStatic, searches.Emcee, searches.LBFGS, searches.NUTS],
)
def test_every_search_accepts_the_settings_and_uses_unique_tag_as_a_folder(cls, tmp_path):
    settings = ag.SettingsSearch(path_prefix="imaging", unique_tag="lens_1")
    search = cls(
        name="fit", output_path=tmp_path, **settings.search_dict, iterations_per_quick_update=10
    )
    assert search.output_folder == tmp_path / "imaging" / "lens_1" / "fit"
    paths = ag.DirectoryPaths(
        name="fit", path_prefix="imaging", unique_tag="lens_1", output_path=tmp_path
    )
    assert paths.output_path == search.output_folder
    assert set(settings.search_dict_for(cls)) == set(settings.search_dict)


def test_search_without_unique_tag_keeps_its_folder(tmp_path):
    search = searches.Nautilus(name="fit", path_prefix="p", output_path=tmp_path)
    assert search.output_folder == tmp_path / "p" / "fit"


def test_sample_from_lists_maps_paths():
    model = ag.Collection(mass=ag.Model(ag.mp.IsothermalSph))
    samples = ag.Sample.from_lists(
        model,
        parameter_lists=[[0.1, 0.2, 1.5], [0.0, 0.0, 1.0]],
        log_likelihood_list=[1.0, 2.0],
        log_prior_list=[0.5, 0.5],
        weight_list=[0.3, 0.7],
    )
    assert len(samples) == 2
    assert samples[1].log_posterior == 2.5
    assert samples[0].kwargs[("mass", "einstein_radius")] == 1.5
    instance = samples[0].instance_for_model(model)
    assert instance.mass.einstein_radius == 1.5
    with pytest.raises(ag.exc.ModelException, match="rows"):
        ag.Sample.from_lists(model, [[0.1, 0.2]], [1.0], [0.0], [1.0])


def test_enable_pytrees_reports_jax(monkeypatch):
    import importlib.util

    assert ag.enable_pytrees() is (importlib.util.find_spec("jax") is not None)
    from autolens.jax.pytrees import enable_pytrees, register_model

    assert enable_pytrees is ag.enable_pytrees and register_model is ag.register_model
    np.testing.assert_equal(callable(register_model), True)
