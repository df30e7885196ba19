"""``Grid1D`` (and ``Array1D.grid_radial``) equal PyAutoArray 2026.10.26.1's
(``tests/files/arrays/expected.json``)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa

EXPECTED = json.loads(
    (Path(__file__).parents[2] / "files" / "arrays" / "expected.json").read_text(encoding="utf-8")
)["grid_1d"]


def _close(values, key):
    np.testing.assert_allclose(np.asarray(values), EXPECTED[key], rtol=0, atol=1e-13)


def test_uniform_grids_equal_the_release():
    _close(
        aa.Grid1D.uniform_from_zero(shape_native=(5,), pixel_scales=0.2).array, "uniform_from_zero"
    )
    _close(
        aa.Grid1D.uniform(shape_native=(5,), pixel_scales=0.2, origin=(0.3,)).array,
        "uniform_origin",
    )
    _close(aa.Grid1D.uniform(shape_native=(4,), pixel_scales=0.2).array, "uniform_even")


def test_grid_from_a_mask_and_its_projection_equal_the_release():
    mask = aa.Mask1D([True, False, True, False, False, False], pixel_scales=0.5, origin=(0.1,))
    grid = aa.Grid1D.from_mask(mask)
    _close(grid.array, "from_mask")
    _close(grid.native.array, "from_mask_native")
    projected = grid.grid_2d_radial_projected_from(angle=30.0)
    assert isinstance(projected, aa.Grid2DIrregular)
    _close(projected.array, "projected_30")
    _close(grid.grid_2d_radial_projected_from().array, "projected_0")


def test_array_grid_radial_equals_the_release():
    radial = aa.Array1D.no_mask([1.0, 2.0, 3.0], pixel_scales=0.5).grid_radial
    assert isinstance(radial, aa.Grid1D)
    _close(radial.array, "array_grid_radial")


def test_bad_values_raise():
    with pytest.raises(aa.exc.GridException, match="match neither"):
        aa.Grid1D([1.0, 2.0], mask=aa.Mask1D.all_false(3, pixel_scales=1.0))
    with pytest.raises(aa.exc.GridException, match="1-D"):
        aa.Grid1D.no_mask(np.zeros((2, 2)), pixel_scales=1.0)
