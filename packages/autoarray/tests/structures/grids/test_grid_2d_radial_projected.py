"""``Grid2D.grid_2d_radial_projected_from`` / ``_shape_slim_from`` equal PyAutoArray 2026.10.26.1's
(``tests/files/arrays/expected.json``, written by its ``generate_with_pyautolens.py``)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa

EXPECTED = json.loads(
    (Path(__file__).parents[2] / "files" / "arrays" / "expected.json").read_text(encoding="utf-8")
)

GRIDS = {
    "square": lambda: aa.Grid2D.uniform(shape_native=(6, 6), pixel_scales=0.2),
    "rect": lambda: aa.Grid2D.uniform(
        shape_native=(5, 9), pixel_scales=(0.3, 0.2), origin=(0.1, -0.2)
    ),
}


def _kwargs(case):
    kwargs = dict(case["kwargs"])
    if "centre" in kwargs:
        kwargs["centre"] = tuple(kwargs["centre"])
    return kwargs


@pytest.mark.parametrize("case", EXPECTED["radial"], ids=lambda c: f"{c['grid']}-{c['kwargs']}")
def test_radial_projected_grid_equals_the_release(case):
    grid = GRIDS[case["grid"]]()
    kwargs = _kwargs(case)
    radial = grid.grid_2d_radial_projected_from(**kwargs)
    assert type(radial).__name__ == case["type"] == "Grid2DIrregular"
    np.testing.assert_allclose(radial.array, case["values"], rtol=0, atol=1e-12)
    centre = kwargs.get("centre", (0.0, 0.0))
    assert grid.grid_2d_radial_projected_shape_slim_from(centre=centre) == case["shape_slim"]


def test_points_step_by_the_pixel_scale_of_the_longest_path():
    grid = aa.Grid2D.uniform(shape_native=(10, 4), pixel_scales=(0.5, 0.1))
    # Longest path: up or down (2.5 arc-seconds of y), so the y pixel scale (0.5) is the step;
    # rotating the +x points by 90 degrees sends them along -y.
    radial = grid.grid_2d_radial_projected_from(centre=(0.0, 0.0), angle=90.0).array
    assert radial.shape == (6, 2)
    np.testing.assert_allclose(np.diff(radial[:, 0]), -0.5, atol=1e-12)
    np.testing.assert_allclose(radial[:, 1], 1e-6, atol=1e-12)


def test_bad_shape_slim_raises():
    grid = aa.Grid2D.uniform(shape_native=(4, 4), pixel_scales=0.1)
    with pytest.raises(aa.exc.GridException, match="shape_slim"):
        grid.grid_2d_radial_projected_from(shape_slim=-1)
