"""``positions.png``: the observed and model images over the critical curves, and the source
plane with the caustics and the source position (Matplotlib; written atomically)."""

from __future__ import annotations

import io

import numpy as np

import autoarray as aa
from autogalaxy.operate.lens_calc import LensCalc
from autolens.point.fit.abstract import extract_profile


def _curves(calc, grid, caustics: bool) -> list:
    try:
        if caustics:
            found = calc.tangential_caustic_list_from(grid=grid) + calc.radial_caustic_list_from(
                grid=grid
            )
        else:
            found = calc.tangential_critical_curve_list_from(
                grid=grid
            ) + calc.radial_critical_curve_list_from(grid=grid)
    except Exception:  # curves are decoration only (e.g. a lens without critical curves)
        return []
    return [np.asarray(aa.raw_array(c)) for c in found]


def positions_png(fit, file_path, solver=None, title_prefix: str | None = None) -> None:
    """Write ``file_path`` for a ``FitPointDataset`` (NumPy)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from autogalaxy.modeling.output import atomic_write_bytes

    tracer = fit.tracer
    dataset = fit.dataset
    solver = fit.solver if solver is None else solver
    _, plane_index, _ = extract_profile(tracer, dataset.name)
    calc = LensCalc.from_tracer(tracer, plane_j=plane_index)
    grid = aa.Grid2DIrregular([(solver.y_min, solver.x_min), (solver.y_max, solver.x_max)])
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 5))
    for curve in _curves(calc, grid, caustics=False):
        left.plot(curve[:, 1], curve[:, 0], color="grey", lw=1)
    data = dataset.positions.array
    left.errorbar(
        data[:, 1],
        data[:, 0],
        xerr=dataset.positions_noise_map.array,
        yerr=dataset.positions_noise_map.array,
        fmt="o",
        color="k",
        label="data",
    )
    positions = getattr(fit, "positions", None)
    if positions is not None and hasattr(positions, "model_data"):
        model = np.asarray(positions.model_data).reshape(-1, 2)
        left.plot(model[:, 1], model[:, 0], "x", color="C3", ms=9, label="model")
        source = np.asarray(positions.source_plane_coordinate).reshape(2)
        right.plot(source[1], source[0], "*", color="C3", ms=12, label="source")
    left.set_title("Image plane")
    left.legend(loc="upper right")
    for curve in _curves(calc, grid, caustics=True):
        right.plot(curve[:, 1], curve[:, 0], color="grey", lw=1)
    right.set_title("Source plane")
    for axis in (left, right):
        axis.set_aspect("equal")
        axis.set_xlabel("x (arcsec)")
        axis.set_ylabel("y (arcsec)")
    title = f"log L = {float(fit.log_likelihood):.4f}"
    figure.suptitle(f"{title_prefix} {title}" if title_prefix else title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    atomic_write_bytes(file_path, buffer.getvalue())
