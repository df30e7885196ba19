import numpy as np
import pytest
from galaxy_mock_mass import MockShear, MockSIS

import autoarray as aa
from autogalaxy import exc
from autogalaxy.galaxy import Galaxies, Galaxy
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.abstract import LightProfile
from autogalaxy.profiles.light.basis import Basis
from autogalaxy.profiles.light.linear.abstract import LightProfileLinear
from autogalaxy.profiles.light.operated import LightProfileOperated
from autogalaxy.profiles.mass.abstract import MassProfile

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


class OperatedGaussian(LightProfileOperated, lp.Gaussian):
    pass


@pytest.fixture
def grid_2d():
    mask = aa.Mask2D.circular(shape_native=(9, 9), radius=0.8, pixel_scales=0.2)
    return aa.Grid2D.from_mask(mask=mask, over_sample_size=4)


@pytest.fixture
def bulge():
    return lp.Sersic(
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.111111),
        intensity=1.0,
        effective_radius=1.0,
        sersic_index=4.0,
    )


@pytest.fixture
def disk():
    return lp.Gaussian(centre=(0.1, 0.0), ell_comps=(0.05, 0.0), intensity=0.5, sigma=0.7)


def test__components_are_attributes_and_lists_are_rejected(bulge, disk):
    galaxy = Galaxy(redshift=0.5, bulge=bulge, disk=disk, mass=MockSIS())
    assert galaxy.redshift == 0.5
    assert galaxy.bulge is bulge
    assert galaxy.cls_list_from(LightProfile) == [bulge, disk]
    assert galaxy.cls_list_from(LightProfile, cls_filtered=lp.Gaussian) == [bulge]
    assert galaxy.has(MassProfile)
    assert not Galaxy(redshift=0.5, bulge=bulge).has(MassProfile)
    assert set(galaxy.profile_dict) == {"bulge", "disk", "mass"}

    with pytest.raises(exc.GalaxyException):
        Galaxy(redshift=0.5, bulge=[bulge, disk])
    with pytest.raises(ValueError):
        Galaxy(redshift=0.5, bulge=[bulge])


def test__unique_ids_and_hash():
    galaxy_0 = Galaxy(redshift=0.5)
    galaxy_1 = Galaxy(redshift=0.5)
    assert galaxy_0.id != galaxy_1.id
    assert hash(galaxy_0) == galaxy_0.id
    assert galaxy_0 != galaxy_1
    assert len({galaxy_0: 1, galaxy_1: 2}) == 2


def test__image_is_sum_of_light_profiles__irregular_and_uniform(bulge, disk, grid_2d):
    galaxy = Galaxy(redshift=0.5, bulge=bulge, disk=disk)

    irregular = aa.Grid2DIrregular(values=POINTS)
    image = galaxy.image_2d_from(grid=irregular)
    assert isinstance(image, aa.ArrayIrregular)
    expected = bulge.image_2d_from(grid=irregular).array + disk.image_2d_from(grid=irregular).array
    assert image.array == pytest.approx(expected, rel=1e-12)
    assert image.array[0] == pytest.approx(
        1.8492426548 + disk.image_2d_from(grid=irregular).array[0], rel=1e-8
    )

    image = galaxy.image_2d_from(grid=grid_2d)
    assert isinstance(image, aa.Array2D)
    expected = bulge.image_2d_from(grid=grid_2d).array + disk.image_2d_from(grid=grid_2d).array
    assert image.array == pytest.approx(expected, rel=1e-12)

    # Over-sampling is applied: differs from the image at the pixel centres.
    centres = galaxy.image_2d_from(grid=aa.Grid2DIrregular(values=grid_2d.array))
    assert not np.allclose(image.array, centres.array, rtol=1e-6)

    images = galaxy.image_2d_list_from(grid=grid_2d)
    assert len(images) == 2
    assert (images[0].array + images[1].array) == pytest.approx(image.array, rel=1e-12)


def test__image_zeros_without_light_profiles(grid_2d):
    galaxy = Galaxy(redshift=0.5, mass=MockSIS())
    image = galaxy.image_2d_from(grid=grid_2d)
    assert isinstance(image, aa.Array2D)
    assert (image.array == 0.0).all()
    assert image.shape == (grid_2d.shape[0],)


def test__linear_light_profiles_are_excluded_directly_and_in_a_basis(bulge, grid_2d):
    linear = lp_linear.Sersic(effective_radius=0.5, sersic_index=2.0)
    galaxy = Galaxy(redshift=0.5, bulge=bulge, linear=linear)
    assert galaxy.image_2d_from(grid=grid_2d).array == pytest.approx(
        bulge.image_2d_from(grid=grid_2d).array, rel=1e-12
    )
    assert isinstance(galaxy.cls_list_from(LightProfileLinear)[0], LightProfileLinear)

    gaussian = lp.Gaussian(sigma=0.4, intensity=2.0)
    basis = Basis(profile_list=[gaussian, lp_linear.Gaussian(sigma=0.8)])
    galaxy = Galaxy(redshift=0.5, basis=basis)
    assert galaxy.image_2d_from(grid=grid_2d).array == pytest.approx(
        gaussian.image_2d_from(grid=grid_2d).array, rel=1e-12
    )

    galaxy = Galaxy(redshift=0.5, linear=linear)
    assert (galaxy.image_2d_from(grid=grid_2d).array == 0.0).all()


def test__operated_only_selects_profiles(bulge):
    operated = OperatedGaussian(intensity=1.0, sigma=0.5)
    galaxy = Galaxy(redshift=0.5, bulge=bulge, psf_light=operated)
    grid = aa.Grid2DIrregular(values=POINTS)
    all_image = galaxy.image_2d_from(grid=grid).array
    only = galaxy.image_2d_from(grid=grid, operated_only=True).array
    without = galaxy.image_2d_from(grid=grid, operated_only=False).array
    assert only == pytest.approx(operated.image_2d_from(grid=grid).array, rel=1e-12)
    assert without == pytest.approx(bulge.image_2d_from(grid=grid).array, rel=1e-12)
    assert all_image == pytest.approx(only + without, rel=1e-12)
    assert galaxy.has_operated_light_profiles()


def test__mass_quantities_are_sums(grid_2d):
    sis = MockSIS(centre=(0.1, -0.1), einstein_radius=1.2)
    shear = MockShear(gamma_1=0.05, gamma_2=0.02)
    galaxy = Galaxy(redshift=0.5, mass=sis, shear=shear)

    irregular = aa.Grid2DIrregular(values=POINTS)
    deflections = galaxy.deflections_yx_2d_from(grid=irregular)
    assert isinstance(deflections, aa.VectorYX2DIrregular)
    assert deflections.array == pytest.approx(
        sis.deflections_yx_2d_from(grid=irregular).array
        + shear.deflections_yx_2d_from(grid=irregular).array,
        rel=1e-12,
    )
    assert deflections.array[0] - sis.deflections_yx_2d_from(grid=irregular).array[0] == (
        pytest.approx([-0.015, 0.035], rel=1e-10)
    )
    assert isinstance(galaxy.deflections_yx_2d_from(grid=grid_2d), aa.VectorYX2D)

    convergence = galaxy.convergence_2d_from(grid=grid_2d)
    assert isinstance(convergence, aa.Array2D)
    assert convergence.array == pytest.approx(
        sis.convergence_2d_from(grid=grid_2d).array, rel=1e-12
    )
    potential = galaxy.potential_2d_from(grid=irregular)
    assert isinstance(potential, aa.ArrayIrregular)
    assert potential.array == pytest.approx(
        sis.potential_2d_from(grid=irregular).array + shear.potential_2d_from(grid=irregular).array,
        rel=1e-12,
    )

    empty = Galaxy(redshift=0.5)
    assert (empty.deflections_yx_2d_from(grid=irregular).array == 0.0).all()
    assert (empty.convergence_2d_from(grid=grid_2d).array == 0.0).all()
    assert (empty.potential_2d_from(grid=grid_2d).array == 0.0).all()


def test__traced_grid_carries_traced_sub_pixels(grid_2d):
    sis = MockSIS(centre=(0.05, 0.05), einstein_radius=1.0)
    galaxy = Galaxy(redshift=0.5, mass=sis)

    traced = galaxy.traced_grid_2d_from(grid=grid_2d)
    assert isinstance(traced, aa.Grid2D)
    assert traced.mask is grid_2d.mask
    assert traced.array == pytest.approx(
        grid_2d.array - sis.deflections_yx_2d_from(grid=grid_2d).array, rel=1e-12
    )
    sub = grid_2d.over_sampled
    assert traced.over_sampled.array == pytest.approx(
        sub.array - sis.deflections_yx_2d_from(grid=sub).array, rel=1e-12
    )
    assert traced.over_sampler is grid_2d.over_sampler

    # A source evaluated on the traced grid is over-sampled at the traced sub-pixels.
    source = lp.Gaussian(sigma=0.3, intensity=1.0)
    image = Galaxy(redshift=1.0, light=source).image_2d_from(grid=traced)
    expected = grid_2d.over_sampler.binned_array_2d_from(
        source.image_2d_from(grid=traced.over_sampled).array
    )
    assert image.array == pytest.approx(expected, rel=1e-12)

    irregular = aa.Grid2DIrregular(values=POINTS)
    traced = galaxy.traced_grid_2d_from(grid=irregular)
    assert isinstance(traced, aa.Grid2DIrregular)
    assert traced.array == pytest.approx(
        irregular.array - sis.deflections_yx_2d_from(grid=irregular).array
    )


def test__luminosity_and_mass_within_circle():
    gaussian = lp.Gaussian(sigma=0.5, intensity=2.0)
    galaxy = Galaxy(redshift=0.5, light=gaussian, linear=lp_linear.Gaussian(sigma=1.0))
    assert galaxy.luminosity_within_circle_from(radius=1.0) == pytest.approx(
        gaussian.luminosity_within_circle_from(radius=1.0), rel=1e-10
    )

    # The mock SIS has no convergence_func: numerical disc integral, exact value π θ_E R.
    galaxy = Galaxy(redshift=0.5, mass=MockSIS(einstein_radius=1.5))
    assert galaxy.mass_angular_within_circle_from(radius=2.0) == pytest.approx(
        np.pi * 1.5 * 2.0, rel=1e-6
    )


def test__galaxies_sums_and_inversion_flags(bulge, disk, grid_2d):
    sis = MockSIS(centre=(0.01, 0.02), einstein_radius=1.0)
    lens = Galaxy(redshift=0.5, bulge=bulge, mass=sis)
    other = Galaxy(redshift=0.5, disk=disk, shear=MockShear())
    galaxies = Galaxies([lens, other])

    assert galaxies.redshift == 0.5
    assert isinstance(galaxies, list)
    image = galaxies.image_2d_from(grid=grid_2d)
    assert isinstance(image, aa.Array2D)
    assert image.array == pytest.approx(
        lens.image_2d_from(grid=grid_2d).array + other.image_2d_from(grid=grid_2d).array,
        rel=1e-12,
    )
    irregular = aa.Grid2DIrregular(values=POINTS)
    assert galaxies.deflections_yx_2d_from(grid=irregular).array == pytest.approx(
        lens.deflections_yx_2d_from(grid=irregular).array
        + other.deflections_yx_2d_from(grid=irregular).array
    )
    assert galaxies.convergence_2d_from(grid=irregular).array == pytest.approx(
        lens.convergence_2d_from(grid=irregular).array
    )
    assert galaxies.potential_2d_from(grid=irregular).array == pytest.approx(
        lens.potential_2d_from(grid=irregular).array + other.potential_2d_from(grid=irregular).array
    )
    assert galaxies.galaxies_with_cls_list_from(lp.Sersic) == [lens]
    assert galaxies.cls_list_from(MassProfile) == [sis, other.shear]
    assert len(galaxies.image_2d_list_from(grid=grid_2d)) == 2
    assert set(galaxies.galaxy_image_2d_dict_from(grid=grid_2d)) == {lens, other}
    assert not galaxies.perform_inversion

    traced = galaxies.traced_grid_2d_from(grid=grid_2d)
    assert traced.array == pytest.approx(
        grid_2d.array - galaxies.deflections_yx_2d_from(grid=grid_2d).array
    )

    with_linear = Galaxies([lens, Galaxy(redshift=0.5, light=lp_linear.Gaussian())])
    assert with_linear.perform_inversion
    with_basis = Galaxies(
        [Galaxy(redshift=0.5, basis=Basis(profile_list=[lp_linear.Gaussian(), lp.Gaussian()]))]
    )
    assert with_basis.perform_inversion
    standard_basis = Basis(profile_list=[lp.Gaussian()])
    assert not Galaxies([Galaxy(redshift=0.5, basis=standard_basis)]).perform_inversion

    assert (Galaxies([Galaxy(redshift=1.0)]).image_2d_from(grid=grid_2d).array == 0.0).all()


def test_galaxies_extract_attribute():
    import autogalaxy as ag

    galaxies = ag.Galaxies(
        [
            ag.Galaxy(
                redshift=0.5,
                mass=ag.mp.Isothermal(centre=(0.0, 0.1), einstein_radius=1.2),
                shear=ag.mp.ExternalShear(gamma_1=0.05),
            ),
            ag.Galaxy(redshift=1.0, light=ag.lp.Exponential(centre=(0.2, -0.1))),
        ]
    )
    centres = galaxies.extract_attribute(cls=ag.mp.MassProfile, attr_name="centre")
    assert isinstance(centres, ag.Grid2DIrregular)
    assert centres.array.tolist() == [[0.0, 0.1], [0.0, 0.0]]
    radii = galaxies.extract_attribute(cls=ag.mp.MassProfile, attr_name="einstein_radius")
    assert isinstance(radii, ag.ArrayIrregular)
    # The shear has no Einstein radius: PyAutoGalaxy keeps its None entry.
    assert list(radii.array) == [1.2, None]
    assert galaxies.extract_attribute(cls=ag.LightProfile, attr_name="einstein_radius") is None
    assert galaxies.extract_attribute(cls=ag.mp.NFW, attr_name="centre") is None
