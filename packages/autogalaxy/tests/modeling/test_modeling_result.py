"""Samples / Result on hand-made samples: max-likelihood and median-PDF instances, errors at a
given sigma from weighted samples, log evidence and the text summary."""

import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy.modeling import Result, Samples


def _gaussian_weighted_samples():
    """Points on a fine grid in (a, b) weighted by independent Gaussians (importance weights)."""
    a = np.linspace(0.0, 3.0, 601)
    b = np.linspace(-2.0, 2.0, 801)
    aa, bb = np.meshgrid(a, b, indexing="ij")
    params = np.stack([aa.ravel(), bb.ravel()], axis=1)
    log_l = -0.5 * ((params[:, 0] - 1.5) / 0.2) ** 2 - 0.5 * ((params[:, 1] + 0.3) / 0.1) ** 2
    weights = np.exp(log_l - log_l.max())
    return params, log_l, weights


def test_weighted_samples_give_gaussian_medians_and_errors():
    params, log_l, weights = _gaussian_weighted_samples()
    samples = Samples(toy.toy_model(), params, log_l, weight_list=weights, log_evidence=-3.5)
    assert samples.total_samples == len(params)
    assert samples.weight_list.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(samples.max_log_likelihood_vector, [1.5, -0.3], atol=1e-12)
    np.testing.assert_allclose(samples.median_pdf_vector, [1.5, -0.3], atol=5e-3)
    for (lower, upper), sigma in zip(samples.errors_at_sigma(1.0), (0.2, 0.1)):
        assert lower == pytest.approx(sigma, rel=0.03) and upper == pytest.approx(sigma, rel=0.03)
    for (lower, upper), sigma in zip(samples.errors_at_sigma(3.0), (0.2, 0.1)):
        assert lower == pytest.approx(3 * sigma, rel=0.03)
        assert upper == pytest.approx(3 * sigma, rel=0.03)
    lo, hi = samples.values_at_sigma(1.0)[0]
    assert (
        samples.values_at_lower_sigma(1.0)[0] == lo and samples.values_at_upper_sigma(1.0)[0] == hi
    )
    upper_instance = samples.instance_at_sigma_bound(1.0, upper=True)
    assert upper_instance.toy.a == pytest.approx(hi)

    result = Result(samples)
    assert result.max_log_likelihood_instance.toy.a == pytest.approx(1.5)
    assert result.max_log_likelihood_instance.toy.b == pytest.approx(-0.3)
    assert result.median_pdf_instance.toy.a == pytest.approx(1.5, abs=5e-3)
    assert result.log_evidence == -3.5
    assert result.max_log_likelihood == pytest.approx(0.0)
    assert "toy.a" in result.info and "1 sigma" in result.info
    summary = result.summary_dict()
    assert summary["paths"] == ["toy.a", "toy.b"] and summary["log_evidence"] == -3.5
    with pytest.raises(AttributeError):
        _ = result.max_log_likelihood_fit  # no analysis to build a fit with


def test_unweighted_samples_and_non_finite_weights():
    params = np.array([[1.0, 0.0], [2.0, 0.5], [3.0, 1.0]])
    samples = Samples(toy.toy_model(), params, [-3.0, -1.0, -2.0])
    np.testing.assert_allclose(samples.weight_list, 1.0 / 3.0)
    assert samples.max_log_likelihood_vector == [2.0, 0.5]
    assert samples.log_evidence is None
    with_nan = Samples(toy.toy_model(), params, [-3.0, -1.0, -2.0], weight_list=[1.0, np.nan, 1.0])
    np.testing.assert_allclose(with_nan.weight_list, [0.5, 0.0, 0.5])
