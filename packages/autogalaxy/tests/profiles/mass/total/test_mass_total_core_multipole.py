import math

import numpy as np
import pytest
from scipy.integrate import quad

import autoarray as aa
from autogalaxy import convert, exc
from autogalaxy.profiles.mass.total import (
    Isothermal,
    IsothermalCore,
    IsothermalCoreSph,
    PowerLaw,
    PowerLawCore,
    PowerLawCoreSph,
    PowerLawMultipole,
)


def _grid(points):
    return aa.Grid2DIrregular(points)


def _random_points(n, seed, r_min=0.05, r_max=5.0, centre=(0.0, 0.0)):
    rng = np.random.default_rng(seed)
    r = 10 ** rng.uniform(np.log10(r_min), np.log10(r_max), n)
    th = rng.uniform(0.0, 2.0 * np.pi, n)
    return np.stack((centre[0] + r * np.sin(th), centre[1] + r * np.cos(th)), axis=-1)


def _fd_gradient_of_potential(profile, points, h=1.0e-5):
    dy, dx = np.array([h, 0.0]), np.array([0.0, h])

    def psi(p):
        return profile.potential_2d_from(_grid(p)).array

    return np.stack(
        (
            (psi(points + dy) - psi(points - dy)) / (2 * h),
            (psi(points + dx) - psi(points - dx)) / (2 * h),
        ),
        axis=-1,
    )


def _fd_divergence_of_deflections(profile, points, h=1.0e-5):
    dy, dx = np.array([h, 0.0]), np.array([0.0, h])

    def alpha(p):
        return profile.deflections_yx_2d_from(_grid(p)).array

    return (alpha(points + dy)[:, 0] - alpha(points - dy)[:, 0]) / (2 * h) + (
        alpha(points + dx)[:, 1] - alpha(points - dx)[:, 1]
    ) / (2 * h)


def _keeton_cored_reference(y, x, profile):
    """Cored deflection by scipy quad of Keeton's integrals (independent of the fixed rule)."""
    q, angle = convert.axis_ratio_and_angle_from(profile.ell_comps)
    phi = math.radians(angle)
    dy, dx = y - profile.centre[0], x - profile.centre[1]
    xr = dx * math.cos(phi) + dy * math.sin(phi)
    yr = -dx * math.sin(phi) + dy * math.cos(phi)
    t = profile.slope - 1.0
    amp = (3.0 - profile.slope) / (1.0 + q) * profile.einstein_radius**t
    p = 1.0 - q * q
    rc2 = profile.core_radius**2

    def integrand(u, n):
        xi2 = u * (xr * xr + yr * yr / (1.0 - p * u))
        return amp * (rc2 + xi2) ** (-0.5 * t) / (1.0 - p * u) ** (n + 0.5)

    brk = [min(rc2 / (xr * xr + yr * yr), 0.5), 0.9, 0.99]
    j0 = quad(integrand, 0, 1, args=(0,), points=brk, limit=500, epsabs=0, epsrel=1e-12)[0]
    j1 = quad(integrand, 0, 1, args=(1,), points=brk, limit=500, epsabs=0, epsrel=1e-12)[0]
    axr, ayr = q * xr * j0, q * yr * j1
    return axr * math.sin(phi) + ayr * math.cos(phi), axr * math.cos(phi) - ayr * math.sin(phi)


# -- cored power laws --------------------------------------------------------------------------


@pytest.mark.parametrize("slope", [1.5, 2.0, 2.6])
@pytest.mark.parametrize("core_radius", [0.05, 0.4])
def test__power_law_core__matches_scipy_keeton_integrals(slope, core_radius):
    ell_comps = convert.ell_comps_from(axis_ratio=0.3, angle=40.0)
    mp = PowerLawCore(
        centre=(0.1, -0.1),
        ell_comps=ell_comps,
        einstein_radius=1.2,
        slope=slope,
        core_radius=core_radius,
    )
    points = [(0.5, 0.3), (-1.2, 0.8), (0.02, -0.05), (3.0, -2.0), (0.1, -0.1 + 0.3)]
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    for (y, x), (ay, ax) in zip(points, alpha):
        ry, rx = _keeton_cored_reference(y, x, mp)
        assert ay == pytest.approx(ry, abs=1e-10)
        assert ax == pytest.approx(rx, abs=1e-10)


@pytest.mark.parametrize("slope", [1.3, 2.0, 2.7])
def test__power_law_core__zero_ellipticity_quadrature_equals_closed_form_sph(slope):
    points = _random_points(40, seed=1, r_min=1e-3, r_max=20.0, centre=(0.2, 0.1))
    kwargs = dict(centre=(0.2, 0.1), einstein_radius=1.1, slope=slope, core_radius=0.03)
    ell = PowerLawCore(ell_comps=(0.0, 0.0), **kwargs)
    sph = PowerLawCoreSph(**kwargs)
    for method in ("deflections_yx_2d_from", "convergence_2d_from", "potential_2d_from"):
        assert getattr(ell, method)(_grid(points)).array == pytest.approx(
            getattr(sph, method)(_grid(points)).array, rel=1e-11, abs=1e-13
        )


def test__isothermal_core_sph__closed_form():
    mp = IsothermalCoreSph(centre=(0.0, 0.0), einstein_radius=1.3, core_radius=0.2)
    points = _random_points(20, seed=2)
    r = np.hypot(points[:, 0], points[:, 1])
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    magnitude = 1.3 * (np.sqrt(0.04 + r**2) - 0.2) / r
    assert np.hypot(alpha[:, 0], alpha[:, 1]) == pytest.approx(magnitude, rel=1e-12)
    assert mp.convergence_2d_from(_grid(points)).array == pytest.approx(
        0.5 * 1.3 / np.sqrt(0.04 + r**2), rel=1e-12
    )
    # Spherical: mass inside r equals pi r |alpha(r)|.
    assert mp.mass_angular_within_circle_from(radius=r[0]) == pytest.approx(
        math.pi * r[0] * magnitude[0], rel=1e-9
    )


def test__small_core_tends_to_singular_profile():
    points = _random_points(20, seed=3, r_min=0.3, r_max=3.0)
    ell_comps = (0.15, -0.2)
    cored = IsothermalCore(ell_comps=ell_comps, einstein_radius=1.0, core_radius=1e-6)
    singular = Isothermal(ell_comps=ell_comps, einstein_radius=1.0)
    assert cored.deflections_yx_2d_from(_grid(points)).array == pytest.approx(
        singular.deflections_yx_2d_from(_grid(points)).array, abs=1e-5
    )
    cored = PowerLawCore(ell_comps=ell_comps, einstein_radius=1.0, slope=1.8, core_radius=1e-6)
    singular = PowerLaw(ell_comps=ell_comps, einstein_radius=1.0, slope=1.8)
    assert cored.deflections_yx_2d_from(_grid(points)).array == pytest.approx(
        singular.deflections_yx_2d_from(_grid(points)).array, abs=1e-5
    )
    assert cored.potential_2d_from(_grid(points)).array == pytest.approx(
        singular.potential_2d_from(_grid(points)).array, abs=1e-5
    )


CORED = [
    PowerLawCore(
        centre=(0.1, 0.0), ell_comps=(0.2, -0.3), einstein_radius=1.1, slope=2.3, core_radius=0.1
    ),
    PowerLawCore(
        centre=(0.0, 0.0), ell_comps=(-0.5, 0.2), einstein_radius=0.9, slope=1.6, core_radius=0.02
    ),
    IsothermalCore(centre=(0.0, 0.2), ell_comps=(0.1, 0.1), einstein_radius=1.4, core_radius=0.3),
    PowerLawCoreSph(centre=(0.0, 0.0), einstein_radius=1.0, slope=2.5, core_radius=0.05),
    IsothermalCoreSph(centre=(-0.1, 0.0), einstein_radius=1.2, core_radius=0.1),
]


@pytest.mark.parametrize("profile", CORED, ids=lambda p: type(p).__name__)
def test__cored__gradient_of_potential_is_deflection(profile):
    points = _random_points(15, seed=4, r_min=0.05, r_max=4.0, centre=profile.centre)
    alpha = profile.deflections_yx_2d_from(_grid(points)).array
    assert _fd_gradient_of_potential(profile, points) == pytest.approx(alpha, abs=2e-8)


@pytest.mark.parametrize("profile", CORED, ids=lambda p: type(p).__name__)
def test__cored__divergence_of_deflection_is_twice_convergence(profile):
    points = _random_points(15, seed=5, r_min=0.05, r_max=4.0, centre=profile.centre)
    kappa = profile.convergence_2d_from(_grid(points)).array
    assert _fd_divergence_of_deflections(profile, points) == pytest.approx(2 * kappa, rel=1e-6)


def test__cored__finite_at_centre_and_zero_core():
    grid = _grid([(0.0, 0.0), (0.3, 0.1)])
    for mp in (
        PowerLawCore(ell_comps=(0.1, 0.2), slope=2.2, core_radius=0.1),
        PowerLawCoreSph(slope=2.2, core_radius=0.0),
        IsothermalCore(core_radius=0.0, ell_comps=(0.3, 0.0)),
    ):
        for method in ("deflections_yx_2d_from", "convergence_2d_from", "potential_2d_from"):
            assert np.all(np.isfinite(getattr(mp, method)(grid).array))


@pytest.mark.parametrize(
    "factory",
    [
        lambda: PowerLawCore(core_radius=-0.1),
        lambda: PowerLawCore(slope=3.0),
        lambda: PowerLawCoreSph(einstein_radius=-1.0),
        lambda: IsothermalCore(core_radius=float("nan")),
        lambda: IsothermalCoreSph(core_radius=-1.0),
    ],
)
def test__cored__invalid_parameters_raise(factory):
    with pytest.raises(exc.ProfileException):
        factory()


# -- multipole ---------------------------------------------------------------------------------


MULTIPOLES = [
    PowerLawMultipole(
        m=4, centre=(0.1, -0.1), einstein_radius=1.2, slope=2.2, multipole_comps=(0.05, -0.03)
    ),
    PowerLawMultipole(
        m=4, centre=(0.0, 0.0), einstein_radius=0.8, slope=1.7, multipole_comps=(-0.02, 0.04)
    ),
    PowerLawMultipole(
        m=3, centre=(0.0, 0.0), einstein_radius=1.0, slope=2.0, multipole_comps=(0.03, 0.01)
    ),
    PowerLawMultipole(
        m=1, centre=(0.0, 0.0), einstein_radius=1.0, slope=2.4, multipole_comps=(0.03, 0.01)
    ),
]


@pytest.mark.parametrize("profile", MULTIPOLES, ids=lambda p: f"m{p.m}_slope{p.slope}")
def test__multipole__potential_gradient_and_divergence(profile):
    points = _random_points(20, seed=6, r_min=0.2, r_max=4.0, centre=profile.centre)
    alpha = profile.deflections_yx_2d_from(_grid(points)).array
    assert _fd_gradient_of_potential(profile, points) == pytest.approx(alpha, abs=2e-9)
    kappa = profile.convergence_2d_from(_grid(points)).array
    assert _fd_divergence_of_deflections(profile, points) == pytest.approx(2 * kappa, abs=1e-7)


def test__multipole__convergence_in_k_m_phi_m_form():
    mp = MULTIPOLES[0]
    k_m, phi_m = mp.k_m_and_angle_m()
    points = _random_points(20, seed=7, centre=mp.centre)
    dy, dx = points[:, 0] - mp.centre[0], points[:, 1] - mp.centre[1]
    r, theta = np.hypot(dy, dx), np.arctan2(dy, dx)
    expected = (
        0.5
        * (mp.einstein_radius / r) ** (mp.slope - 1)
        * k_m
        * np.cos(mp.m * (theta - np.radians(phi_m)))
    )
    assert mp.convergence_2d_from(_grid(points)).array == pytest.approx(expected, rel=1e-12)
    # Deflections in polar form (radial / tangential amplitudes of the Chu et al. multipole).
    t = mp.slope - 1
    denom = mp.m**2 - (3 - mp.slope) ** 2
    a_r = (
        -(3 - mp.slope)
        * mp.einstein_radius**t
        * r ** (1 - t)
        * k_m
        * np.cos(mp.m * (theta - np.radians(phi_m)))
        / denom
    )
    a_t = (
        mp.m
        * mp.einstein_radius**t
        * r ** (1 - t)
        * k_m
        * np.sin(mp.m * (theta - np.radians(phi_m)))
        / denom
    )
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    assert alpha[:, 1] == pytest.approx(a_r * np.cos(theta) - a_t * np.sin(theta), abs=1e-13)
    assert alpha[:, 0] == pytest.approx(a_r * np.sin(theta) + a_t * np.cos(theta), abs=1e-13)


def test__multipole__zero_comps_gives_zero_and_invalid_inputs():
    mp = PowerLawMultipole(multipole_comps=(0.0, 0.0))
    assert mp.deflections_yx_2d_from(_grid([(1.0, 0.3)])).array == pytest.approx(0.0)
    with pytest.raises(exc.ProfileException):
        PowerLawMultipole(m=0)
    with pytest.raises(exc.ProfileException):
        PowerLawMultipole(m=2.5)
    with pytest.raises(exc.ProfileException):
        PowerLawMultipole(slope=3.2)
    with pytest.raises(exc.ProfileException):
        PowerLawMultipole(m=1, slope=2.0)
