"""``subplot_fit_imaging`` of a galaxy-level ``FitImaging``: the 2x3 data / model / residuals
overview (the lens package adds source-plane panels)."""

from __future__ import annotations

from autoarray.plot.array_plot import draw_array
from autoarray.plot.imaging_plots import finish_subplots, subplot_figure
from autoarray.plot.output import save_figure


def data_panels_from(fit) -> list:
    """``[(title, array, draw keywords), ...]``: data, model image, signal-to-noise."""
    return [
        ("Data", fit.data, {}),
        ("Model Image", fit.model_data, {}),
        ("Signal-To-Noise Map", fit.signal_to_noise_map, {}),
    ]


def residual_panels_from(fit) -> list:
    """Normalised residuals (full and clipped to ±1σ) and χ²."""
    return [
        ("Normalized Residual Map", fit.normalized_residual_map, dict(symmetric=True)),
        (
            "Normalized Residual Map (1 sigma)",
            fit.normalized_residual_map,
            dict(vmin=-1.0, vmax=1.0),
        ),
        ("Chi-Squared Map", fit.chi_squared_map, {}),
    ]


def panels_figure(
    fit, panels: list, rows: int, cols: int, colormap=None, title_prefix: str | None = None
):
    """Draw ``panels`` on a ``rows x cols`` figure titled with the fit's log likelihood."""
    fig = subplot_figure(rows, cols)
    prefix = f"{title_prefix} " if title_prefix else ""
    for k, (title, array, kwargs) in enumerate(panels):
        ax = fig.add_subplot(rows, cols, k + 1)
        # A panel that is not an array (a mesh reconstruction) draws itself.
        if callable(getattr(array, "draw_on", None)):
            array.draw_on(ax, title=prefix + title, colormap=colormap, **kwargs)
            continue
        draw_array(ax, array, title=prefix + title, colormap=colormap, **kwargs)
    finish_subplots(fig, suptitle=f"{prefix}log L = {float(fit.log_likelihood):.3f}")
    return fig


def subplot_fit_imaging(
    fit,
    output_path=None,
    output_filename: str = "fit",
    output_format=None,
    colormap=None,
    title_prefix: str | None = None,
):
    """2x3 subplot of an imaging fit (data, model image, signal-to-noise, normalised residuals
    full and ±1σ, χ²), shown or written to ``output_path/fit.<format>``. Returns the written
    paths."""
    panels = data_panels_from(fit) + residual_panels_from(fit)
    fig = panels_figure(fit, panels, 2, 3, colormap=colormap, title_prefix=title_prefix)
    return save_figure(fig, output_path, output_filename, output_format)
