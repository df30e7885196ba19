"""``Mask2D.rescaled_from`` and ``resized_from`` equal PyAutoArray 2026.10.26.1's
(``tests/files/arrays/expected.json``)."""

import json
from pathlib import Path

import numpy as np
import pytest

import autoarray as aa

EXPECTED = json.loads(
    (Path(__file__).parents[1] / "files" / "arrays" / "expected.json").read_text(encoding="utf-8")
)


def _mask():
    values = np.ones((9, 10), dtype=bool)
    values[2:6, 3:9] = False
    values[3, 5] = True
    return aa.Mask2D(values, pixel_scales=(0.5, 0.3), origin=(0.2, -0.1))


@pytest.mark.parametrize("factor", sorted(EXPECTED["rescaled"]))
def test_rescaled_equals_the_release(factor):
    rescaled = _mask().rescaled_from(rescale_factor=float(factor))
    np.testing.assert_array_equal(rescaled.array.astype(int), EXPECTED["rescaled"][factor])
    assert rescaled.pixel_scales == (0.5, 0.3) and rescaled.origin == (0.2, -0.1)


@pytest.mark.parametrize("key", sorted(EXPECTED["resized"]))
def test_resized_equals_the_release(key):
    shape_text, pad = key.rsplit("_", 1)
    shape = tuple(int(v) for v in shape_text.strip("()").split(","))
    resized = _mask().resized_from(new_shape=shape, pad_value=float(pad))
    np.testing.assert_array_equal(resized.array.astype(int), EXPECTED["resized"][key])


def test_bad_rescale_factor_raises():
    with pytest.raises(aa.exc.MaskException, match="rescale_factor"):
        _mask().rescaled_from(rescale_factor=0.0)
