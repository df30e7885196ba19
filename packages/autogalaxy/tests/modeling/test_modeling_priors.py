import math

import numpy as np
import pytest
from scipy import stats

from autogalaxy import exc
from autogalaxy.modeling import GaussianPrior, LogUniformPrior, TruncatedGaussianPrior, UniformPrior

UNITS = np.array([1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-6])


def test_uniform_transform_and_log_prior():
    p = UniformPrior(lower_limit=-1.0, upper_limit=3.0)
    assert p.value_for(0.0) == -1.0 and p.value_for(1.0) == 3.0
    assert p.value_for(0.25) == pytest.approx(0.0)
    assert p.median == pytest.approx(1.0)
    assert p.log_prior_from_value(2.0) == pytest.approx(-math.log(4.0))
    assert p.log_prior_from_value(5.0) == -np.inf
    assert p.unit_value_for(p.value_for(0.3)) == pytest.approx(0.3)


def test_uniform_numpy_values_are_rounded_to_14_decimals_as_in_pyautofit():
    """PyAutoFit 2026.10.26.1 (NumPy path) gives these medians: 0.3, not 0.30000000000000004,
    and 0.11111111111111, not 0.11111111111111109; traced (JAX) values are not rounded."""
    assert UniformPrior(0.2, 0.4).value_for(0.5) == 0.3
    assert UniformPrior(-0.4, -0.2).value_for(0.5) == -0.3
    assert UniformPrior(0.11111111111111108, 0.1111111111111111).value_for(0.5) == 0.11111111111111
    batch = UniformPrior(0.2, 0.4).value_for(np.array([0.5, 0.25]))
    assert batch.tolist() == [0.3, 0.25]
    from autoarray.backend import jax_numpy

    jnp = jax_numpy()
    assert float(UniformPrior(0.2, 0.4).value_for(jnp.asarray(0.5), xp=jnp)) == 0.2 + 0.2 * 0.5


def test_log_uniform_transform_and_log_prior():
    p = LogUniformPrior(lower_limit=1e-2, upper_limit=1e2)
    assert p.value_for(0.5) == pytest.approx(1.0)
    assert p.value_for(0.0) == pytest.approx(1e-2)
    assert p.value_for(1.0) == pytest.approx(1e2)
    # density 1 / (x ln(u/l))
    assert p.log_prior_from_value(10.0) == pytest.approx(-math.log(10.0 * math.log(1e4)))
    assert p.log_prior_from_value(1e3) == -np.inf


def test_gaussian_matches_scipy():
    p = GaussianPrior(mean=1.0, sigma=2.0)
    np.testing.assert_allclose(p.value_for(UNITS), stats.norm(1.0, 2.0).ppf(UNITS), rtol=1e-12)
    assert p.log_prior_from_value(0.3) == pytest.approx(stats.norm(1.0, 2.0).logpdf(0.3))
    assert p.median == pytest.approx(1.0)
    np.testing.assert_allclose(p.unit_value_for(p.value_for(UNITS)), UNITS, rtol=1e-9)


def test_truncated_gaussian_matches_scipy():
    p = TruncatedGaussianPrior(mean=0.0, sigma=0.3, lower_limit=-1.0, upper_limit=0.5)
    ref = stats.truncnorm(-1.0 / 0.3, 0.5 / 0.3, loc=0.0, scale=0.3)
    np.testing.assert_allclose(p.value_for(UNITS), ref.ppf(UNITS), rtol=1e-9, atol=1e-12)
    assert p.log_prior_from_value(0.2) == pytest.approx(ref.logpdf(0.2))
    assert p.log_prior_from_value(0.7) == -np.inf
    assert np.all(p.value_for(UNITS) >= -1.0) and np.all(p.value_for(UNITS) <= 0.5)


def test_ids_increase_with_creation():
    a, b = UniformPrior(0, 1), GaussianPrior(0, 1)
    assert b.id > a.id


@pytest.mark.parametrize(
    "make",
    [
        lambda: UniformPrior(1.0, 1.0),
        lambda: UniformPrior(2.0, 1.0),
        lambda: LogUniformPrior(0.0, 1.0),
        lambda: LogUniformPrior(-1.0, 1.0),
        lambda: GaussianPrior(0.0, 0.0),
        lambda: GaussianPrior(0.0, -1.0),
        lambda: TruncatedGaussianPrior(0.0, 1.0, 1.0, -1.0),
        lambda: TruncatedGaussianPrior(0.0, -1.0, -1.0, 1.0),
        lambda: UniformPrior("a", 1.0),
    ],
)
def test_invalid_bounds_raise(make):
    with pytest.raises(exc.PriorException):
        make()
    assert issubclass(exc.PriorException, ValueError)
