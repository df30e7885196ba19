import numpy as np
import pytest

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.mass.sheets import ExternalShear, MassSheet

CHECK_POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def _grid(points):
    return aa.Grid2DIrregular(points)


def _fd(profile, points, h=1e-5):
    dy, dx = np.array([h, 0.0]), np.array([0.0, h])

    def psi(p):
        return profile.potential_2d_from(_grid(p)).array

    def alpha(p):
        return profile.deflections_yx_2d_from(_grid(p)).array

    grad = np.stack(
        (
            (psi(points + dy) - psi(points - dy)) / (2 * h),
            (psi(points + dx) - psi(points - dx)) / (2 * h),
        ),
        axis=-1,
    )
    div = (alpha(points + dy)[:, 0] - alpha(points - dy)[:, 0]) / (2 * h) + (
        alpha(points + dx)[:, 1] - alpha(points - dx)[:, 1]
    ) / (2 * h)
    return grad, div


def test__external_shear__check_values():
    shear = ExternalShear(gamma_1=0.05, gamma_2=0.02)
    deflections = shear.deflections_yx_2d_from(_grid(CHECK_POINTS))
    assert isinstance(deflections, aa.VectorYX2DIrregular)
    assert deflections.array.ravel() == pytest.approx(
        [-0.015, 0.035, -0.06, -0.005, 0.045, 0.04, -0.045, 0.105], abs=1e-12
    )


def test__external_shear__magnitude_angle_potential_convergence():
    shear = ExternalShear(gamma_1=0.05, gamma_2=0.02)
    assert shear.magnitude() == pytest.approx(np.hypot(0.05, 0.02), rel=1e-14)
    assert shear.angle() == pytest.approx(0.5 * np.degrees(np.arctan2(0.02, 0.05)), rel=1e-14)
    assert ExternalShear(gamma_1=-0.05, gamma_2=-1e-9).angle() == pytest.approx(90.0, abs=1e-6)
    points = np.random.default_rng(0).uniform(-3, 3, (20, 2))
    grad, div = _fd(shear, points)
    assert grad == pytest.approx(shear.deflections_yx_2d_from(_grid(points)).array, abs=1e-9)
    assert div == pytest.approx(0.0, abs=1e-9)
    assert shear.convergence_2d_from(_grid(points)).array == pytest.approx(0.0)
    y, x = points[:, 0], points[:, 1]
    assert shear.potential_2d_from(_grid(points)).array == pytest.approx(
        0.5 * 0.05 * (x**2 - y**2) + 0.02 * x * y, rel=1e-13
    )
    # Uniform grid output types.
    grid = aa.Grid2D.uniform(shape_native=(3, 3), pixel_scales=0.5)
    assert isinstance(shear.deflections_yx_2d_from(grid), aa.VectorYX2D)
    assert isinstance(shear.potential_2d_from(grid), aa.Array2D)


def test__mass_sheet():
    sheet = MassSheet(centre=(0.2, -0.1), kappa=0.3)
    points = np.random.default_rng(1).uniform(-3, 3, (20, 2))
    alpha = sheet.deflections_yx_2d_from(_grid(points)).array
    assert alpha == pytest.approx(0.3 * (points - np.array([0.2, -0.1])), rel=1e-14)
    assert sheet.convergence_2d_from(_grid(points)).array == pytest.approx(0.3)
    grad, div = _fd(sheet, points)
    assert grad == pytest.approx(alpha, abs=1e-9)
    assert div == pytest.approx(0.6, rel=1e-8)
    assert sheet.mass_angular_within_circle_from(radius=2.0) == pytest.approx(
        0.3 * np.pi * 4, rel=1e-10
    )


def test__invalid_inputs_raise():
    with pytest.raises(exc.ProfileException):
        ExternalShear(gamma_1=float("nan"))
    with pytest.raises(exc.ProfileException):
        MassSheet(kappa=float("inf"))
