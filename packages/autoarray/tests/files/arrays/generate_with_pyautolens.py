"""Record PyAutoArray 2026.10.26.1 numbers of the grid / mask / array helpers (reference venv only):

    env -u PYTHONPATH /work/refvenv/bin/python generate_with_pyautolens.py

writes ``expected.json``: projected radial grids of ``Grid2D``, the ``Zoom2D`` quantities and
extractions of a mask, ``Mask2D.rescaled_from`` / ``resized_from`` and
``Array2D.binned_across_rows`` / ``binned_across_columns`` and ``Grid1D``. Compared by
``tests/structures/grids/test_grid_2d_radial_projected.py``, ``tests/mask/test_zoom_2d.py``,
``tests/mask/test_mask_2d_rescaled.py``, ``tests/structures/arrays/test_array_2d_binned.py`` and
``tests/structures/grids/test_grid_1d.py``.
"""

import json
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).with_name("expected.json")


def mask_array():
    """A 9 x 10 mask with an off-centre, non-square unmasked block and a hole."""
    mask = np.ones((9, 10), dtype=bool)
    mask[2:6, 3:9] = False
    mask[3, 5] = True
    return mask


def _listed(values):
    return np.asarray(values, dtype=float).tolist()


def main():
    import autoarray as aa

    out = {"version": aa.__version__, "radial": [], "zoom": {}, "rescaled": {}, "resized": {}}
    grids = {
        "square": aa.Grid2D.uniform(shape_native=(6, 6), pixel_scales=0.2),
        "rect": aa.Grid2D.uniform(shape_native=(5, 9), pixel_scales=(0.3, 0.2), origin=(0.1, -0.2)),
    }
    cases = [
        ("square", dict()),
        ("square", dict(centre=(0.1, -0.25), angle=30.0)),
        ("rect", dict(centre=(0.4, 0.1), angle=-70.0)),
        ("rect", dict(centre=(-0.2, 0.3), angle=90.0, remove_projected_centre=True)),
        ("rect", dict(centre=(0.0, 0.0), angle=45.0, shape_slim=4)),
        ("rect", dict(centre=(0.6, -0.1))),
    ]
    for name, kwargs in cases:
        grid = grids[name]
        radial = grid.grid_2d_radial_projected_from(**kwargs)
        centre = kwargs.get("centre", (0.0, 0.0))
        out["radial"].append(
            {
                "grid": name,
                "kwargs": kwargs,
                "shape_slim": int(grid.grid_2d_radial_projected_shape_slim_from(centre=centre)),
                "type": type(radial).__name__,
                "values": _listed(radial.array),
            }
        )

    mask = aa.Mask2D(mask=mask_array(), pixel_scales=(0.5, 0.3), origin=(0.2, -0.1))
    zoom = mask.zoom
    array = aa.Array2D(values=np.arange(90.0).reshape(9, 10) ** 1.5, mask=mask)
    zoomed = zoom.array_2d_from(array=array, buffer=2)
    out["zoom"] = {
        "centre": _listed(zoom.centre),
        "offset_pixels": _listed(zoom.offset_pixels),
        "offset_scaled": _listed(zoom.offset_scaled),
        "region": [int(v) for v in zoom.region],
        "shape_native": [int(v) for v in zoom.shape_native],
        "extent_buffer_1": _listed(zoom.extent_from(buffer=1)),
        "extent_buffer_0": _listed(zoom.extent_from(buffer=0)),
        "mask_buffer_1": np.asarray(zoom.mask_2d_from(buffer=1).array).astype(int).tolist(),
        "mask_buffer_1_origin": _listed(zoom.mask_2d_from(buffer=1).origin),
        "array_buffer_2": _listed(zoomed.native.array),
        "array_buffer_2_mask": np.asarray(zoomed.mask.array).astype(int).tolist(),
        "array_buffer_2_origin": _listed(zoomed.mask.origin),
        "shape_native_masked_pixels": [int(v) for v in mask.shape_native_masked_pixels],
    }
    for factor in (0.5, 0.7, 1.0, 1.3, 2.0, 2.5):
        rescaled = mask.rescaled_from(rescale_factor=factor)
        out["rescaled"][str(factor)] = np.asarray(rescaled.array).astype(int).tolist()
    for shape, pad in (((13, 12), 0.0), ((13, 12), 1.0), ((5, 6), 0.0), ((8, 11), 1.0)):
        resized = mask.resized_from(new_shape=shape, pad_value=pad)
        out["resized"][f"{shape}_{pad}"] = np.asarray(resized.array).astype(int).tolist()

    square = aa.Mask2D(mask=mask_array(), pixel_scales=0.25)
    values = aa.Array2D(values=np.sin(np.arange(90.0)).reshape(9, 10), mask=square)
    rows, columns = values.binned_across_rows, values.binned_across_columns
    out["binned"] = {
        "across_rows": [None if np.isnan(v) else float(v) for v in rows.native.array],
        "across_columns": [None if np.isnan(v) else float(v) for v in columns.native.array],
        "type": type(rows).__name__,
        "pixel_scales": _listed(rows.pixel_scales),
    }
    mask_1d = aa.Mask1D(
        mask=[True, False, True, False, False, False], pixel_scales=0.5, origin=(0.1,)
    )
    from_mask = aa.Grid1D.from_mask(mask=mask_1d)
    out["grid_1d"] = {
        "uniform_from_zero": _listed(
            aa.Grid1D.uniform_from_zero(shape_native=(5,), pixel_scales=0.2)
        ),
        "uniform_origin": _listed(
            aa.Grid1D.uniform(shape_native=(5,), pixel_scales=0.2, origin=(0.3,))
        ),
        "uniform_even": _listed(aa.Grid1D.uniform(shape_native=(4,), pixel_scales=0.2)),
        "from_mask": _listed(from_mask.array),
        "from_mask_native": _listed(from_mask.native.array),
        "projected_30": _listed(from_mask.grid_2d_radial_projected_from(angle=30.0).array),
        "projected_0": _listed(from_mask.grid_2d_radial_projected_from().array),
        "array_grid_radial": _listed(
            aa.Array1D.no_mask([1.0, 2.0, 3.0], pixel_scales=0.5).grid_radial
        ),
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    from _release import require_release

    require_release()
    main()
