"""Every ``aplt`` function entry point writes a PNG (or FITS) of the expected size."""

import numpy as np
from astropy.io import fits

import autolens as al
import autolens.plot as aplt
from autoarray.plot.array_plot import FIGSIZE
from autoarray.plot.imaging_plots import PANEL_SIZE


def _panels(rows, cols):
    return (cols * PANEL_SIZE[0], rows * PANEL_SIZE[1])


def test_plot_array_and_plot_grid(tmp_path, png, tracer, grid):
    assert aplt.plot_array(
        array=tracer.image_2d_from(grid=grid),
        title="Image",
        output_path=tmp_path,
        output_format="png",
    ) == [tmp_path / "array.png"]
    png(tmp_path / "array.png", FIGSIZE)
    aplt.plot_grid(grid=grid, output_path=tmp_path, output_format="png")
    png(tmp_path / "grid.png", FIGSIZE)


def test_subplot_imaging_dataset_and_its_old_name(tmp_path, png, dataset):
    aplt.subplot_imaging_dataset(dataset=dataset, output_path=tmp_path, output_format="png")
    png(tmp_path / "dataset.png", _panels(3, 3))
    aplt.subplot_imaging(
        dataset=dataset, output_path=tmp_path, output_filename="old", output_format="png"
    )
    png(tmp_path / "old.png", _panels(3, 3))


def test_subplot_tracer(tmp_path, png, tracer, grid):
    written = aplt.subplot_tracer(
        tracer=tracer, grid=grid, output_path=tmp_path, output_format="png", positions=[(0.8, 0.0)]
    )
    assert written == [tmp_path / "tracer.png"]
    png(tmp_path / "tracer.png", _panels(3, 3))


def test_subplot_fit_imaging(tmp_path, png, fit):
    assert aplt.subplot_fit_imaging(fit=fit, output_path=tmp_path, output_format="png") == [
        tmp_path / "fit.png"
    ]
    png(tmp_path / "fit.png", _panels(3, 4))


def test_subplot_fit_imaging_of_a_one_plane_fit(tmp_path, png, dataset):
    fit = al.FitImaging(
        dataset=dataset,
        tracer=al.Tracer(
            galaxies=[
                al.Galaxy(redshift=0.5, bulge=al.lp.Sersic(intensity=1.0, effective_radius=0.5))
            ]
        ),
    )
    aplt.subplot_fit_imaging(fit=fit, output_path=tmp_path, output_format="png")
    png(tmp_path / "fit.png", _panels(2, 3))


def test_critical_curves_and_caustics(tmp_path, png, tracer, grid):
    aplt.plot_critical_curves(
        tracer=tracer,
        grid=grid,
        image=tracer.image_2d_from(grid=grid),
        output_path=tmp_path,
        output_format="png",
    )
    png(tmp_path / "cluster_critical_curves.png", FIGSIZE)
    aplt.plot_caustics(tracer=tracer, grid=grid, output_path=tmp_path, output_format="png")
    png(tmp_path / "cluster_caustics.png", FIGSIZE)


def test_fits_array_and_fits_imaging(tmp_path, dataset):
    aplt.fits_array(array=dataset.mask, file_path=tmp_path / "mask.fits", overwrite=True)
    mask = al.Mask2D.from_fits(file_path=tmp_path / "mask.fits", pixel_scales=0.15)
    np.testing.assert_array_equal(mask.array, dataset.mask.array)
    aplt.fits_imaging(
        dataset=dataset,
        data_path=tmp_path / "data.fits",
        psf_path=tmp_path / "psf.fits",
        noise_map_path=tmp_path / "noise.fits",
        overwrite=True,
    )
    with fits.open(tmp_path / "data.fits") as hdul:
        np.testing.assert_array_equal(hdul[0].data, dataset.data.native.array)
    with fits.open(tmp_path / "psf.fits") as hdul:
        assert hdul[0].data.shape == (3, 3)


def test_no_output_path_shows_and_writes_nothing(tmp_path, monkeypatch, dataset):
    monkeypatch.chdir(tmp_path)
    assert aplt.subplot_imaging_dataset(dataset=dataset) == []
    assert list(tmp_path.iterdir()) == []
