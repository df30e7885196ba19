"""Every value of the CONVENTIONS.md check table (PyAutoGalaxy, NumPy path) pinned in one place."""

import numpy as np
import pytest

import autogalaxy as ag

POINTS = ag.Grid2DIrregular([(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)])
ELL = (0.0, 0.111111)

CASES = [
    (
        ag.lp.Sersic(ell_comps=ELL, intensity=1.0, effective_radius=1.0, sersic_index=4.0),
        "image_2d_from",
        [1.8492426548, 0.69447223142, 0.902229638585, 0.198898692782],
    ),
    (
        ag.lp.Gaussian(ell_comps=ELL, intensity=1.0, sigma=1.0),
        "image_2d_from",
        [0.814647287084, 0.559898346409, 0.640824183754, 0.158025269689],
    ),
    (
        ag.lp.Exponential(ell_comps=ELL, intensity=1.0, effective_radius=1.0),
        "image_2d_from",
        [1.6109841456, 0.709880414614, 0.912202015254, 0.145694761356],
    ),
    (
        ag.mp.Isothermal(ell_comps=ELL, einstein_radius=1.0),
        "deflections_yx_2d_from",
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
    ),
    (
        ag.mp.Isothermal(ell_comps=ELL, einstein_radius=1.0),
        "convergence_2d_from",
        [0.694105634211, 0.412656345836, 0.471110151556, 0.231368544737],
    ),
    (
        ag.mp.PowerLaw(ell_comps=ELL, einstein_radius=1.0, slope=2.3),
        "deflections_yx_2d_from",
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
    ),
    (
        ag.mp.NFWSph(kappa_s=0.1, scale_radius=2.0),
        "deflections_yx_2d_from",
        [
            0.135285783754,
            0.135285783754,
            0.198348792103,
            -0.0991743960515,
            -0.0991743960515,
            0.198348792103,
            0.174372410644,
            0.174372410644,
        ],
    ),
    (
        ag.mp.ExternalShear(gamma_1=0.05, gamma_2=0.02),
        "deflections_yx_2d_from",
        [-0.015, 0.035, -0.06, -0.005, 0.045, 0.04, -0.045, 0.105],
    ),
]


@pytest.mark.parametrize(
    "profile, method, expected", CASES, ids=[f"{type(c[0]).__name__}.{c[1]}" for c in CASES]
)
def test_profile_check_values(profile, method, expected):
    values = np.asarray(getattr(profile, method)(grid=POINTS).array).ravel()
    np.testing.assert_allclose(values, expected, rtol=1e-9, atol=1e-12)


def test_cosmology_check_values():
    cosmology = ag.cosmology.Planck15()
    assert cosmology.angular_diameter_distance_to_earth_in_kpc_from(redshift=1.0) == pytest.approx(
        1697960.294, rel=1e-7
    )
    assert cosmology.scaling_factor_between_redshifts_from(
        redshift_0=0.5, redshift_1=1.0, redshift_final=2.0
    ) == pytest.approx(0.673945400526, rel=1e-9)


def test_convert_check_value():
    np.testing.assert_allclose(
        ag.convert.ell_comps_from(axis_ratio=0.8, angle=45.0),
        [0.111111111111, 6.8035933286e-18],
        rtol=1e-9,
        atol=1e-15,
    )
