"""``VisualizerImaging``: what a lens fit writes into its output folder."""

import matplotlib.image
import numpy as np
from astropy.io import fits

import autolens as al
from autolens.imaging.visualizer import VisualizerImaging


def _analysis():
    grid = al.Grid2D.uniform(shape_native=(16, 16), pixel_scales=0.15, over_sample_size=1)
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(einstein_radius=0.7)),
            al.Galaxy(redshift=1.0, bulge=al.lp.Sersic(intensity=1.0, effective_radius=0.2)),
        ]
    )
    psf = al.Convolver.from_gaussian(shape_native=(3, 3), sigma=0.1, pixel_scales=0.15)
    dataset = al.SimulatorImaging(exposure_time=300.0, psf=psf, noise_seed=2).via_tracer_from(
        tracer=tracer, grid=grid
    )
    mask = al.Mask2D.circular(shape_native=(16, 16), pixel_scales=0.15, radius=1.0)
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(al.Galaxy, redshift=0.5, mass=al.mp.IsothermalSph),
            source=al.Model(al.Galaxy, redshift=1.0, bulge=al.lp_linear.Sersic),
        )
    )
    return al.AnalysisImaging(dataset=dataset.apply_mask(mask)), model


def _image(path):
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[0] > 500 and float(pixels[..., :3].std()) > 0.01
    return pixels


def test_visualize_before_fit_writes_the_dataset(tmp_path):
    analysis, model = _analysis()
    analysis.visualize_before_fit(tmp_path, model)
    _image(tmp_path / "image" / "dataset.png")
    with fits.open(tmp_path / "image" / "dataset.fits") as hdul:
        assert [h.name for h in hdul] == ["MASK", "DATA", "PSF", "NOISE_MAP"]
        np.testing.assert_array_equal(hdul["DATA"].data, analysis.dataset.data.native.array)


def test_visualize_writes_fit_and_tracer_images_atomically(tmp_path):
    analysis, model = _analysis()
    instance = model.instance_from_prior_medians()
    analysis.visualize(tmp_path, instance)
    top = _image(tmp_path / "fit.png")
    assert top.shape[:2] == (1200, 1800)  # the 3x4 aplt.subplot_fit_imaging figure
    np.testing.assert_array_equal(_image(tmp_path / "image" / "fit.png"), top)
    assert _image(tmp_path / "image" / "tracer.png").shape[:2] == (1200, 1350)
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_quick_update_writes_only_fit_png(tmp_path):
    analysis, model = _analysis()
    written = VisualizerImaging.visualize(
        analysis, tmp_path, model.instance_from_prior_medians(), quick_update=True
    )
    assert written == [tmp_path / "fit.png"]
    assert not (tmp_path / "image").exists()
