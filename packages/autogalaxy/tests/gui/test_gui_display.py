"""Display helpers of the GUIs: colour stretch, mask edges, scaled -> pixel coordinates."""

import numpy as np
import pytest

import autogalaxy as ag
from autogalaxy.gui import display


def test_arcsinh_stretch_is_monotonic_in_unit_range():
    values = np.linspace(-1.0, 100.0, 500).reshape(20, 25)
    shown = display.arcsinh_stretched_from(values)
    assert shown.min() >= 0.0 and shown.max() <= 1.0
    assert np.all(np.diff(shown.ravel()) >= 0.0)


def test_edge_pixels_are_the_unmasked_border():
    unmasked = np.zeros((5, 5), dtype=bool)
    unmasked[1:4, 1:4] = True
    edge = {tuple(p) for p in display.edge_pixels_of(unmasked)}
    assert (2, 2) not in edge and len(edge) == 8


def test_pixels_from_scaled_matches_the_grid_geometry():
    grid = ag.Grid2D.uniform(shape_native=(4, 6), pixel_scales=(0.2, 0.1), origin=(0.3, -0.1))
    native = np.asarray(grid.native.array)
    pixels = display.pixels_from_scaled(native.reshape(-1, 2), (4, 6), (0.2, 0.1), (0.3, -0.1))
    rows, columns = np.mgrid[0:4, 0:6]
    np.testing.assert_allclose(
        pixels, np.stack([rows.ravel(), columns.ravel()], axis=1), atol=1e-12
    )


def test_non_2d_image_is_refused():
    with pytest.raises(ag.exc.GalaxyException, match="2D"):
        display.native_values_of(np.zeros(5))
