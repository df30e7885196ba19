"""Image-plane mesh grids of the public PyAutoLens release, recorded for the unit tests.

Run in the *separate* PyAutoLens virtual environment (its package names clash with this
monorepo's); it writes the ``Hilbert`` and ``KMeans`` mesh points of two small circular masks
(one off-centre) with a two-blob adapt image to the JSON file that
``packages/autoarray/tests/inversion/image_mesh/test_aa_image_mesh.py`` compares against:

    /work/refvenv/bin/python workspace_test/benchmarks/reference_image_mesh.py \
        packages/autoarray/tests/inversion/image_mesh/reference_image_mesh.json

:func:`cases_from` builds the inputs through names both packages share, so the test calls it too.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("PYAUTO_SKIP_WORKSPACE_VERSION_CHECK", "1")

if __name__ == "__main__":  # as a module (tests share its cases) it checks nothing
    import _release

    _release.require_release()

import numpy as np  # noqa: E402

MASKS = {
    "centred": dict(shape_native=(15, 15), pixel_scales=0.2, radius=1.25, centre=(0.0, 0.0)),
    "offset": dict(shape_native=(16, 16), pixel_scales=0.2, radius=1.1, centre=(0.2, -0.3)),
}
MESHES = {
    "hilbert_40": ("Hilbert", dict(pixels=40, weight_power=1.5, weight_floor=0.05)),
    "hilbert_25_uniform": ("Hilbert", dict(pixels=25, weight_power=0.0, weight_floor=0.0)),
    "kmeans_12": ("KMeans", dict(pixels=12, weight_power=1.0, weight_floor=0.0)),
}


def cases_from(aa):
    """``{mask name: (mask, adapt image Array2D)}`` (a two-Gaussian adapt image)."""
    cases = {}
    for name, kwargs in MASKS.items():
        mask = aa.Mask2D.circular(**kwargs)
        grid = np.asarray(aa.Grid2D.from_mask(mask=mask).array)
        y, x = grid[:, 0], grid[:, 1]
        adapt = np.exp(-((y - 0.3) ** 2 + (x + 0.2) ** 2) / (2 * 0.3**2)) + 0.3 * np.exp(
            -((y + 0.5) ** 2 + (x - 0.4) ** 2) / (2 * 0.2**2)
        )
        cases[name] = (mask, aa.Array2D(values=adapt, mask=mask))
    return cases


def main() -> int:
    import autoarray as aa
    import autolens as al

    results = {}
    for mask_name, (mask, adapt) in cases_from(aa).items():
        entry = {
            "circular_radius": float(mask.circular_radius),
            "mask_centre": [float(v) for v in mask.mask_centre],
        }
        for mesh_name, (cls, kwargs) in MESHES.items():
            image_mesh = getattr(aa.image_mesh, cls)(**kwargs)
            grid = image_mesh.image_plane_mesh_grid_from(mask=mask, adapt_data=adapt)
            entry[mesh_name] = np.asarray(grid).tolist()
        results[mask_name] = entry
    target = Path(sys.argv[1])
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(handle, "w") as stream:
        json.dump({"version": al.__version__, "results": results}, stream)
    os.replace(temporary, target)
    print(f"wrote {target} (PyAutoLens {al.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
