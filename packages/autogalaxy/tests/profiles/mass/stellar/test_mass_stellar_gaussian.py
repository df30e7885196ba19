import numpy as np
import pytest
from scipy.special import wofz as scipy_wofz

import autoarray as aa
from autogalaxy import convert, exc
from autogalaxy.profiles.mass.stellar import Gaussian, faddeeva

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def test__convergence__check_value_of_light_profile_times_mass_to_light():
    profile = Gaussian(
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.111111),
        intensity=1.0,
        sigma=1.0,
        mass_to_light_ratio=2.0,
    )
    kappa = profile.convergence_2d_from(aa.Grid2DIrregular(POINTS)).array
    expected = [0.814647287084, 0.559898346409, 0.640824183754, 0.158025269689]
    assert kappa == pytest.approx(2.0 * np.array(expected), rel=1e-9)


def test__weideman_faddeeva__matches_scipy():
    rng = np.random.default_rng(0)
    z = np.concatenate(
        [
            rng.uniform(-12, 12, 4000) + 1j * rng.uniform(0, 12, 4000),
            10 ** rng.uniform(-4, 4, 4000) * np.exp(1j * rng.uniform(0, np.pi, 4000)),
        ]
    )
    approx = faddeeva._wofz_upper_half_plane(z, np)
    assert np.max(np.abs(approx - scipy_wofz(z)) / np.abs(scipy_wofz(z))) < 1e-12


@pytest.mark.parametrize("axis_ratio, angle", [(0.2, 0.0), (0.5, 37.0), (0.85, 120.0)])
def test__deflections__match_keeton_integrals(axis_ratio, angle, keeton_reference):
    ell_comps = convert.ell_comps_from(axis_ratio=axis_ratio, angle=angle)
    profile = Gaussian(
        centre=(0.0, 0.0), ell_comps=ell_comps, intensity=0.7, sigma=0.6, mass_to_light_ratio=1.5
    )
    q = profile.axis_ratio()
    points = [(0.001, -0.002), (0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5), (-4.0, 9.0)]
    deflections = profile.deflections_yx_2d_from(aa.Grid2DIrregular(points)).array
    phi = np.radians(profile.angle())

    def kappa(xi):
        return 1.05 * np.exp(-0.5 * (q * xi / 0.6) ** 2)

    for (y, x), (ay, ax) in zip(points, deflections):
        ref = np.array(keeton_reference(y, x, q, kappa, angle=phi))
        assert np.max(np.abs(np.array([ay, ax]) - ref)) / np.hypot(*ref) < 1e-9


@pytest.mark.parametrize(
    "ell_comps, tol",
    # q = 1 is evaluated at the capped axis ratio 1 - 1e-8; otherwise the true elliptical
    # deflection differs from the radial one by O(1 - q) = O(2 |e|).
    [((0.0, 0.0), 1e-7), ((1e-7, 0.0), 1e-6), ((0.0, 1e-4), 1e-3)],
)
def test__axis_ratio_to_one__matches_radial_formula(ell_comps, tol):
    profile = Gaussian(centre=(0.2, -0.1), ell_comps=ell_comps, intensity=0.5, sigma=0.8)
    grid = aa.Grid2DIrregular(POINTS + [(0.2, -0.1 + 1e-3), (5.0, 3.0)])
    deflections = profile.deflections_yx_2d_from(grid).array
    dy = grid.array[:, 0] - 0.2
    dx = grid.array[:, 1] + 0.1
    r = np.hypot(dy, dx)
    alpha = 2.0 * 0.5 * 0.8**2 * (1.0 - np.exp(-(r**2) / (2 * 0.8**2))) / r
    expected = np.stack([alpha * dy / r, alpha * dx / r], axis=1)
    error = np.max(np.abs(deflections - expected), axis=1) / alpha
    assert np.all(error < tol)


def test__grad_potential_and_divergence(finite_differences):
    profile = Gaussian(
        centre=(0.1, 0.0), ell_comps=(0.2, -0.15), intensity=0.4, sigma=0.9, mass_to_light_ratio=1.3
    )
    raw = np.asarray(POINTS + [(3.0, -2.0), (0.05, 0.0)], dtype=float)
    grad, alpha, div, kappa = finite_differences(profile, raw)
    assert grad == pytest.approx(alpha, rel=1e-6, abs=1e-9)
    assert div == pytest.approx(2.0 * kappa, rel=1e-5)


def test__deflections_finite_at_centre_and_on_axes():
    profile = Gaussian(ell_comps=(0.1, 0.3))
    grid = aa.Grid2DIrregular([(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (-1.0, 0.0)])
    deflections = profile.deflections_yx_2d_from(grid).array
    assert np.all(np.isfinite(deflections))
    assert deflections[0] == pytest.approx([0.0, 0.0], abs=1e-14)


def test__grid_2d_output_types():
    grid = aa.Grid2D.uniform(shape_native=(3, 3), pixel_scales=0.4)
    profile = Gaussian(ell_comps=(0.1, 0.0))
    assert isinstance(profile.deflections_yx_2d_from(grid), aa.VectorYX2D)
    assert isinstance(profile.convergence_2d_from(grid), aa.Array2D)


@pytest.mark.parametrize(
    "kwargs",
    [dict(sigma=0.0), dict(sigma=-1.0), dict(mass_to_light_ratio=-0.5), dict(ell_comps=(0.9, 0.9))],
)
def test__invalid_parameters_raise(kwargs):
    with pytest.raises(exc.ProfileException):
        Gaussian(**kwargs)


def test__defaults():
    profile = Gaussian()
    assert (profile.intensity, profile.sigma, profile.mass_to_light_ratio) == (0.1, 1.0, 1.0)


def test__convergence_func__is_function_of_eccentric_radius():
    profile = Gaussian(ell_comps=(0.2, 0.1), intensity=0.4, sigma=0.9, mass_to_light_ratio=2.0)
    q = profile.axis_ratio()
    phi = np.radians(profile.angle())
    # a point on the major axis at elliptical radius 1.3 has eccentric radius sqrt(q) * 1.3
    point = (1.3 * np.sin(phi), 1.3 * np.cos(phi))
    kappa = profile.convergence_2d_from(aa.Grid2DIrregular([point])).array[0]
    assert profile.convergence_func(np.sqrt(q) * 1.3) == pytest.approx(kappa, rel=1e-12)
    # mass within the ellipse of eccentric radius R equals the circular integral of convergence_func
    assert profile.mass_angular_within_circle_from(50.0) == pytest.approx(
        2.0 * np.pi * 0.8 * 0.9**2 / q, rel=1e-8
    )
