"""Image-plane mesh grids: Hilbert curve order, CDF draws, and the release's mesh points.

``reference_image_mesh.json`` was written by ``workspace_test/benchmarks/reference_image_mesh.py``
in the PyAutoLens 2026.10.26.1 venv (a separate process).
"""

import json
import sys
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa
from autoarray import exc
from autoarray.inversion import image_mesh
from autoarray.inversion.image_mesh.hilbert import cdf_draws_from, gilbert_order_from

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[4] / "workspace_test" / "benchmarks"))

import reference_image_mesh  # noqa: E402

REFERENCE = json.loads((HERE / "reference_image_mesh.json").read_text())


@pytest.mark.parametrize("width, height", [(4, 4), (5, 3), (3, 7), (193, 193)])
def test_gilbert_order_visits_every_cell_once_through_edge_neighbours(width, height):
    cells = gilbert_order_from(width, height)
    assert cells.shape == (width * height, 2)
    assert len({tuple(c) for c in cells}) == width * height
    assert cells[:, 0].min() == 0 and cells[:, 0].max() == width - 1
    assert cells[:, 1].min() == 0 and cells[:, 1].max() == height - 1
    steps = np.abs(np.diff(cells, axis=0)).sum(axis=1)
    assert np.all(steps == 1)


def test_gilbert_order_of_a_2x2_grid_is_the_u_shape():
    assert gilbert_order_from(2, 2).tolist() == [[0, 0], [0, 1], [1, 1], [1, 0]]


def test_cdf_draws_of_uniform_weights_are_evenly_spaced_along_the_curve():
    grid = np.stack([np.zeros(11), np.arange(11.0)], axis=1)
    draws = cdf_draws_from(np.full(11, 1.0 / 11), 5, grid)
    # CDF [0, 2/11, ..., 1] against quantiles 0, 1/4, ..., ~1: linear in the index.
    expected = np.interp(
        np.linspace(0, 0.99999999, 5), np.r_[0.0, np.arange(2, 12) / 11], np.arange(11.0)
    )
    assert draws[:, 1] == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("mask_name", ["centred", "offset"])
def test_circular_radius_and_centre_match_the_release(mask_name):
    mask, _ = reference_image_mesh.cases_from(aa)[mask_name]
    reference = REFERENCE["results"][mask_name]
    assert mask.is_circular
    assert mask.circular_radius == pytest.approx(reference["circular_radius"], abs=1e-12)
    assert mask.mask_centre == pytest.approx(tuple(reference["mask_centre"]), abs=1e-12)


@pytest.mark.parametrize("mask_name", ["centred", "offset"])
@pytest.mark.parametrize("mesh_name", list(reference_image_mesh.MESHES))
def test_mesh_points_equal_the_release(mask_name, mesh_name):
    mask, adapt = reference_image_mesh.cases_from(aa)[mask_name]
    cls, kwargs = reference_image_mesh.MESHES[mesh_name]
    grid = getattr(image_mesh, cls)(**kwargs).image_plane_mesh_grid_from(mask, adapt_data=adapt)
    expected = np.asarray(REFERENCE["results"][mask_name][mesh_name])
    assert np.asarray(grid.array).shape == expected.shape
    assert np.abs(np.asarray(grid.array) - expected).max() <= 1e-10


def test_hilbert_accepts_a_slim_numpy_adapt_image():
    mask, adapt = reference_image_mesh.cases_from(aa)["centred"]
    mesh = image_mesh.Hilbert(pixels=40, weight_power=1.5, weight_floor=0.05)
    a = mesh.image_plane_mesh_grid_from(mask, adapt_data=adapt)
    b = mesh.image_plane_mesh_grid_from(mask, adapt_data=np.asarray(adapt.slim.array))
    assert np.array_equal(np.asarray(a.array), np.asarray(b.array))


def test_hilbert_points_cluster_on_the_bright_blob():
    mask, adapt = reference_image_mesh.cases_from(aa)["centred"]
    grid = np.asarray(
        image_mesh.Hilbert(pixels=60, weight_power=2.0)
        .image_plane_mesh_grid_from(mask, adapt)
        .array
    )
    near = np.hypot(grid[:, 0] - 0.3, grid[:, 1] + 0.2) < 0.4
    # The blob covers ~10% of the disc but must receive most of the points.
    assert near.mean() > 0.5


def test_hilbert_refuses_a_non_circular_mask():
    mask = aa.Mask2D.all_false(shape_native=(6, 10), pixel_scales=0.2)
    with pytest.raises(exc.PixelizationException, match="circular"):
        image_mesh.Hilbert(pixels=10).image_plane_mesh_grid_from(mask, np.ones(60))


def test_adaptive_image_meshes_refuse_missing_adapt_data():
    mask, _ = reference_image_mesh.cases_from(aa)["centred"]
    for cls in (image_mesh.Hilbert, image_mesh.KMeans):
        with pytest.raises(exc.PixelizationException, match="adapt_data"):
            cls(pixels=10).image_plane_mesh_grid_from(mask)


def test_kmeans_refuses_more_pixels_than_the_mask_has():
    mask, adapt = reference_image_mesh.cases_from(aa)["centred"]
    with pytest.raises(exc.PixelizationException, match="121 unmasked pixels"):
        image_mesh.KMeans(pixels=200).image_plane_mesh_grid_from(mask, adapt)


def test_weight_map_of_a_blank_image_is_uniform():
    weights = image_mesh.Hilbert(pixels=5, weight_power=2.0).weight_map_from(np.zeros(4))
    assert weights.tolist() == [1.0, 1.0, 1.0, 1.0]
    weights = image_mesh.Hilbert(pixels=5, weight_power=1.0, weight_floor=0.3).weight_map_from(
        np.array([0.0, 1.0, 2.0, 4.0])
    )
    assert weights == pytest.approx([0.3, 0.3, 0.5, 1.0])
