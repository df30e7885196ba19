import numpy as np
import pytest
from scipy.integrate import quad

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.mass.dark import NFWSph, NFWTruncatedSph

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5), (0.0, 2.0), (6.0, -3.0)]


def projected_truncated(x, tau):
    """int rho dz / (rho_s r_s) of the BMO09 truncated NFW (n = 1)."""

    def integrand(z):
        r = np.hypot(x, z)
        return 1.0 / (r * (1.0 + r) ** 2) * tau**2 / (tau**2 + r**2)

    return 2.0 * quad(integrand, 0.0, np.inf, limit=500, epsabs=0.0, epsrel=1e-12)[0]


@pytest.mark.parametrize("tau", [0.5, 2.0, 10.0])
def test__convergence__matches_projected_density(tau):
    profile = NFWTruncatedSph(kappa_s=0.2, scale_radius=1.0, truncation_radius=tau)
    for x in (0.02, 0.6, 1.0, 1.3, 7.0):
        kappa = profile.convergence_2d_from(aa.Grid2DIrregular([(0.0, x)])).array[0]
        assert kappa == pytest.approx(0.2 * projected_truncated(x, tau), rel=1e-9)


@pytest.mark.parametrize("tau", [0.5, 3.0])
def test__deflection__equals_enclosed_mass_over_pi_r(tau):
    profile = NFWTruncatedSph(kappa_s=0.2, scale_radius=1.5, truncation_radius=1.5 * tau)
    for r in (0.05, 1.0, 1.5, 4.0):
        mass = quad(
            lambda rr: 2 * np.pi * rr * profile.convergence_func(rr),
            0.0,
            r,
            limit=500,
            epsabs=0.0,
            epsrel=1e-12,
        )[0]
        alpha = profile.deflections_yx_2d_from(aa.Grid2DIrregular([(0.0, r)])).array[0]
        assert alpha[0] == pytest.approx(0.0, abs=1e-15)
        assert alpha[1] == pytest.approx(mass / (np.pi * r), rel=1e-9)


def test__large_truncation_radius__tends_to_nfw_sph():
    grid = aa.Grid2DIrregular(POINTS)
    nfw = NFWSph(centre=(0.1, 0.2), kappa_s=0.1, scale_radius=2.0)
    truncated = NFWTruncatedSph(
        centre=(0.1, 0.2), kappa_s=0.1, scale_radius=2.0, truncation_radius=2.0e5
    )
    assert truncated.deflections_yx_2d_from(grid).array == pytest.approx(
        nfw.deflections_yx_2d_from(grid).array, rel=1e-6
    )
    assert truncated.convergence_2d_from(grid).array == pytest.approx(
        nfw.convergence_2d_from(grid).array, rel=1e-6
    )


def test__grad_potential_and_divergence(finite_differences):
    profile = NFWTruncatedSph(
        centre=(0.1, -0.1), kappa_s=0.2, scale_radius=1.0, truncation_radius=2.5
    )
    raw = np.asarray(POINTS, dtype=float)
    grad, alpha, div, kappa = finite_differences(profile, raw)
    assert grad == pytest.approx(alpha, rel=1e-6, abs=1e-9)
    assert div == pytest.approx(2.0 * kappa, rel=1e-5)


def test__finite_at_centre_and_at_x_equal_1():
    profile = NFWTruncatedSph(kappa_s=0.2, scale_radius=1.0, truncation_radius=2.0)
    grid = aa.Grid2DIrregular([(0.0, 0.0), (0.0, 1.0), (1.0, 0.0)])
    assert np.all(np.isfinite(profile.deflections_yx_2d_from(grid).array))
    assert np.all(np.isfinite(profile.convergence_2d_from(grid).array))
    assert np.all(np.isfinite(profile.potential_2d_from(grid).array))


@pytest.mark.parametrize(
    "kwargs", [dict(kappa_s=-1.0), dict(scale_radius=0.0), dict(truncation_radius=-2.0)]
)
def test__invalid_parameters_raise(kwargs):
    with pytest.raises(exc.ProfileException):
        NFWTruncatedSph(**kwargs)


def test__defaults():
    profile = NFWTruncatedSph()
    assert (profile.kappa_s, profile.scale_radius, profile.truncation_radius) == (0.05, 1.0, 2.0)
