import numpy as np
import pytest
from scipy.integrate import quad

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.mass.dark import NFW, NFWSph, nfw_util

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def test__nfw_sph__deflections__check_value():
    profile = NFWSph(centre=(0.0, 0.0), kappa_s=0.1, scale_radius=2.0)
    deflections = profile.deflections_yx_2d_from(aa.Grid2DIrregular(POINTS))
    expected = [
        0.135285783754,
        0.135285783754,
        0.198348792103,
        -0.0991743960515,
        -0.0991743960515,
        0.198348792103,
        0.174372410644,
        0.174372410644,
    ]
    assert isinstance(deflections, aa.VectorYX2DIrregular)
    assert deflections.array.ravel() == pytest.approx(expected, rel=1e-9)


def test__nfw_sph__convergence_and_potential_values():
    profile = NFWSph(centre=(0.2, -0.1), kappa_s=0.1, scale_radius=2.0)
    # convergence at x = r / r_s = 1 is 2 kappa_s / 3
    grid = aa.Grid2DIrregular([(0.2, 1.9), (0.2 + 2.0, -0.1)])
    assert profile.convergence_2d_from(grid).array == pytest.approx([0.2 / 3.0] * 2, rel=1e-12)
    # potential: derivative of the closed form equals the deflection magnitude
    for x in (0.3, 0.999, 1.0, 1.001, 4.0):
        h = 1e-6
        dpsi = (
            nfw_util.nfw_potential_from(np.array(x + h), 0.1, 2.0)
            - nfw_util.nfw_potential_from(np.array(x - h), 0.1, 2.0)
        ) / (2 * h * 2.0)
        alpha = nfw_util.nfw_deflection_magnitude_from(np.array(x), 0.1, 2.0)
        assert dpsi == pytest.approx(alpha, rel=1e-7)


def test__nfw_kernels__continuous_across_x_equal_1_and_finite_at_centre():
    x = 1.0 + np.array([-0.03, -0.0200001, -0.02, -1e-9, 0.0, 1e-9, 0.0199999, 0.02, 0.03])
    f, g = nfw_util.nfw_f_and_g(x)
    assert np.all(np.isfinite(f)) and np.all(np.isfinite(g))
    assert np.all(np.diff(g) < 0.0)
    assert g[4] == pytest.approx(1.0 / 3.0, rel=1e-14)
    x0 = np.array([0.0, 1e-12])
    assert np.all(np.isfinite(nfw_util.nfw_convergence_from(x0, 0.1)))
    assert np.all(np.isfinite(nfw_util.nfw_deflection_magnitude_from(x0, 0.1, 1.0)))
    assert np.all(np.isfinite(nfw_util.nfw_potential_from(x0, 0.1, 1.0)))


def test__nfw_convergence__matches_projected_density():
    def projected(x):
        return (
            2.0
            * quad(
                lambda z: 1.0 / (np.hypot(x, z) * (1.0 + np.hypot(x, z)) ** 2),
                0.0,
                np.inf,
                limit=500,
                epsabs=0.0,
                epsrel=1e-12,
            )[0]
        )

    for x in (0.05, 0.7, 1.0, 1.6, 12.0):
        # kappa = kappa_s * int rho dz / (rho_s r_s)
        assert nfw_util.nfw_convergence_from(np.array(x), 0.3) == pytest.approx(
            0.3 * projected(x), rel=1e-9
        )


@pytest.mark.parametrize("profile_cls", [NFW, NFWSph])
def test__nfw__grad_potential_is_deflection_and_div_deflection_is_twice_convergence(
    profile_cls, finite_differences
):
    if profile_cls is NFW:
        profile = NFW(centre=(0.1, -0.2), ell_comps=(0.15, -0.2), kappa_s=0.2, scale_radius=1.5)
    else:
        profile = NFWSph(centre=(0.1, -0.2), kappa_s=0.2, scale_radius=1.5)
    points = POINTS + [(0.1, 1.3), (-2.0, -3.0), (4.0, 0.3)]
    grad_psi, alpha, div_alpha, kappa = finite_differences(profile, points)
    assert grad_psi == pytest.approx(alpha, rel=1e-6, abs=1e-8)
    assert div_alpha == pytest.approx(2.0 * kappa, rel=1e-5)


def test__nfw__axis_ratio_one__matches_nfw_sph():
    grid = aa.Grid2DIrregular(POINTS + [(0.0, 0.0), (3.0, -7.0)])
    sph = NFWSph(centre=(0.3, 0.1), kappa_s=0.1, scale_radius=2.0)
    for ell_comps in ((0.0, 0.0), (1e-9, 0.0)):
        ell = NFW(centre=(0.3, 0.1), ell_comps=ell_comps, kappa_s=0.1, scale_radius=2.0)
        assert ell.deflections_yx_2d_from(grid).array == pytest.approx(
            sph.deflections_yx_2d_from(grid).array, rel=1e-8, abs=1e-12
        )
        assert ell.convergence_2d_from(grid).array == pytest.approx(
            sph.convergence_2d_from(grid).array, rel=1e-8
        )
        assert ell.potential_2d_from(grid).array == pytest.approx(
            sph.potential_2d_from(grid).array, rel=1e-8, abs=1e-12
        )


@pytest.mark.parametrize("axis_ratio", [0.12, 0.3, 0.6, 0.9])
def test__nfw__elliptical_deflections__match_keeton_integrals(axis_ratio, keeton_reference):
    from autogalaxy import convert

    ell_comps = convert.ell_comps_from(axis_ratio=axis_ratio, angle=30.0)
    profile = NFW(centre=(0.0, 0.0), ell_comps=ell_comps, kappa_s=0.15, scale_radius=1.2)
    q = profile.axis_ratio()
    points = [(0.01, 0.003), (0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5), (-5.0, 20.0)]
    deflections = profile.deflections_yx_2d_from(aa.Grid2DIrregular(points)).array

    phi = np.radians(30.0)

    def kappa(xi):
        return float(nfw_util.nfw_convergence_from(np.array(xi / 1.2), 0.15))

    for (y, x), (ay, ax) in zip(points, deflections):
        ref_y, ref_x = keeton_reference(y, x, q, kappa, angle=phi)
        scale = np.hypot(ref_y, ref_x)
        assert abs(ay - ref_y) / scale < 1e-9
        assert abs(ax - ref_x) / scale < 1e-9


def test__nfw__grid_2d_input_returns_uniform_structures():
    grid = aa.Grid2D.uniform(shape_native=(4, 4), pixel_scales=0.5)
    profile = NFW(ell_comps=(0.1, 0.2))
    assert isinstance(profile.deflections_yx_2d_from(grid), aa.VectorYX2D)
    assert isinstance(profile.convergence_2d_from(grid), aa.Array2D)
    assert isinstance(profile.potential_2d_from(grid), aa.Array2D)


def test__nfw__raw_array_input_gives_raw_output():
    raw = np.array(POINTS)
    out = NFWSph(kappa_s=0.1, scale_radius=2.0).deflections_yx_2d_from(raw)
    assert isinstance(out, np.ndarray) and out.shape == (4, 2)


@pytest.mark.parametrize(
    "kwargs",
    [dict(kappa_s=-0.1), dict(scale_radius=0.0), dict(scale_radius=-1.0), dict(kappa_s=np.nan)],
)
def test__nfw__invalid_parameters_raise(kwargs):
    with pytest.raises(exc.ProfileException):
        NFW(**kwargs)
    with pytest.raises(exc.ProfileException):
        NFWSph(**kwargs)


def test__nfw__defaults_match_reference_signature():
    profile = NFW()
    assert (profile.centre, profile.ell_comps) == ((0.0, 0.0), (0.0, 0.0))
    assert (profile.kappa_s, profile.scale_radius) == (0.05, 1.0)
    sph = NFWSph()
    assert (sph.kappa_s, sph.scale_radius) == (0.05, 1.0)
