"""``Array2D.binned_across_rows`` / ``binned_across_columns`` (``Array1D`` results) equal
PyAutoArray 2026.10.26.1's (``tests/files/arrays/expected.json``)."""

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa

EXPECTED = json.loads(
    (Path(__file__).parents[2] / "files" / "arrays" / "expected.json").read_text(encoding="utf-8")
)


def _nan(values):
    return [np.nan if v is None else v for v in values]


def test_binned_equals_the_release():
    values = np.ones((9, 10), dtype=bool)
    values[2:6, 3:9] = False
    values[3, 5] = True
    mask = aa.Mask2D(values, pixel_scales=0.25)
    array = aa.Array2D(np.sin(np.arange(90.0)).reshape(9, 10), mask=mask)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-masked rows / columns: NaN
        rows, columns = array.binned_across_rows, array.binned_across_columns
    expected = EXPECTED["binned"]
    assert isinstance(rows, aa.Array1D) and isinstance(columns, aa.Array1D)
    np.testing.assert_allclose(rows.native.array, _nan(expected["across_rows"]), rtol=1e-14)
    np.testing.assert_allclose(columns.native.array, _nan(expected["across_columns"]), rtol=1e-14)
    assert rows.pixel_scales == tuple(expected["pixel_scales"])


def test_binning_an_unmasked_array_is_the_mean_along_the_axis():
    values = np.arange(12.0).reshape(3, 4)
    array = aa.Array2D.no_mask(values, pixel_scales=0.1)
    np.testing.assert_allclose(array.binned_across_rows.array, values.mean(axis=0))
    np.testing.assert_allclose(array.binned_across_columns.array, values.mean(axis=1))


def test_binning_needs_square_pixels():
    array = aa.Array2D.no_mask(np.ones((3, 4)), pixel_scales=(0.1, 0.2))
    with pytest.raises(aa.exc.GeometryException):
        _ = array.binned_across_rows
