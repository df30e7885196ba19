"""``aplt`` point-source figures: ``subplot_fit_point``, ``subplot_point_dataset`` and the
plotter classes write PNGs of the expected size that show the curves and the positions."""

import numpy as np
import pytest

import autolens as al
import autolens.plot as aplt
from autolens.point.plot import PANEL_SIZE


@pytest.fixture(name="point_fit", scope="module")
def make_point_fit():
    lens = al.Galaxy(
        redshift=0.5,
        mass=al.mp.Isothermal(centre=(0.0, 0.0), ell_comps=(0.1, 0.0), einstein_radius=1.0),
    )
    tracer = al.Tracer([lens, al.Galaxy(redshift=1.0, point_0=al.ps.Point(centre=(0.03, 0.02)))])
    solver = al.PointSolver.for_limits_and_scale(-2.0, 2.0, -2.0, 2.0, scale=0.1)
    dataset = al.SimulatorPoint(solver, positions_noise_sigma=0.02).via_tracer_from(tracer)
    return al.FitPointDataset(
        dataset, tracer, solver, fit_positions_cls=al.FitPositionsImagePairAll
    )


def _dark_fraction(pixels) -> float:
    """Fraction of clearly non-white pixels (curves, markers, labels)."""
    return float(np.mean(pixels[..., :3].mean(axis=-1) < 0.8))


def test_subplot_fit_point(tmp_path, png, point_fit):
    written = aplt.subplot_fit_point(point_fit, output_path=tmp_path, output_format="png")
    assert written == [tmp_path / "fit.png"]
    pixels = png(tmp_path / "fit.png", (2 * PANEL_SIZE[0], PANEL_SIZE[1]))
    assert _dark_fraction(pixels) > 0.01


def test_subplot_fit_point_draws_the_critical_curves(tmp_path, point_fit):
    import matplotlib.pyplot as plt

    from autolens.point.plot import fit_point_figure

    figure = fit_point_figure(point_fit)
    image_plane, source_plane = figure.axes
    labels = [line.get_label() for line in image_plane.lines]
    assert "critical curves" in labels and "model" in labels
    assert "caustics" in [line.get_label() for line in source_plane.lines]
    model = [line for line in image_plane.lines if line.get_label() == "model"][0]
    assert len(model.get_xdata()) == point_fit.dataset.positions.array.shape[0]
    plt.close(figure)


def test_subplot_point_dataset(tmp_path, png, point_fit):
    aplt.subplot_point_dataset(point_fit.dataset, output_path=tmp_path, output_format="png")
    png(tmp_path / "dataset_point.png", PANEL_SIZE)
    aplt.subplot_point_dataset(
        point_fit.dataset,
        tracer=point_fit.tracer,
        output_path=tmp_path,
        output_filename="with_curves",
        output_format="png",
    )
    png(tmp_path / "with_curves.png", PANEL_SIZE)


def test_plotter_classes(tmp_path, point_fit, png_image):
    output = aplt.Output(path=tmp_path, format="png")
    aplt.FitPointDatasetPlotter(
        fit=point_fit, mat_plot_2d=aplt.MatPlot2D(output=output)
    ).subplot_fit()
    png_image(tmp_path / "subplot_fit_point.png")
    aplt.PointDatasetPlotter(
        dataset=point_fit.dataset, mat_plot_2d=aplt.MatPlot2D(output=output)
    ).subplot_dataset()
    png_image(tmp_path / "subplot_dataset_point.png")
