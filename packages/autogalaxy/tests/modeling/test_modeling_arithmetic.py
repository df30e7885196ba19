"""Prior arithmetic (derived parameters), ``model.copy()`` and ``Collection.from_dict``."""

import numpy as np
import pytest

import autogalaxy as ag


def _model():
    return ag.Collection(
        lens=ag.Model(ag.mp.IsothermalSph),
        source=ag.Model(ag.lp.SersicSph),
    )


def test_derived_parameter_is_computed_from_its_prior_and_adds_no_parameter():
    model = _model()
    count = model.prior_count
    einstein = model.lens.einstein_radius
    model.source.effective_radius = 0.5 * einstein**2 + 0.1
    assert model.prior_count == count - 1
    vector = np.array(model.physical_values_from_prior_medians)
    instance = model.instance_from_vector(vector)
    assert instance.source.effective_radius == pytest.approx(
        0.5 * instance.lens.einstein_radius**2 + 0.1
    )


@pytest.mark.parametrize(
    "build, expected",
    [
        (lambda a, b: a + b, 5.0),
        (lambda a, b: a - b, -1.0),
        (lambda a, b: -a, -2.0),
        (lambda a, b: a / 4, 0.5),
        (lambda a, b: 2**a, 4.0),
        (lambda a, b: abs(-a), 2.0),
        (lambda a, b: (a * b) ** 0.5, 6.0**0.5),
        (lambda a, b: 1 - a * 3, -5.0),
    ],
)
def test_operators(build, expected):
    a = ag.UniformPrior(0.0, 10.0)
    b = ag.UniformPrior(0.0, 10.0)
    model = ag.Collection(a=a, b=b, c=build(a, b))
    instance = model.instance_from_vector(np.array([2.0, 3.0]))
    assert instance.c == pytest.approx(expected)


def test_derived_tuple_component():
    model = _model()
    model.source.centre = (model.lens.centre[0] + 0.1, -model.lens.centre[1])
    instance = model.instance_from_vector(np.array([0.2, 0.3, 1.0, 1.0, 0.5, 2.0]))
    assert instance.source.centre == pytest.approx((0.3, -0.3))
    assert model.prior_count == 6  # lens centre (2) + einstein radius; source light (3)


def test_copy_is_independent_and_keeps_the_parameter_order():
    model = _model()
    copy = model.copy()
    assert copy.paths == model.paths
    copy.lens.einstein_radius = 1.0
    assert copy.prior_count == model.prior_count - 1
    assert isinstance(model.lens.einstein_radius, ag.UniformPrior)


def test_from_dict_of_dict_round_trips():
    model = _model()
    model.source.centre = model.lens.centre
    back = ag.Collection.from_dict(model.dict())
    assert back.prior_count == model.prior_count
    assert back.parameter_names == model.parameter_names
    assert back.source.centre[0] is back.lens.centre[0]


def test_derived_parameters_cannot_be_written_to_json():
    model = _model()
    model.source.effective_radius = 2.0 * model.lens.einstein_radius
    with pytest.raises(ag.exc.ModelException, match="derived"):
        model.dict()


def test_unique_prior_paths_follow_pyautofit():
    model = _model()
    model.source.centre = model.lens.centre
    paths = model.unique_prior_paths
    assert len(paths) == model.prior_count
    # PyAutoFit names a shared prior by its last path and keeps the tuple's name.
    assert paths[0] == ("source", "centre", "centre_0")
    assert ("lens", "einstein_radius") in paths
