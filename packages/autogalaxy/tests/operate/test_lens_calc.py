import numpy as np
import pytest

import autoarray as aa
from autogalaxy.galaxy import Galaxy
from autogalaxy.operate.lens_calc import LensCalc
from autogalaxy.profiles.mass.total.isothermal import Isothermal, IsothermalSph

POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]


def sis_deflections(einstein_radius, centre=(0.0, 0.0)):
    """A bare deflection function (no profile class): α = θ_E r̂."""

    def deflections_yx_2d_from(grid, xp=np, **kwargs):
        raw = xp.asarray(aa.raw_array(grid))
        y = raw[:, 0] - centre[0]
        x = raw[:, 1] - centre[1]
        r = xp.sqrt(y**2 + x**2)
        return aa.VectorYX2DIrregular(
            values=einstein_radius * xp.stack([y / r, x / r], axis=-1), grid=grid
        )

    return deflections_yx_2d_from


@pytest.fixture
def irregular():
    return aa.Grid2DIrregular(values=POINTS)


@pytest.fixture
def grid_2d():
    return aa.Grid2D.uniform(shape_native=(60, 60), pixel_scales=0.05)


def test__hessian_convergence_matches_analytic_sis_and_sie(irregular):
    calc = LensCalc(deflections_yx_2d_from=sis_deflections(1.3))
    r = np.hypot(irregular.array[:, 0], irregular.array[:, 1])
    convergence = calc.convergence_2d_via_hessian_from(grid=irregular)
    assert isinstance(convergence, aa.ArrayIrregular)
    assert convergence.array == pytest.approx(0.5 * 1.3 / r, rel=1e-7)

    sie = Isothermal(centre=(0.0, 0.0), ell_comps=(0.0, 0.111111), einstein_radius=1.0)
    calc = LensCalc.from_mass_obj(sie)
    convergence = calc.convergence_2d_via_hessian_from(grid=irregular)
    assert convergence.array == pytest.approx(
        [0.694105634211, 0.412656345836, 0.471110151556, 0.231368544737], rel=1e-7
    )


def test__hessian_components_and_jacobian_of_external_shear(irregular):
    gamma_1, gamma_2 = 0.05, 0.02

    def shear_deflections(grid, xp=np, **kwargs):
        y, x = grid.array[:, 0], grid.array[:, 1]
        return aa.VectorYX2DIrregular(
            values=np.stack([gamma_2 * x - gamma_1 * y, gamma_1 * x + gamma_2 * y], axis=-1),
            grid=grid,
        )

    calc = LensCalc(deflections_yx_2d_from=shear_deflections)
    h_yy, h_xy, h_yx, h_xx = calc.hessian_from(grid=irregular)
    assert h_yy == pytest.approx(np.full(4, -gamma_1), abs=1e-12)
    assert h_xx == pytest.approx(np.full(4, gamma_1), abs=1e-12)
    assert h_xy == pytest.approx(np.full(4, gamma_2), abs=1e-12)
    assert h_yx == pytest.approx(np.full(4, gamma_2), abs=1e-12)

    jacobian = calc.jacobian_from(grid=irregular)
    assert jacobian[0][0] == pytest.approx(np.full(4, 1.0 - gamma_1))
    assert jacobian[1][1] == pytest.approx(np.full(4, 1.0 + gamma_1))
    assert jacobian[0][1] == pytest.approx(np.full(4, -gamma_2))

    shear = calc.shear_yx_2d_via_hessian_from(grid=irregular)
    # Regression: PyAutoLens returns a shear field, not a plain vector field.
    assert type(shear) is aa.ShearYX2DIrregular
    assert shear.ellipticities.array == pytest.approx(np.full(4, np.hypot(gamma_1, gamma_2)))
    assert shear.array[:, 0] == pytest.approx(np.full(4, gamma_2), abs=1e-12)
    assert shear.array[:, 1] == pytest.approx(np.full(4, gamma_1), abs=1e-12)
    assert calc.convergence_2d_via_hessian_from(grid=irregular).array == pytest.approx(
        np.zeros(4), abs=1e-12
    )


def test__magnification_of_sis_is_analytic(irregular, grid_2d):
    einstein_radius = 1.3
    calc = LensCalc.from_mass_obj(IsothermalSph(einstein_radius=einstein_radius))
    r = np.hypot(irregular.array[:, 0], irregular.array[:, 1])
    expected = 1.0 / (1.0 - einstein_radius / r)

    magnification = calc.magnification_2d_via_hessian_from(grid=irregular)
    assert isinstance(magnification, aa.ArrayIrregular)
    assert magnification.array == pytest.approx(expected, rel=1e-6)
    assert calc.magnification_2d_from(grid=irregular).array == pytest.approx(expected, rel=1e-6)

    magnification = calc.magnification_2d_from(grid=grid_2d)
    assert isinstance(magnification, aa.Array2D)
    r = np.hypot(grid_2d.array[:, 0], grid_2d.array[:, 1])
    far = (np.abs(r - einstein_radius) > 0.2) & (r > 0.3)
    assert magnification.array[far] == pytest.approx(
        1.0 / (1.0 - einstein_radius / r[far]), rel=1e-4
    )


def test__eigen_values_types_and_values(grid_2d):
    calc = LensCalc(deflections_yx_2d_from=sis_deflections(1.0, centre=(0.001, 0.002)))
    tangential = calc.tangential_eigen_value_from(grid=grid_2d)
    radial = calc.radial_eigen_value_from(grid=grid_2d)
    assert isinstance(tangential, aa.Array2D)
    assert isinstance(radial, aa.Array2D)
    y = grid_2d.array[:, 0] - 0.001
    x = grid_2d.array[:, 1] - 0.002
    r = np.hypot(y, x)
    far = r > 0.2
    assert tangential.array[far] == pytest.approx(1.0 - 1.0 / r[far], rel=1e-5, abs=1e-6)
    assert radial.array[far] == pytest.approx(np.ones(far.sum()), abs=1e-5)


def test__einstein_radius_and_mass_of_sis(grid_2d):
    calc = LensCalc.from_mass_obj(IsothermalSph(einstein_radius=1.2))

    radii = calc.einstein_radius_list_from(grid=grid_2d)
    assert len(radii) == 1
    assert radii[0] == pytest.approx(1.2, rel=1e-3)
    assert calc.einstein_radius_from(grid=grid_2d, pixel_scale=0.02) == pytest.approx(1.2, rel=2e-4)
    assert calc.einstein_mass_angular_from(grid=grid_2d, pixel_scale=0.02) == pytest.approx(
        np.pi * 1.2**2, rel=4e-4
    )
    assert calc.einstein_mass_angular_list_from(grid=grid_2d)[0] == pytest.approx(
        np.pi * radii[0] ** 2
    )

    curve = calc.tangential_critical_curve_list_from(grid=grid_2d)[0]
    assert isinstance(curve, aa.Grid2DIrregular)
    assert np.hypot(curve.array[:, 0], curve.array[:, 1]) == pytest.approx(
        np.full(curve.shape[0], 1.2), abs=5e-3
    )
    # κ = γ for an isothermal: the radial eigenvalue is 1 everywhere, no radial curve.
    assert calc.radial_critical_curve_list_from(grid=grid_2d) == []
    assert calc.radial_caustic_list_from(grid=grid_2d) == []


def test__einstein_radius_of_sie_is_area_equivalent(grid_2d):
    # PyAuto isothermal: κ = θ_E / ((1+q) η); the tangential critical curve is κ = ½, an
    # ellipse of major semi-axis 2θ_E/(1+q) and minor q times that.
    sie = Isothermal(centre=(0.0, 0.0), ell_comps=(0.0, 0.111111), einstein_radius=1.0)
    q = (1.0 - 0.111111) / (1.0 + 0.111111)
    expected = np.sqrt(q) * 2.0 / (1.0 + q)
    calc = LensCalc.from_mass_obj(Galaxy(redshift=0.5, mass=sie))
    assert calc.einstein_radius_from(grid=grid_2d, pixel_scale=0.02) == pytest.approx(
        expected, rel=2e-4
    )


def test__caustic_of_sis_is_a_point(grid_2d):
    calc = LensCalc.from_mass_obj(IsothermalSph(centre=(0.1, -0.2), einstein_radius=1.0))
    caustics = calc.tangential_caustic_list_from(grid=grid_2d, pixel_scale=0.02)
    assert len(caustics) == 1
    assert isinstance(caustics[0], aa.Grid2DIrregular)
    assert np.abs(caustics[0].array - np.array([0.1, -0.2])).max() < 2e-3


def test__no_critical_curve_without_sign_change(grid_2d):
    calc = LensCalc(deflections_yx_2d_from=sis_deflections(0.01, centre=(2.0, 2.0)))
    small = aa.Grid2D.uniform(shape_native=(10, 10), pixel_scales=0.05)
    assert calc.tangential_critical_curve_list_from(grid=small) == []
    assert calc.einstein_radius_from(grid=small) == 0.0


def test__fermat_potential_and_time_delay_geometry(irregular):
    einstein_radius = 1.0
    sis = IsothermalSph(einstein_radius=einstein_radius)
    calc = LensCalc.from_mass_obj(sis)

    geometry = calc.time_delay_geometry_term_from(grid=irregular)
    assert isinstance(geometry, aa.ArrayIrregular)
    # Without a source position β = θ − α(θ): ½|α|² = ½ θ_E² for an SIS.
    assert geometry.array == pytest.approx(np.full(4, 0.5), rel=1e-10)

    fermat = calc.fermat_potential_from(grid=irregular)
    potential = sis.potential_2d_from(grid=irregular).array
    assert fermat.array == pytest.approx(0.5 - potential, rel=1e-10)

    # Two images of a source at β = 0.3 on the x axis: θ = β ± θ_E; Fermat potential
    # ½(θ−β)² − θ_E|θ| and the images' time-delay ordering.
    beta = 0.3
    images = aa.Grid2DIrregular(
        values=[(0.0, beta + einstein_radius), (0.0, beta - einstein_radius)]
    )
    fermat = calc.fermat_potential_from(grid=images, source_plane_centre=(0.0, beta))
    expected = [
        0.5 * einstein_radius**2 - einstein_radius * (beta + einstein_radius),
        0.5 * einstein_radius**2 - einstein_radius * abs(beta - einstein_radius),
    ]
    assert fermat.array == pytest.approx(expected, rel=1e-10)
    # Difference: 2 θ_E β for an SIS.
    assert fermat.array[1] - fermat.array[0] == pytest.approx(2 * einstein_radius * beta)


def test__from_tracer_uses_multi_plane_deflections(irregular):
    class MockTracer:
        def __init__(self):
            self.calls = []

        def deflections_between_planes_from(self, grid, xp=np, plane_i=0, plane_j=-1):
            self.calls.append((plane_i, plane_j))
            return sis_deflections(2.0)(grid, xp=xp)

        def deflections_yx_2d_from(self, grid, xp=np):
            return sis_deflections(1.0)(grid, xp=xp)

    tracer = MockTracer()
    r = np.hypot(irregular.array[:, 0], irregular.array[:, 1])
    calc = LensCalc.from_tracer(tracer, plane_i=0, plane_j=2)
    assert calc.convergence_2d_via_hessian_from(grid=irregular).array == pytest.approx(
        1.0 / r, rel=1e-7
    )
    assert tracer.calls[-1] == (0, 2)

    calc = LensCalc.from_tracer(tracer, use_multi_plane=False)
    assert calc.convergence_2d_via_hessian_from(grid=irregular).array == pytest.approx(
        0.5 / r, rel=1e-7
    )
