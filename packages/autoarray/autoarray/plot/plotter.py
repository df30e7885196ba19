"""``AbstractPlotter``: what every plotter class shares (settings, overlays, one-panel figures)."""

from __future__ import annotations

from autoarray.plot.array_plot import FIGSIZE, draw_array
from autoarray.plot.output import MatPlot2D, Visuals2D, pyplot


class AbstractPlotter:
    """Holds ``mat_plot_2d`` (where figures go, colormap, log10), ``include_2d`` (which automatic
    overlays are drawn) and ``visuals_2d`` (overlays given by the script)."""

    def __init__(
        self,
        mat_plot_2d: MatPlot2D | None = None,
        include_2d=None,
        visuals_2d: Visuals2D | None = None,
    ):
        self.mat_plot_2d = mat_plot_2d if mat_plot_2d is not None else MatPlot2D()
        self.include_2d = include_2d
        self.visuals_2d = visuals_2d if visuals_2d is not None else Visuals2D()

    def _single(self, array, title: str, auto_filename: str, **kwargs) -> list:
        """One panel of ``array`` with the script's overlays, written through the output."""
        overlays = self.visuals_2d.overlays()
        if "lines" in overlays and kwargs.get("lines"):
            overlays["lines"] = list(kwargs.pop("lines")) + list(overlays["lines"])
        kwargs = {**kwargs, **overlays}
        kwargs.setdefault("use_log10", self.mat_plot_2d.use_log10)
        fig = pyplot().figure(figsize=FIGSIZE)
        try:
            draw_array(
                fig.add_subplot(1, 1, 1),
                array,
                title=title,
                colormap=self.mat_plot_2d.cmap,
                **kwargs,
            )
            fig.tight_layout()
        except BaseException:
            pyplot().close(fig)
            raise
        return self.mat_plot_2d.output.to_figure(fig, auto_filename)

    def _include(self, name: str) -> bool:
        return self.include_2d is None or bool(getattr(self.include_2d, name, True))
