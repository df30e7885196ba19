"""Bad galaxy and profile inputs raise clear exceptions."""

import pytest

import autogalaxy as ag
from autogalaxy import exc


@pytest.mark.parametrize("redshift", [-1.0, float("nan"), float("inf"), "0.5", True])
def test_invalid_redshift_is_refused(redshift):
    with pytest.raises(exc.GalaxyException, match="redshift"):
        ag.Galaxy(redshift=redshift)


def test_valid_redshifts_are_accepted():
    assert ag.Galaxy(redshift=0.0).redshift == 0.0
    assert ag.Galaxy(redshift=None).redshift is None


@pytest.mark.parametrize("value", ["sersic", 1.0, 3])
def test_non_profile_component_is_refused(value):
    with pytest.raises(exc.GalaxyException, match="expected a profile object"):
        ag.Galaxy(redshift=0.5, bulge=value)


def test_sersic_index_below_the_expansion_range_is_refused():
    with pytest.raises(exc.ProfileException, match="sersic_index=0.001 must be >= 0.2"):
        ag.lp.Sersic(sersic_index=1e-3)
    assert ag.lp.Sersic(sersic_index=0.2).sersic_index == 0.2


@pytest.mark.parametrize("value", ["1.0", None, object()])
def test_non_numeric_profile_parameter_is_refused(value):
    with pytest.raises(exc.ProfileException, match="einstein_radius=.* must be a number"):
        ag.mp.Isothermal(einstein_radius=value)


def test_non_numeric_centre_is_refused():
    with pytest.raises(exc.ProfileException, match="centre"):
        ag.lp.Sersic(centre=("0", 0.0))
