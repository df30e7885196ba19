"""Point sources: this package against the PyAutoLens release on the same lenses.

Runs ``point_reference_pyautolens.py`` in the reference venv (``--reference-python``, default
``/work/refvenv/bin/python``) or reads its JSON (``--reference-json``), then compares, per case:
the number of images; positions (the release returns triangle centroids, so the distance to
this package's Newton-polished images is its centroid error, expected ≲ pixel_scale_precision);
signed magnifications and time delays (relative); and the fits' log likelihoods, with the
release's model images injected into the image-plane fits so both evaluate the same positions.
Prints a summary and the median NumPy solve time of both (same window; noisy machine).

Usage: ``python workspace_test/benchmarks/point_parity.py [--reference-json FILE]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


class InjectedSolver:
    """A solver returning given model images (the release's), for same-position fits."""

    def __init__(self, positions, max_images=20):
        self.positions = np.asarray(positions, dtype=float).reshape(-1, 2)
        self.max_images = max_images

    def solve_padded(self, tracer, source_plane_coordinate, xp=np, plane_redshift=None):
        out = np.zeros((self.max_images, 2))
        n = self.positions.shape[0]
        out[:n] = self.positions
        return out, np.arange(self.max_images) < n


def reference_env() -> dict:
    """This process's environment without ``PYTHONPATH``: it points at this monorepo's
    packages, which would shadow the reference venv's ``autolens``."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def reference_module():
    spec = importlib.util.spec_from_file_location(
        "point_reference", HERE / "point_reference_pyautolens.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-python", default="/work/refvenv/bin/python")
    parser.add_argument("--reference-json")
    args = parser.parse_args()
    if args.reference_json is None:
        path = Path(tempfile.mkdtemp()) / "point_reference.json"
        subprocess.run(
            [args.reference_python, str(HERE / "point_reference_pyautolens.py"), str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=reference_env(),
        )
    else:
        path = Path(args.reference_json)
    reference = json.loads(path.read_text())
    ref = reference_module()

    import autolens as al

    grid = al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05)
    solver = al.PointSolver.for_grid(
        grid, pixel_scale_precision=ref.PRECISION, magnification_threshold=0.1
    )
    from autolens.point.fit.abstract import signed_magnifications_from

    count_mismatch, position_err, mu_err, td_err, fit_err = [], [], [], [], {}
    mu_same_err = []
    residuals = []
    for case in reference["cases"]:
        source = tuple(case["source"])
        tracer = ref.tracer_from(al, case["lens"], al.ps.PointFlux(centre=source, flux=2.0))
        info = solver.solve_numpy_with_info(tracer, source)
        ours = info["positions"]
        residuals += info["residuals"].tolist()
        theirs = np.asarray(case["positions"]).reshape(-1, 2)
        if ours.shape[0] != theirs.shape[0]:
            count_mismatch.append((case["lens"], source, ours.shape[0], theirs.shape[0]))
            continue
        if ours.shape[0] == 0:
            continue
        distance = np.linalg.norm(theirs[:, None, :] - ours[None, :, :], axis=-1)
        nearest = distance.argmin(axis=1)
        position_err += distance.min(axis=1).tolist()
        calc = al.LensCalc.from_tracer(tracer, use_multi_plane=False)
        mu = signed_magnifications_from(calc, ours, np)[nearest]
        mu_err += (np.abs(mu - case["magnifications"]) / np.abs(case["magnifications"])).tolist()
        mu_same = signed_magnifications_from(calc, theirs, np)
        mu_same_err += (
            np.abs(mu_same - case["magnifications"]) / np.abs(case["magnifications"])
        ).tolist()
        td = np.asarray(tracer.time_delays_from(al.Grid2DIrregular(ours)).array)[nearest]
        td_err += (np.abs(td - case["time_delays"]) / np.abs(case["time_delays"])).tolist()
        data = al.Grid2DIrregular(case["data"])
        n = theirs.shape[0]
        noise = al.ArrayIrregular([ref.NOISE] * n)
        injected = InjectedSolver(theirs)
        ours_fits = {}
        for cls in (
            "FitPositionsImagePairAll",
            "FitPositionsImagePair",
            "FitPositionsImagePairRepeat",
            "FitPositionsSource",
        ):
            ours_fits[cls] = getattr(al, cls)(
                name="point_0", data=data, noise_map=noise, tracer=tracer, solver=injected
            ).log_likelihood
        fluxes = al.ArrayIrregular(2.0 * np.abs(np.asarray(case["magnifications"])) + 0.3)
        ours_fits["FitFluxes"] = al.FitFluxes(
            name="point_0",
            data=fluxes,
            noise_map=al.ArrayIrregular([0.5] * n),
            positions=al.Grid2DIrregular(theirs),
            tracer=tracer,
        ).log_likelihood
        delays = al.ArrayIrregular(np.asarray(case["time_delays"]) + np.arange(n))
        ours_fits["FitTimeDelays"] = al.FitTimeDelays(
            name="point_0",
            data=delays,
            noise_map=al.ArrayIrregular([2.0] * n),
            positions=data,
            tracer=tracer,
        ).log_likelihood
        solved = ref.tracer_from(al, case["lens"], al.ps.PointSolved())
        ours_fits["FitPositionsSourceSolved"] = al.FitPositionsSourceSolved(
            name="point_0", data=data, noise_map=noise, tracer=solved, solver=injected
        ).log_likelihood
        for name, value in ours_fits.items():
            fit_err.setdefault(name, []).append(abs(float(value) - case["fits"][name]))

    tracer = ref.tracer_from(al, "sie_shear", al.ps.Point(centre=(0.02, 0.04)))
    samples = []
    for _ in range(7):
        start = time.perf_counter()
        solver.solve(tracer, (0.02, 0.04))
        samples.append(time.perf_counter() - start)
    ours_ms = 1e3 * statistics.median(samples)

    print(
        f"PyAutoLens {reference['version']}: {len(reference['cases'])} cases, precision {ref.PRECISION}"
    )
    print(f"image counts differing: {len(count_mismatch)} {count_mismatch}")
    err = np.asarray(position_err)
    print(
        f"positions: max |release centroid - polished image| {err.max():.2e} arcsec, "
        f"{np.mean(err <= ref.PRECISION) * 100:.0f}% within pixel_scale_precision, "
        f"{np.mean(err <= 2 * ref.PRECISION) * 100:.0f}% within 2x"
    )
    print(f"lens-equation residual of this package's images: max {max(residuals):.1e} arcsec")
    print(f"magnifications at the release's positions: max rel diff {max(mu_same_err):.2e}")
    print(
        f"magnifications at each package's own images: max rel diff {max(mu_err):.2e}, median "
        f"{np.median(mu_err):.2e} (the release's centroids sit up to ~p off the images)"
    )
    print(f"time delays at own images: max rel diff {max(td_err):.2e}")
    for name, values in fit_err.items():
        print(f"{name}: max |Δ log L| {max(values):.2e} (same positions)")
    print(
        f"NumPy solve of one SIE+shear quad: this package {ours_ms:.1f} ms, release "
        f"{reference['solve_ms']:.1f} ms (ratio {reference['solve_ms'] / ours_ms:.1f}x; run minutes apart "
        "when --reference-json is given)"
    )
    ok = (
        not count_mismatch
        and max(mu_same_err) < 1e-6
        and max(td_err) < 0.01
        and all(max(v) < 1e-6 for v in fit_err.values())
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
