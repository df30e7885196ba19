import numpy as np
import pytest

import autoarray as aa
from autoarray.dataset import DatasetModel, Imaging
from autoarray.fit import FitImaging, fit_util


def _dataset():
    mask = aa.Mask2D(
        np.array([[True, False, True], [False, False, True], [True, True, True]]), pixel_scales=1.0
    )
    data = aa.Array2D(np.array([1.0, 2.0, 3.0]), mask)
    noise = aa.Array2D(np.array([1.0, 2.0, 0.5]), mask)
    return Imaging(data, noise)


def test_hand_built_example():
    dataset = _dataset()
    fit = FitImaging(dataset, model_data=np.array([0.0, 1.0, 4.0]))
    np.testing.assert_allclose(fit.residual_map.array, [1.0, 1.0, -1.0])
    np.testing.assert_allclose(fit.normalized_residual_map.array, [1.0, 0.5, -2.0])
    np.testing.assert_allclose(fit.chi_squared_map.array, [1.0, 0.25, 4.0])
    np.testing.assert_allclose(fit.signal_to_noise_map.array, [1.0, 1.0, 6.0])
    assert fit.chi_squared == pytest.approx(5.25)
    norm = np.log(2 * np.pi * 1.0) + np.log(2 * np.pi * 4.0) + np.log(2 * np.pi * 0.25)
    assert fit.noise_normalization == pytest.approx(norm)
    assert fit.log_likelihood == pytest.approx(-0.5 * (5.25 + norm))
    assert fit.figure_of_merit == pytest.approx(fit.log_likelihood)
    assert fit.reduced_chi_squared == pytest.approx(5.25 / 3)
    assert fit.log_evidence is None
    assert isinstance(fit.model_data, aa.Array2D)
    assert fit.mask is dataset.mask
    assert fit.noise_map is dataset.noise_map


def test_sky_subtraction_and_eager_compute():
    dataset = _dataset()
    model = aa.Array2D(np.array([0.0, 1.0, 4.0]), dataset.mask)
    fit = FitImaging(
        dataset, model, dataset_model=DatasetModel(background_sky_level=1.0), compute=True
    )
    np.testing.assert_allclose(fit.data.array, [0.0, 1.0, 2.0])
    np.testing.assert_allclose(fit.residual_map.array, [0.0, 0.0, -2.0])
    assert fit.chi_squared == pytest.approx(16.0)
    assert "_log_likelihood" in fit.__dict__ and "_chi_squared" in fit.__dict__
    assert fit.log_likelihood == pytest.approx(-0.5 * (16.0 + fit.noise_normalization))


def test_subclass_supplies_model_data():
    class Fit(FitImaging):
        @property
        def model_data(self):
            return aa.Array2D(np.zeros(3), self.mask)

    fit = Fit(_dataset())
    assert fit.chi_squared == pytest.approx(1.0 + 1.0 + 36.0)
    with pytest.raises(aa.exc.FitException):
        _ = FitImaging(_dataset()).chi_squared


def test_fit_util_functions():
    d, m, s = np.array([1.0, -2.0]), np.array([0.5, 0.0]), np.array([0.5, 2.0])
    r = fit_util.residual_map_from(d, m)
    chi2 = fit_util.chi_squared_from(fit_util.chi_squared_map_from(r, s))
    assert chi2 == pytest.approx(1.0 + 1.0)
    norm = fit_util.noise_normalization_from(s)
    assert fit_util.log_likelihood_from(chi2, norm) == pytest.approx(
        fit_util.log_likelihood_from_data(d, m, s)
    )
    np.testing.assert_allclose(fit_util.signal_to_noise_map_from(d, s), [2.0, 0.0])
    assert fit_util.log_evidence_from(1.0, 2.0, 3.0, 1.0, 4.0) == pytest.approx(-4.5)
