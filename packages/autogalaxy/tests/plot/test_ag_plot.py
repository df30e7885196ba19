"""``autogalaxy.plot``: galaxy fit subplot, corner plots and the model figure."""

import matplotlib.image
import numpy as np
import pytest

import autoarray as aa
import autogalaxy as ag
import autogalaxy.plot as aplt
from autoarray.plot.imaging_plots import PANEL_SIZE


def _png(path, size_inches):
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[:2] == (round(100 * size_inches[1]), round(100 * size_inches[0]))
    assert float(pixels[..., :3].std()) > 0.01
    return pixels


def _fit():
    grid = ag.Grid2D.uniform(shape_native=(14, 14), pixel_scales=0.2, over_sample_size=1)
    galaxy = ag.Galaxy(redshift=0.5, bulge=ag.lp.Sersic(intensity=1.0, effective_radius=0.4))
    psf = ag.Convolver.from_gaussian(shape_native=(3, 3), sigma=0.1, pixel_scales=0.2)
    dataset = ag.SimulatorImaging(exposure_time=300.0, psf=psf, noise_seed=1).via_galaxies_from(
        galaxies=[galaxy], grid=grid
    )
    mask = ag.Mask2D.circular(shape_native=(14, 14), pixel_scales=0.2, radius=1.0)
    return ag.FitImaging(dataset=dataset.apply_mask(mask), galaxies=[galaxy])


def test_galaxy_subplot_fit_imaging(tmp_path):
    assert aplt.subplot_fit_imaging(_fit(), output_path=tmp_path, output_format="png") == [
        tmp_path / "fit.png"
    ]
    _png(tmp_path / "fit.png", (3 * PANEL_SIZE[0], 2 * PANEL_SIZE[1]))


def _mge_model():
    gaussians = [ag.Model(ag.lp.Gaussian) for _ in range(4)]
    bulge = ag.Model(ag.lp_basis.Basis, profile_list=gaussians)
    return ag.Collection(
        galaxies=ag.Collection(
            lens=ag.Model(ag.Galaxy, redshift=0.5, bulge=bulge, mass=ag.mp.Isothermal)
        )
    )


def _texts(figure):
    return [t.get_text() for ax in figure.axes for t in ax.texts]


def test_model_plotter_collapses_repeated_components_and_folds_deep_ones():
    model = _mge_model()
    texts = _texts(ag.ModelPlotter(model).figure(format=None))
    assert any("4 x Gaussian" in t for t in texts)
    assert "mass: Isothermal" in texts and "einstein_radius" in texts
    expanded = _texts(ag.ModelPlotter(model).figure(format=None, collapse=False))
    assert sum(t.endswith(": Gaussian") for t in expanded) == 4
    folded = _texts(ag.ModelPlotter(model).figure(format=None, max_depth=1))
    assert any("priors" in t and "bulge" in t for t in folded)
    assert "einstein_radius" not in folded


def test_model_plotter_marks_fixed_shared_and_solved_parameters():
    model = _mge_model()
    model.galaxies.lens.mass.centre = model.galaxies.lens.bulge.profile_list[0].centre
    plotter = ag.ModelPlotter(model, solved_paths=["galaxies.lens.mass.einstein_radius"])
    figure = plotter.figure(format=None, detail="priors", show_fixed=False)
    texts = _texts(figure)
    assert "einstein_radius (solved)" in texts
    assert any(t.startswith("centre_0 ~") for t in texts)
    assert not any(t.startswith("redshift =") for t in texts)
    assert "fixed parameters hidden" in figure.texts[0].get_text()
    with pytest.raises(aa.exc.PlottingException, match="detail"):
        plotter.figure(format=None, detail="everything")


def test_corner_plot_refuses_too_few_samples(tmp_path):
    model = _mge_model()
    samples = ag.Samples(
        model=model, parameter_lists=np.zeros((1, model.prior_count)), log_likelihood_list=[0.0]
    )
    with pytest.raises(aa.exc.PlottingException, match="at least 2 samples"):
        aplt.corner_cornerpy(samples, path=tmp_path, format="png")
