import numpy as np
import pytest

import autoarray as aa
from autoarray.operators.convolver import Convolver
from autogalaxy.cosmology.model import Planck15
from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.operate.lens_calc import LensCalc
from autogalaxy.profiles.light.linear.gaussian import Gaussian as LinearGaussian
from autogalaxy.profiles.light.standard.gaussian import Gaussian
from autogalaxy.profiles.light.standard.sersic import Sersic
from autogalaxy.profiles.mass.point.point_mass import PointMass
from autogalaxy.profiles.mass.total.isothermal import IsothermalSph
from autolens import exc
from autolens.lens.tracer import Tracer

POINTS = np.array([[0.5, 0.5], [1.0, -0.5], [-0.5, 1.0], [1.5, 1.5]])
BETA_05_10_20 = 0.673945400526  # Planck15 scaling factor (0.5, 1.0; final 2.0), conventions


def sis_deflections(points, einstein_radius, centre=(0.0, 0.0)):
    d = points - np.asarray(centre)
    r = np.sqrt(np.sum(d**2, axis=1))[:, None]
    return einstein_radius * d / r


def point_mass_deflections(points, einstein_radius, centre=(0.0, 0.0)):
    d = points - np.asarray(centre)
    r2 = np.sum(d**2, axis=1)[:, None]
    return einstein_radius**2 * d / r2


def gaussian_image(points, intensity, sigma, centre=(0.0, 0.0)):
    d = points - np.asarray(centre)
    r2 = np.sum(d**2, axis=1)
    return intensity * np.exp(-0.5 * r2 / sigma**2)


@pytest.fixture
def grid_irr():
    return aa.Grid2DIrregular(POINTS)


class TestPlanes:
    def test_grouping_is_by_redshift_and_stable(self):
        g0 = Galaxy(redshift=1.0)
        g1 = Galaxy(redshift=0.5)
        g2 = Galaxy(redshift=1.0)
        g3 = Galaxy(redshift=0.5)
        tracer = Tracer([g0, g1, g2, g3])
        assert tracer.plane_redshifts == [0.5, 1.0]
        assert tracer.total_planes == 2
        assert list(tracer.planes[0]) == [g1, g3]
        assert list(tracer.planes[1]) == [g0, g2]

    def test_default_cosmology_is_planck15(self):
        assert isinstance(Tracer([Galaxy(redshift=0.5)]).cosmology, Planck15)

    def test_beta_matrix_matches_cosmology(self):
        tracer = Tracer([Galaxy(0.5), Galaxy(1.0), Galaxy(2.0)])
        beta = tracer._plane_info.beta
        assert beta[0, 1] == pytest.approx(BETA_05_10_20, rel=1e-8)
        assert beta[0, 2] == 1.0 and beta[1, 2] == 1.0
        assert beta[1, 0] == 0.0

    def test_upper_plane_with_light_and_has(self):
        lens = Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0))
        source = Galaxy(1.0, light=Gaussian(intensity=1.0))
        far = Galaxy(2.0, mass=PointMass(einstein_radius=0.1))
        tracer = Tracer([lens, source, far])
        assert tracer.upper_plane_index_with_light_profile == 1
        assert tracer.has(Gaussian)
        assert not tracer.has(Sersic)
        assert tracer.cls_list_from(IsothermalSph) == [lens.mass]
        assert not tracer.perform_inversion
        assert Tracer([Galaxy(0.5, light=LinearGaussian())]).perform_inversion

    def test_errors(self):
        with pytest.raises(exc.TracerException):
            Tracer([])
        with pytest.raises(exc.TracerException):
            Tracer([Galaxy(redshift=None), Galaxy(redshift=1.0)])
        with pytest.raises(exc.TracerException):
            Tracer(None)
        assert issubclass(exc.TracerException, ValueError)
        with pytest.raises(exc.RayTracingException):
            Tracer([Galaxy(0.5), Galaxy(1.0)]).traced_grid_2d_list_from(
                aa.Grid2DIrregular(POINTS), plane_index_limit=5
            )

    def test_warns_when_no_light_lies_behind_mass(self):
        with pytest.warns(exc.MultiPlaneRedshiftWarning):
            Tracer([Galaxy(1.0, mass=IsothermalSph()), Galaxy(0.5, light=Gaussian())])

    def test_single_galaxy_without_redshift_is_allowed(self, grid_irr):
        tracer = Tracer([Galaxy(redshift=None, mass=IsothermalSph(einstein_radius=1.0))])
        assert tracer.total_planes == 1
        np.testing.assert_allclose(
            tracer.deflections_yx_2d_from(grid_irr).array, sis_deflections(POINTS, 1.0), rtol=1e-12
        )


class TestRayTracing:
    def test_single_plane_deflections_are_summed(self, grid_irr):
        tracer = Tracer(
            [
                Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0)),
                Galaxy(0.5, mass=PointMass(einstein_radius=0.5, centre=(0.1, 0.0))),
            ]
        )
        expected = sis_deflections(POINTS, 1.0) + point_mass_deflections(POINTS, 0.5, (0.1, 0.0))
        np.testing.assert_allclose(
            tracer.deflections_yx_2d_from(grid_irr).array, expected, rtol=1e-12
        )

    def test_two_planes(self, grid_irr):
        tracer = Tracer([Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.2)), Galaxy(1.0)])
        traced = tracer.traced_grid_2d_list_from(grid_irr)
        assert len(traced) == 2
        assert isinstance(traced[1], aa.Grid2DIrregular)
        np.testing.assert_allclose(traced[0].array, POINTS)
        np.testing.assert_allclose(
            traced[1].array, POINTS - sis_deflections(POINTS, 1.2), rtol=1e-12
        )
        np.testing.assert_allclose(
            tracer.deflections_yx_2d_from(grid_irr).array, sis_deflections(POINTS, 1.2), rtol=1e-12
        )

    def test_three_planes_by_hand(self, grid_irr):
        tracer = Tracer(
            [
                Galaxy(2.0),
                Galaxy(1.0, mass=PointMass(einstein_radius=0.4, centre=(0.2, -0.1))),
                Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0)),
            ]
        )
        a0 = sis_deflections(POINTS, 1.0)
        theta1 = POINTS - BETA_05_10_20 * a0
        a1 = point_mass_deflections(theta1, 0.4, (0.2, -0.1))
        theta2 = POINTS - a0 - a1
        traced = tracer.traced_grid_2d_list_from(grid_irr)
        np.testing.assert_allclose(traced[1].array, theta1, rtol=1e-8)
        np.testing.assert_allclose(traced[2].array, theta2, rtol=1e-8)
        np.testing.assert_allclose(
            tracer.deflections_yx_2d_from(grid_irr).array, POINTS - theta2, rtol=1e-8
        )
        between = tracer.deflections_between_planes_from(grid_irr, plane_i=0, plane_j=1)
        np.testing.assert_allclose(between.array, POINTS - theta1, rtol=1e-8)
        limited = tracer.traced_grid_2d_list_from(grid_irr, plane_index_limit=1)
        assert len(limited) == 2
        np.testing.assert_allclose(limited[1].array, traced[1].array, rtol=1e-14)

    def test_raw_input_gives_raw_output(self):
        tracer = Tracer([Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0)), Galaxy(1.0)])
        traced = tracer.traced_grid_2d_list_from(POINTS)
        assert isinstance(traced[1], np.ndarray)

    def test_numpy_plane_0_is_the_input(self, grid_irr):
        # Regression guard for the JAX fix (plane 0 converted to the backend): on NumPy every
        # plane stays NumPy-backed and plane 0 is the caller's own grid (the JAX side is checked
        # by workspace_test/behaviour_gaps_jax.py).
        tracer = Tracer([Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0)), Galaxy(1.0)])
        traced = tracer.traced_grid_2d_list_from(grid_irr)
        assert traced[0] is grid_irr
        assert all(isinstance(t.array, np.ndarray) for t in traced)
        traced_raw = tracer.traced_grid_2d_list_from(POINTS)
        assert isinstance(traced_raw[0], np.ndarray)
        np.testing.assert_array_equal(traced_raw[0], POINTS)

    def test_order_invariance(self, grid_irr):
        lens = Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0))
        mid = Galaxy(1.0, mass=PointMass(einstein_radius=0.3))
        src = Galaxy(2.0, light=Gaussian(intensity=1.0))
        a = Tracer([lens, mid, src]).traced_grid_2d_list_from(grid_irr)[-1].array
        b = Tracer([src, lens, mid]).traced_grid_2d_list_from(grid_irr)[-1].array
        np.testing.assert_allclose(a, b, rtol=1e-14)

    def test_over_sampled_grid_traces_sub_pixels(self):
        mask = aa.Mask2D.circular((8, 8), radius=0.35, pixel_scales=0.1)
        grid = aa.Grid2D.from_mask(mask, over_sample_size=2)
        tracer = Tracer([Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0)), Galaxy(1.0)])
        traced = tracer.traced_grid_2d_list_from(grid)
        assert traced[0] is grid
        plane = traced[1]
        assert isinstance(plane, aa.Grid2D)
        assert plane.over_sampler is grid.over_sampler
        centres = np.asarray(grid.array)
        sub = np.asarray(grid.over_sampled.array)
        np.testing.assert_allclose(plane.array, centres - sis_deflections(centres, 1.0), rtol=1e-12)
        np.testing.assert_allclose(
            plane.over_sampled.array, sub - sis_deflections(sub, 1.0), rtol=1e-12
        )
        assert sub.shape[0] == 4 * mask.pixels_in_mask


class TestImagesAndMass:
    def test_image_is_lens_light_plus_lensed_source(self, grid_irr):
        lens = Galaxy(
            0.5, light=Gaussian(intensity=2.0, sigma=0.7), mass=IsothermalSph(einstein_radius=1.0)
        )
        source = Galaxy(1.0, light=Gaussian(centre=(0.1, 0.0), intensity=0.5, sigma=0.3))
        tracer = Tracer([lens, source])
        theta1 = POINTS - sis_deflections(POINTS, 1.0)
        expected = gaussian_image(POINTS, 2.0, 0.7) + gaussian_image(theta1, 0.5, 0.3, (0.1, 0.0))
        np.testing.assert_allclose(tracer.image_2d_from(grid_irr).array, expected, rtol=1e-12)
        images = tracer.image_2d_list_from(grid_irr)
        np.testing.assert_allclose(images[0].array, gaussian_image(POINTS, 2.0, 0.7), rtol=1e-12)
        np.testing.assert_allclose(
            images[1].array, gaussian_image(theta1, 0.5, 0.3, (0.1, 0.0)), rtol=1e-12
        )
        galaxy_images = tracer.galaxy_image_2d_dict_from(grid_irr)
        np.testing.assert_allclose(galaxy_images[source].array, images[1].array, rtol=1e-12)

    def test_over_sampled_image_bins_traced_sub_pixels(self):
        mask = aa.Mask2D.circular((10, 10), radius=0.45, pixel_scales=0.1)
        grid = aa.Grid2D.from_mask(mask, over_sample_size=3)
        source = Galaxy(1.0, light=Gaussian(intensity=1.0, sigma=0.2))
        tracer = Tracer([Galaxy(0.5, mass=IsothermalSph(einstein_radius=0.3)), source])
        sub = np.asarray(grid.over_sampled.array)
        values = gaussian_image(sub - sis_deflections(sub, 0.3), 1.0, 0.2)
        expected = values.reshape(-1, 9).mean(axis=1)
        image = tracer.image_2d_from(grid)
        assert isinstance(image, aa.Array2D)
        np.testing.assert_allclose(image.array, expected, rtol=1e-12)
        # The per-plane path (traced Grid2D carrying traced sub-pixels) agrees.
        np.testing.assert_allclose(tracer.image_2d_list_from(grid)[1].array, expected, rtol=1e-12)

    def test_linear_profiles_contribute_no_image(self, grid_irr):
        tracer = Tracer([Galaxy(0.5, light=LinearGaussian(sigma=0.5)), Galaxy(1.0)])
        np.testing.assert_allclose(tracer.image_2d_from(grid_irr).array, 0.0)

    def test_blurred_image_matches_convolving_the_image(self):
        mask = aa.Mask2D.circular((15, 15), radius=0.5, pixel_scales=0.1)
        grid = aa.Grid2D.from_mask(mask, over_sample_size=2)
        psf = Convolver.from_gaussian((3, 3), 0.1, sigma=0.1, normalize=True)
        blurring = aa.Grid2D.blurring_grid_from(mask, (3, 3))
        tracer = Tracer(
            [
                Galaxy(
                    0.5,
                    light=Gaussian(intensity=1.0, sigma=0.3),
                    mass=IsothermalSph(einstein_radius=0.4),
                ),
                Galaxy(1.0, light=Gaussian(intensity=0.3, sigma=0.1)),
            ]
        )
        blurred = tracer.blurred_image_2d_from(grid, blurring, psf)
        expected = psf.convolved_image_from(
            tracer.image_2d_from(grid), tracer.image_2d_from(blurring)
        )
        np.testing.assert_allclose(blurred.array, expected.array, rtol=1e-12)

    def test_convergence_and_potential_are_image_plane_sums(self, grid_irr):
        g1 = Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0))
        g2 = Galaxy(1.0, mass=PointMass(einstein_radius=0.2))
        tracer = Tracer([g1, g2, Galaxy(2.0)])
        expected = g1.convergence_2d_from(grid_irr).array + g2.convergence_2d_from(grid_irr).array
        np.testing.assert_allclose(tracer.convergence_2d_from(grid_irr).array, expected, rtol=1e-12)
        np.testing.assert_allclose(
            tracer.convergence_2d_from(grid_irr).array,
            0.5 / np.sqrt(np.sum(POINTS**2, axis=1)),
            rtol=1e-10,
        )
        pot = g1.potential_2d_from(grid_irr).array + g2.potential_2d_from(grid_irr).array
        np.testing.assert_allclose(tracer.potential_2d_from(grid_irr).array, pot, rtol=1e-12)

    def test_lens_calc_from_tracer(self):
        tracer = Tracer([Galaxy(0.5, mass=IsothermalSph(einstein_radius=1.0)), Galaxy(1.0)])
        calc = LensCalc.from_tracer(tracer)
        kappa = np.asarray(calc.convergence_2d_via_hessian_from(aa.Grid2DIrregular(POINTS)).array)
        np.testing.assert_allclose(kappa, 0.5 / np.sqrt(np.sum(POINTS**2, axis=1)), rtol=1e-4)


def test_plane_deflections_are_columns_on_numpy_as_on_jax():
    lens = Galaxy(redshift=0.5, mass=IsothermalSph(einstein_radius=1.2))
    second = Galaxy(redshift=0.5, mass=PointMass(einstein_radius=0.3))
    source = Galaxy(redshift=1.0, light=Gaussian())
    tracer = Tracer(galaxies=[lens, second, source])
    alpha = tracer._plane_deflections_raw_from(0, POINTS)
    assert isinstance(alpha, tuple) and len(alpha) == 2
    expected = sis_deflections(POINTS, 1.2) + point_mass_deflections(POINTS, 0.3)
    np.testing.assert_allclose(np.stack(alpha, axis=-1), expected, rtol=1e-12)
    assert tracer._plane_deflections_raw_from(1, POINTS) is None
