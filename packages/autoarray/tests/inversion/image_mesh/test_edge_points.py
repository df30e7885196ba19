import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.inversion import image_mesh


def test__append_with_circle_edge_points__release_values():
    # PyAutoArray 2026.10.26.1 returns these points for this input
    grid = np.array([[0.0, 0.0], [0.1, 0.2]])
    result = image_mesh.append_with_circle_edge_points(
        image_plane_mesh_grid=grid, centre=(0.0, 0.1), radius=1.0, n_points=4
    )
    assert isinstance(result, aa.Grid2DIrregular)
    np.testing.assert_allclose(
        result.array,
        [[0.0, 0.0], [0.1, 0.2], [0.0, 1.1], [1.0, 0.1], [0.0, -0.9], [-1.0, 0.1]],
        atol=1e-12,
    )


def test__append_with_circle_edge_points__points_on_circle():
    mask = aa.Mask2D.circular((20, 20), pixel_scales=0.1, radius=0.5)
    mesh = image_mesh.Overlay(shape=(6, 6)).image_plane_mesh_grid_from(mask=mask)
    result = image_mesh.append_with_circle_edge_points(
        image_plane_mesh_grid=mesh, centre=(0.2, -0.1), radius=0.55, n_points=30
    )
    edge = result.array[-30:]
    assert result.array.shape[0] == mesh.shape[0] + 30
    np.testing.assert_allclose(np.hypot(edge[:, 0] - 0.2, edge[:, 1] + 0.1), 0.55, atol=1e-12)


@pytest.mark.parametrize("n_points, radius", [(0, 1.0), (2.5, 1.0), (4, 0.0)])
def test__append_with_circle_edge_points__bad_input_raises(n_points, radius):
    with pytest.raises(exc.MeshException):
        image_mesh.append_with_circle_edge_points(
            np.zeros((2, 2)), centre=(0.0, 0.0), radius=radius, n_points=n_points
        )
