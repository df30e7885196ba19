import pytest

import autoarray as aa
from autoarray.plot import Include2D, MatPlot2D, Output, save_figure
from autoarray.plot.output import pyplot


def _figure():
    fig = pyplot().figure(figsize=(3, 2))
    fig.add_subplot(1, 1, 1).plot([0, 1], [1, 0])
    return fig


def test_output_writes_every_format_atomically(tmp_path, png):
    output = Output(
        path=tmp_path, filename="curve", prefix="a_", suffix="_b", format=["png", "pdf"]
    )
    written = output.to_figure(_figure(), "ignored")
    assert written == [tmp_path / "a_curve_b.png", tmp_path / "a_curve_b.pdf"]
    png(tmp_path / "a_curve_b.png", (3, 2))
    assert (tmp_path / "a_curve_b.pdf").read_bytes().startswith(b"%PDF")
    # no temporary files are left behind by the temp-file + rename writes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_curve_b.pdf", "a_curve_b.png"]


def test_output_uses_the_plot_name_without_filename_and_format_folders(tmp_path):
    written = Output(path=tmp_path, format="png", format_folder=True).to_figure(_figure(), "x")
    assert written == [tmp_path / "png" / "x.png"]


def test_path_without_format_writes_png_and_no_path_shows(tmp_path):
    open_before = pyplot().get_fignums()
    assert save_figure(_figure(), tmp_path, "f") == [tmp_path / "f.png"]
    assert save_figure(_figure(), None, "f") == []
    assert Output(path=tmp_path, format="png", bypass=True).to_figure(_figure(), "g") == []
    assert not (tmp_path / "g.png").exists()
    assert pyplot().get_fignums() == open_before  # every figure was closed


def test_unknown_format_is_refused():
    with pytest.raises(aa.exc.PlottingException, match="bmp"):
        Output(path=".", format="bmp")


def test_matplot_and_include_accept_pyautolens_style_arguments():
    mat_plot = MatPlot2D(
        output=Output(path="out", format="png"), cmap=aa.plot.Cmap(cmap="gray"), title="ignored"
    )
    assert mat_plot.cmap == "gray" and mat_plot.output.format == "png"
    include = Include2D(mask=False)
    assert include.mask is False and include.border is True
