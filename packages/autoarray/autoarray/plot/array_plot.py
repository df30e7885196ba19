"""``plot_array`` / ``plot_grid``: one ``Array2D`` or grid on matplotlib axes, with overlays.

The drawing functions (``draw_array``, ``draw_grid``) take an existing ``Axes`` so subplots reuse
them; the ``plot_*`` entry points make a figure and save it through :mod:`.output`.
"""

from __future__ import annotations

from typing import Sequence, Tuple

import numpy as np

from autoarray import exc
from autoarray.plot.output import pyplot, save_figure

#: Figure size (inches) of a single-panel plot.
FIGSIZE = (7.0, 6.0)
#: ``colormap="default"`` is PyAutoLens's default colormap.
DEFAULT_CMAP = "jet"
#: log10 plots clip values below this fraction of the maximum (zeros and negatives have no log).
LOG10_FLOOR = 1.0e-4


def points_from(values) -> np.ndarray:
    """``(N, 2)`` (y, x) NumPy points of a grid, irregular grid, list of tuples or ndarray."""
    raw = getattr(values, "array", values)
    points = np.asarray(raw, dtype=float)
    if points.ndim == 3:  # a native (ny, nx, 2) grid
        points = points.reshape(-1, 2)
    if points.ndim != 2 or points.shape[1] != 2:
        raise exc.PlottingException(
            f"expected (y, x) points of shape (N, 2), got an array of shape {points.shape}"
        )
    return points


def line_list_from(lines) -> list:
    """A list of ``(N, 2)`` (y, x) curves from one curve or a list of curves (``None`` -> [])."""
    if lines is None:
        return []
    if hasattr(lines, "array") or (isinstance(lines, np.ndarray) and lines.ndim == 2):
        return [points_from(lines)]
    return [points_from(line) for line in lines if len(getattr(line, "array", line)) > 1]


def native_and_extent_from(array, zoom: bool = True) -> Tuple[np.ndarray, tuple | None]:
    """Native 2-D NumPy values (masked pixels NaN) and their ``imshow`` extent in arc-seconds,
    cropped to the unmasked region (plus one pixel) when ``zoom`` is on."""
    from autoarray.mask.mask_2d import Mask2D

    if isinstance(array, Mask2D):
        return np.asarray(array.array, dtype=float), _extent(
            array, 0, array.shape_native[0], 0, array.shape_native[1]
        )
    mask = getattr(array, "mask", None)
    if mask is None or not hasattr(array, "native"):
        native = np.asarray(getattr(array, "array", array), dtype=float)
        if native.ndim != 2:
            raise exc.PlottingException(
                f"plot_array needs a 2-D array (Array2D or native ndarray), got shape "
                f"{native.shape}"
            )
        return native, None
    native = np.asarray(array.native.array, dtype=float).copy()
    masked = np.asarray(mask.array, dtype=bool)
    native[masked] = np.nan
    rows, cols = np.nonzero(~masked)
    if not zoom or rows.size == 0:
        return native, _extent(mask, 0, native.shape[0], 0, native.shape[1])
    r0, r1 = max(rows.min() - 1, 0), min(rows.max() + 2, native.shape[0])
    c0, c1 = max(cols.min() - 1, 0), min(cols.max() + 2, native.shape[1])
    return native[r0:r1, c0:c1], _extent(mask, r0, r1, c0, c1)


def _extent(mask, r0, r1, c0, c1) -> tuple:
    """(x0, x1, y0, y1) of native rows ``r0:r1`` and columns ``c0:c1`` (row 0 is the top)."""
    ny, nx = mask.shape_native
    py, px = mask.pixel_scales
    oy, ox = mask.origin
    x_left, y_top = ox - 0.5 * nx * px, oy + 0.5 * ny * py
    return (x_left + c0 * px, x_left + c1 * px, y_top - r1 * py, y_top - r0 * py)


def _norm_from(values, use_log10, vmin, vmax, symmetric):
    from matplotlib.colors import LogNorm, Normalize

    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return Normalize(vmin=0.0, vmax=1.0)
    if use_log10:
        top = float(vmax if vmax is not None else finite.max())
        if top <= 0.0:
            return Normalize(vmin=float(finite.min()), vmax=float(finite.max()))
        positive = finite[finite > 0.0]
        bottom = (
            max(float(positive.min()), top * LOG10_FLOOR) if positive.size else top * LOG10_FLOOR
        )
        return LogNorm(vmin=vmin if vmin is not None else bottom, vmax=top)
    if symmetric:
        limit = float(np.max(np.abs(finite))) or 1.0
        return Normalize(vmin=-limit, vmax=limit)
    low = float(finite.min()) if vmin is None else vmin
    high = float(finite.max()) if vmax is None else vmax
    if high <= low:
        high = low + 1.0
    return Normalize(vmin=low, vmax=high)


def draw_lines(ax, lines, line_colors=None, default_color="white", linewidth=1.5) -> None:
    """Overlay curves (critical curves, caustics, any (y, x) line) on ``ax``."""
    for k, line in enumerate(line_list_from(lines)):
        color = default_color
        if line_colors is not None and len(line_colors) > 0:
            color = line_colors[k % len(line_colors)]
        ax.plot(line[:, 1], line[:, 0], color=color, lw=linewidth)


def draw_array(
    ax,
    array,
    title: str = "",
    colormap: str | None = "default",
    use_log10: bool = False,
    vmin: float | None = None,
    vmax: float | None = None,
    symmetric: bool = False,
    positions=None,
    lines=None,
    line_colors: Sequence[str] | None = None,
    grid=None,
    mask=None,
    cb_unit: str | None = None,
    zoom: bool = True,
):
    """Draw ``array`` with a colorbar and overlays on ``ax``; returns the image artist."""
    native, extent = native_and_extent_from(array, zoom=zoom)
    cmap = DEFAULT_CMAP if colormap in (None, "default") else colormap
    values = np.where(native > 0.0, native, np.nan) if use_log10 else native
    image = ax.imshow(
        values,
        extent=extent,
        origin="upper",
        cmap=cmap,
        aspect="auto",
        norm=_norm_from(values, use_log10, vmin, vmax, symmetric),
    )
    colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    if use_log10:
        from matplotlib.ticker import NullFormatter

        # minor log ticks are labelled with mathtext by default: slow and cluttered
        colorbar.ax.yaxis.set_minor_formatter(NullFormatter())
    if cb_unit:
        colorbar.set_label(cb_unit)
    own_mask = getattr(array, "mask", None)
    edge_mask = mask if mask is not None else own_mask
    if edge_mask is not None and hasattr(edge_mask, "derive_grid") and edge_mask.array.any():
        edge = points_from(edge_mask.derive_grid.edge)
        ax.scatter(edge[:, 1], edge[:, 0], s=1, c="k")
    if grid is not None:
        points = points_from(grid)
        ax.scatter(points[:, 1], points[:, 0], s=1, c="k")
    if positions is not None:
        for group in (
            line_list_from(positions) if _is_grouped(positions) else [points_from(positions)]
        ):
            ax.scatter(group[:, 1], group[:, 0], s=25, c="w", edgecolors="k")
    draw_lines(ax, lines, line_colors)
    if extent is not None:
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_xlabel('x (")')
        ax.set_ylabel('y (")')
    ax.set_title(title)
    return image


def _is_grouped(positions) -> bool:
    """A list of groups of points (not one (N, 2) array / grid)."""
    if hasattr(positions, "array") or isinstance(positions, np.ndarray):
        return False
    return len(positions) > 0 and np.ndim(getattr(positions[0], "array", positions[0])) == 2


def draw_grid(ax, grid, title: str = "", lines=None, color="k", size: float = 2.0) -> None:
    """Scatter the (y, x) points of ``grid`` on ``ax`` (x horizontal, y vertical)."""
    points = points_from(grid)
    ax.scatter(points[:, 1], points[:, 0], s=size, c=color)
    draw_lines(ax, lines, default_color="r")
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_xlabel('x (")')
    ax.set_ylabel('y (")')
    ax.set_title(title)


def plot_array(
    array,
    title: str = "",
    output_path=None,
    output_filename: str = "array",
    output_format=None,
    colormap: str | None = "default",
    use_log10: bool = False,
    vmin: float | None = None,
    vmax: float | None = None,
    symmetric: bool = False,
    positions=None,
    lines=None,
    line_colors=None,
    grid=None,
    mask=None,
    cb_unit: str | None = None,
    ax=None,
    arcsec_after_decimal=None,
):
    """Plot an ``Array2D`` (or a native 2-D array, or a ``Mask2D``): onto ``ax`` if given (the
    caller saves), else to ``output_path/output_filename.<output_format>`` (atomically) or the
    screen. Returns the written paths (``[]`` when drawn on ``ax`` or shown)."""
    kwargs = dict(
        title=title,
        colormap=colormap,
        use_log10=use_log10,
        vmin=vmin,
        vmax=vmax,
        symmetric=symmetric,
        positions=positions,
        lines=lines,
        line_colors=line_colors,
        grid=grid,
        mask=mask,
        cb_unit=cb_unit,
    )
    if ax is not None:
        draw_array(ax, array, **kwargs)
        return []
    return _single_panel(
        lambda ax: draw_array(ax, array, **kwargs), output_path, output_filename, output_format
    )


def plot_grid(
    grid,
    title: str = "",
    output_path=None,
    output_filename: str = "grid",
    output_format=None,
    lines=None,
    ax=None,
):
    """Scatter plot of a grid's (y, x) points (same output rules as :func:`plot_array`)."""
    if ax is not None:
        draw_grid(ax, grid, title=title, lines=lines)
        return []
    return _single_panel(
        lambda ax: draw_grid(ax, grid, title=title, lines=lines),
        output_path,
        output_filename,
        output_format,
    )


def _single_panel(draw, output_path, output_filename, output_format) -> list:
    """Make a one-panel figure, ``draw(ax)`` on it and save it (closed if drawing fails)."""
    plt = pyplot()
    fig = plt.figure(figsize=FIGSIZE)
    try:
        draw(fig.add_subplot(1, 1, 1))
        fig.tight_layout()
    except BaseException:
        plt.close(fig)
        raise
    return save_figure(fig, output_path, output_filename, output_format)
