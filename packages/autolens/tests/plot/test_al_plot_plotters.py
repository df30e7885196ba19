"""The plotter classes (``TracerPlotter``, ``FitImagingPlotter``, ``ImagingPlotter``) and the
model / samples figures, configured the way PyAutoLens scripts configure them."""

import numpy as np

import autolens as al
import autolens.plot as aplt
from autoarray.plot.array_plot import FIGSIZE
from autoarray.plot.imaging_plots import PANEL_SIZE


def _mat_plot(path):
    return aplt.MatPlot2D(output=aplt.Output(path=path, format="png"))


def test_tracer_plotter(tmp_path, png, tracer, grid):
    plotter = aplt.TracerPlotter(
        tracer=tracer,
        grid=grid,
        mat_plot_2d=_mat_plot(tmp_path),
        include_2d=aplt.Include2D(radial_critical_curves=False),
    )
    written = plotter.figures_2d(
        image=True,
        source_plane=True,
        convergence=True,
        potential=True,
        deflections_y=True,
        deflections_x=True,
        magnification=True,
    )
    assert sorted(p.name for p in written) == sorted(
        f"{name}.png"
        for name in (
            "image_2d",
            "source_plane",
            "convergence_2d",
            "potential_2d",
            "deflections_y_2d",
            "deflections_x_2d",
            "magnification_2d",
        )
    )
    for path in written:
        png(path, FIGSIZE)
    assert plotter.subplot_tracer() == [tmp_path / "subplot_tracer.png"]
    png(tmp_path / "subplot_tracer.png", (3 * PANEL_SIZE[0], 3 * PANEL_SIZE[1]))


def test_fit_imaging_plotter(tmp_path, png, fit):
    plotter = aplt.FitImagingPlotter(fit=fit, mat_plot_2d=_mat_plot(tmp_path))
    written = plotter.figures_2d(
        data=True,
        noise_map=True,
        signal_to_noise_map=True,
        model_image=True,
        residual_map=True,
        normalized_residual_map=True,
        chi_squared_map=True,
    )
    assert len(written) == 7
    for path in written:
        png(path, FIGSIZE)
    assert plotter.subplot_fit() == [tmp_path / "subplot_fit.png"]
    png(tmp_path / "subplot_fit.png", (4 * PANEL_SIZE[0], 3 * PANEL_SIZE[1]))


def test_imaging_plotter_with_script_overlays(tmp_path, png, dataset):
    visuals = aplt.Visuals2D(
        positions=[(0.8, 0.0), (-0.8, 0.0)],
        lines=[np.array([[0.0, -1.0], [0.0, 1.0]])],
        light_profile_centres=[],
    )
    assert visuals.overlays().keys() == {"positions", "lines"}
    plotter = aplt.ImagingPlotter(
        dataset=dataset, mat_plot_2d=_mat_plot(tmp_path), visuals_2d=visuals
    )
    assert plotter.figures_2d(data=True) == [tmp_path / "data.png"]
    png(tmp_path / "data.png", FIGSIZE)


def _model():
    lens = al.Model(al.Galaxy, redshift=0.5, mass=al.mp.Isothermal, shear=al.mp.ExternalShear)
    source = al.Model(al.Galaxy, redshift=1.0, bulge=al.lp.Sersic)
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


def test_model_plotter_figure(tmp_path, png):
    model = _model()
    figure = al.ModelPlotter(model).figure(path=tmp_path, format="png", detail="priors")
    width, height = figure.get_size_inches()
    png(tmp_path / "model.png", (width, height))
    assert al.ModelPlotter(model).figure() is None  # shown (a no-op on Agg)
    assert aplt.ModelPlotter(model).figure(format=None) is not None  # built, not written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.png"]


def test_corner_plot_of_samples(tmp_path, png):
    model = _model()
    rng = np.random.default_rng(3)
    samples = al.Samples(
        model=model,
        parameter_lists=rng.normal(size=(200, model.prior_count)),
        log_likelihood_list=rng.normal(size=200),
    )
    written = aplt.corner_cornerpy(
        samples, path=tmp_path, format="png", parameter_indices=[0, 1, 2]
    )
    assert written == [tmp_path / "corner.png"]
    png(tmp_path / "corner.png", (3 * 1.8 + 1.0, 3 * 1.8 + 1.0))
