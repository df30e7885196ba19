"""NumPy parity of pixelized-source fits with the public PyAutoLens release (this package side).

``--export DIR`` writes the masked ``jax_test`` pixels (data, noise, PSF, mask) and the cases;
``reference_pixelization.py DIR`` (run in the PyAutoLens venv) fits them there; ``--compare DIR``
fits them here with the *same* :func:`reference_pixelization.fit_from` and checks log evidence,
chi-squared, the regularization / log-det terms and the reconstruction to 1e-6 relative
(exit 1 otherwise). ``--all DIR`` does the three steps, running the reference with
``--reference-python`` (default ``/work/refvenv/bin/python``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "workspace_test" / "jax_likelihood_functions" / "imaging"))

import reference_pixelization  # noqa: E402

RTOL = 1e-6
SCALARS = (
    "log_evidence",
    "chi_squared",
    "regularization_term",
    "log_det_curvature_reg_matrix_term",
    "log_det_regularization_matrix_term",
)

CASES = [
    dict(
        name="delaunaynn_overlay14_constant",
        shape=(14, 14),
        mesh="delaunay_nn",
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunaynn_overlay14_adapt_split",
        shape=(14, 14),
        mesh="delaunay_nn",
        regularization="adapt_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunaynn_overlay14_constant_split_no_lens_light",
        shape=(14, 14),
        mesh="delaunay_nn",
        regularization="constant_split",
        coefficient=1.0,
        lens_light=False,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knnbary_overlay11_constant_split",
        shape=(11, 11),
        mesh="knn_barycentric",
        regularization="constant_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knnbary_overlay11_adapt",
        shape=(11, 11),
        mesh="knn_barycentric",
        regularization="adapt",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knn_overlay11_constant_split",
        shape=(11, 11),
        mesh="knn",
        regularization="constant_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knn_overlay11_constant",
        shape=(11, 11),
        mesh="knn",
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knn_overlay11_adapt",
        shape=(11, 11),
        mesh="knn",
        regularization="adapt",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knn_hilbert120_adapt_split",
        shape=(10, 12),
        mesh="knn_hilbert",
        regularization="adapt_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="knn_overlay11_constant_no_lens_light",
        shape=(11, 11),
        mesh="knn",
        regularization="constant",
        coefficient=1.0,
        lens_light=False,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_hilbert150_constant",
        shape=(10, 15),
        mesh="delaunay_hilbert",
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_hilbert150_adapt_split",
        shape=(10, 15),
        mesh="delaunay_hilbert",
        regularization="adapt_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_kmeans100_constant",
        shape=(10, 10),
        mesh="delaunay_kmeans",
        regularization="constant",
        coefficient=1.0,
        lens_light=False,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_overlay14_constant_split",
        shape=(14, 14),
        mesh="delaunay",
        regularization="constant_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_overlay14_adapt_split",
        shape=(14, 14),
        mesh="delaunay",
        regularization="adapt_split",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="bilinear_density16_constant",
        shape=(16, 16),
        mesh="bilinear_density",
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="bilinear_image16_adapt",
        shape=(16, 16),
        mesh="bilinear_image",
        regularization="adapt",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_overlay14_constant",
        shape=(14, 14),
        mesh="delaunay",
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_overlay14_adapt",
        shape=(14, 14),
        mesh="delaunay",
        regularization="adapt",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="delaunay_overlay14_no_lens_light",
        shape=(14, 14),
        mesh="delaunay",
        regularization="constant",
        coefficient=1.0,
        lens_light=False,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru12_gaussian",
        shape=(12, 12),
        regularization="gaussian",
        coefficient=2.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru12_exponential",
        shape=(12, 12),
        regularization="exponential",
        coefficient=2.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru12_matern_1.5",
        shape=(12, 12),
        regularization=["matern", 1.5],
        coefficient=2.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru12_matern_0.8",
        shape=(12, 12),
        regularization=["matern", 0.8],
        coefficient=2.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="rtu_density16_constant",
        shape=(16, 16),
        mesh="adapt_density",
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="rtu_image16_adapt",
        shape=(16, 16),
        mesh="adapt_image",
        regularization="adapt",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru20_constant",
        shape=(20, 20),
        regularization="constant",
        coefficient=1.0,
        lens_light=False,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru20_constant_lens_light",
        shape=(20, 20),
        regularization="constant",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
    dict(
        name="ru14_constant_least_squares",
        shape=(14, 14),
        regularization="constant",
        coefficient=2.0,
        lens_light=True,
        positive_only=False,
        einstein_radius=1.55,
    ),
    dict(
        name="ru16_adapt_lens_light",
        shape=(16, 16),
        regularization="adapt",
        coefficient=1.0,
        lens_light=True,
        positive_only=True,
        einstein_radius=1.6,
    ),
]


def export(directory: Path, only: str = "") -> None:
    import _common

    directory.mkdir(parents=True, exist_ok=True)
    dataset = _common.dataset_from(3.0, 1)
    np.save(directory / "data.npy", np.asarray(dataset.data.native.array))
    np.save(directory / "noise.npy", np.asarray(dataset.noise_map.native.array))
    np.save(directory / "psf.npy", np.asarray(dataset.psf.kernel.native.array))
    np.save(directory / "mask.npy", np.asarray(dataset.mask.array))
    spec = {
        "pixel_scale": _common.PIXEL_SCALES,
        "sub_size_lp": 1,
        "sub_size_pixelization": 4,
        "cases": [c for c in CASES if not only or any(k in c["name"] for k in only.split(","))],
    }
    (directory / "spec.json").write_text(json.dumps(spec))


def compare(directory: Path) -> int:
    import autolens as al

    spec = json.loads((directory / "spec.json").read_text())
    reference = json.loads((directory / "reference_results.json").read_text())
    dataset = reference_pixelization.dataset_from(al, directory, spec)
    failures = []
    print(f"PyAutoLens {reference['version']} vs this package (NumPy), relative differences:")
    for case in spec["cases"]:
        ours = reference_pixelization.summary_from(
            reference_pixelization.fit_from(al, dataset, case)
        )
        theirs = reference["results"][case["name"]]
        parts = []
        for key in SCALARS:
            rel = abs(ours[key] - theirs[key]) / max(abs(theirs[key]), 1e-300)
            parts.append(f"{key} {rel:.1e}")
            if not rel <= RTOL:
                failures.append(f"{case['name']}: {key} {ours[key]!r} vs {theirs[key]!r}")
        s, t = np.asarray(ours["reconstruction"]), np.asarray(theirs["reconstruction"])
        rel = float(np.abs(s - t).max() / np.abs(t).max())
        parts.append(f"reconstruction (max |diff| / max |s|) {rel:.1e}")
        if not rel <= RTOL:
            failures.append(f"{case['name']}: reconstruction differs by {rel:.2e}")
        print(f"  {case['name']}: log evidence {ours['log_evidence']:.8f}; " + ", ".join(parts))
    for failure in failures:
        print("FAILED " + failure)
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--export", type=Path)
    group.add_argument("--compare", type=Path)
    group.add_argument("--all", type=Path)
    parser.add_argument("--reference-python", default="/work/refvenv/bin/python")
    parser.add_argument("--only", default="", help="comma-separated substrings of case names")
    args = parser.parse_args()
    if args.export:
        export(args.export, args.only)
        return 0
    if args.compare:
        return compare(args.compare)
    export(args.all, args.only)
    subprocess.run(
        [args.reference_python, str(HERE / "reference_pixelization.py"), str(args.all)],
        check=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    return compare(args.all)


if __name__ == "__main__":
    sys.exit(main())
