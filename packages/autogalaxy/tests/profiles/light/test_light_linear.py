import copy
import inspect

import pytest

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light import standard as lp

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]

NAMES = [name for name in lp.__all__ if name != "LightProfile"]


def test__every_standard_class_has_a_linear_twin():
    assert sorted(NAMES) == sorted(n for n in lp_linear.__all__ if n != "LightProfileLinear")


@pytest.mark.parametrize("name", NAMES)
def test__signature_is_standard_minus_intensity(name):
    standard = inspect.signature(getattr(lp, name).__init__).parameters
    linear = inspect.signature(getattr(lp_linear, name).__init__).parameters

    assert [p for p in standard if p != "intensity"] == list(linear)
    for parameter in linear:
        if parameter == "radius_break":
            assert linear[parameter].default == 0.01
        else:
            assert linear[parameter].default == standard[parameter].default


@pytest.mark.parametrize("name", NAMES)
def test__unit_intensity_image_and_lp_instance_from(name):
    linear = getattr(lp_linear, name)(centre=(0.1, -0.05))
    grid = aa.Grid2DIrregular(POINTS)

    assert linear.intensity == 1.0
    assert isinstance(linear, lp_linear.LightProfileLinear)
    assert isinstance(linear, getattr(lp, name))

    standard = linear.lp_instance_from(2.5)

    assert type(standard) is getattr(lp, name)
    assert not isinstance(standard, lp_linear.LightProfileLinear)
    assert standard.intensity == 2.5
    assert standard.centre == (0.1, -0.05)
    assert standard.image_2d_from(grid).array == pytest.approx(
        2.5 * linear.image_2d_from(grid).array, rel=1e-12
    )


def test__lp_instance_from__dict_and_parameters_copied():
    linear = lp_linear.SersicCore(
        ell_comps=(0.1, 0.2),
        effective_radius=0.3,
        sersic_index=2.0,
        radius_break=0.02,
        gamma=0.1,
        alpha=2.0,
    )
    other = lp_linear.Gaussian()

    standard = linear.lp_instance_from({other: 7.0, linear: 3.0})

    assert isinstance(standard, lp.SersicCore)
    assert (standard.ell_comps, standard.effective_radius, standard.sersic_index) == (
        (0.1, 0.2),
        0.3,
        2.0,
    )
    assert (standard.radius_break, standard.gamma, standard.alpha, standard.intensity) == (
        0.02,
        0.1,
        2.0,
        3.0,
    )


def test__pytree_token__unique_identity_for_hash_and_eq():
    a = lp_linear.Gaussian(sigma=1.0)
    b = lp_linear.Gaussian(sigma=1.0)

    assert isinstance(a.pytree_token, int)
    assert a.pytree_token != b.pytree_token
    assert a != b
    assert a == a
    assert len({a, b, a}) == 2
    intensities = {a: 1.0, b: 2.0}
    assert intensities[a] == 1.0 and intensities[b] == 2.0

    copied = copy.copy(a)
    assert copied.pytree_token == a.pytree_token
    assert copied == a and hash(copied) == hash(a)


def test__invalid_parameters_raise():
    with pytest.raises(exc.ProfileException):
        lp_linear.Sersic(effective_radius=0.0)
    with pytest.raises(exc.ProfileException):
        lp_linear.GaussianSph(sigma=-1.0)
    with pytest.raises(exc.ProfileException):
        lp_linear.Moffat(ell_comps=(1.0, 0.5))
