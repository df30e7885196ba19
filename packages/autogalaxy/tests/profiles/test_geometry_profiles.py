import numpy as np
import pytest

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles import geometry_profiles as gp

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def frame_via_polar(points, centre, angle):
    """The reference-frame definition: r = |g - c|, theta = atan2(dy, dx) - phi."""
    points = np.asarray(points, dtype=float)
    dy = points[:, 0] - centre[0]
    dx = points[:, 1] - centre[1]
    r = np.hypot(dy, dx)
    theta = np.arctan2(dy, dx) - np.radians(angle)
    return np.stack((r * np.sin(theta), r * np.cos(theta)), axis=-1)


def test__sph_profile__shift_only_and_round_trip():
    profile = gp.SphProfile(centre=(0.2, -0.3))
    grid = aa.Grid2DIrregular(POINTS)

    transformed = profile.transformed_to_reference_frame_grid_from(grid)

    assert isinstance(transformed, aa.Grid2DIrregular)
    assert transformed.array == pytest.approx(np.asarray(POINTS) - np.array([0.2, -0.3]))
    back = profile.transformed_from_reference_frame_grid_from(transformed)
    assert back.array == pytest.approx(np.asarray(POINTS))
    assert profile.axis_ratio() == 1.0
    assert profile.angle() == 0.0

    vectors = np.array(POINTS)
    assert profile.rotated_grid_from_reference_frame_from(vectors) is vectors


def test__sph_profile__radial_grid_and_cartesian_via_radial():
    profile = gp.SphProfile(centre=(1.0, 1.0))

    radii = profile.radial_grid_from(aa.Grid2DIrregular([(1.0, 2.0), (4.0, 5.0)]))

    assert isinstance(radii, aa.ArrayIrregular)
    assert radii.array == pytest.approx([1.0, 5.0])

    grid = np.array([(3.0, 4.0), (0.0, -2.0)])
    cartesian = profile._cartesian_grid_via_radial_from(grid, np.array([10.0, 3.0]))
    assert cartesian == pytest.approx(np.array([(6.0, 8.0), (0.0, -3.0)]))


def test__ell_profile__axis_ratio_and_angle():
    profile = gp.EllProfile(ell_comps=(0.0, 0.111111))

    assert profile.axis_ratio() == pytest.approx(0.8, rel=1e-5)
    assert profile.angle() == pytest.approx(0.0)

    profile = gp.EllProfile(ell_comps=(0.1, 0.1))
    assert profile.angle() == pytest.approx(22.5)


@pytest.mark.parametrize(
    "centre, ell_comps",
    [((0.0, 0.0), (0.0, 0.111111)), ((0.2, -0.3), (0.3, -0.2)), ((-1.0, 0.5), (-0.4, -0.1))],
)
def test__ell_profile__frame_matches_polar_definition_and_round_trips(centre, ell_comps):
    profile = gp.EllProfile(centre=centre, ell_comps=ell_comps)
    grid = aa.Grid2DIrregular(POINTS)

    transformed = profile.transformed_to_reference_frame_grid_from(grid)

    assert isinstance(transformed, aa.Grid2DIrregular)
    assert transformed.array == pytest.approx(
        frame_via_polar(POINTS, centre, profile.angle()), abs=1e-12
    )
    back = profile.transformed_from_reference_frame_grid_from(transformed)
    assert back.array == pytest.approx(np.asarray(POINTS), abs=1e-12)

    rotated_back = profile.rotated_grid_from_reference_frame_from(transformed.array)
    assert rotated_back == pytest.approx(np.asarray(POINTS) - np.asarray(centre), abs=1e-12)


def test__ell_profile__transform_of_grid_2d_returns_grid_2d():
    profile = gp.EllProfile(centre=(0.1, 0.0), ell_comps=(0.2, 0.1))
    grid = aa.Grid2D.uniform(shape_native=(3, 3), pixel_scales=0.5)

    transformed = profile.transformed_to_reference_frame_grid_from(grid)

    assert isinstance(transformed, aa.Grid2D)
    assert transformed.array == pytest.approx(
        frame_via_polar(grid.array, (0.1, 0.0), profile.angle()), abs=1e-12
    )


def test__rotated_grid_from_reference_frame_from__explicit_angle():
    profile = gp.EllProfile(ell_comps=(0.2, 0.1))
    vectors = np.array([(0.0, 1.0), (1.0, 0.0)])

    rotated = profile.rotated_grid_from_reference_frame_from(vectors, angle=90.0)

    assert rotated == pytest.approx(np.array([(1.0, 0.0), (0.0, -1.0)]), abs=1e-12)
    sph_rotated = gp.SphProfile().rotated_grid_from_reference_frame_from(vectors, angle=90.0)
    assert sph_rotated == pytest.approx(rotated, abs=1e-12)


def test__elliptical_and_eccentric_radii():
    profile = gp.EllProfile(ell_comps=(0.0, 0.111111))
    q = profile.axis_ratio()
    frame = np.array([(1.0, 2.0), (0.5, -0.5)])

    elliptical = profile.elliptical_radii_grid_from(frame)
    eccentric = profile.eccentric_radii_grid_from(frame)

    expected = np.sqrt(frame[:, 1] ** 2 + (frame[:, 0] / q) ** 2)
    assert elliptical == pytest.approx(expected)
    assert eccentric == pytest.approx(np.sqrt(q) * expected)


@pytest.mark.parametrize(
    "centre, ell_comps",
    [
        ((0.0, 0.0), (0.0, 0.0)),
        ((0.0, 0.0), (0.0, 0.111111)),
        ((0.3, -0.2), (0.4, -0.3)),
        ((0.3, -0.2), (-0.7, 0.5)),
        ((0.0, 0.1), (0.0, 0.9995)),  # beyond the |e| clamp
    ],
)
def test__eccentric_radii_squared_from__cartesian_equals_frame_definition(centre, ell_comps):
    profile = gp.EllProfile(centre=centre, ell_comps=ell_comps)
    grid = aa.Grid2DIrregular(POINTS)

    cartesian = profile.eccentric_radii_squared_from(grid)

    transformed = profile.transformed_to_reference_frame_grid_from(grid)
    frame = profile.eccentric_radii_grid_from(transformed) ** 2
    assert cartesian == pytest.approx(frame, rel=1e-10)
    transformed.is_transformed = True
    assert profile.eccentric_radii_squared_from(transformed) == pytest.approx(frame, rel=1e-12)


def test__sph_twin__uses_spherical_geometry():
    class EllThing(gp.EllProfile):
        pass

    class EllThingSph(gp.SphTwin, EllThing):
        def __init__(self, centre=(0.0, 0.0)):
            super().__init__(centre=centre, ell_comps=(0.0, 0.0))

    twin = EllThingSph(centre=(0.1, 0.2))
    grid = aa.Grid2DIrregular(POINTS)

    assert twin.ell_comps == (0.0, 0.0)
    assert twin.axis_ratio() == 1.0
    assert twin.eccentric_radii_squared_from(grid) == pytest.approx(
        EllThing(centre=(0.1, 0.2)).eccentric_radii_squared_from(grid)
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"ell_comps": (0.8, 0.6)},
        {"ell_comps": (1.0, 0.0)},
        {"ell_comps": (np.nan, 0.0)},
        {"ell_comps": (0.0, np.inf)},
        {"centre": (np.nan, 0.0)},
    ],
)
def test__ell_profile__invalid_parameters_raise(kwargs):
    with pytest.raises(exc.ProfileException):
        gp.EllProfile(**kwargs)

    assert issubclass(exc.ProfileException, ValueError)


def test__is_concrete():
    assert gp.is_concrete(1.0, (0.0, np.float64(2.0)), np.array([1.0, 2.0]), 3)
    assert not gp.is_concrete(1.0, object())


# ---------------------------------------------------------------------------------- pytree rule
def test_profile_parameters_are_its_constructor_arguments_and_class_floats_are_constants():
    from autoarray.pytrees import leaf_names_of
    from autogalaxy.profiles.light.linear import Sersic as LinearSersic
    from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear
    from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph

    assert leaf_names_of(Isothermal) == {"centre", "ell_comps", "einstein_radius"}
    assert leaf_names_of(IsothermalSph) == {"centre", "einstein_radius"}
    assert leaf_names_of(ExternalShear) == {"gamma_1", "gamma_2"}
    # The constants a profile sets itself are the attributes not among its parameters.
    assert set(vars(Isothermal())) - leaf_names_of(Isothermal) == {"slope"}
    assert set(vars(ExternalShear())) - leaf_names_of(ExternalShear) == {"centre", "ell_comps"}
    assert "intensity" not in leaf_names_of(LinearSersic)


def test_galaxy_and_linear_profile_declare_their_static_fields():
    import autogalaxy as ag
    from autoarray.pytrees import static_names_of
    from autogalaxy.profiles.light.linear import Sersic as LinearSersic

    assert static_names_of(ag.Galaxy) == {"redshift", "label", "id"}
    assert "pytree_token" in static_names_of(LinearSersic)
