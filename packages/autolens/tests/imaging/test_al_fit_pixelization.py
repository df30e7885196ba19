"""Lens fits with a pixelized source against the reference's worked values (NumPy), and the
clear errors of bad pixelized models."""

from __future__ import annotations

import numpy as np
import pytest

import autolens as al
from autoarray import exc as aa_exc
from autolens import exc

NOISE_NORMALIZATION = -149.5291493052


def _dataset(with_lens_light_data: bool = False, sub_pix: int = 2):
    mask = al.Mask2D.all_false((6, 6), pixel_scales=0.5)
    centres = al.Grid2D.from_mask(mask, over_sample_size=1).array
    y, x = centres[:, 0], centres[:, 1]
    data = np.exp(-((y - 0.2) ** 2 + (x + 0.1) ** 2) / 0.5)
    if with_lens_light_data:
        data = data + 0.5 * np.exp(-(y**2 + x**2) / 2.0)
    psf = al.Convolver(np.array([[0.0, 0.1, 0.0], [0.1, 0.6, 0.1], [0.0, 0.1, 0.0]]))
    return al.Imaging(
        data=al.Array2D(data, mask),
        noise_map=al.Array2D(np.full(36, 0.05), mask),
        psf=psf,
        over_sample_size_lp=1,
        over_sample_size_pixelization=sub_pix,
    )


def _lens(**light):
    return al.Galaxy(
        redshift=0.5, mass=al.mp.IsothermalSph(centre=(0, 0), einstein_radius=0.5), **light
    )


def _source(shape=(5, 5), regularization=None):
    regularization = al.reg.Constant(1.0) if regularization is None else regularization
    mesh = al.mesh.RectangularUniform(shape)
    return al.Galaxy(
        redshift=1.0, pixelization=al.Pixelization(mesh=mesh, regularization=regularization)
    )


@pytest.mark.parametrize(
    "positive_only, terms",
    [
        (True, (78.0136071865, 5.1351300090, 114.8443613613, 4.9372902340, -21.7633295089)),
        (False, (52.0874809049, 8.9215168094, 114.8443613613, 4.9372902340, -10.6934597682)),
    ],
)
def test_rectangular_constant_evidence_matches_reference(positive_only, terms):
    fit = al.FitImaging(
        dataset=_dataset(),
        tracer=al.Tracer([_lens(), _source()]),
        settings=al.Settings(use_positive_only_solver=positive_only),
    )
    inv = fit.inversion
    got = (
        fit.chi_squared,
        inv.regularization_term,
        inv.log_det_curvature_reg_matrix_term,
        inv.log_det_regularization_matrix_term,
        fit.log_evidence,
    )
    np.testing.assert_allclose(got, terms, rtol=1e-9)
    assert fit.noise_normalization == pytest.approx(NOISE_NORMALIZATION, rel=1e-10)
    assert fit.figure_of_merit == fit.log_evidence
    if positive_only:
        s = inv.reconstruction
        np.testing.assert_allclose(
            s[[6, 7, 11, 12]], [0.28634674, 0.59567238, 0.22759768, 1.18325956], atol=1e-8
        )
        edge = al.mesh.RectangularUniform((5, 5)).zeroed_pixels
        np.testing.assert_array_equal(s[edge], 0.0)


def test_linear_lens_light_and_source_pixels_are_solved_together():
    lens = _lens(light=al.lp_linear.Gaussian(centre=(0.0, 0.0), sigma=1.0))
    source = _source()
    fit = al.FitImaging(dataset=_dataset(True), tracer=al.Tracer([lens, source]))
    inv = fit.inversion
    assert inv.reconstruction[0] == pytest.approx(0.50684678, abs=1e-8)
    np.testing.assert_allclose(
        (
            fit.chi_squared,
            inv.regularization_term,
            inv.log_det_curvature_reg_matrix_term,
            inv.log_det_regularization_matrix_term,
            fit.log_evidence,
        ),
        (77.1221974381, 5.3620762490, 114.8443613613, 4.9372902340, -21.4310977546),
        rtol=1e-9,
    )
    assert inv.curvature_matrix[0, 0] == pytest.approx(4462.6065346, rel=1e-10)
    images = fit.galaxy_model_image_dict
    total = images[lens].array + images[source].array
    np.testing.assert_allclose(total, fit.model_data.array, atol=1e-12)
    assert np.abs(images[source].array).max() > 0.0
    intensities = fit.linear_light_profile_intensity_dict
    assert list(intensities.values()) == [pytest.approx(0.50684678, abs=1e-8)]


def test_adapt_regularization_uses_the_adapt_image():
    dataset = _dataset()
    source = _source(regularization=al.reg.Adapt(0.5, 2.0, 1.0))
    fit = al.FitImaging(
        dataset=dataset,
        tracer=al.Tracer([_lens(), source]),
        adapt_images=al.AdaptImages(galaxy_image_dict={source: dataset.data}),
    )
    constant = al.FitImaging(dataset=dataset, tracer=al.Tracer([_lens(), _source()]))
    assert np.isfinite(fit.log_evidence)
    assert fit.log_evidence != pytest.approx(constant.log_evidence)
    with pytest.raises(aa_exc.PixelizationException, match="adapt image"):
        al.FitImaging(dataset=dataset, tracer=al.Tracer([_lens(), source]))


def test_border_relocation_can_be_switched_off():
    on = al.FitImaging(dataset=_dataset(), tracer=al.Tracer([_lens(), _source()]))
    off = al.FitImaging(
        dataset=_dataset(),
        tracer=al.Tracer([_lens(), _source()]),
        settings=al.Settings(use_border_relocator=False),
    )
    assert on.log_evidence != pytest.approx(off.log_evidence)


def test_apply_over_sampling_sets_the_pixelization_grid():
    dataset = _dataset().apply_over_sampling(over_sample_size_pixelization=3)
    assert dataset.over_sample_size_pixelization == 3
    assert dataset.over_sample_size_lp == 1
    assert dataset.grids.pixelization.over_sampler.sub_total == 36 * 9


def test_clear_errors_for_bad_pixelized_models():
    dataset = _dataset()
    no_mass = al.Galaxy(redshift=0.5, light=al.lp.Gaussian(sigma=1.0))
    with pytest.raises(exc.FitException, match="no mass"):
        al.FitImaging(dataset=dataset, tracer=al.Tracer([no_mass, _source()]))
    unregularized = al.Galaxy(
        redshift=1.0, pixelization=al.Pixelization(mesh=al.mesh.RectangularUniform((7, 7)))
    )
    with pytest.raises(aa_exc.PixelizationException, match="49 source pixels"):
        al.FitImaging(dataset=dataset, tracer=al.Tracer([_lens(), unregularized]))


def test_regularized_mesh_with_more_source_pixels_than_image_pixels_fits():
    # 49 source pixels on 36 image pixels: F + H is positive definite, as in the release
    # (which fits it; P3's 28x28 mesh on 716 pixels is the same situation).
    fit = al.FitImaging(dataset=_dataset(), tracer=al.Tracer([_lens(), _source(shape=(7, 7))]))
    assert fit.inversion.reconstruction.shape == (49,)
    # PyAutoLens 2026.10.26.1 on the same pixels and model: -16.138294915524142
    assert fit.log_evidence == pytest.approx(-16.138294915524142, rel=1e-10)


def test_singular_inversion_is_a_resample_not_a_crash():
    # Zeroth(0) adds nothing to F and a zero H has no log determinant: the inversion fails.
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(al.Galaxy, redshift=0.5, mass=al.mp.IsothermalSph),
            source=al.Model(
                al.Galaxy,
                redshift=1.0,
                pixelization=al.Model(
                    al.Pixelization,
                    mesh=al.mesh.RectangularUniform((4, 4)),
                    regularization=al.reg.Zeroth(0.0),
                ),
            ),
        )
    )
    analysis = al.AnalysisImaging(dataset=_dataset())
    vector = np.array([0.0, 0.0, 0.5])
    with pytest.raises(aa_exc.InversionException):
        analysis.fit_from(model.instance_from_vector(vector))
    fitness = al.Fitness(model, analysis, resample_figure_of_merit=-1e99)
    assert fitness.call(vector) == -1e99


def test_overlay_image_mesh_grid():
    mask = al.Mask2D.all_false((6, 6), pixel_scales=0.5)
    grid = al.image_mesh.Overlay((4, 4)).image_plane_mesh_grid_from(mask)
    values = np.asarray(grid.array)
    assert values.shape == (16, 2)
    np.testing.assert_allclose(values[0], [1.125, -1.125])
    np.testing.assert_allclose(values[1], [1.125, -0.375])
    np.testing.assert_allclose(values[-1], [-1.125, 1.125])


def test_delaunay_with_zeroed_circle_points():
    # C5: Overlay((4, 4)) + 8 circle points (r = 2) zeroed; Constant(1).
    dataset = _dataset(True)
    mask = dataset.mask
    theta = 2 * np.pi * np.arange(8) / 8
    circle = np.stack([2 * np.sin(theta), 2 * np.cos(theta)], axis=1)
    overlay = al.image_mesh.Overlay((4, 4)).image_plane_mesh_grid_from(mask)
    grid = al.Grid2DIrregular(np.vstack([np.asarray(overlay.array), circle]))
    source = al.Galaxy(
        redshift=1.0,
        pixelization=al.Pixelization(
            mesh=al.mesh.Delaunay(pixels=16, zeroed_pixels=8), regularization=al.reg.Constant(1.0)
        ),
    )
    adapt = al.AdaptImages(galaxy_image_plane_mesh_grid_dict={source: grid})
    fit = al.FitImaging(dataset=dataset, tracer=al.Tracer([_lens(), source]), adapt_images=adapt)
    inv = fit.inversion
    np.testing.assert_array_equal(inv.reconstruction[16:], 0.0)
    assert inv.log_det_regularization_matrix_term == pytest.approx(-63.5416335931, rel=1e-9)
    np.testing.assert_allclose(inv.mapping_matrix.sum(axis=1), 1.0, atol=1e-12)
    assert inv.source_plane_mesh_grid_list[0].shape == (24, 2)
    with pytest.raises(aa_exc.MeshException, match="image-plane mesh grid"):
        al.FitImaging(dataset=dataset, tracer=al.Tracer([_lens(), source]))


def test_inversion_model_images():
    fit = al.FitImaging(dataset=_dataset(), tracer=al.Tracer([_lens(), _source()]))
    inv = fit.inversion
    np.testing.assert_allclose(inv.mapped_reconstructed_image, fit.model_data.array, atol=1e-12)
    np.testing.assert_allclose(
        inv.mapped_reconstructed_data, inv.mapping_matrix @ inv.reconstruction
    )
    # Blurring spreads the same flux: the unblurred and blurred images differ but are close.
    assert not np.allclose(inv.mapped_reconstructed_data, inv.mapped_reconstructed_image)


def test_mixed_precision_leaves_the_numpy_fit_in_float64():
    kwargs = dict(
        dataset=_dataset(with_lens_light_data=True), tracer=al.Tracer([_lens(), _source()])
    )
    plain = al.FitImaging(**kwargs)
    mixed = al.FitImaging(**kwargs, settings=al.Settings(use_mixed_precision=True))
    assert mixed.log_evidence == plain.log_evidence
    assert mixed.inversion.mapping_matrix.dtype == np.float64
