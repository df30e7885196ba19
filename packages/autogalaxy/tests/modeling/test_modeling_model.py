import modeling_toy as toy
import numpy as np
import pytest

from autogalaxy import exc
from autogalaxy.modeling import (
    Collection,
    GaussianPrior,
    LogUniformPrior,
    Model,
    ModelInstance,
    TruncatedGaussianPrior,
    UniformPrior,
)


def lens_model():
    lens = Model(
        toy.Galaxy, redshift=0.5, bulge=toy.Sersic, mass=toy.Isothermal, shear=toy.ExternalShear
    )
    source = Model(toy.Galaxy, redshift=1.0, bulge=Model(toy.Sersic, sersic_index=1.0))
    return Collection(galaxies=Collection(lens=lens, source=source))


def test_default_priors_from_table():
    mass = Model(toy.Isothermal)
    assert mass.prior_count == 5
    assert isinstance(mass.centre_0, GaussianPrior) and mass.centre_0.sigma == 0.1
    assert isinstance(mass.ell_comps_1, TruncatedGaussianPrior)
    assert (mass.ell_comps_1.lower_limit, mass.ell_comps_1.upper_limit) == (-1.0, 1.0)
    assert isinstance(mass.einstein_radius, UniformPrior)
    assert (mass.einstein_radius.lower_limit, mass.einstein_radius.upper_limit) == (0.0, 8.0)
    light = Model(toy.Sersic)
    assert light.centre_0.sigma == 0.3
    assert isinstance(light.intensity, LogUniformPrior)
    shear = Model(toy.ExternalShear)
    assert shear.prior_count == 2 and isinstance(shear.gamma_1, UniformPrior)


def test_tuple_expansion_and_paths():
    model = lens_model()
    assert model.prior_count == 7 + 5 + 2 + 6
    assert model.total_free_parameters == model.prior_count
    paths = model.paths
    assert paths[0] == ("galaxies", "lens", "bulge", "centre_0")
    assert ("galaxies", "lens", "mass", "einstein_radius") in paths
    assert ("galaxies", "source", "bulge", "sersic_index") not in paths
    assert len(set(paths)) == len(paths)
    ids = [p.id for p in model.priors_ordered_by_id]
    assert ids == sorted(ids)


def test_fixed_values_and_assignment():
    mass = Model(toy.Isothermal, centre=(0.1, UniformPrior(-1, 1)), einstein_radius=1.2)
    assert mass.prior_count == 3
    mass.centre_1 = 0.2
    mass.ell_comps_0 = 0.0
    assert mass.prior_count == 1
    mass.einstein_radius = UniformPrior(0.5, 2.0)
    assert mass.prior_count == 2
    instance = mass.instance_from_vector([0.05, 1.5])
    assert instance.centre == (0.1, 0.2)
    assert instance.ell_comps[0] == 0.0 and instance.ell_comps[1] == pytest.approx(0.05)
    assert instance.einstein_radius == 1.5


def test_shared_priors():
    model = lens_model()
    n = model.prior_count
    lens = model.galaxies.lens
    lens.bulge.centre = lens.mass.centre
    assert model.prior_count == n - 2
    lens.shear.gamma_2 = lens.shear.gamma_1
    assert model.prior_count == n - 3
    instance = model.instance_from_vector(np.linspace(0.01, 0.2, model.prior_count))
    g = instance.galaxies.lens
    assert g.bulge.centre == g.mass.centre
    assert g.shear.gamma_1 == g.shear.gamma_2


def test_instance_building_and_collections():
    model = lens_model()
    instance = model.instance_from_prior_medians()
    assert isinstance(instance, ModelInstance)
    galaxies = list(instance.galaxies)
    assert [type(g) for g in galaxies] == [toy.Galaxy, toy.Galaxy]
    assert galaxies[0].redshift == 0.5 and galaxies[1].redshift == 1.0
    assert isinstance(instance.galaxies.lens.mass, toy.Isothermal)
    assert instance.galaxies.lens.mass.einstein_radius == pytest.approx(4.0)
    assert instance.galaxies.source.bulge.sersic_index == 1.0
    assert instance.galaxies[1] is instance.galaxies.source
    assert len(instance.galaxies) == 2
    values = model.physical_values_from_prior_medians
    assert isinstance(values, list) and len(values) == model.prior_count


def test_collection_from_list_and_dict():
    c = Collection([Model(toy.ExternalShear), Model(toy.ExternalShear)])
    assert c.prior_count == 4
    inst = c.instance_from_prior_medians()
    assert [type(x) for x in inst] == [toy.ExternalShear, toy.ExternalShear]
    d = Collection(dict(a=Model(toy.ExternalShear), b=UniformPrior(0, 1)))
    inst = d.instance_from_vector([0.0, 0.0, 0.5])
    assert inst.b == 0.5 and isinstance(inst.a, toy.ExternalShear)


def test_info_lists_every_parameter():
    model = lens_model()
    info = model.info
    assert info.startswith(f"Total Free Parameters = {model.prior_count}")
    assert "einstein_radius" in info and "UniformPrior" in info and "redshift" in info
    assert "lens (Galaxy)" in info


def test_errors():
    with pytest.raises(exc.ModelException, match="no constructor argument"):
        Model(toy.Isothermal, einstien_radius=1.0)
    with pytest.raises(exc.ModelException, match="No default prior"):
        Model(toy.NoDefault)
    model = Model(toy.Isothermal)
    with pytest.raises(exc.ModelException, match="does not match"):
        model.instance_from_vector([1.0, 2.0])
    with pytest.raises(exc.ModelException):
        model.vector_from_unit_vector([0.5])
    # Galaxy takes **kwargs: extras become attributes
    g = Model(toy.Galaxy, redshift=0.5, anything=toy.ExternalShear)
    assert g.prior_count == 2


def test_extras_assigned_after_construction_become_attributes():
    mass = Model(toy.Isothermal, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), einstein_radius=1.0)
    mass.extra_thing = UniformPrior(0, 1)
    inst = mass.instance_from_vector([0.25])
    assert inst.extra_thing == 0.25


def test_cached_prior_ordering_follows_every_kind_of_change():
    from autogalaxy.galaxy.galaxy import Galaxy
    from autogalaxy.modeling.model import Collection, Model
    from autogalaxy.profiles.light.standard.sersic import Sersic
    from autogalaxy.profiles.mass.total.isothermal import Isothermal

    lens = Model(Galaxy, redshift=0.5, bulge=Sersic, mass=Isothermal)
    model = Collection(galaxies=Collection(lens=lens))
    assert model.prior_count == 12
    lens.mass.einstein_radius = 1.6  # Model attribute
    assert model.prior_count == 11
    lens.bulge.centre.centre_0 = 0.0  # tuple component by name
    lens.bulge.centre[1] = 0.0  # tuple component by index
    assert model.prior_count == 9
    model.galaxies.source = Model(Galaxy, redshift=1.0, bulge=Sersic)  # Collection item
    assert model.prior_count == 16
    vector = [0.3] * 16  # 0.3: a valid Sersic index too
    assert model.instance_from_vector(vector).galaxies.lens.mass.einstein_radius == 1.6


class _Extras:
    kept_class_value = 1

    def __init__(self, y: float = 0.0):
        self.y = y
        self.kept_value = 7


def test_extra_constants_do_not_overwrite_existing_attributes():
    # PyAutoFit 2026.10.26.1 gives (1, 7, 2.0): a model's extra constant is added only where
    # the instance has no such attribute (so `lmp_linear.GaussianGradient` models keep their
    # derived `mass_to_light_ratio` when a script assigns one on the model)
    model = Model(_Extras, y=1.0)
    model.kept_class_value = 5.0
    model.kept_value = 9.0
    model.new_value = 2.0
    instance = model.instance_from_prior_medians()
    assert (instance.kept_class_value, instance.kept_value, instance.new_value) == (1, 7, 2.0)
