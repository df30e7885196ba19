import numpy as np
import pytest

import autoarray as aa
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.basis import Basis
from autogalaxy.profiles.light.operated import LightProfileOperated

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def test__image_2d_from__sums_standard_members_linear_contribute_zero():
    gaussian = lp.Gaussian(centre=(0.1, 0.0), ell_comps=(0.1, 0.0), intensity=1.0, sigma=0.5)
    sersic = lp.Sersic(centre=(0.1, 0.0), ell_comps=(0.1, 0.0), intensity=0.3)
    linear = lp_linear.Gaussian(centre=(0.1, 0.0), ell_comps=(0.1, 0.0), sigma=1.0)
    basis = Basis(profile_list=[gaussian, linear, sersic])

    grid = aa.Grid2DIrregular(POINTS)
    image = basis.image_2d_from(grid)

    assert isinstance(image, aa.ArrayIrregular)
    expected = gaussian.image_2d_from(grid).array + sersic.image_2d_from(grid).array
    assert image.array == pytest.approx(expected, rel=1e-12)

    grid_2d = aa.Grid2D.uniform(shape_native=(5, 5), pixel_scales=0.3)
    image_2d = basis.image_2d_from(grid_2d)
    assert isinstance(image_2d, aa.Array2D)
    expected_2d = gaussian.image_2d_from(grid_2d).array + sersic.image_2d_from(grid_2d).array
    assert image_2d.array == pytest.approx(expected_2d, rel=1e-12)


def test__attributes_and_lists():
    linear_0 = lp_linear.Gaussian(centre=(0.2, 0.1), ell_comps=(0.05, 0.0), sigma=0.1)
    linear_1 = lp_linear.Gaussian(centre=(0.2, 0.1), ell_comps=(0.05, 0.0), sigma=0.5)
    standard = lp.Gaussian()
    basis = Basis(profile_list=[linear_0, standard, linear_1], regularization="reg")

    assert basis.profile_list == [linear_0, standard, linear_1]
    assert basis.light_profile_linear_list == [linear_0, linear_1]
    assert basis.regularization == "reg"
    assert basis.centre == (0.2, 0.1)
    assert basis.ell_comps == (0.05, 0.0)


def test__all_linear_basis_has_zero_image():
    basis = Basis(profile_list=[lp_linear.Gaussian(sigma=s) for s in (0.1, 0.2)])

    image = basis.image_2d_from(aa.Grid2D.uniform(shape_native=(3, 3), pixel_scales=0.2))

    assert isinstance(image, aa.Array2D)
    assert image.array == pytest.approx(np.zeros(9))


class GaussianOperated(LightProfileOperated, lp.Gaussian):
    pass


def test__operated_only_is_passed_to_members():
    standard = lp.Gaussian(intensity=1.0)
    operated = GaussianOperated(intensity=2.0)
    basis = Basis(profile_list=[standard, operated])
    grid = aa.Grid2DIrregular(POINTS)

    assert basis.image_2d_from(grid, operated_only=True).array == pytest.approx(
        operated.image_2d_from(grid).array
    )
    assert basis.image_2d_from(grid, operated_only=False).array == pytest.approx(
        standard.image_2d_from(grid).array
    )


def test__luminosity_sums_members():
    basis = Basis(
        profile_list=[
            lp.GaussianSph(intensity=1.0, sigma=0.5),
            lp.GaussianSph(intensity=2.0, sigma=1.0),
        ]
    )

    assert basis.luminosity_within_circle_from(np.inf) == pytest.approx(
        2 * np.pi * (1.0 * 0.25 + 2.0 * 1.0), rel=1e-8
    )


def test__mass_methods_zero_without_mass_members():
    basis = Basis(profile_list=[lp.Gaussian()])
    grid = aa.Grid2DIrregular(POINTS)

    assert basis.convergence_2d_from(grid).array == pytest.approx(np.zeros(4))
    assert basis.deflections_yx_2d_from(grid).array == pytest.approx(np.zeros((4, 2)))
