"""Default-prior lookup: family-qualified class keys, ``null`` entries and user overrides."""

import pytest

import autogalaxy as ag
from autogalaxy.modeling import Model, register_priors
from autogalaxy.modeling.prior_config import default_prior_for, reset_registered_priors


@pytest.fixture(autouse=True)
def _forget_registered_priors():
    yield
    reset_registered_priors()


def test_same_named_classes_of_different_families_get_their_own_priors():
    # lp.Sersic's ellipticity prior is an untruncated Gaussian, lp_linear.Sersic's is truncated.
    standard = default_prior_for(ag.lp.Sersic, "ell_comps", 0)
    linear = default_prior_for(ag.lp_linear.Sersic, "ell_comps", 0)
    assert type(standard).__name__ == "GaussianPrior"
    assert type(linear).__name__ == "TruncatedGaussianPrior"
    # mp.Sersic's intensity is a mass scale, LogUniform(1e-6, 10), not the light one.
    assert default_prior_for(ag.mp.Sersic, "intensity").upper_limit == 10.0
    assert default_prior_for(ag.lp.Sersic, "intensity").upper_limit == 1e6


def test_null_entry_keeps_the_constructor_default_fixed():
    model = Model(ag.lp.SersicCore)
    assert model.radius_break == 0.025 and model.gamma == 0.25 and model.alpha == 3.0
    assert default_prior_for(ag.lp.SersicCore, "radius_break") is None
    instance = model.instance_from_prior_medians()
    assert (instance.radius_break, instance.gamma, instance.alpha) == (0.025, 0.25, 3.0)


def test_signal_to_noise_ratio_has_no_default_prior():
    model = Model(ag.lp_snr.Sersic)
    assert model.signal_to_noise_ratio == 10.0
    assert model.prior_count == Model(ag.lp_linear.Sersic).prior_count


def test_registered_bare_entry_beats_the_packaged_qualified_entry():
    register_priors(
        classes={
            "Sersic": {"ell_comps_0": {"type": "Uniform", "lower_limit": -0.5, "upper_limit": 0.5}}
        }
    )
    prior = default_prior_for(ag.lp.Sersic, "ell_comps", 0)
    assert type(prior).__name__ == "UniformPrior" and prior.upper_limit == 0.5
    reset_registered_priors()
    assert type(default_prior_for(ag.lp.Sersic, "ell_comps", 0)).__name__ == "GaussianPrior"
