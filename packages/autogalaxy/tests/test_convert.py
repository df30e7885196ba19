import numpy as np
import pytest

from autogalaxy import convert


def test__ell_comps_from__check_value():
    ell_comps = convert.ell_comps_from(axis_ratio=0.8, angle=45.0)

    assert ell_comps[0] == pytest.approx(0.111111111111, rel=1e-8)
    assert ell_comps[1] == pytest.approx(6.8035933286e-18, rel=1e-8)


@pytest.mark.parametrize(
    "axis_ratio, angle",
    [(0.8, 45.0), (0.5, 0.0), (0.3, 100.0), (0.9, -30.0), (0.6, 134.0), (0.7, -44.0)],
)
def test__axis_ratio_and_angle_from__inverts_ell_comps_from(axis_ratio, angle):
    ell_comps = convert.ell_comps_from(axis_ratio=axis_ratio, angle=angle)

    q, phi = convert.axis_ratio_and_angle_from(ell_comps)

    assert q == pytest.approx(axis_ratio, rel=1e-12)
    assert phi == pytest.approx(angle, abs=1e-10)
    assert convert.axis_ratio_from(ell_comps) == pytest.approx(axis_ratio, rel=1e-12)
    assert convert.angle_from(ell_comps) == pytest.approx(angle, abs=1e-10)


def test__axis_ratio_and_angle_from__angle_range_and_round_values():
    assert convert.angle_from((0.0, 0.0)) == 0.0
    assert convert.axis_ratio_from((0.0, 0.0)) == 1.0
    assert convert.angle_from((0.0, 0.5)) == pytest.approx(0.0)
    assert convert.angle_from((0.5, 0.0)) == pytest.approx(45.0)
    assert convert.angle_from((0.0, -0.5)) == pytest.approx(90.0)
    # atan2 = -90 deg -> -45 is kept (only < -45 moves up by 180)
    assert convert.angle_from((-0.5, 0.0)) == pytest.approx(-45.0)
    assert convert.angle_from((-0.1, -0.5)) == pytest.approx(
        np.degrees(np.arctan2(-0.1, -0.5)) / 2.0 + 180.0
    )


def test__axis_ratio_from__magnitude_clamped():
    q_clamped = (1.0 - 0.999) / (1.0 + 0.999)

    assert convert.axis_ratio_from((0.0, 0.9999)) == pytest.approx(q_clamped)
    assert convert.axis_ratio_from((3.0, 4.0)) == pytest.approx(q_clamped)
    assert convert.ell_comps_magnitude_from((3.0, 4.0)) == pytest.approx(0.999)


def test__axis_ratio_from__works_on_arrays():
    ell_comps = (np.array([0.0, 0.1, 0.0]), np.array([0.0, 0.0, 0.2]))

    q = convert.axis_ratio_from(ell_comps)

    assert q == pytest.approx([1.0, 0.9 / 1.1, 0.8 / 1.2])


def test__shear__round_trip_and_angle_range():
    gamma_1, gamma_2 = convert.shear_gamma_1_2_from(magnitude=0.05, angle=30.0)

    assert gamma_1 == pytest.approx(0.05 * np.cos(np.radians(60.0)))
    assert gamma_2 == pytest.approx(0.05 * np.sin(np.radians(60.0)))

    for angle in [-44.0, 0.0, 30.0, 90.0, 120.0, 135.0]:
        g1, g2 = convert.shear_gamma_1_2_from(magnitude=0.1, angle=angle)
        magnitude, angle_back = convert.shear_magnitude_and_angle_from(g1, g2)
        assert magnitude == pytest.approx(0.1)
        assert angle_back == pytest.approx(angle, abs=1e-10)

    # -45 deg is outside (-45, 135] and maps to 135
    g1, g2 = convert.shear_gamma_1_2_from(magnitude=0.1, angle=-45.0)
    assert convert.shear_magnitude_and_angle_from(g1, g2)[1] == pytest.approx(135.0)

    magnitude, angle = convert.shear_magnitude_and_angle_from(0.05, 0.02)
    assert magnitude == pytest.approx(np.sqrt(0.05**2 + 0.02**2))
    assert angle == pytest.approx(np.degrees(np.arctan2(0.02, 0.05)) / 2.0)
    assert convert.shear_magnitude_and_angle_from(0.0, 0.0) == (0.0, 0.0)


@pytest.mark.parametrize("m", [1, 3, 4])
def test__multipole__round_trip(m):
    k_m, phi_m = 0.05, 10.0

    comps = convert.multipole_comps_from(k_m, phi_m, m)

    assert comps[0] == pytest.approx(k_m * np.sin(np.radians(phi_m * m)))
    assert comps[1] == pytest.approx(k_m * np.cos(np.radians(phi_m * m)))
    assert convert.multipole_k_m_and_phi_m_from(comps, m) == pytest.approx((k_m, phi_m))
    assert convert.multipole_k_m_and_phi_m_from((0.0, 0.0), m) == (0.0, 0.0)
