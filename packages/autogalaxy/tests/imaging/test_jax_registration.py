from autogalaxy.imaging.jax_registration import constructor_arguments
from autogalaxy.profiles.light.linear import Sersic as LinearSersic
from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear
from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph


def test_constructor_arguments_name_what_a_profile_takes():
    assert constructor_arguments(Isothermal) == ("centre", "ell_comps", "einstein_radius")
    assert constructor_arguments(IsothermalSph) == ("centre", "einstein_radius")
    assert constructor_arguments(ExternalShear) == ("gamma_1", "gamma_2")
    # The constants a profile sets itself are the attributes not among its arguments.
    assert set(vars(Isothermal())) - set(constructor_arguments(Isothermal)) == {"slope"}
    assert set(vars(ExternalShear())) - set(constructor_arguments(ExternalShear)) == {
        "centre", "ell_comps"}
    assert "intensity" not in constructor_arguments(LinearSersic)


def test_constructor_arguments_is_none_for_keyword_catch_alls():
    class Loose:
        def __init__(self, a, **kwargs):
            self.a = a

    assert constructor_arguments(Loose) is None
