import autoarray as aa
from autoarray.plot import ImagingPlotter, MatPlot2D, Output, subplot_imaging_dataset
from autoarray.plot.array_plot import FIGSIZE
from autoarray.plot.imaging_plots import PANEL_SIZE

SUBPLOT_3X3 = (3 * PANEL_SIZE[0], 3 * PANEL_SIZE[1])


def test_subplot_imaging_dataset(tmp_path, png, dataset):
    written = subplot_imaging_dataset(
        dataset, output_path=tmp_path, output_format="png", title_prefix="Test"
    )
    assert written == [tmp_path / "dataset.png"]
    png(tmp_path / "dataset.png", SUBPLOT_3X3)


def test_imaging_plotter_figures_and_subplot(tmp_path, png, dataset):
    plotter = ImagingPlotter(
        dataset=dataset,
        mat_plot_2d=MatPlot2D(output=Output(path=tmp_path, format="png")),
        include_2d=aa.plot.Include2D(),
    )
    written = plotter.figures_2d(data=True, noise_map=True, psf=True, signal_to_noise_map=True)
    assert sorted(p.name for p in written) == [
        "data.png",
        "noise_map.png",
        "psf.png",
        "signal_to_noise_map.png",
    ]
    for path in written:
        png(path, FIGSIZE)
    assert plotter.subplot_dataset() == [tmp_path / "subplot_dataset.png"]
    png(tmp_path / "subplot_dataset.png", SUBPLOT_3X3)
