import math

import numpy as np
import pytest
from scipy.integrate import quad

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.mass.total import (
    Isothermal,
    IsothermalSph,
    PowerLaw,
    PowerLawSph,
    epl_util,
)

CHECK_POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def _grid(points):
    return aa.Grid2DIrregular(points)


def _random_points(n, seed, r_min=0.05, r_max=5.0, centre=(0.0, 0.0)):
    rng = np.random.default_rng(seed)
    r = 10 ** rng.uniform(np.log10(r_min), np.log10(r_max), n)
    th = rng.uniform(0.0, 2.0 * np.pi, n)
    return np.stack((centre[0] + r * np.sin(th), centre[1] + r * np.cos(th)), axis=-1)


def _fd_gradient_of_potential(profile, points, h=1.0e-5):
    dy = np.array([h, 0.0])
    dx = np.array([0.0, h])

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
    dy = np.array([h, 0.0])
    dx = np.array([0.0, h])

    def alpha(p):
        return profile.deflections_yx_2d_from(_grid(p)).array

    return (alpha(points + dy)[:, 0] - alpha(points - dy)[:, 0]) / (2 * h) + (
        alpha(points + dx)[:, 1] - alpha(points - dx)[:, 1]
    ) / (2 * h)


def _keeton_reference(y, x, einstein_radius, slope, ell_comps, centre=(0.0, 0.0)):
    """Independent EPL deflection: Keeton's integrals by scipy quad in the rotated frame."""
    from autogalaxy import convert

    q, angle = convert.axis_ratio_and_angle_from(ell_comps)
    phi = math.radians(angle)
    dy, dx = y - centre[0], x - centre[1]
    xr = dx * math.cos(phi) + dy * math.sin(phi)
    yr = -dx * math.sin(phi) + dy * math.cos(phi)
    t = slope - 1.0
    amp = (3.0 - slope) / (1.0 + q) * einstein_radius**t
    p = 1.0 - q * q

    def kappa(u):
        xi2 = u * (xr * xr + yr * yr / (1.0 - p * u))
        return amp * xi2 ** (-0.5 * t)

    # u = v^k removes the u^(-t/2) endpoint singularity.
    k = 2.0 / (2.0 - t) + 1.0

    def integrand(v, n):
        u = v**k
        return kappa(u) / (1.0 - p * u) ** (n + 0.5) * k * v ** (k - 1.0)

    j0 = quad(integrand, 0.0, 1.0, args=(0,), epsabs=0.0, epsrel=1e-13, limit=500)[0]
    j1 = quad(integrand, 0.0, 1.0, args=(1,), epsabs=0.0, epsrel=1e-13, limit=500)[0]
    axr, ayr = q * xr * j0, q * yr * j1
    return (
        axr * math.sin(phi) + ayr * math.cos(phi),
        axr * math.cos(phi) - ayr * math.sin(phi),
    )


# -- convention check values (PyAutoGalaxy 2026.10.26.1) -------------------------------------


def test__isothermal__check_values():
    mp = Isothermal(centre=(0.0, 0.0), ell_comps=(0.0, 0.111111), einstein_radius=1.0)
    deflections = mp.deflections_yx_2d_from(_grid(CHECK_POINTS))
    assert isinstance(deflections, aa.VectorYX2DIrregular)
    assert deflections.array.ravel() == pytest.approx(
        [
            0.752850403414,
            0.64910973808,
            0.931256140941,
            -0.402455044267,
            -0.488029326307,
            0.839214057332,
            0.752850403414,
            0.64910973808,
        ],
        abs=1e-10,
    )
    convergence = mp.convergence_2d_from(_grid(CHECK_POINTS))
    assert isinstance(convergence, aa.ArrayIrregular)
    assert convergence.array == pytest.approx(
        [0.694105634211, 0.412656345836, 0.471110151556, 0.231368544737], abs=1e-10
    )


def test__power_law__check_values():
    mp = PowerLaw(centre=(0.0, 0.0), ell_comps=(0.0, 0.111111), einstein_radius=1.0, slope=2.3)
    deflections = mp.deflections_yx_2d_from(_grid(CHECK_POINTS))
    assert deflections.array.ravel() == pytest.approx(
        [
            0.79551123137,
            0.708977009972,
            0.857314991694,
            -0.383150259822,
            -0.449733207777,
            0.798948773628,
            0.5721500486,
            0.509912638208,
        ],
        abs=1e-10,
    )


def test__output_types_on_grid_2d():
    grid = aa.Grid2D.uniform(shape_native=(5, 5), pixel_scales=0.3)
    mp = PowerLaw(ell_comps=(0.1, -0.2), slope=2.2)
    assert isinstance(mp.deflections_yx_2d_from(grid), aa.VectorYX2D)
    assert isinstance(mp.convergence_2d_from(grid), aa.Array2D)
    assert isinstance(mp.potential_2d_from(grid), aa.Array2D)


# -- spherical profiles ------------------------------------------------------------------------


def test__isothermal_sph__deflection_magnitude_is_einstein_radius_everywhere():
    points = _random_points(50, seed=1, r_min=1e-3, r_max=50.0, centre=(0.3, -0.2))
    mp = IsothermalSph(centre=(0.3, -0.2), einstein_radius=1.7)
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    assert np.hypot(alpha[:, 0], alpha[:, 1]) == pytest.approx(1.7, rel=1e-13)
    # Radial direction.
    rel = points - np.array([0.3, -0.2])
    assert alpha[:, 0] * rel[:, 1] - alpha[:, 1] * rel[:, 0] == pytest.approx(0.0, abs=1e-12)
    assert mp.potential_2d_from(_grid(points)).array == pytest.approx(
        1.7 * np.hypot(rel[:, 0], rel[:, 1]), rel=1e-13
    )
    assert mp.convergence_2d_from(_grid(points)).array == pytest.approx(
        1.7 / (2 * np.hypot(rel[:, 0], rel[:, 1])), rel=1e-13
    )


@pytest.mark.parametrize("slope", [1.3, 2.0, 2.7])
def test__power_law_sph__equals_elliptical_with_zero_ellipticity(slope):
    points = _random_points(30, seed=2, centre=(0.1, 0.2))
    sph = PowerLawSph(centre=(0.1, 0.2), einstein_radius=1.2, slope=slope)
    ell = PowerLaw(centre=(0.1, 0.2), ell_comps=(0.0, 0.0), einstein_radius=1.2, slope=slope)
    for method in ("deflections_yx_2d_from", "convergence_2d_from", "potential_2d_from"):
        a = getattr(sph, method)(_grid(points)).array
        b = getattr(ell, method)(_grid(points)).array
        assert a == pytest.approx(b, rel=1e-12, abs=1e-14)


def test__elliptical_tends_to_spherical_as_q_tends_to_1():
    points = _random_points(30, seed=3)
    sph = PowerLawSph(einstein_radius=1.0, slope=2.4).deflections_yx_2d_from(_grid(points)).array
    ell = (
        PowerLaw(ell_comps=(1e-7, 0.0), einstein_radius=1.0, slope=2.4)
        .deflections_yx_2d_from(_grid(points))
        .array
    )
    assert ell == pytest.approx(sph, abs=1e-6)


def test__power_law_slope_2_equals_isothermal():
    points = _random_points(30, seed=4, centre=(-0.2, 0.1))
    kwargs = dict(centre=(-0.2, 0.1), ell_comps=(0.3, -0.25), einstein_radius=1.3)
    pl = PowerLaw(slope=2.0, **kwargs)
    sie = Isothermal(**kwargs)
    for method in ("deflections_yx_2d_from", "convergence_2d_from", "potential_2d_from"):
        assert getattr(pl, method)(_grid(points)).array == pytest.approx(
            getattr(sie, method)(_grid(points)).array, rel=1e-13
        )


def test__isothermal__matches_closed_form_sie():
    """The atan / atanh SIE formula (profile frame) gives the same deflections."""
    from autogalaxy import convert

    ell_comps = (0.2, 0.35)
    q, angle = convert.axis_ratio_and_angle_from(ell_comps)
    phi = math.radians(angle)
    points = _random_points(40, seed=5)
    y, x = points[:, 0], points[:, 1]
    xr = x * math.cos(phi) + y * math.sin(phi)
    yr = -x * math.sin(phi) + y * math.cos(phi)
    psi = np.sqrt(q * q * xr * xr + yr * yr)
    s = math.sqrt(1 - q * q)
    factor = 2.0 * 1.4 * q / ((1 + q) * s)
    axr = factor * np.arctan(s * xr / psi)
    ayr = factor * np.arctanh(s * yr / psi)
    expected = np.stack(
        (axr * math.sin(phi) + ayr * math.cos(phi), axr * math.cos(phi) - ayr * math.sin(phi)),
        axis=-1,
    )
    mp = Isothermal(ell_comps=ell_comps, einstein_radius=1.4)
    assert mp.deflections_yx_2d_from(_grid(points)).array == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "ell_comps",
    [
        (0.2, 0.35),
        (0.0, -0.6),
        (-0.7, 0.1),
        (0.05, 0.02),
        (0.0, 1.2e-4),
        (7.0e-5, -7.2e-5),
        (9.0e-5, 0.0),
        (1.0e-9, -2.0e-9),
        (0.0, 0.0),
    ],
)
def test__isothermal__closed_form_matches_epl_kernel_at_slope_2(ell_comps):
    """Closed form (and its small-ellipticity series branch) vs the Gauss-Jacobi EPL kernel.

    Points stay beyond 0.1": like PyAutoGalaxy's, the SIE softens its radius by 1e-16 arcsec^2
    inside the atan / atanh, the EPL only in its amplitude (a no-op at slope 2), so within
    ~1e-2" of the centre the two differ by more than 1e-13."""
    from autogalaxy.profiles.mass.total import epl_util

    centre = (0.3, -0.2)
    points = _random_points(300, seed=11, r_min=0.1, r_max=20.0, centre=centre)
    f = math.hypot(*ell_comps)
    rule = epl_util._cached_numpy_rule(1.0, epl_util.n_nodes_for_ellipticity_from(f) + 4)
    alpha_y, alpha_x = epl_util.epl_deflections_from(
        points[:, 0] - centre[0], points[:, 1] - centre[1], 1.7, 2.0, ell_comps, rule=rule
    )
    expected = np.stack((alpha_y, alpha_x), axis=-1)
    mp = Isothermal(centre=centre, ell_comps=ell_comps, einstein_radius=1.7)
    assert mp.deflections_yx_2d_from(_grid(points)).array == pytest.approx(expected, abs=1e-13)
    psi = (points[:, 1] - centre[1]) * alpha_x + (points[:, 0] - centre[0]) * alpha_y
    assert mp.potential_2d_from(_grid(points)).array == pytest.approx(psi, abs=1e-12)


def test__isothermal__profile_frame_grid_and_observer_frame_agree():
    mp = Isothermal(centre=(0.1, -0.3), ell_comps=(0.25, -0.1), einstein_radius=1.2)
    points = _random_points(50, seed=13, centre=(0.1, -0.3))
    grid = _grid(points)
    transformed = mp.transformed_to_reference_frame_grid_from(grid)
    transformed.is_transformed = True
    in_frame = mp.deflections_yx_2d_from(transformed).array
    rotated_back = mp.rotated_grid_from_reference_frame_from(in_frame)
    assert rotated_back == pytest.approx(mp.deflections_yx_2d_from(grid).array, abs=1e-12)


# -- EPL accuracy ------------------------------------------------------------------------------


@pytest.mark.parametrize("slope", [1.2, 2.8])
@pytest.mark.parametrize("angle", [0.0, 63.0])
def test__power_law__matches_keeton_integrals_at_q_0p2(slope, angle):
    from autogalaxy import convert

    ell_comps = convert.ell_comps_from(axis_ratio=0.2, angle=angle)
    centre = (0.1, -0.3)
    mp = PowerLaw(centre=centre, ell_comps=ell_comps, einstein_radius=1.1, slope=slope)
    points = [(0.4, 0.9), (-1.3, 0.2), (0.1, -0.35), (2.5, 3.0), (-0.02, 0.05)]
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    for (y, x), (ay, ax) in zip(points, alpha):
        ry, rx = _keeton_reference(y, x, 1.1, slope, ell_comps, centre=centre)
        assert ay == pytest.approx(ry, abs=1e-9 * max(1.0, abs(ry)))
        assert ax == pytest.approx(rx, abs=1e-9 * max(1.0, abs(rx)))


@pytest.mark.parametrize("q", [0.2, 0.5, 0.9])
@pytest.mark.parametrize("slope", [1.2, 1.7, 2.3, 2.8])
def test__power_law__matches_scipy_hyp2f1_formula(q, slope):
    from autogalaxy import convert

    ell_comps = convert.ell_comps_from(axis_ratio=q, angle=27.0)
    # Beyond 0.02" the 1e-16 arcsec^2 centre softening (PyAutoGalaxy's) is below 1e-11 relative.
    points = _random_points(200, seed=6, r_min=0.02, r_max=10.0)
    mp = PowerLaw(ell_comps=ell_comps, einstein_radius=1.0, slope=slope)
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    ref_y, ref_x = epl_util.epl_deflections_hyp2f1_from(
        points[:, 0], points[:, 1], 1.0, slope, ell_comps
    )
    assert alpha[:, 0] == pytest.approx(ref_y, rel=1e-11, abs=1e-11)
    assert alpha[:, 1] == pytest.approx(ref_x, rel=1e-11, abs=1e-11)


def test__power_law__extreme_axis_ratio_matches_hyp2f1():
    from autogalaxy import convert

    ell_comps = convert.ell_comps_from(axis_ratio=0.03, angle=10.0)
    points = _random_points(50, seed=7, r_min=0.05, r_max=5.0)
    mp = PowerLaw(ell_comps=ell_comps, einstein_radius=1.0, slope=2.1)
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    ref_y, ref_x = epl_util.epl_deflections_hyp2f1_from(
        points[:, 0], points[:, 1], 1.0, 2.1, ell_comps
    )
    assert alpha[:, 0] == pytest.approx(ref_y, abs=1e-9)
    assert alpha[:, 1] == pytest.approx(ref_x, abs=1e-9)


# -- potential / convergence consistency -------------------------------------------------------


PROFILES_WITH_POTENTIAL = [
    PowerLaw(centre=(0.1, -0.2), ell_comps=(0.25, -0.3), einstein_radius=1.2, slope=2.3),
    PowerLaw(centre=(0.0, 0.0), ell_comps=(-0.4, 0.3), einstein_radius=0.8, slope=1.4),
    PowerLawSph(centre=(0.2, 0.1), einstein_radius=1.1, slope=2.6),
    Isothermal(centre=(0.0, 0.3), ell_comps=(0.1, 0.05), einstein_radius=1.5),
    IsothermalSph(centre=(0.0, 0.0), einstein_radius=1.0),
]


@pytest.mark.parametrize("profile", PROFILES_WITH_POTENTIAL, ids=lambda p: type(p).__name__)
def test__gradient_of_potential_is_deflection(profile):
    points = _random_points(25, seed=8, r_min=0.2, r_max=4.0, centre=profile.centre)
    alpha = profile.deflections_yx_2d_from(_grid(points)).array
    assert _fd_gradient_of_potential(profile, points) == pytest.approx(alpha, abs=2e-8)


@pytest.mark.parametrize("profile", PROFILES_WITH_POTENTIAL, ids=lambda p: type(p).__name__)
def test__divergence_of_deflection_is_twice_convergence(profile):
    points = _random_points(25, seed=9, r_min=0.2, r_max=4.0, centre=profile.centre)
    kappa = profile.convergence_2d_from(_grid(points)).array
    assert _fd_divergence_of_deflections(profile, points) == pytest.approx(2 * kappa, rel=1e-6)


def test__deflections_via_potential_matches_analytic():
    mp = PROFILES_WITH_POTENTIAL[0]
    points = _random_points(10, seed=10, r_min=0.3, r_max=3.0)
    via = mp.deflections_2d_via_potential_2d_from(_grid(points)).array
    assert via == pytest.approx(mp.deflections_yx_2d_from(_grid(points)).array, abs=1e-8)


def test__centre_is_finite():
    for mp in (PowerLaw(slope=2.5, ell_comps=(0.1, 0.1)), IsothermalSph(), PowerLawSph(slope=1.5)):
        grid = _grid([(0.0, 0.0), (0.1, 0.1)])
        assert np.all(np.isfinite(mp.deflections_yx_2d_from(grid).array))
        assert np.all(np.isfinite(mp.potential_2d_from(grid).array))
        assert np.all(np.isfinite(mp.convergence_2d_from(grid).array))
    # The deflection direction is undefined at the exact centre: the sphere returns 0 there
    # (PyAutoGalaxy's NaN would poison a fit), the EPL PyAutoGalaxy's softened value (see
    # test_mass_total_centre_convention.py) ...
    assert PowerLawSph(slope=1.5).deflections_yx_2d_from(_grid([(0.0, 0.0)])).array[
        0
    ] == pytest.approx([0.0, 0.0], abs=0.0)


def test__isothermal_sph_at_centre_points_along_x_as_in_pyautogalaxy():
    """... except for the SIS, where PyAutoGalaxy 2026.10.26.1 returns ``(0, theta_E)`` (polar
    angle ``arctan2(0, 0) = 0``), which moves the centre pixel of odd-sized fits."""
    sis = IsothermalSph(centre=(0.5, 0.5), einstein_radius=1.3)
    alpha = sis.deflections_yx_2d_from(_grid([(0.5, 0.5), (0.0, 0.0), (1.5, 0.5)])).array
    # PyAutoGalaxy: [[0.0, 1.3], [-0.9192388155425119, -0.9192388155425117], [1.3, 7.96e-17]]
    assert alpha[0] == pytest.approx([0.0, 1.3], abs=1e-15)
    assert alpha[1] == pytest.approx([-0.9192388155425119, -0.9192388155425117], abs=1e-15)
    assert alpha[2] == pytest.approx([1.3, 0.0], abs=1e-15)


# -- mass integrals ----------------------------------------------------------------------------


def test__average_convergence_of_1_radius_is_pyautogalaxys_property():
    """PyAutoGalaxy 2026.10.26.1: a property, rescaled by (1 + q) / 2 for elliptical profiles."""
    sie = Isothermal(einstein_radius=1.1, ell_comps=(0.2, 0.0))
    assert sie.average_convergence_of_1_radius == pytest.approx(1.1000000000000008, rel=1e-11)
    assert IsothermalSph(einstein_radius=1.1).average_convergence_of_1_radius == pytest.approx(
        1.1, rel=1e-11
    )


@pytest.mark.parametrize("slope", [1.5, 2.0, 2.5])
def test__mass_within_einstein_radius__spherical_is_pi_theta_e_squared(slope):
    mp = PowerLawSph(einstein_radius=1.3, slope=slope)
    assert mp.mass_angular_within_circle_from(radius=1.3) == pytest.approx(
        math.pi * 1.3**2, rel=1e-9
    )
    # a property, as in PyAutoGalaxy
    assert mp.average_convergence_of_1_radius == pytest.approx(1.3, rel=1e-9)
    sis = IsothermalSph(einstein_radius=2.0)
    assert sis.mass_angular_within_circle_from(radius=2.0) == pytest.approx(4 * math.pi, rel=1e-9)


@pytest.mark.parametrize("slope", [1.6, 2.0, 2.4])
def test__mass_within_einstein_radius__elliptical_conventions(slope):
    """For q < 1 the PyAutoGalaxy normalisation makes the mass inside the *ellipse* eta < theta_E
    equal to 2q/(1+q) pi theta_E^2, and the radial ``mass_angular_within_circle_from`` (which
    integrates ``convergence_func`` as if circular) 2/(1+q) pi theta_E^2; both are pi theta_E^2
    only for q = 1 (their mean is exactly pi theta_E^2 for every q)."""
    from autogalaxy import convert

    te = 1.2
    ell_comps = convert.ell_comps_from(axis_ratio=0.6, angle=30.0)
    q = 0.6
    mp = PowerLaw(ell_comps=ell_comps, einstein_radius=te, slope=slope)
    radial = mp.mass_angular_within_circle_from(radius=te)
    assert radial == pytest.approx(2.0 / (1.0 + q) * math.pi * te**2, rel=1e-9)

    # 2D integral of convergence_2d_from over the ellipse eta < theta_E, in the profile frame
    # (x' = rho cos w, y' = q rho sin w, area element q rho), done in rho with Gauss-Jacobi-like
    # substitution rho = te * s^k to soften the centre.
    phi = math.radians(convert.angle_from(ell_comps))
    k = 10.0
    s_nodes, s_weights = np.polynomial.legendre.leggauss(80)
    s_nodes, s_weights = 0.5 * (s_nodes + 1), 0.5 * s_weights
    w_nodes = np.linspace(0, 2 * np.pi, 128, endpoint=False)
    rho = te * s_nodes**k
    drho = te * k * s_nodes ** (k - 1) * s_weights
    rr, ww = np.meshgrid(rho, w_nodes, indexing="ij")
    xr, yr = rr * np.cos(ww), q * rr * np.sin(ww)
    x = xr * math.cos(phi) - yr * math.sin(phi)
    y = xr * math.sin(phi) + yr * math.cos(phi)
    kappa = mp.convergence_2d_from(_grid(np.stack((y.ravel(), x.ravel()), axis=-1))).array
    kappa = kappa.reshape(rr.shape)
    mass = np.sum(kappa * q * rr * drho[:, None]) * (2 * np.pi / len(w_nodes))
    assert mass == pytest.approx(2.0 * q / (1.0 + q) * math.pi * te**2, rel=1e-8)
    assert 0.5 * (mass + radial) == pytest.approx(math.pi * te**2, rel=1e-8)


# -- invalid inputs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "factory",
    [
        lambda: PowerLaw(einstein_radius=-1.0),
        lambda: PowerLaw(slope=1.0),
        lambda: PowerLaw(slope=3.0),
        lambda: PowerLaw(slope=3.5),
        lambda: PowerLaw(slope=float("nan")),
        lambda: PowerLaw(ell_comps=(0.8, 0.8)),
        lambda: PowerLawSph(slope=0.5),
        lambda: Isothermal(einstein_radius=-0.1),
        lambda: IsothermalSph(einstein_radius=float("inf")),
    ],
)
def test__invalid_parameters_raise(factory):
    with pytest.raises(exc.ProfileException):
        factory()


def test__attributes_match_constructor_arguments():
    mp = PowerLaw(centre=(0.1, 0.2), ell_comps=(0.05, 0.1), einstein_radius=1.3, slope=2.2)
    assert (mp.centre, mp.ell_comps, mp.einstein_radius, mp.slope) == (
        (0.1, 0.2),
        (0.05, 0.1),
        1.3,
        2.2,
    )
    assert Isothermal().slope == 2.0
    assert IsothermalSph(einstein_radius=2.0).ell_comps == (0.0, 0.0)


@pytest.mark.parametrize(
    "slope, ell_comps", [(1.6, (0.2, -0.1)), (2.3, (-0.3, 0.25)), (2.0, (0.0, 0.4))]
)
def test__epl_in_place_numpy_kernel_equals_the_plain_formula(slope, ell_comps):
    """The in-place NumPy kernel used by ``PowerLaw.deflections_yx_columns_from`` evaluates the
    same formula as the xp implementation (``epl_util.epl_deflections_from``)."""
    from autogalaxy.profiles.mass.total import epl_util

    rng = np.random.default_rng(3)
    points = rng.uniform(-2.0, 2.0, size=(200, 2))
    centre = (0.1, -0.2)
    rule = epl_util.rule_for_profile_from(slope, ell_comps)
    fast = epl_util.epl_deflections_numpy_from(
        points[:, 0], points[:, 1], centre, 1.3, slope, ell_comps, rule=rule
    )
    alpha_y, alpha_x = epl_util.epl_deflections_from(
        points[:, 0] - centre[0], points[:, 1] - centre[1], 1.3, slope, ell_comps, rule=rule
    )
    np.testing.assert_allclose(fast[:, 0], alpha_y, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(fast[:, 1], alpha_x, rtol=1e-12, atol=1e-14)
