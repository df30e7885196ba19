"""``fit.png`` of an imaging fit (matplotlib, Agg backend, written atomically)."""

from __future__ import annotations

import io

import numpy as np


def _native(array) -> np.ndarray:
    """Native 2-D NumPy values of an ``Array2D`` (masked pixels NaN so they plot blank)."""
    native = np.asarray(array.native.array, dtype=float).copy()
    native[np.asarray(array.mask.array, dtype=bool)] = np.nan
    return native


def _extent(mask):
    ny, nx = mask.shape_native
    py, px = mask.pixel_scales
    oy, ox = mask.origin
    return (ox - nx * px / 2, ox + nx * px / 2, oy - ny * py / 2, oy + ny * py / 2)


def _zoomed(native, mask):
    """Crop to the bounding box of the unmasked pixels (plus a 1-pixel border)."""
    unmasked = ~np.asarray(mask.array, dtype=bool)
    rows, cols = np.nonzero(unmasked)
    if rows.size == 0:
        return native, _extent(mask)
    r0, r1 = max(rows.min() - 1, 0), min(rows.max() + 2, native.shape[0])
    c0, c1 = max(cols.min() - 1, 0), min(cols.max() + 2, native.shape[1])
    py, px = mask.pixel_scales
    x0, _, _, y1 = _extent(mask)
    extent = (x0 + c0 * px, x0 + c1 * px, y1 - r1 * py, y1 - r0 * py)
    return native[r0:r1, c0:c1], extent


def fit_panels_from(fit) -> list:
    """``[(title, native array, extent, cmap), ...]`` of the standard fit panels."""
    panels = []
    for title, array, cmap in (
        ("Data", fit.data, "viridis"),
        ("Model image", fit.model_data, "viridis"),
        ("Residuals", fit.residual_map, "coolwarm"),
        ("Normalized residuals", fit.normalized_residual_map, "coolwarm"),
        ("Chi-squared", fit.chi_squared_map, "magma"),
    ):
        native, extent = _zoomed(_native(array), array.mask)
        panels.append((title, native, extent, cmap))
    return panels


def figure_png_bytes(panels, suptitle=None, overlays=None) -> bytes:
    """Render panels side by side (2 rows) to PNG bytes with the Agg backend."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    overlays = overlays or {}
    n = len(panels)
    cols = int(np.ceil(n / 2))
    fig = Figure(figsize=(4.2 * cols, 8))
    FigureCanvasAgg(fig)
    for k, (title, native, extent, cmap) in enumerate(panels):
        ax = fig.add_subplot(2, cols, k + 1)
        finite = native[np.isfinite(native)]
        kwargs = {}
        if cmap == "coolwarm" and finite.size:
            limit = float(np.max(np.abs(finite))) or 1.0
            kwargs = {"vmin": -limit, "vmax": limit}
        image = ax.imshow(native, extent=extent, origin="upper", cmap=cmap, **kwargs)
        fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
        for curve in overlays.get(title, []):
            curve = np.asarray(curve)
            if curve.ndim == 2 and curve.shape[0] > 1:
                ax.plot(curve[:, 1], curve[:, 0], color="white", lw=1.0)
        ax.set_title(title)
        ax.set_xlabel("x (arcsec)")
        ax.set_ylabel("y (arcsec)")
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    return buffer.getvalue()


def fit_imaging_png(fit, file_path, title_prefix=None, extra_panels=None, overlays=None) -> None:
    """Write ``fit.png`` (data, model, residuals, normalised residuals, χ² + extras)."""
    from autogalaxy.modeling.output import atomic_write_bytes

    panels = fit_panels_from(fit) + list(extra_panels or [])
    title = f"log L = {float(fit.log_likelihood):.3f}"
    if title_prefix:
        title = f"{title_prefix} {title}"
    atomic_write_bytes(file_path, figure_png_bytes(panels, suptitle=title, overlays=overlays))
    from autogalaxy.imaging.model_json import make_readable

    make_readable(file_path)
