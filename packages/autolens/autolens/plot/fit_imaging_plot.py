"""``fit_png``: write a lens fit's ``aplt.subplot_fit_imaging`` figure to an exact file path."""

from __future__ import annotations

import io

from autoarray.io_util import atomic_write_bytes
from autoarray.plot.output import DPI, pyplot
from autolens.plot.fit_imaging_plots import fit_imaging_figure


def fit_png(fit, file_path, title_prefix=None) -> None:
    """Write the fit subplot of a lens ``FitImaging`` to ``file_path`` (PNG) atomically."""
    fig = fit_imaging_figure(fit, title_prefix=title_prefix)
    try:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI)
    finally:
        pyplot().close(fig)
    atomic_write_bytes(file_path, buffer.getvalue())
