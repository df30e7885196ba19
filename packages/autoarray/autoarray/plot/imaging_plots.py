"""``subplot_imaging_dataset`` and the ``ImagingPlotter`` class of an ``Imaging`` dataset."""

from __future__ import annotations

from autoarray.plot.array_plot import draw_array
from autoarray.plot.output import MatPlot2D, pyplot, save_figure
from autoarray.plot.plotter import AbstractPlotter

#: Size (inches) of one panel of a subplot.
PANEL_SIZE = (4.5, 4.0)


def subplot_figure(rows: int, cols: int):
    """A pyplot figure sized for ``rows x cols`` panels."""
    return pyplot().figure(figsize=(PANEL_SIZE[0] * cols, PANEL_SIZE[1] * rows))


def finish_subplots(fig, suptitle=None) -> None:
    """Fixed panel spacing (``tight_layout`` would render every panel twice: seconds per
    subplot)."""
    top = 0.93 if suptitle else 0.96
    if suptitle:
        fig.suptitle(suptitle)
    fig.subplots_adjust(left=0.06, right=0.95, bottom=0.05, top=top, wspace=0.5, hspace=0.3)


def imaging_panels_from(dataset) -> list:
    """``[(title, array, use_log10), ...]`` of the dataset's panels, PyAutoLens's order."""
    from autoarray.structures.arrays.uniform_2d import Array2D

    panels = [
        ("Data", dataset.data, False),
        ("Data (log10)", dataset.data, True),
        ("Noise-Map", dataset.noise_map, False),
    ]
    if dataset.psf is not None:
        panels += [
            ("Point Spread Function", dataset.psf.kernel, False),
            ("PSF (log10)", dataset.psf.kernel, True),
        ]
    panels.append(("Signal-To-Noise Map", dataset.signal_to_noise_map, False))
    sizes = dataset.grids.lp.over_sample_size
    sizes = getattr(sizes, "array", sizes)
    import numpy as np

    sizes = np.broadcast_to(np.asarray(sizes, dtype=float), (dataset.mask.pixels_in_mask,))
    panels.append(("Over Sample Size (Light Profiles)", Array2D(sizes, dataset.mask), False))
    return panels


def imaging_dataset_figure(
    dataset,
    colormap=None,
    use_log10: bool = False,
    grid=None,
    positions=None,
    lines=None,
    title_prefix: str | None = None,
):
    """The 3x3 dataset figure (not yet saved)."""
    fig = subplot_figure(3, 3)
    prefix = f"{title_prefix} " if title_prefix else ""
    for k, (title, array, log10) in enumerate(imaging_panels_from(dataset)):
        is_psf = "PSF" in title or "Spread" in title
        overlays = {} if is_psf else dict(grid=grid, positions=positions, lines=lines)
        draw_array(
            fig.add_subplot(3, 3, k + 1),
            array,
            title=prefix + title,
            colormap=colormap,
            use_log10=log10 or use_log10,
            **overlays,
        )
    finish_subplots(fig)
    return fig


def subplot_imaging_dataset(
    dataset,
    output_path=None,
    output_filename: str = "dataset",
    output_format=None,
    colormap=None,
    use_log10: bool = False,
    grid=None,
    positions=None,
    lines=None,
    title_prefix: str | None = None,
):
    """3x3 subplot of an ``Imaging`` dataset: data (linear and log10), noise map, PSF (linear and
    log10), signal-to-noise map and light-profile over-sampling sizes, shown or written to
    ``output_path/output_filename.<format>``. Returns the written paths."""
    fig = imaging_dataset_figure(
        dataset,
        colormap=colormap,
        use_log10=use_log10,
        grid=grid,
        positions=positions,
        lines=lines,
        title_prefix=title_prefix,
    )
    return save_figure(fig, output_path, output_filename, output_format)


class ImagingPlotter(AbstractPlotter):
    """Plots of an ``Imaging`` dataset: ``figures_2d(data=True, ...)`` writes single panels and
    ``subplot_dataset()`` the 3x3 overview, each through ``mat_plot_2d.output``."""

    def __init__(
        self,
        dataset,
        mat_plot_2d: MatPlot2D | None = None,
        include_2d=None,
        visuals_2d=None,
        **kwargs,
    ):
        super().__init__(mat_plot_2d, include_2d, visuals_2d)
        self.dataset = dataset

    def figures_2d(
        self,
        data: bool = False,
        noise_map: bool = False,
        psf: bool = False,
        signal_to_noise_map: bool = False,
        title_str: str | None = None,
    ) -> list:
        """One figure per flag that is on; returns the written paths."""
        dataset = self.dataset
        wanted = [
            (data, dataset.data, "Data", "data"),
            (noise_map, dataset.noise_map, "Noise-Map", "noise_map"),
            (
                signal_to_noise_map,
                dataset.signal_to_noise_map,
                "Signal-To-Noise Map",
                "signal_to_noise_map",
            ),
        ]
        if psf and dataset.psf is not None:
            wanted.append((True, dataset.psf.kernel, "Point Spread Function", "psf"))
        written = []
        for on, array, title, name in wanted:
            if on:
                written += self._single(array, title_str or title, name)
        return written

    def subplot_dataset(self) -> list:
        """The 3x3 dataset overview (``subplot_dataset.<format>``)."""
        fig = imaging_dataset_figure(
            self.dataset, colormap=self.mat_plot_2d.cmap, use_log10=self.mat_plot_2d.use_log10
        )
        return self.mat_plot_2d.output.to_figure(fig, "subplot_dataset")

    subplot = subplot_dataset
