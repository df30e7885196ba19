"""Point-source numbers of the public PyAutoLens release, for ``point_parity.py`` to compare.

Runs in a separate virtual environment holding PyPI's ``autolens`` (its package names clash
with this monorepo's), e.g. ``/work/refvenv/bin/python point_reference_pyautolens.py OUT.json``.
For every case of :data:`CASES` (lens, source position): the solver's images, the signed
magnification and time delay at each, the log likelihoods of the position / flux / time-delay
fits of fixed data, and the median time of one NumPy solve. Writes ``OUT.json`` atomically.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("PYAUTO_SKIP_WORKSPACE_VERSION_CHECK", "1")

import numpy as np  # noqa: E402

#: name -> (lens components: attribute -> (mp class, kwargs)), source redshift.
LENSES = {
    "sis": ({"mass": ("IsothermalSph", {"centre": (0.0, 0.0), "einstein_radius": 1.0})}, 1.0),
    "sie": (
        {
            "mass": (
                "Isothermal",
                {"centre": (0.0, 0.0), "ell_comps": (0.1, 0.05), "einstein_radius": 1.2},
            )
        },
        2.0,
    ),
    "sie_shear": (
        {
            "mass": (
                "Isothermal",
                {"centre": (0.0, 0.0), "ell_comps": (0.15, -0.05), "einstein_radius": 1.0},
            ),
            "shear": ("ExternalShear", {"gamma_1": 0.05, "gamma_2": 0.03}),
        },
        1.0,
    ),
    "nfw_sie": (
        {
            "dark": ("NFWSph", {"centre": (0.0, 0.0), "kappa_s": 0.15, "scale_radius": 5.0}),
            "mass": (
                "Isothermal",
                {"centre": (0.0, 0.0), "ell_comps": (0.1, 0.1), "einstein_radius": 0.6},
            ),
        },
        1.0,
    ),
}
SOURCES = [(0.1, 0.0), (0.02, 0.04), (-0.05, 0.03), (0.08, -0.06), (0.0, 0.0123), (0.25, 0.2)]
PRECISION = 0.001
NOISE = 0.02


def tracer_from(al, lens_name, point):
    components, z_source = LENSES[lens_name]
    lens = al.Galaxy(
        redshift=0.5, **{k: getattr(al.mp, cls)(**kw) for k, (cls, kw) in components.items()}
    )
    return al.Tracer(galaxies=[lens, al.Galaxy(redshift=z_source, point_0=point)])


def data_from(positions):
    """Fixed 'observed' data near the images (deterministic offsets), one per image."""
    offsets = np.array(
        [[0.011, -0.007], [-0.004, 0.013], [0.009, 0.006], [-0.012, -0.003], [0.002, 0.01]]
    )
    n = positions.shape[0]
    return positions + offsets[np.arange(n) % len(offsets)]


def main(out_path: str) -> None:
    import autolens as al

    if "site-packages" not in al.__file__:
        raise SystemExit(
            f"This must run the installed PyAutoLens release, not {al.__file__} (unset PYTHONPATH)."
        )

    grid = al.Grid2D.uniform(shape_native=(100, 100), pixel_scales=0.05)
    solver = al.PointSolver.for_grid(
        grid=grid, pixel_scale_precision=PRECISION, magnification_threshold=0.1
    )
    cases = []
    for lens_name in LENSES:
        for source in SOURCES:
            tracer = tracer_from(al, lens_name, al.ps.PointFlux(centre=source, flux=2.0))
            positions = np.asarray(solver.solve(tracer=tracer, source_plane_coordinate=source))
            positions = positions[np.all(np.isfinite(positions), axis=1)]
            case = {"lens": lens_name, "source": source, "positions": positions.tolist()}
            if positions.shape[0] > 0:
                grid_p = al.Grid2DIrregular(values=positions)
                calc = al.LensCalc.from_tracer(tracer=tracer, use_multi_plane=False)
                case["magnifications"] = np.asarray(
                    calc.magnification_2d_via_hessian_from(grid=grid_p)
                ).tolist()
                case["time_delays"] = np.asarray(tracer.time_delays_from(grid=grid_p)).tolist()
                data = data_from(positions)
                noise = al.ArrayIrregular(values=[NOISE] * positions.shape[0])
                d = al.Grid2DIrregular(values=data)
                fits = {}
                for cls in (
                    "FitPositionsImagePairAll",
                    "FitPositionsImagePair",
                    "FitPositionsImagePairRepeat",
                    "FitPositionsSource",
                ):
                    fit = getattr(al, cls)(
                        name="point_0", data=d, noise_map=noise, tracer=tracer, solver=solver
                    )
                    fits[cls] = float(fit.log_likelihood)
                fluxes = al.ArrayIrregular(values=list(2.0 * np.abs(case["magnifications"]) + 0.3))
                fits["FitFluxes"] = float(
                    al.FitFluxes(
                        name="point_0",
                        data=fluxes,
                        noise_map=al.ArrayIrregular(values=[0.5] * len(positions)),
                        positions=grid_p,
                        tracer=tracer,
                    ).log_likelihood
                )
                delays = al.ArrayIrregular(
                    values=list(np.asarray(case["time_delays"]) + np.arange(len(positions)))
                )
                fits["FitTimeDelays"] = float(
                    al.FitTimeDelays(
                        name="point_0",
                        data=delays,
                        noise_map=al.ArrayIrregular(values=[2.0] * len(positions)),
                        positions=d,
                        tracer=tracer,
                    ).log_likelihood
                )
                solved = tracer_from(al, lens_name, al.ps.PointSolved())
                for cls in ("FitPositionsSourceSolved",):
                    fits[cls] = float(
                        getattr(al, cls)(
                            name="point_0", data=d, noise_map=noise, tracer=solved, solver=solver
                        ).log_likelihood
                    )
                case["data"] = data.tolist()
                case["fits"] = fits
            cases.append(case)
    tracer = tracer_from(al, "sie_shear", al.ps.Point(centre=(0.02, 0.04)))
    samples = []
    for _ in range(7):
        start = time.perf_counter()
        solver.solve(tracer=tracer, source_plane_coordinate=(0.02, 0.04))
        samples.append(time.perf_counter() - start)
    result = {
        "version": al.__version__,
        "cases": cases,
        "solve_ms": 1e3 * statistics.median(samples),
    }
    directory = os.path.dirname(os.path.abspath(out_path))
    with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, suffix=".tmp") as handle:
        json.dump(result, handle)
    os.replace(handle.name, out_path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "point_reference.json")
