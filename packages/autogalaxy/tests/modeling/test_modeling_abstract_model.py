import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy.modeling import Model, TuplePrior, UniformPrior


def test_unit_vector_and_log_priors():
    model = Model(toy.Isothermal)
    unit = np.full(model.prior_count, 0.5)
    np.testing.assert_allclose(
        model.vector_from_unit_vector(unit), model.physical_values_from_prior_medians
    )
    batch = np.random.default_rng(0).uniform(size=(7, model.prior_count))
    vec = model.vector_from_unit_vector(batch)
    assert vec.shape == (7, model.prior_count)
    np.testing.assert_allclose(model.unit_vector_from_vector(vec), batch, rtol=1e-8)
    inst = model.instance_from_unit_vector(unit)
    assert inst.einstein_radius == pytest.approx(4.0)
    logs = model.log_prior_list_from_vector(model.physical_values_from_prior_medians)
    assert len(logs) == model.prior_count and all(np.isfinite(logs))
    r = model.random_instance(np.random.default_rng(1))
    assert 0.0 <= r.einstein_radius <= 8.0


def test_tuple_prior_component_attributes_and_deepcopy():
    import copy
    import pickle

    mass = Model(toy.Isothermal)
    mass.centre.centre_0 = 0.0
    assert mass.prior_count == 4
    assert mass.centre.centre_1 is mass.centre_1
    mass.centre.centre_1 = UniformPrior(-1.0, 1.0)
    assert isinstance(mass.centre_1, UniformPrior)
    clone = copy.deepcopy(mass)
    assert clone.prior_count == 4 and clone.centre_1 is not mass.centre_1
    restored = pickle.loads(pickle.dumps(mass))
    assert restored.paths == mass.paths


def test_tuple_component_given_a_class_becomes_a_model():
    tuple_prior = TuplePrior([0.0, UniformPrior(0.0, 1.0)])
    tuple_prior[0] = toy.ExternalShear
    assert isinstance(tuple_prior[0], Model) and tuple_prior[0].cls is toy.ExternalShear
    shear = tuple_prior[0]
    arguments = {prior: 0.0 for prior in shear.priors_ordered_by_id}
    arguments[tuple_prior[1]] = 0.25
    value = tuple_prior.instance_for(arguments)
    assert isinstance(value[0], toy.ExternalShear) and value[1] == 0.25


def test_info_names_each_model_with_its_class():
    model = Model(toy.Galaxy, redshift=0.5, mass=toy.Isothermal)
    lines = model.info.splitlines()
    assert "mass (Isothermal)" in lines
    assert lines[0] == f"Total Free Parameters = {model.prior_count}"
