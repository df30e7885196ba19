"""``subplot_fit_imaging`` of a pixelized-source fit draws the reconstruction on its mesh."""

import numpy as np

import autolens as al
import autolens.plot as aplt
from autoarray.plot.imaging_plots import PANEL_SIZE
from autolens.plot.fit_imaging_plots import fit_imaging_figure, mesh_reconstructions_from

SOURCE_PANELS = ("Source Plane (Zoomed)", "Source Plane (Mid Zoom)", "Source Plane (No Zoom)")


def _lens():
    return al.Galaxy(
        redshift=0.5,
        bulge=al.lp_linear.Sersic(effective_radius=0.5, sersic_index=2.0),
        mass=al.mp.Isothermal(einstein_radius=0.8, ell_comps=(0.1, 0.0)),
        shear=al.mp.ExternalShear(gamma_1=0.03, gamma_2=0.02),
    )


def _fit(dataset, mesh):
    source = al.Galaxy(
        redshift=1.0,
        pixelization=al.Pixelization(mesh=mesh, regularization=al.reg.Constant(coefficient=1.0)),
    )
    tracer = al.Tracer(galaxies=[_lens(), source])
    return al.FitImaging(dataset=dataset, tracer=tracer)


def _source_axes(fig):
    return [ax for ax in fig.axes if ax.get_title() in SOURCE_PANELS]


def test_rectangular_reconstruction_is_drawn_as_its_rectangles(tmp_path, png, dataset):
    fit = _fit(dataset, al.mesh.RectangularUniform(shape=(7, 6)))
    [(mesh, grid, values)] = mesh_reconstructions_from(fit, 1)
    assert grid.shape == (42, 2) and values.shape == (42,)
    assert np.array_equal(values, np.asarray(fit.inversion.reconstruction)[-42:])
    fig = fit_imaging_figure(fit)
    axes = _source_axes(fig)
    assert len(axes) == 3
    from matplotlib.collections import QuadMesh

    for ax in axes:
        [quad] = [c for c in ax.collections if isinstance(c, QuadMesh)]
        assert quad.get_array().shape == (7, 6)  # one rectangle per source pixel
        assert np.allclose(np.asarray(quad.get_array()).ravel(), values)
    # Zoomed is inside the full view.
    zoom, full = axes[0], axes[2]
    assert zoom.get_xlim()[1] - zoom.get_xlim()[0] <= full.get_xlim()[1] - full.get_xlim()[0]
    assert aplt.subplot_fit_imaging(fit=fit, output_path=tmp_path, output_format="png") == [
        tmp_path / "fit.png"
    ]
    png(tmp_path / "fit.png", (4 * PANEL_SIZE[0], 3 * PANEL_SIZE[1]))


def test_delaunay_reconstruction_is_drawn_on_its_triangles(tmp_path, png, dataset):
    source = al.Galaxy(
        redshift=1.0,
        pixelization=al.Pixelization(
            mesh=al.mesh.Delaunay(pixels=30), regularization=al.reg.Constant(coefficient=1.0)
        ),
    )
    grid = al.image_mesh.Overlay(shape=(7, 7)).image_plane_mesh_grid_from(mask=dataset.mask)
    adapt = al.AdaptImages(galaxy_image_plane_mesh_grid_dict={source: grid})
    tracer = al.Tracer(galaxies=[_lens(), source])
    fit = al.FitImaging(dataset=dataset, tracer=tracer, adapt_images=adapt)
    [(_, vertices, values)] = mesh_reconstructions_from(fit, 1)
    assert vertices.shape[0] == values.shape[0] == np.asarray(grid.array).shape[0]
    fig = fit_imaging_figure(fit)
    from matplotlib.collections import PolyCollection, TriMesh

    for ax in _source_axes(fig):
        assert any(isinstance(c, (TriMesh, PolyCollection)) for c in ax.collections)
        # triplot draws the triangle edges as lines.
        assert ax.lines
    aplt.subplot_fit_imaging(fit=fit, output_path=tmp_path, output_format="png")
    png(tmp_path / "fit.png", (4 * PANEL_SIZE[0], 3 * PANEL_SIZE[1]))


def test_light_profile_sources_keep_their_image_panels(fit):
    assert mesh_reconstructions_from(fit, 1) == []
