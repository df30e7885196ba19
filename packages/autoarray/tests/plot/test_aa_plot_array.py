import numpy as np
import pytest

import autoarray as aa
from autoarray.plot import plot_array, plot_grid
from autoarray.plot.array_plot import FIGSIZE, native_and_extent_from


def test_plot_array_of_a_masked_array_with_overlays(tmp_path, png, dataset):
    written = plot_array(
        dataset.data,
        title="Data",
        output_path=tmp_path,
        output_format="png",
        positions=[(0.2, 0.2), (-0.4, 0.0)],
        lines=[np.array([[0, 0], [1, 1]])],
        grid=aa.Grid2DIrregular([(0.0, 0.0)]),
    )
    assert written == [tmp_path / "array.png"]
    png(tmp_path / "array.png", FIGSIZE)


@pytest.mark.parametrize(
    "kwargs",
    [dict(use_log10=True), dict(symmetric=True), dict(vmin=0.0, vmax=0.5, colormap="gray")],
)
def test_plot_array_colour_scalings(tmp_path, png, dataset, kwargs):
    plot_array(
        dataset.data, output_path=tmp_path, output_filename="scaled", output_format="png", **kwargs
    )
    png(tmp_path / "scaled.png", FIGSIZE)


def test_plot_array_of_a_mask_and_a_plain_ndarray(tmp_path, png, dataset):
    plot_array(dataset.mask, output_path=tmp_path, output_filename="mask", output_format="png")
    png(tmp_path / "mask.png", FIGSIZE)
    plot_array(
        np.arange(12.0).reshape(3, 4),
        output_path=tmp_path,
        output_filename="raw",
        output_format="png",
    )
    png(tmp_path / "raw.png", FIGSIZE)


def test_masked_pixels_are_blank_and_the_extent_zooms_to_the_mask(dataset):
    native, extent = native_and_extent_from(dataset.data)
    assert np.isnan(native[0, 0]) and np.isfinite(
        native[native.shape[0] // 2, native.shape[1] // 2]
    )
    # radius 1.2" circle on 0.2" pixels: 12 unmasked pixels across + 1 pixel margin each side
    assert native.shape == (14, 14)
    assert extent == pytest.approx((-1.4, 1.4, -1.4, 1.4))


def test_plot_array_onto_given_axes_writes_nothing(tmp_path, dataset):
    from autoarray.plot.output import pyplot

    fig = pyplot().figure()
    assert plot_array(dataset.data, ax=fig.add_subplot(1, 1, 1), output_path=tmp_path) == []
    assert list(tmp_path.iterdir()) == []
    pyplot().close(fig)


def test_plot_grid(tmp_path, png):
    grid = aa.Grid2D.uniform((6, 6), pixel_scales=0.5)
    assert plot_grid(grid, title="Grid", output_path=tmp_path, output_format="png") == [
        tmp_path / "grid.png"
    ]
    png(tmp_path / "grid.png", FIGSIZE)


def test_bad_inputs_raise_plotting_exception_and_leave_no_open_figure(tmp_path):
    from autoarray.plot.output import pyplot

    open_before = pyplot().get_fignums()
    with pytest.raises(aa.exc.PlottingException, match="2-D"):
        plot_array(np.ones(5), output_path=tmp_path)
    with pytest.raises(aa.exc.PlottingException, match=r"\(N, 2\)"):
        plot_grid(np.ones((4, 3)), output_path=tmp_path)
    assert pyplot().get_fignums() == open_before
