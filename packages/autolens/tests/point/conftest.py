import numpy as np
import pytest

import autolens as al


class FixedSolver:
    """Returns given model images (the reference's P1 centroids), so the fit formulas can be
    checked against the reference's numbers independently of the solver."""

    def __init__(self, positions, max_images=20):
        self.positions = np.asarray(positions, dtype=float).reshape(-1, 2)
        self.max_images = max_images
        self.calls = []

    def solve_padded(self, tracer, source_plane_coordinate, xp=np, plane_redshift=None):
        self.calls.append(np.asarray(source_plane_coordinate, dtype=float))
        out = np.zeros((self.max_images, 2))
        n = self.positions.shape[0]
        out[:n] = self.positions
        return out, np.arange(self.max_images) < n


#: P1 reference solver output (triangle centroids of PyAutoLens 2026.10.26.1).
P1_MODEL = [(-0.9, -9.0210979561e-04), (1.1, 9.0210979561e-04)]


@pytest.fixture
def p1_tracer():
    def make(point):
        lens = al.Galaxy(
            redshift=0.5, mass=al.mp.IsothermalSph(centre=(0.0, 0.0), einstein_radius=1.0)
        )
        return al.Tracer([lens, al.Galaxy(redshift=1.0, point_0=point)])

    return make


@pytest.fixture
def p1_data():
    return al.Grid2DIrregular([(1.12, 0.01), (-0.88, -0.02)]), al.ArrayIrregular([0.05, 0.05])


@pytest.fixture
def fixed_solver():
    return FixedSolver(P1_MODEL)


@pytest.fixture
def solver_100():
    grid = al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05)
    return al.PointSolver.for_grid(grid, pixel_scale_precision=0.001, magnification_threshold=0.1)
