import numpy as np
import pytest

import autoarray as aa
import autolens as al
from autolens.plot.lensing_lines import (
    bright_bounds_from,
    caustics_from,
    critical_curves_from,
    source_plane_image_from,
    traced_bounds_from,
)


def test_critical_curve_of_an_isothermal_lens_is_its_einstein_ring(grid):
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(einstein_radius=0.8)),
            al.Galaxy(redshift=1.0, bulge=al.lp.Sersic()),
        ]
    )
    tangential, radial = critical_curves_from(tracer, grid)
    assert len(tangential) == 1 and radial == []
    radii = np.hypot(tangential[0][:, 0], tangential[0][:, 1])
    np.testing.assert_allclose(radii, 0.8, atol=0.01)
    # the tangential caustic of a singular isothermal sphere collapses to its centre
    tangential_caustic, _ = caustics_from(tracer, grid)
    assert np.max(np.abs(tangential_caustic[0])) < 0.02


def test_one_plane_tracer_has_no_curves(grid):
    tracer = al.Tracer(galaxies=[al.Galaxy(redshift=0.5, bulge=al.lp.Sersic())])
    assert critical_curves_from(tracer, grid) == ([], [])
    assert caustics_from(tracer, grid) == ([], [])


def test_plane_index_outside_the_tracer_is_refused(tracer, grid):
    with pytest.raises(aa.exc.PlottingException, match="plane_index 5"):
        critical_curves_from(tracer, grid, plane_index=5)


def test_source_plane_image_and_its_bright_region(tracer, grid):
    bounds = traced_bounds_from(tracer, grid)
    image = source_plane_image_from(tracer, bounds, shape=(50, 50))
    assert image.shape_native == (50, 50)
    y0, y1, x0, x1 = bright_bounds_from(image)
    # the source is a compact blob at (0.05, 0.05)
    assert y0 < 0.05 < y1 and x0 < 0.05 < x1
    assert y1 - y0 < 0.5 * (bounds[1] - bounds[0])
