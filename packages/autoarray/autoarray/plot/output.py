"""Where a figure goes: shown on screen, or written (atomically) to one or more files.

``Output``, ``MatPlot2D`` and ``Include2D`` are the configuration objects PyAutoLens scripts pass
to plotters (``mat_plot_2d=aplt.MatPlot2D(output=aplt.Output(path, filename, format="png"))``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import List, Sequence, Union

from autoarray import exc
from autoarray.io_util import atomic_write_bytes

#: Resolution of every written figure; with a fixed figure size (no ``bbox_inches="tight"``)
#: the pixel size of a PNG is ``figsize * DPI`` exactly, which the tests rely on.
DPI = 100
FORMATS = ("png", "pdf", "svg", "jpg", "eps")


def pyplot():
    """``matplotlib.pyplot``, imported only when a figure is made (plotting is optional)."""
    import matplotlib.pyplot as plt

    return plt


def show() -> None:
    """``plt.show()`` unless the backend is non-interactive (Agg, as in tests and on clusters:
    there it would only warn)."""
    import matplotlib

    if matplotlib.get_backend().lower() not in ("agg", "pdf", "svg", "ps", "cairo", "template"):
        pyplot().show()


def format_list_from(output_format) -> List[str]:
    """``None`` -> ``["show"]``; a string or list of strings -> validated list."""
    if output_format is None:
        return ["show"]
    formats = [output_format] if isinstance(output_format, str) else list(output_format)
    for fmt in formats:
        if fmt != "show" and fmt not in FORMATS:
            raise exc.PlottingException(
                f"output format {fmt!r} is not supported; expected 'show' or one of {FORMATS}"
            )
    return formats


def save_figure(fig, output_path, output_filename: str, output_format=None) -> List[Path]:
    """Show ``fig`` (no ``output_path``, or format ``"show"``) or write it atomically as
    ``output_path/output_filename.<format>`` for each format; the figure is closed afterwards.
    A folder with no format writes PNG. Returns the written paths."""
    return Output(path=output_path, filename=output_filename, format=output_format).to_figure(
        fig, output_filename
    )


class Output:
    """Where plotters write: ``path`` (folder), ``filename`` (stem, else the plot's own name),
    ``prefix`` / ``suffix`` around the stem, ``format`` (``"show"``, ``"png"``, ``"pdf"`` … or
    a list). ``format_folder=True`` puts each format in its own sub-folder; ``bypass=True``
    draws nothing (useful in loops)."""

    def __init__(
        self,
        path: Union[str, Path] | None = None,
        filename: str | None = None,
        prefix: str | None = None,
        suffix: str | None = None,
        format: Union[str, Sequence[str], None] = None,
        format_folder: bool = False,
        bypass: bool = False,
        bbox_inches: str = "tight",
        **kwargs,
    ):
        self.path = None if path is None else Path(path)
        self.filename = filename
        self.prefix = prefix or ""
        self.suffix = suffix or ""
        self.format_list = format_list_from(
            format if format is not None else ("png" if path is not None else "show")
        )
        self.format_folder = format_folder
        self.bypass = bypass
        self.bbox_inches = bbox_inches
        self.kwargs = kwargs

    @property
    def format(self) -> str:
        return self.format_list[0]

    def filename_from(self, auto_filename: str) -> str:
        return f"{self.prefix}{self.filename or auto_filename}{self.suffix}"

    def to_figure(self, fig, auto_filename: str) -> List[Path]:
        """Show or write ``fig`` as this output says; returns the written paths."""
        if self.bypass:
            pyplot().close(fig)
            return []
        if self.path is None:
            plt = pyplot()
            try:
                show()
            finally:
                plt.close(fig)
            return []
        written = []
        stem = self.filename_from(auto_filename)
        plt = pyplot()
        try:
            for fmt in self.format_list:
                if fmt == "show":
                    show()
                    continue
                folder = self.path / fmt if self.format_folder else self.path
                buffer = io.BytesIO()
                fig.savefig(buffer, format=fmt, dpi=DPI)
                atomic_write_bytes(folder / f"{stem}.{fmt}", buffer.getvalue())
                written.append(folder / f"{stem}.{fmt}")
        finally:
            plt.close(fig)
        return written

    def __repr__(self) -> str:
        return f"Output(path={self.path}, filename={self.filename}, format={self.format_list})"


class MatPlot2D:
    """Matplotlib settings of 2-D plots: the ``output``, a colormap (``cmap``), log10 stretch and
    extra keyword settings kept for scripts that pass PyAutoLens's wrapper objects (``Title``,
    ``YTicks`` …), which are accepted and ignored."""

    def __init__(self, output: Output | None = None, cmap=None, use_log10: bool = False, **kwargs):
        self.output = output if output is not None else Output()
        self.cmap = _cmap_name(cmap)
        self.use_log10 = use_log10
        self.kwargs = kwargs


class MatPlot1D(MatPlot2D):
    """1-D counterpart of :class:`MatPlot2D` (same settings)."""


def _cmap_name(cmap):
    """A colormap name from a string or a ``Cmap``-like object with ``cmap`` / ``kwargs``."""
    if cmap is None or isinstance(cmap, str):
        return cmap
    name = getattr(cmap, "cmap", None) or getattr(cmap, "kwargs", {}).get("cmap")
    return name if isinstance(name, str) else None


class Cmap:
    """Colormap setting (``aplt.Cmap(cmap="jet")``) accepted by :class:`MatPlot2D`."""

    def __init__(self, cmap: str = "default", **kwargs):
        self.cmap = cmap
        self.kwargs = kwargs


class Include2D:
    """Which overlays plotters draw (``mask``, ``border``, ``tangential_critical_curves`` …):
    every flag defaults to on; unknown flags are kept as attributes."""

    def __init__(self, **flags: bool):
        self.flags = flags
        for key, value in flags.items():
            setattr(self, key, value)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return True


class Visuals2D:
    """Extra overlays a script hands a plotter (``positions``, ``lines``, ``grid``, ``mask``);
    the plotters draw ``positions`` and ``lines`` on every single-panel figure. Other PyAutoLens
    visuals (``light_profile_centres`` …) are kept as attributes."""

    def __init__(self, positions=None, lines=None, grid=None, mask=None, **kwargs):
        self.positions = positions
        self.lines = lines
        self.grid = grid
        self.mask = mask
        for key, value in kwargs.items():
            setattr(self, key, value)

    def overlays(self) -> dict:
        """``draw_array`` keyword arguments of the overlays that are set."""
        values = dict(positions=self.positions, lines=self.lines, grid=self.grid, mask=self.mask)
        return {key: value for key, value in values.items() if value is not None}
