"""``Tracer.plane_indexes_with_pixelizations`` and ``grid_2d_at_redshift_from`` against
PyAutoLens 2026.10.26.1 (three planes, redshifts on, between, before and after them)."""

import numpy as np
import pytest

import autolens as al

# PyAutoLens 2026.10.26.1, rounded to 1e-13.
EXPECTED = {
    0.3: [[0.5, 0.3], [-1.2, 0.8], [0.05, -0.7]],
    0.75: [
        [0.1101221636129, 0.099077995896],
        [-0.8130351291467, 0.54461453651],
        [-0.0137349676475, -0.2612112921091],
    ],
    1.0: [
        [-0.0819767117753, 8.05986938e-05],
        [-0.6223715171945, 0.4187821455704],
        [-0.0451381777439, -0.0450132694156],
    ],
    1.75: [
        [-0.0661317557866, -0.1247159513782],
        [-0.1592228343236, 0.1310121226387],
        [0.1615255929387, 0.3036387409534],
    ],
    3.0: [
        [-0.0711393325984, -0.2121297239227],
        [-0.0840214916682, 0.0827768153693],
        [0.143761475638, 0.458441047881],
    ],
}


def tracer():
    lens = al.Galaxy(
        redshift=0.5, mass=al.mp.Isothermal(einstein_radius=1.0, ell_comps=(0.1, 0.05))
    )
    middle = al.Galaxy(
        redshift=1.0,
        mass=al.mp.IsothermalSph(centre=(0.1, 0.0), einstein_radius=0.3),
        light=al.lp.SersicSph(),
    )
    source = al.Galaxy(
        redshift=2.0,
        pixelization=al.Pixelization(
            mesh=al.mesh.RectangularUniform(shape=(3, 3)), regularization=al.reg.Constant()
        ),
    )
    return al.Tracer(galaxies=[lens, middle, source])


GRID = al.Grid2DIrregular([(0.5, 0.3), (-1.2, 0.8), (0.05, -0.7)])


def test_plane_indexes_with_pixelizations():
    assert tracer().plane_indexes_with_pixelizations == [2]
    assert al.Tracer(galaxies=[al.Galaxy(redshift=0.5)]).plane_indexes_with_pixelizations == []


@pytest.mark.parametrize("redshift", list(EXPECTED))
def test_grid_at_redshift_matches_pyautolens(redshift):
    traced = tracer().grid_2d_at_redshift_from(grid=GRID, redshift=redshift)
    np.testing.assert_allclose(np.asarray(traced), EXPECTED[redshift], atol=2e-13)


def test_grid_at_a_plane_redshift_is_that_planes_traced_grid():
    t = tracer()
    np.testing.assert_array_equal(
        np.asarray(t.grid_2d_at_redshift_from(grid=GRID, redshift=2.0)),
        np.asarray(t.traced_grid_2d_list_from(grid=GRID)[2]),
    )
