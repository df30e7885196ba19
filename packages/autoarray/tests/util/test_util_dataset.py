"""``aa.util.dataset.should_simulate`` and the ``aa.util`` namespace."""

import autoarray as aa


def test_missing_dataset_should_be_simulated(tmp_path):
    assert aa.util.dataset.should_simulate(tmp_path / "dataset" / "simple")


def test_folder_with_data_fits_is_kept(tmp_path):
    (tmp_path / "data.fits").write_bytes(b"x")
    assert not aa.util.dataset.should_simulate(tmp_path)
    assert (tmp_path / "data.fits").exists()


def test_empty_folder_should_be_simulated(tmp_path):
    (tmp_path / "sub").mkdir()
    assert aa.util.dataset.should_simulate(tmp_path)


def test_folder_of_json_files_is_kept(tmp_path):
    (tmp_path / "positions.json").write_text("{}")
    assert not aa.util.dataset.should_simulate(tmp_path)


def test_util_modules_are_the_owning_modules():
    from autoarray.operators.over_sampling import over_sampler
    from autoarray.structures.arrays import array_2d_util

    assert aa.util.over_sample is over_sampler
    assert aa.util.array_2d is array_2d_util
    assert callable(aa.util.over_sample.over_sample_size_via_radial_bins_from)
    assert callable(aa.util.fit.log_likelihood_from)
    assert callable(aa.util.geometry.central_pixel_from)
    assert callable(aa.util.inversion.curvature_matrix_from)
