import numpy as np
import pytest
from scipy.integrate import quad

import autoarray as aa
from autogalaxy import convert, exc
from autogalaxy.profiles.mass.stellar import (
    DevVaucouleurs,
    DevVaucouleursSph,
    Exponential,
    ExponentialSph,
    Sersic,
    SersicSph,
    stellar_util,
)

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def test__convergence__check_values_of_light_profiles_times_mass_to_light():
    grid = aa.Grid2DIrregular(POINTS)
    sersic = Sersic(
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.111111),
        intensity=1.0,
        effective_radius=1.0,
        sersic_index=4.0,
        mass_to_light_ratio=1.0,
    )
    assert sersic.convergence_2d_from(grid).array == pytest.approx(
        [1.8492426548, 0.69447223142, 0.902229638585, 0.198898692782], rel=1e-9
    )
    exponential = Exponential(
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.111111),
        intensity=1.0,
        effective_radius=1.0,
        mass_to_light_ratio=3.0,
    )
    assert exponential.convergence_2d_from(grid).array == pytest.approx(
        3.0 * np.array([1.6109841456, 0.709880414614, 0.912202015254, 0.145694761356]), rel=1e-9
    )


def test__sersic_constant__half_light():
    from scipy.special import gammainc

    for n in (0.5, 1.0, 2.5, 4.0, 8.0):
        b = stellar_util.sersic_constant_from(n)
        assert gammainc(2 * n, b) == pytest.approx(0.5, abs=2e-4)


@pytest.mark.parametrize("sersic_index", [0.4, 1.0, 2.5, 4.0, 6.0])
@pytest.mark.parametrize("axis_ratio", [0.12, 0.3, 0.7, 0.95, 1.0])
def test__sersic_deflections__match_keeton_integrals(sersic_index, axis_ratio, keeton_reference):
    ell_comps = convert.ell_comps_from(axis_ratio=axis_ratio, angle=-20.0)
    profile = Sersic(
        centre=(0.0, 0.0),
        ell_comps=ell_comps,
        intensity=0.3,
        effective_radius=0.8,
        sersic_index=sersic_index,
        mass_to_light_ratio=2.0,
    )
    q = profile.axis_ratio()
    phi = np.radians(profile.angle())
    points = [
        (0.002, 0.001),
        (0.5, 0.5),
        (1.0, -0.5),
        (-0.5, 1.0),
        (1.5, 1.5),
        (10.0, -30.0),
        (-90.0, 120.0),
    ]
    deflections = profile.deflections_yx_2d_from(aa.Grid2DIrregular(points)).array

    def kappa(xi):
        return float(profile.convergence_func(np.sqrt(q) * xi))

    for (y, x), (ay, ax) in zip(points, deflections):
        ref = np.array(
            keeton_reference(
                y, x, q, kappa, angle=phi, limit=2000, points=(1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 0.5)
            )
        )
        assert np.max(np.abs(np.array([ay, ax]) - ref)) / np.hypot(*ref) < 1e-7


@pytest.mark.parametrize("sersic_index", [0.5, 1.0, 4.0])
def test__sersic_sph__deflection_is_enclosed_mass_over_pi_r(sersic_index):
    profile = SersicSph(
        centre=(0.1, -0.3),
        intensity=0.3,
        effective_radius=0.8,
        sersic_index=sersic_index,
        mass_to_light_ratio=2.0,
    )
    for r in (0.01, 0.8, 3.0, 20.0):
        mass = quad(
            lambda rr: 2 * np.pi * rr * profile.convergence_func(rr),
            0.0,
            r,
            limit=500,
            epsabs=0.0,
            epsrel=1e-12,
            points=[1e-6, 1e-4, 1e-2] if r > 0.01 else None,
        )[0]
        alpha = profile.deflections_yx_2d_from(aa.Grid2DIrregular([(0.1, -0.3 + r)])).array[0]
        assert alpha[1] == pytest.approx(mass / (np.pi * r), rel=1e-9)
        assert alpha[0] == pytest.approx(0.0, abs=1e-15)


def test__spherical_twins_match_elliptical_profiles_with_zero_ellipticity():
    grid = aa.Grid2DIrregular(POINTS + [(0.0, 0.0), (3.0, 4.0)])
    pairs = [
        (
            SersicSph(centre=(0.1, 0.0), intensity=0.2, effective_radius=1.1, sersic_index=2.2),
            Sersic(centre=(0.1, 0.0), intensity=0.2, effective_radius=1.1, sersic_index=2.2),
        ),
        (
            ExponentialSph(centre=(0.1, 0.0), intensity=0.2, effective_radius=1.1),
            Exponential(centre=(0.1, 0.0), intensity=0.2, effective_radius=1.1),
        ),
        (
            DevVaucouleursSph(centre=(0.1, 0.0), intensity=0.2, effective_radius=1.1),
            DevVaucouleurs(centre=(0.1, 0.0), intensity=0.2, effective_radius=1.1),
        ),
    ]
    for sph, ell in pairs:
        assert sph.deflections_yx_2d_from(grid).array == pytest.approx(
            ell.deflections_yx_2d_from(grid).array, rel=1e-9, abs=1e-14
        )
        assert sph.convergence_2d_from(grid).array == pytest.approx(
            ell.convergence_2d_from(grid).array, rel=1e-12
        )
        assert sph.potential_2d_from(grid).array == pytest.approx(
            ell.potential_2d_from(grid).array, rel=1e-8, abs=1e-12
        )


def test__exponential_and_dev_vaucouleurs_are_sersic_special_cases():
    grid = aa.Grid2DIrregular(POINTS)
    kwargs = dict(centre=(0.1, 0.2), ell_comps=(0.1, -0.2), intensity=0.3, effective_radius=0.9)
    for special, n in ((Exponential(**kwargs), 1.0), (DevVaucouleurs(**kwargs), 4.0)):
        general = Sersic(sersic_index=n, **kwargs)
        assert special.sersic_index == n
        assert special.deflections_yx_2d_from(grid).array == pytest.approx(
            general.deflections_yx_2d_from(grid).array, rel=1e-13
        )


@pytest.mark.parametrize(
    "profile",
    [
        Sersic(
            centre=(0.1, 0.0),
            ell_comps=(0.2, 0.1),
            intensity=0.2,
            effective_radius=0.7,
            sersic_index=3.0,
        ),
        SersicSph(centre=(0.1, 0.0), intensity=0.2, effective_radius=0.7, sersic_index=1.5),
        Exponential(ell_comps=(-0.1, 0.25), intensity=0.4, effective_radius=1.2),
        DevVaucouleurs(ell_comps=(0.05, -0.3), intensity=0.4, effective_radius=1.2),
        DevVaucouleursSph(intensity=0.4, effective_radius=1.2),
    ],
)
def test__grad_potential_and_divergence(profile, finite_differences):
    raw = np.asarray(POINTS + [(3.0, -2.0), (0.2, 0.1)], dtype=float)
    grad, alpha, div, kappa = finite_differences(profile, raw)
    assert grad == pytest.approx(alpha, rel=1e-6, abs=1e-9)
    assert div == pytest.approx(2.0 * kappa, rel=1e-5)


def test__grid_2d_output_types_and_finite_centre():
    grid = aa.Grid2D.uniform(shape_native=(3, 3), pixel_scales=0.4)
    for profile in (Sersic(ell_comps=(0.1, 0.0), sersic_index=4.0), SersicSph(sersic_index=4.0)):
        deflections = profile.deflections_yx_2d_from(grid)
        assert isinstance(deflections, aa.VectorYX2D)
        assert isinstance(profile.convergence_2d_from(grid), aa.Array2D)
        assert np.all(np.isfinite(deflections.array))


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(effective_radius=0.0),
        dict(effective_radius=-1.0),
        dict(sersic_index=0.0),
        dict(sersic_index=-2.0),
        dict(mass_to_light_ratio=-1.0),
    ],
)
def test__invalid_parameters_raise(kwargs):
    with pytest.raises(exc.ProfileException):
        Sersic(**kwargs)
    with pytest.raises(exc.ProfileException):
        SersicSph(**kwargs)
    if "sersic_index" not in kwargs:
        for cls in (Exponential, ExponentialSph, DevVaucouleurs, DevVaucouleursSph):
            with pytest.raises(exc.ProfileException):
                cls(**kwargs)


def test__defaults():
    profile = Sersic()
    assert (
        profile.intensity,
        profile.effective_radius,
        profile.sersic_index,
        profile.mass_to_light_ratio,
    ) == (0.1, 0.6, 0.6, 1.0)
    assert DevVaucouleursSph().sersic_index == 4.0
    assert ExponentialSph().sersic_index == 1.0


def test__convergence_func__is_function_of_eccentric_radius():
    profile = Sersic(ell_comps=(0.2, 0.1), intensity=0.4, effective_radius=0.9, sersic_index=2.0)
    q = profile.axis_ratio()
    phi = np.radians(profile.angle())
    point = (1.3 * np.sin(phi), 1.3 * np.cos(phi))
    kappa = profile.convergence_2d_from(aa.Grid2DIrregular([point])).array[0]
    assert profile.convergence_func(np.sqrt(q) * 1.3) == pytest.approx(kappa, rel=1e-12)


def test__sersic_constant__is_a_property_as_pyautogalaxy():
    # PyAutoGalaxy 2026.10.26.1: mp.Sersic / mp.SersicCore / lmp.Sersic (n = 2.5) give this b_n
    import autogalaxy as ag

    for profile in (
        ag.mp.Sersic(sersic_index=2.5),
        ag.mp.SersicCore(sersic_index=2.5),
        ag.lmp.Sersic(sersic_index=2.5),
    ):
        assert profile.sersic_constant == pytest.approx(4.670911213084184, rel=1e-14)
