import math
import warnings

import numpy as np
import pytest
from scipy import special

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.light import standard as lp
from autogalaxy.profiles.light.operated import LightProfileOperated
from autogalaxy.profiles.light.standard.sersic import sersic_constant_from

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def frame_radii_squared(profile, points):
    """q x'^2 + y'^2 / q via the explicit shift + rotation of the reference frame."""
    grid = aa.Grid2DIrregular(points)
    frame = profile.transformed_to_reference_frame_grid_from(grid).array
    q = profile.axis_ratio()
    return q * frame[:, 1] ** 2 + frame[:, 0] ** 2 / q


@pytest.mark.parametrize(
    "profile, expected",
    [
        (
            lp.Sersic(
                centre=(0.0, 0.0),
                ell_comps=(0.0, 0.111111),
                intensity=1.0,
                effective_radius=1.0,
                sersic_index=4.0,
            ),
            [1.8492426548, 0.69447223142, 0.902229638585, 0.198898692782],
        ),
        (
            lp.Gaussian(centre=(0.0, 0.0), ell_comps=(0.0, 0.111111), intensity=1.0, sigma=1.0),
            [0.814647287084, 0.559898346409, 0.640824183754, 0.158025269689],
        ),
        (
            lp.Exponential(
                centre=(0.0, 0.0), ell_comps=(0.0, 0.111111), intensity=1.0, effective_radius=1.0
            ),
            [1.6109841456, 0.709880414614, 0.912202015254, 0.145694761356],
        ),
    ],
)
def test__image_2d_from__check_values(profile, expected):
    image = profile.image_2d_from(aa.Grid2DIrregular(POINTS))

    assert isinstance(image, aa.ArrayIrregular)
    assert image.array == pytest.approx(expected, rel=1e-8)


def test__sersic_constant__ciotti_bertin_series():
    n = 2.5
    expected = (
        2.0 * n
        - 1.0 / 3.0
        + 4.0 / (405.0 * n)
        + 46.0 / (25515.0 * n**2)
        + 131.0 / (1148175.0 * n**3)
        - 2194697.0 / (30690717750.0 * n**4)
    )

    assert sersic_constant_from(n) == pytest.approx(expected, rel=1e-14)
    assert lp.Sersic(sersic_index=n).sersic_constant == pytest.approx(expected, rel=1e-14)
    # the gamma-function definition: P(2n, b_n) = 1/2
    assert special.gammainc(2.0 * 4.0, sersic_constant_from(4.0)) == pytest.approx(0.5, abs=1e-6)


@pytest.mark.parametrize(
    "profile, formula",
    [
        (
            lp.Sersic(
                centre=(0.1, -0.2),
                ell_comps=(0.3, -0.2),
                intensity=2.0,
                effective_radius=0.7,
                sersic_index=2.5,
            ),
            lambda r2: (
                2.0 * np.exp(-sersic_constant_from(2.5) * ((np.sqrt(r2) / 0.7) ** (1 / 2.5) - 1.0))
            ),
        ),
        (
            lp.Gaussian(centre=(0.1, -0.2), ell_comps=(0.3, -0.2), intensity=2.0, sigma=0.7),
            None,
        ),
        (
            lp.Moffat(
                centre=(0.1, -0.2), ell_comps=(0.3, -0.2), intensity=2.0, alpha=0.7, beta=2.5
            ),
            None,
        ),
    ],
)
def test__image_2d_from__matches_frame_formula(profile, formula):
    r2 = frame_radii_squared(profile, POINTS)
    q = profile.axis_ratio()
    if isinstance(profile, lp.Gaussian):
        expected = 2.0 * np.exp(-0.5 * (np.sqrt(r2) / (0.7 / np.sqrt(q))) ** 2)
    elif isinstance(profile, lp.Moffat):
        expected = 2.0 * (1.0 + (np.sqrt(r2) / (0.7 / np.sqrt(q))) ** 2) ** (-2.5)
    else:
        expected = formula(r2)

    image = profile.image_2d_from(aa.Grid2DIrregular(POINTS))

    assert image.array == pytest.approx(expected, rel=1e-10)


def test__gaussian__frame_form_q_squared():
    profile = lp.Gaussian(ell_comps=(0.0, 0.2), intensity=1.0, sigma=0.8)
    q = profile.axis_ratio()
    y, x = 0.3, -0.6  # angle 0: frame = observer frame

    image = profile.image_2d_from(aa.Grid2DIrregular([(y, x)]))

    assert image.array[0] == pytest.approx(np.exp(-(q**2 * x**2 + y**2) / (2 * 0.8**2)))


def test__sersic__value_at_effective_radius_is_intensity():
    profile = lp.Sersic(intensity=3.0, effective_radius=0.9, sersic_index=3.0)

    assert profile.image_2d_via_radii_from(0.9) == pytest.approx(3.0, rel=1e-12)
    assert profile.image_2d_from(aa.Grid2DIrregular([(0.0, 0.9)])).array == pytest.approx([3.0])


def test__exponential_and_dev_vaucouleurs_are_sersic():
    grid = aa.Grid2DIrregular(POINTS)
    kwargs = dict(centre=(0.1, 0.2), ell_comps=(0.1, -0.3), intensity=1.5, effective_radius=0.8)

    assert lp.Exponential(**kwargs).image_2d_from(grid).array == pytest.approx(
        lp.Sersic(sersic_index=1.0, **kwargs).image_2d_from(grid).array, rel=1e-12
    )
    assert lp.DevVaucouleurs(**kwargs).image_2d_from(grid).array == pytest.approx(
        lp.Sersic(sersic_index=4.0, **kwargs).image_2d_from(grid).array, rel=1e-12
    )


@pytest.mark.parametrize(
    "ell_cls, sph_cls, kwargs",
    [
        (lp.Sersic, lp.SersicSph, dict(intensity=1.5, effective_radius=0.8, sersic_index=2.0)),
        (lp.Exponential, lp.ExponentialSph, dict(intensity=1.5, effective_radius=0.8)),
        (lp.DevVaucouleurs, lp.DevVaucouleursSph, dict(intensity=1.5, effective_radius=0.8)),
        (lp.Gaussian, lp.GaussianSph, dict(intensity=1.5, sigma=0.8)),
        (lp.Moffat, lp.MoffatSph, dict(intensity=1.5, alpha=0.8, beta=2.5)),
        (
            lp.SersicCore,
            lp.SersicCoreSph,
            dict(
                effective_radius=0.8,
                sersic_index=2.0,
                radius_break=0.05,
                intensity=1.5,
                gamma=0.3,
                alpha=2.0,
            ),
        ),
        (
            lp.ExponentialCore,
            lp.ExponentialCoreSph,
            dict(effective_radius=0.8, radius_break=0.05, intensity=1.5, gamma=0.3, alpha=2.0),
        ),
        (lp.Chameleon, lp.ChameleonSph, dict(intensity=1.5, core_radius_0=0.02, core_radius_1=0.3)),
        (lp.ElsonFreeFall, lp.ElsonFreeFallSph, dict(intensity=1.5, effective_radius=0.8, eta=2.0)),
    ],
)
def test__elliptical_with_zero_ell_comps_equals_spherical(ell_cls, sph_cls, kwargs):
    grid = aa.Grid2DIrregular(POINTS)

    ell = ell_cls(centre=(0.2, -0.1), ell_comps=(0.0, 0.0), **kwargs)
    sph = sph_cls(centre=(0.2, -0.1), **kwargs)

    assert sph.ell_comps == (0.0, 0.0)
    assert sph.image_2d_from(grid).array == pytest.approx(ell.image_2d_from(grid).array, rel=1e-12)
    for name, value in kwargs.items():
        assert getattr(sph, name) == value
    # a nearly round profile tends to the spherical one (not the Chameleon: its axis ratio is
    # capped at 0.99999 along the position angle, which a tiny ell_comps still turns)
    nearly = ell_cls(centre=(0.2, -0.1), ell_comps=(1e-9, -1e-9), **kwargs)
    assert nearly.image_2d_from(grid).array == pytest.approx(
        sph.image_2d_from(grid).array, rel=1e-7 if ell_cls is not lp.Chameleon else 3e-5
    )


def test__sersic_core__intensity_at_break_radius_and_sersic_limit():
    core = lp.SersicCore(
        effective_radius=1.0,
        sersic_index=3.0,
        radius_break=0.1,
        intensity=2.0,
        gamma=0.3,
        alpha=2.0,
    )

    assert core.image_2d_via_radii_from(0.1) == pytest.approx(2.0, rel=1e-12)

    # no core: a Sersic scaled by 2^(-gamma/alpha) e^(-b)
    core = lp.SersicCore(
        ell_comps=(0.2, 0.1),
        effective_radius=1.0,
        sersic_index=3.0,
        radius_break=0.0,
        intensity=2.0,
        gamma=0.3,
        alpha=2.0,
    )
    sersic = lp.Sersic(
        ell_comps=(0.2, 0.1),
        effective_radius=1.0,
        sersic_index=3.0,
        intensity=2.0 * 2.0 ** (-0.15) * np.exp(-sersic_constant_from(3.0)),
    )
    grid = aa.Grid2DIrregular(POINTS)
    assert core.image_2d_from(grid).array == pytest.approx(
        sersic.image_2d_from(grid).array, rel=1e-12
    )


def test__sersic_core__graham_formula():
    i0, re, n, rb, g, a = 0.5, 0.8, 2.0, 0.05, 0.25, 3.0
    core = lp.SersicCoreSph(
        effective_radius=re, sersic_index=n, radius_break=rb, intensity=i0, gamma=g, alpha=a
    )
    b = sersic_constant_from(n)
    r = np.array([0.01, 0.05, 0.3, 1.2])

    prime = i0 * 2 ** (-g / a) * np.exp(b * (2 ** (1 / a) * rb / re) ** (1 / n))
    expected = (
        prime
        * (1 + (rb / r) ** a) ** (g / a)
        * np.exp(-b * ((r**a + rb**a) / re**a) ** (1 / (a * n)))
    )

    assert core.image_2d_via_radii_from(r) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("sersic_index", [1.0, 2.5, 4.0])
def test__sersic__total_flux_matches_analytic(sersic_index):
    profile = lp.Sersic(
        ell_comps=(0.2, -0.1), intensity=2.0, effective_radius=0.7, sersic_index=sersic_index
    )
    b = sersic_constant_from(sersic_index)
    # eccentric radius: ellipse R_ecc < r has area pi r^2, so no axis-ratio factor
    analytic = (
        2.0
        * 0.7**2
        * 2.0
        * np.pi
        * sersic_index
        * np.exp(b)
        * special.gamma(2 * sersic_index)
        / b ** (2 * sersic_index)
    )

    assert profile.luminosity_within_circle_from(np.inf) == pytest.approx(analytic, rel=1e-6)
    # b_n is an asymptotic series: half the light lies inside R_e to ~3e-5 at n = 1
    assert profile.luminosity_within_circle_from(0.7) == pytest.approx(0.5 * analytic, rel=1e-4)


def test__elliptical_sersic__image_integrated_over_plane_matches_analytic_flux():
    profile = lp.Sersic(
        centre=(0.05, -0.05),
        ell_comps=(0.15, 0.2),
        intensity=2.0,
        effective_radius=0.5,
        sersic_index=1.0,
    )
    pixel = 0.02
    coords = (np.arange(701) - 350) * pixel
    y, x = np.meshgrid(coords, coords, indexing="ij")
    grid = np.stack((y.ravel(), x.ravel()), axis=-1)

    image = profile.image_2d_from(grid)  # raw input -> raw output

    assert isinstance(image, np.ndarray)
    b = sersic_constant_from(1.0)
    analytic = 2.0 * 0.5**2 * 2.0 * np.pi * np.exp(b) / b**2
    assert image.sum() * pixel**2 == pytest.approx(analytic, rel=1e-4)


def test__gaussian__luminosity_and_half_light_radius():
    profile = lp.Gaussian(ell_comps=(0.1, 0.2), intensity=2.0, sigma=0.6)
    q = profile.axis_ratio()

    assert profile.luminosity_within_circle_from(np.inf) == pytest.approx(
        2.0 * np.pi * 2.0 * 0.6**2 / q, rel=1e-8
    )
    assert profile.half_light_radius == pytest.approx(
        0.6 * np.sqrt(2.0 * np.log(2.0) / q), rel=1e-7
    )


def test__moffat__half_light_radius():
    profile = lp.MoffatSph(intensity=1.0, alpha=0.5, beta=3.0)

    assert profile.half_light_radius == pytest.approx(
        0.5 * np.sqrt(2.0 ** (1.0 / 2.0) - 1.0), rel=1e-7
    )


def test__sersic__half_light_radius():
    profile = lp.Sersic(effective_radius=0.7, sersic_index=4.0)

    assert profile.half_light_radius == 0.7
    numerical = lp.LightProfile.half_light_radius.fget(profile)
    assert numerical == pytest.approx(0.7, rel=1e-4)


def test__image_2d_from__output_types():
    profile = lp.Sersic(ell_comps=(0.1, 0.0))

    grid_2d = aa.Grid2D.uniform(shape_native=(5, 5), pixel_scales=0.3)
    image = profile.image_2d_from(grid_2d)
    assert isinstance(image, aa.Array2D)
    assert image.shape_native == (5, 5)

    assert isinstance(profile.image_2d_from(aa.Grid2DIrregular(POINTS)), aa.ArrayIrregular)
    assert isinstance(profile.image_2d_from(np.array(POINTS)), np.ndarray)


@pytest.mark.parametrize(
    "profile",
    [
        lp.Sersic(
            centre=(0.05, 0.0),
            ell_comps=(0.1, 0.2),
            intensity=1.0,
            effective_radius=0.5,
            sersic_index=2.0,
        ),
        lp.Gaussian(centre=(0.05, 0.0), ell_comps=(0.1, 0.2), intensity=1.0, sigma=0.4),
        lp.SersicCore(centre=(0.05, 0.0), ell_comps=(0.1, 0.2)),
    ],
)
@pytest.mark.parametrize("over_sample_size", [1, 2, 4])
def test__image_2d_from__over_sampled_is_mean_of_sub_pixels(profile, over_sample_size):
    grid = aa.Grid2D.uniform(
        shape_native=(5, 5), pixel_scales=0.3, over_sample_size=over_sample_size
    )

    image = profile.image_2d_from(grid)

    sub_values = profile.image_2d_from(grid.over_sampled).array
    expected = sub_values.reshape(25, over_sample_size**2).mean(axis=1)
    assert image.array == pytest.approx(expected, rel=1e-12)
    if over_sample_size == 1:
        assert image.array == pytest.approx(
            profile.image_2d_from(aa.Grid2DIrregular(grid.array)).array
        )


def test__image_2d_from__over_sampled_with_mask():
    mask = aa.Mask2D.circular(shape_native=(7, 7), radius=0.8, pixel_scales=0.3)
    grid = aa.Grid2D.from_mask(mask=mask, over_sample_size=2)
    profile = lp.Exponential(ell_comps=(0.1, 0.0), intensity=1.0, effective_radius=0.5)

    image = profile.image_2d_from(grid)

    assert isinstance(image, aa.Array2D)
    assert image.array.shape == (mask.pixels_in_mask,)
    sub_values = profile.image_2d_from(grid.over_sampled).array
    assert image.array == pytest.approx(sub_values.reshape(-1, 4).mean(axis=1), rel=1e-12)


class GaussianOperated(LightProfileOperated, lp.Gaussian):
    pass


def test__image_2d_from__operated_only():
    grid = aa.Grid2DIrregular(POINTS)
    standard = lp.Gaussian(intensity=1.0)
    operated = GaussianOperated(intensity=1.0)
    values = standard.image_2d_from(grid).array

    assert standard.image_2d_from(grid, operated_only=None).array == pytest.approx(values)
    assert standard.image_2d_from(grid, operated_only=False).array == pytest.approx(values)
    assert standard.image_2d_from(grid, operated_only=True).array == pytest.approx(np.zeros(4))
    assert operated.image_2d_from(grid, operated_only=True).array == pytest.approx(values)
    assert operated.image_2d_from(grid, operated_only=False).array == pytest.approx(np.zeros(4))
    zeros_2d = standard.image_2d_from(aa.Grid2D.uniform((3, 3), 0.1), operated_only=True)
    assert isinstance(zeros_2d, aa.Array2D)
    assert zeros_2d.array == pytest.approx(np.zeros(9))


@pytest.mark.parametrize(
    "cls, kwargs",
    [
        (lp.Sersic, {"effective_radius": 0.0}),
        (lp.Sersic, {"effective_radius": -1.0}),
        (lp.Sersic, {"sersic_index": 0.0}),
        (lp.Sersic, {"intensity": np.nan}),
        (lp.Sersic, {"ell_comps": (0.9, 0.5)}),
        (lp.SersicSph, {"effective_radius": -0.1}),
        (lp.Exponential, {"effective_radius": 0.0}),
        (lp.DevVaucouleursSph, {"effective_radius": np.inf}),
        (lp.Gaussian, {"sigma": 0.0}),
        (lp.GaussianSph, {"sigma": -1.0}),
        (lp.Moffat, {"alpha": 0.0}),
        (lp.Moffat, {"beta": -1.0}),
        (lp.SersicCore, {"radius_break": -0.01}),
        (lp.SersicCore, {"alpha": 0.0}),
        (lp.SersicCore, {"gamma": np.nan}),
        (lp.ExponentialCoreSph, {"effective_radius": 0.0}),
        (lp.Chameleon, {"core_radius_0": -0.1}),
        (lp.ChameleonSph, {"core_radius_1": np.nan}),
        (lp.ElsonFreeFall, {"effective_radius": 0.0}),
        (lp.ElsonFreeFallSph, {"eta": np.inf}),
    ],
)
def test__invalid_parameters_raise(cls, kwargs):
    with pytest.raises(exc.ProfileException):
        cls(**kwargs)


def test__negative_intensity_is_allowed():
    profile = lp.Gaussian(intensity=-1.0)

    assert profile.image_2d_via_radii_from(0.0) == pytest.approx(-1.0)


def test__defaults_and_attributes():
    sersic = lp.Sersic()
    assert (
        sersic.centre,
        sersic.ell_comps,
        sersic.intensity,
        sersic.effective_radius,
        sersic.sersic_index,
    ) == (
        (0.0, 0.0),
        (0.0, 0.0),
        0.1,
        0.6,
        4.0,
    )
    core = lp.SersicCore()
    assert (
        core.effective_radius,
        core.sersic_index,
        core.radius_break,
        core.intensity,
        core.gamma,
        core.alpha,
    ) == (
        0.6,
        4.0,
        0.025,
        0.05,
        0.25,
        3.0,
    )
    assert lp.ExponentialCore().sersic_index == 1.0
    assert lp.Moffat().alpha == 0.5 and lp.Moffat().beta == 2.0
    assert lp.Gaussian().sigma == 1.0
    assert math.isclose(lp.DevVaucouleurs().sersic_index, 4.0)


def test__image_at_profile_centre_is_finite_without_warnings():
    grid = aa.Grid2DIrregular([(0.1, -0.2)])
    kwargs = dict(centre=(0.1, -0.2), ell_comps=(0.1, 0.05), intensity=2.0)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sersic = lp.Sersic(effective_radius=0.5, sersic_index=3.0, **kwargs).image_2d_from(grid)
        exponential = lp.Exponential(effective_radius=0.5, **kwargs).image_2d_from(grid)
        gaussian = lp.Gaussian(sigma=0.5, **kwargs).image_2d_from(grid)
        moffat = lp.Moffat(alpha=0.5, beta=2.0, **kwargs).image_2d_from(grid)

    assert sersic.array == pytest.approx([2.0 * np.exp(sersic_constant_from(3.0))])
    assert exponential.array == pytest.approx([2.0 * np.exp(sersic_constant_from(1.0))])
    assert gaussian.array == pytest.approx([2.0])
    assert moffat.array == pytest.approx([2.0])


def test__image_2d_from__adaptive_over_sample_size_is_per_pixel_mean():
    sizes = np.array([[1, 2, 1], [3, 4, 2], [1, 1, 2]])
    grid = aa.Grid2D.uniform(shape_native=(3, 3), pixel_scales=0.4, over_sample_size=sizes)
    profile = lp.Sersic(
        centre=(0.05, 0.1), ell_comps=(0.1, 0.2), effective_radius=0.5, sersic_index=2.0
    )

    image = profile.image_2d_from(grid)

    sub_values = profile.image_2d_from(grid.over_sampled).array
    splits = np.cumsum(sizes.ravel() ** 2)[:-1]
    expected = [chunk.mean() for chunk in np.split(sub_values, splits)]
    assert image.array == pytest.approx(expected, rel=1e-12)


def test__chameleon__formula_with_elliptical_radius():
    profile = lp.Chameleon(
        centre=(0.1, -0.2),
        ell_comps=(0.3, -0.2),
        intensity=2.0,
        core_radius_0=0.05,
        core_radius_1=0.4,
    )
    grid = aa.Grid2DIrregular(POINTS)
    q = profile.axis_ratio()
    frame = profile.transformed_to_reference_frame_grid_from(grid).array
    r_ell = np.sqrt(frame[:, 1] ** 2 + (frame[:, 0] / q) ** 2)

    expected = (
        2.0
        / (1 + q)
        * (
            1 / np.sqrt(r_ell**2 + 4 * 0.05**2 / (1 + q) ** 2)
            - 1 / np.sqrt(r_ell**2 + 4 * 0.4**2 / (1 + q) ** 2)
        )
    )

    assert profile.image_2d_from(grid).array == pytest.approx(expected, rel=1e-10)
    sph = lp.ChameleonSph(intensity=2.0, core_radius_0=0.05, core_radius_1=0.4)
    q_cap = 0.99999
    r = np.array([0.0, 0.3, 1.0])
    expected_sph = (
        2.0
        / (1 + q_cap)
        * (
            1 / np.sqrt(r**2 / q_cap * q_cap + 4 * 0.05**2 / (1 + q_cap) ** 2)
            - 1 / np.sqrt(r**2 + 4 * 0.4**2 / (1 + q_cap) ** 2)
        )
    )
    assert sph.image_2d_via_radii_from(r) == pytest.approx(expected_sph, rel=1e-12)


def test__elson_free_fall__formula():
    profile = lp.ElsonFreeFall(
        centre=(0.1, -0.2), ell_comps=(0.3, -0.2), intensity=2.0, effective_radius=0.7, eta=1.8
    )
    r2 = frame_radii_squared(profile, POINTS)

    expected = 2.0 * (1.0 + r2 / 0.7**2) ** (-1.8)

    assert profile.image_2d_from(aa.Grid2DIrregular(POINTS)).array == pytest.approx(
        expected, rel=1e-10
    )


#: PyAutoGalaxy 2026.10.26.1 images of the nearly round Chameleon (q capped at 0.99999).
CHAMELEON_NEARLY_ROUND = {
    (0.0, 0.0): [
        0.08089225471598037,
        0.016555455296721557,
        2.001377699236295,
        0.0013095491179500342,
    ],
    (1e-07, 0.0): [
        0.08089070913234246,
        0.016555795861434124,
        2.001375590012127,
        0.001309540914147434,
    ],
    (2e-06, 1e-06): [
        0.08089118665379615,
        0.016555701220819008,
        2.001372082549071,
        0.001309538676227056,
    ],
    (0.001, -0.002): [
        0.0803990381741721,
        0.01665826162709454,
        2.0031264148057093,
        0.00130970529624537,
    ],
}


@pytest.mark.parametrize("ell_comps", list(CHAMELEON_NEARLY_ROUND))
def test__chameleon__nearly_round_matches_pyautogalaxy(ell_comps):
    """PyAutoGalaxy caps q at 0.99999 in the elliptical radius as well as the prefactors."""
    profile = lp.Chameleon(
        centre=(0.1, -0.05),
        ell_comps=ell_comps,
        intensity=1.3,
        core_radius_0=0.02,
        core_radius_1=0.3,
    )
    grid = aa.Grid2DIrregular([(0.3, -0.7), (1.2, 0.4), (-0.05, 0.02), (2.5, -1.5)])
    expected = CHAMELEON_NEARLY_ROUND[ell_comps]
    assert profile.image_2d_from(grid).array == pytest.approx(expected, rel=1e-13)
    if ell_comps == (0.0, 0.0):
        sph = lp.ChameleonSph(
            centre=(0.1, -0.05), intensity=1.3, core_radius_0=0.02, core_radius_1=0.3
        )
        assert sph.image_2d_from(grid).array == pytest.approx(expected, rel=1e-13)
