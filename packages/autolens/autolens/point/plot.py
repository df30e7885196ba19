"""Figures of point-source datasets and fits (Matplotlib).

* :func:`fit_point_figure`: the image plane (observed positions with their noise, model images,
  critical curves of the point source's plane) next to the source plane (caustics, the model
  source position and the observed positions traced back to the source plane);
* :func:`dataset_point_figure`: the observed positions (with their noise) and, given a tracer,
  its critical curves;
* :func:`positions_png`: the fit figure written atomically (``AnalysisPoint.visualize``).

``aplt.subplot_fit_point`` / ``aplt.subplot_point_dataset`` and the plotter classes of
:mod:`autolens.plot.point_plots` wrap these.
"""

from __future__ import annotations

import io

import numpy as np

import autoarray as aa
from autogalaxy.operate.lens_calc import LensCalc
from autolens.point import polish
from autolens.point.fit.abstract import extract_profile

#: Inches per panel.
PANEL_SIZE = (5.0, 5.0)


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
    return [np.asarray(aa.raw_array(c)) for c in found if np.asarray(aa.raw_array(c)).size]


def _area_grid(solver, dataset):
    """Two corners spanning the solver's area (else the dataset's extent): the curves' grid."""
    if solver is not None:
        corners = [(solver.y_min, solver.x_min), (solver.y_max, solver.x_max)]
    else:
        y0, y1, x0, x1 = dataset.extent_from(buffer=0.5)
        corners = [(y0, x0), (y1, x1)]
    return aa.Grid2DIrregular(corners)


def _plot_observed(axis, dataset) -> None:
    data = np.asarray(dataset.positions.array).reshape(-1, 2)
    noise = np.asarray(dataset.positions_noise_map.array).reshape(-1)
    axis.errorbar(
        data[:, 1], data[:, 0], xerr=noise, yerr=noise, fmt="o", color="k", ms=5, label="observed"
    )
    for index, (y, x) in enumerate(data):
        axis.annotate(str(index + 1), (x, y), textcoords="offset points", xytext=(6, 6))


def _finish_axes(axes) -> None:
    for axis in axes:
        axis.set_aspect("equal", adjustable="datalim")
        axis.set_xlabel('x (")')
        axis.set_ylabel('y (")')


def fit_point_figure(fit, solver=None, title_prefix: str | None = None):
    """Figure of a NumPy ``FitPointDataset``: image plane and source plane panels."""
    import matplotlib.pyplot as plt

    tracer, dataset = fit.tracer, fit.dataset
    solver = getattr(fit, "solver", None) if solver is None else solver
    _, plane_index, _ = extract_profile(tracer, dataset.name)
    calc = LensCalc.from_tracer(
        tracer, use_multi_plane=tracer.total_planes > 2, plane_j=plane_index
    )
    grid = _area_grid(solver, dataset)
    figure, (left, right) = plt.subplots(1, 2, figsize=(2 * PANEL_SIZE[0], PANEL_SIZE[1]))
    for k, curve in enumerate(_curves(calc, grid, caustics=False)):
        left.plot(
            curve[:, 1],
            curve[:, 0],
            color="grey",
            lw=1,
            label="critical curves" if k == 0 else None,
        )
    _plot_observed(left, dataset)
    positions = getattr(fit, "positions", None)
    model = np.zeros((0, 2))
    if positions is not None and hasattr(positions, "model_data"):
        model = np.asarray(aa.raw_array(positions.model_data)).reshape(-1, 2)
        model = model[np.all(np.isfinite(model), axis=1)]
    if model.shape[0]:
        left.plot(model[:, 1], model[:, 0], "x", color="C3", ms=10, mew=2, label="model")
    left.set_title("Image plane")
    left.legend(loc="upper right", fontsize=8)

    for k, curve in enumerate(_curves(calc, grid, caustics=True)):
        right.plot(
            curve[:, 1], curve[:, 0], color="grey", lw=1, label="caustics" if k == 0 else None
        )
    data = np.asarray(dataset.positions.array).reshape(-1, 2)
    traced = np.asarray(polish.source_plane_points_from(tracer, data, plane_index))
    right.plot(traced[:, 1], traced[:, 0], "o", color="k", ms=4, label="observed, traced")
    source = getattr(positions, "source_plane_coordinate", None)
    if source is not None:
        source = np.asarray(aa.raw_array(source)).reshape(2)
        right.plot(source[1], source[0], "*", color="C3", ms=14, label="model source")
    right.set_title("Source plane")
    right.legend(loc="upper right", fontsize=8)
    _finish_axes((left, right))
    name = f"Fit of '{dataset.name}': log L = {float(fit.log_likelihood):.4f}"
    figure.suptitle(f"{title_prefix} {name}" if title_prefix else name)
    return figure


def dataset_point_figure(dataset, solver=None, tracer=None, title_prefix: str | None = None):
    """Figure of a ``PointDataset``: its positions (with noise) and, with a ``tracer``, the
    critical curves of its point source's plane."""
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(1, 1, figsize=PANEL_SIZE)
    if tracer is not None:
        _, plane_index, _ = extract_profile(tracer, dataset.name)
        calc = LensCalc.from_tracer(
            tracer, use_multi_plane=tracer.total_planes > 2, plane_j=plane_index
        )
        for k, curve in enumerate(_curves(calc, _area_grid(solver, dataset), caustics=False)):
            axis.plot(
                curve[:, 1],
                curve[:, 0],
                color="grey",
                lw=1,
                label="critical curves" if k == 0 else None,
            )
    _plot_observed(axis, dataset)
    axis.legend(loc="upper right", fontsize=8)
    _finish_axes((axis,))
    title = f"Dataset positions ({dataset.name})"
    axis.set_title(f"{title_prefix} {title}" if title_prefix else title)
    return figure


def positions_png(fit, file_path, solver=None, title_prefix: str | None = None) -> None:
    """Write :func:`fit_point_figure` of ``fit`` to ``file_path`` (PNG, atomically)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from autogalaxy.modeling.output import atomic_write_bytes

    figure = fit_point_figure(fit, solver=solver, title_prefix=title_prefix)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    atomic_write_bytes(file_path, buffer.getvalue())
