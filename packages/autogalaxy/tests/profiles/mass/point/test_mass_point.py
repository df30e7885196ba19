import numpy as np
import pytest

import autoarray as aa
from autogalaxy import exc
from autogalaxy.profiles.mass.point import PointMass


def _grid(points):
    return aa.Grid2DIrregular(points)


def test__point_mass__deflections_potential_convergence():
    mp = PointMass(centre=(0.1, -0.2), einstein_radius=1.5)
    rng = np.random.default_rng(0)
    points = rng.uniform(-3, 3, (30, 2))
    rel = points - np.array([0.1, -0.2])
    r = np.hypot(rel[:, 0], rel[:, 1])
    alpha = mp.deflections_yx_2d_from(_grid(points)).array
    assert np.hypot(alpha[:, 0], alpha[:, 1]) == pytest.approx(1.5**2 / r, rel=1e-13)
    assert alpha == pytest.approx(1.5**2 * rel / r[:, None] ** 2, rel=1e-13)
    assert mp.potential_2d_from(_grid(points)).array == pytest.approx(1.5**2 * np.log(r), rel=1e-12)
    assert mp.convergence_2d_from(_grid(points)).array == pytest.approx(0.0)
    h = 1e-5
    dy, dx = np.array([h, 0.0]), np.array([0.0, h])

    def psi(p):
        return mp.potential_2d_from(_grid(p)).array

    grad = np.stack(
        (
            (psi(points + dy) - psi(points - dy)) / (2 * h),
            (psi(points + dx) - psi(points - dx)) / (2 * h),
        ),
        axis=-1,
    )
    assert grad == pytest.approx(alpha, abs=1e-7)


def test__point_mass__centre_is_finite_and_invalid_input():
    mp = PointMass(centre=(0.0, 0.0), einstein_radius=1.0)
    grid = _grid([(0.0, 0.0)])
    assert np.all(np.isfinite(mp.deflections_yx_2d_from(grid).array))
    assert mp.deflections_yx_2d_from(grid).array[0] == pytest.approx([0.0, 0.0], abs=0.0)
    assert np.all(np.isfinite(mp.potential_2d_from(grid).array))
    with pytest.raises(exc.ProfileException):
        PointMass(einstein_radius=-1.0)
    grid = aa.Grid2D.uniform(shape_native=(4, 4), pixel_scales=0.5)
    assert isinstance(mp.deflections_yx_2d_from(grid), aa.VectorYX2D)
