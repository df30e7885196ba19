"""Plotter classes of PyAutoLens's object API: ``TracerPlotter`` and ``FitImagingPlotter``.

Each plotter holds one object and a ``MatPlot2D`` whose ``Output`` says where figures go;
``figures_2d(name=True, ...)`` draws single panels and ``subplot_*`` the overviews.
"""

from __future__ import annotations

from autoarray.plot.output import MatPlot2D
from autoarray.plot.plotter import AbstractPlotter
from autolens.plot.fit_imaging_plots import fit_imaging_figure
from autolens.plot.lensing_lines import (
    caustics_from,
    critical_curves_from,
    zoomed_source_plane_image_from,
)
from autolens.plot.tracer_plots import tracer_arrays_from, tracer_figure


class TracerPlotter(AbstractPlotter):
    """Plots of a ``Tracer`` on an image-plane ``grid``."""

    def __init__(
        self,
        tracer,
        grid,
        mat_plot_2d: MatPlot2D | None = None,
        include_2d=None,
        visuals_2d=None,
        **kwargs,
    ):
        super().__init__(mat_plot_2d, include_2d, visuals_2d)
        self.tracer = tracer
        self.grid = grid

    def _critical_curves(self) -> list:
        if not self._include("tangential_critical_curves"):
            return []
        tangential, radial = critical_curves_from(self.tracer, self.grid)
        return tangential + (radial if self._include("radial_critical_curves") else [])

    def figures_2d(
        self,
        image: bool = False,
        source_plane: bool = False,
        convergence: bool = False,
        potential: bool = False,
        deflections_y: bool = False,
        deflections_x: bool = False,
        magnification: bool = False,
        title_suffix: str = "",
    ) -> list:
        """One figure per flag that is on (``image_2d``, ``source_plane``, ``convergence_2d``,
        ``potential_2d``, ``deflections_y_2d``, ``deflections_x_2d``, ``magnification_2d``);
        returns the written paths."""
        wanted = {
            "image": image,
            "convergence": convergence,
            "potential": potential,
            "deflections_y": deflections_y,
            "deflections_x": deflections_x,
            "magnification": magnification,
        }
        written = []
        if any(wanted.values()):
            arrays = tracer_arrays_from(self.tracer, self.grid)
            lines = self._critical_curves()
            for name, on in wanted.items():
                if on:
                    title = name.replace("_", " ").title() + title_suffix
                    written += self._single(arrays[name], title, f"{name}_2d", lines=lines)
        if source_plane:
            tangential, radial = critical_curves_from(self.tracer, self.grid)
            t_c, r_c = caustics_from(self.tracer, self.grid, critical_curves=(tangential, radial))
            caustics = t_c + r_c if self._include("tangential_caustics") else []
            plane = zoomed_source_plane_image_from(self.tracer, self.grid, lines=t_c)
            written += self._single(
                plane, "Source Plane Image" + title_suffix, "source_plane", lines=caustics
            )
        return written

    def subplot_tracer(self) -> list:
        """The 3x3 tracer overview (``subplot_tracer.<format>``)."""
        fig = tracer_figure(
            self.tracer,
            self.grid,
            colormap=self.mat_plot_2d.cmap,
            use_log10=self.mat_plot_2d.use_log10,
        )
        return self.mat_plot_2d.output.to_figure(fig, "subplot_tracer")

    subplot = subplot_tracer


class FitImagingPlotter(AbstractPlotter):
    """Plots of a lens ``FitImaging``."""

    def __init__(
        self, fit, mat_plot_2d: MatPlot2D | None = None, include_2d=None, visuals_2d=None, **kwargs
    ):
        super().__init__(mat_plot_2d, include_2d, visuals_2d)
        self.fit = fit

    def figures_2d(
        self,
        data: bool = False,
        noise_map: bool = False,
        signal_to_noise_map: bool = False,
        model_image: bool = False,
        residual_map: bool = False,
        normalized_residual_map: bool = False,
        chi_squared_map: bool = False,
        title_suffix: str = "",
    ) -> list:
        """One figure per flag that is on (file names as the flags); returns the written
        paths."""
        fit = self.fit
        wanted = [
            (data, fit.data, "Data", "data", {}),
            (noise_map, fit.noise_map, "Noise-Map", "noise_map", {}),
            (
                signal_to_noise_map,
                fit.signal_to_noise_map,
                "Signal-To-Noise Map",
                "signal_to_noise_map",
                {},
            ),
            (model_image, fit.model_data, "Model Image", "model_image", {}),
            (residual_map, fit.residual_map, "Residual Map", "residual_map", dict(symmetric=True)),
            (
                normalized_residual_map,
                fit.normalized_residual_map,
                "Normalized Residual Map",
                "normalized_residual_map",
                dict(symmetric=True),
            ),
            (chi_squared_map, fit.chi_squared_map, "Chi-Squared Map", "chi_squared_map", {}),
        ]
        written = []
        for on, array, title, name, kwargs in wanted:
            if on:
                written += self._single(array, title + title_suffix, name, **kwargs)
        return written

    def subplot_fit(self, plane_index: int | None = None) -> list:
        """The fit overview (``subplot_fit.<format>``)."""
        fig = fit_imaging_figure(self.fit, colormap=self.mat_plot_2d.cmap, plane_index=plane_index)
        return self.mat_plot_2d.output.to_figure(fig, "subplot_fit")

    subplot = subplot_fit
    subplot_fit_imaging = subplot_fit
