"""Check that PyAutoLens reads the JSON files this project writes (run by hand, not in CI).

    /work/bin/wtpy check_pyautolens_reads_ours.py write OUT_DIR      # this project writes
    /path/to/pyautolens-venv/bin/python check_pyautolens_reads_ours.py read OUT_DIR

``write`` reads each vendored PyAutoLens file here and writes it back with this project's
``al.output_to_json``; ``read`` loads those files with PyAutoLens and compares its numbers with
``expected.json`` (PyAutoLens's own values for the originals). Exits non-zero on a mismatch.
"""

import json
import sys
from pathlib import Path

import numpy as np

if __name__ == "__main__" and sys.argv[1:2] == ["read"]:
    # The release, never this checkout (workspace_test/benchmarks/_release.py): imported before
    # any auto* package, so a PYTHONPATH pointing here cannot turn the reference into this code.
    sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "workspace_test" / "benchmarks"))
    import _release

    _release.require_release()

import autolens as al

HERE = Path(__file__).parent
NAMES = ["tracer.json", "galaxies_mge.json", "model.json", "model_mge.json"]


def write(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        al.output_to_json(al.from_json(HERE / name), out / name)


def read(out: Path) -> int:
    expected = json.loads((HERE / "expected.json").read_text())
    grid = al.Grid2DIrregular([tuple(p) for p in expected["points"]])
    tracer = al.from_json(out / "tracer.json")
    galaxies = al.from_json(out / "galaxies_mge.json")
    checks = {
        "tracer_deflections": np.asarray(tracer.deflections_yx_2d_from(grid)),
        "tracer_image": np.asarray(tracer.image_2d_from(grid)),
        "mge_image": np.asarray(al.Galaxies(galaxies).image_2d_from(grid)),
        "mge_deflections": np.asarray(al.Galaxies(galaxies).deflections_yx_2d_from(grid)),
    }
    failed = 0
    for key, value in checks.items():
        diff = float(np.max(np.abs(value - np.asarray(expected[key]))))
        print(f"{key}: max |diff| = {diff:.3e}")
        failed += diff > 1e-9
    for name in ("model.json", "model_mge.json"):
        model = al.from_json(out / name)
        names = [p[-1] for p in model.unique_prior_paths]
        medians = [float(p.value_for(0.5)) for p in model.priors_ordered_by_id]
        same = (
            model.prior_count == expected[name]["prior_count"]
            and names == expected[name]["parameter_names"]
            and np.allclose(medians, expected[name]["median_vector"], rtol=1e-12)
        )
        print(f"{name}: {model.prior_count} parameters, order and priors match: {same}")
        failed += not same
    return int(failed > 0)


if __name__ == "__main__":
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        write(folder)
    else:
        sys.exit(read(folder))
