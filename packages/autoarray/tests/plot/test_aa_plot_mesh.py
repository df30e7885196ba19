"""``draw_mesh_reconstruction``: rectangles for rectangular meshes, triangles for Delaunay."""

import numpy as np
import pytest

from autoarray import exc
from autoarray.inversion.mesh import Delaunay, KNearestNeighbor, RectangularUniform
from autoarray.plot.mesh_plot import (
    MeshReconstruction,
    draw_mesh_reconstruction,
    full_bounds_from,
    zoomed_bounds_from,
)


@pytest.fixture(name="ax")
def make_ax():
    from matplotlib import pyplot

    fig, ax = pyplot.subplots()
    yield ax
    pyplot.close(fig)


def test_rectangular_mesh_is_drawn_as_one_cell_per_pixel(ax):
    from matplotlib.collections import QuadMesh

    mesh = RectangularUniform(shape=(3, 4))
    ys, xs = np.meshgrid([1.0, 0.0, -1.0], [-1.5, -0.5, 0.5, 1.5], indexing="ij")
    grid = np.stack([ys.ravel(), xs.ravel()], axis=1)
    values = np.arange(12.0)
    draw_mesh_reconstruction(ax, mesh, grid, values, title="s")
    [quad] = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert np.array_equal(np.asarray(quad.get_array()).ravel(), values)
    # Cell edges half-way between centres: the drawn extent is one cell beyond the centres.
    assert quad.get_coordinates()[..., 0].min() == pytest.approx(-2.0)
    assert quad.get_coordinates()[..., 1].max() == pytest.approx(1.5)
    assert ax.get_title() == "s"


@pytest.mark.parametrize("mesh", [Delaunay(pixels=20), KNearestNeighbor(pixels=20)])
def test_delaunay_family_meshes_are_drawn_on_their_triangles(ax, mesh):
    from matplotlib.collections import TriMesh

    grid = np.random.default_rng(1).uniform(-1, 1, size=(20, 2))
    MeshReconstruction(mesh, grid, np.linspace(0, 1, 20), bounds=(-2, 2, -3, 3)).draw_on(
        ax, title="t", lines=[np.array([[0.0, 0.0], [0.5, 0.5]])]
    )
    assert any(isinstance(c, TriMesh) for c in ax.collections)
    assert len(ax.lines) >= 2  # triangle edges and the overlaid line
    assert ax.get_xlim() == (-3, 3) and ax.get_ylim() == (-2, 2)


def test_mismatched_values_raise(ax):
    with pytest.raises(exc.PlottingException, match="one value per mesh pixel"):
        draw_mesh_reconstruction(ax, Delaunay(pixels=4), np.zeros((4, 2)), np.zeros(3))
    with pytest.raises(exc.PlottingException, match="needs 12 mesh points"):
        draw_mesh_reconstruction(ax, RectangularUniform(shape=(3, 4)), np.zeros((9, 2)), np.ones(9))


def test_zoomed_bounds_frame_the_bright_pixels_inside_the_full_bounds():
    grid = np.array([[0.0, 0.0], [0.1, 0.1], [2.0, 2.0], [-2.0, -2.0]])
    values = np.array([1.0, 0.8, 0.01, 0.0])
    y0, y1, x0, x1 = zoomed_bounds_from(grid, values)
    assert y0 < 0.0 and y1 > 0.1 and y1 - y0 < 1.0
    fy0, fy1, fx0, fx1 = full_bounds_from(grid)
    assert fy0 < -2.0 and fy1 > 2.0
