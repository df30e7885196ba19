"""``al.model_util.mge_model_from``: priors, widths and parameter order as PyAutoLens 2026.10.26.1
builds them (values read from its ``model.info``), and ``galaxy_name_image_dict_via_result_from``."""

import numpy as np
import pytest

import autolens as al


def _gaussians(model):
    return list(model.profile_list)


def test_mge_widths_are_log_spaced_from_sigma_min_to_the_mask_radius():
    model = al.model_util.mge_model_from(
        mask_radius=3.0, total_gaussians=4, gaussian_per_basis=2, centre_prior_is_uniform=True
    )
    sigmas = [g.sigma for g in _gaussians(model)]
    expected = [0.0001, 0.0031072325059538614, 0.09654893846056303, 3.0]
    np.testing.assert_allclose(sigmas, expected * 2, rtol=1e-14)
    sigmas = [
        g.sigma
        for g in _gaussians(
            al.model_util.mge_model_from(
                mask_radius=3.0, total_gaussians=3, centre_prior_is_uniform=False, sigma_min=0.05
            )
        )
    ]
    np.testing.assert_allclose(sigmas, [0.05, 0.38729833462074165, 3.0], rtol=1e-14)


def test_mge_shares_the_centre_and_each_basis_ell_comps():
    model = al.model_util.mge_model_from(
        mask_radius=3.0, total_gaussians=4, gaussian_per_basis=2, centre_prior_is_uniform=True
    )
    assert model.prior_count == 6
    gaussians = _gaussians(model)
    assert all(g.centre[0] is gaussians[0].centre[0] for g in gaussians)
    assert gaussians[3].ell_comps[0] is gaussians[0].ell_comps[0]
    assert gaussians[4].ell_comps[0] is not gaussians[0].ell_comps[0]
    centre = gaussians[0].centre[0]
    assert isinstance(centre, al.UniformPrior)
    assert (centre.lower_limit, centre.upper_limit) == (-0.1, 0.1)
    ell = gaussians[0].ell_comps[0]
    assert isinstance(ell, al.TruncatedGaussianPrior)
    assert (ell.mean, ell.sigma, ell.lower_limit, ell.upper_limit) == (0.0, 0.3, -1.0, 1.0)
    # PyAutoFit's order: centre first, then each basis' ell_comps.
    assert model.parameter_names == ["centre_0", "centre_1"] + ["ell_comps_0", "ell_comps_1"] * 2


def test_mge_options():
    model = al.model_util.mge_model_from(
        mask_radius=2.0,
        total_gaussians=2,
        gaussian_per_basis=2,
        centre_prior_is_uniform=False,
        centre=(0.1, 0.2),
        centre_per_basis=True,
        ell_comps_prior_is_uniform=True,
        ell_comps_uniform_width=0.3,
    )
    assert model.prior_count == 8
    first = _gaussians(model)[0]
    assert isinstance(first.centre[0], al.GaussianPrior)
    assert (first.centre[1].mean, first.centre[1].sigma) == (0.2, 0.3)
    assert (first.ell_comps[0].lower_limit, first.ell_comps[0].upper_limit) == (-0.3, 0.3)
    fixed = al.model_util.mge_model_from(
        mask_radius=2.0, total_gaussians=2, centre_fixed=(0.1, 0.2), ell_comps_limit=0.5
    )
    assert fixed.prior_count == 2
    assert _gaussians(fixed)[0].ell_comps[0].upper_limit == 0.5
    sph = al.model_util.mge_model_from(
        mask_radius=3.0, total_gaussians=3, centre_prior_is_uniform=False, use_spherical=True
    )
    assert sph.prior_count == 2 and sph.profile_list[0].cls is al.lp_linear.GaussianSph


def test_mge_instance_is_a_basis_of_linear_gaussians():
    model = al.model_util.mge_model_from(mask_radius=1.0, total_gaussians=3)
    basis = model.instance_from_prior_medians()
    assert isinstance(basis, al.lp_basis.Basis)
    assert all(isinstance(p, al.lp_linear.Gaussian) for p in basis.profile_list)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"mask_radius": 0.0}, "mask_radius"),
        ({"mask_radius": 1.0, "total_gaussians": 0}, "total_gaussians"),
        ({"mask_radius": 1.0, "ell_comps_limit": 1.5}, "ell_comps_limit"),
        ({"mask_radius": 1.0, "gaussian_per_basis": 2, "order_bases": True}, "order_bases"),
    ],
)
def test_mge_bad_input_raises(kwargs, match):
    with pytest.raises(al.exc.ModelException, match=match):
        al.model_util.mge_model_from(**kwargs)


def test_galaxy_name_image_dict_via_result_from():
    analysis = al.fixtures.make_analysis_imaging_7x7()
    model = al.Collection(
        galaxies=al.Collection(
            lens=al.Model(al.Galaxy, redshift=0.5, mass=al.mp.IsothermalSph),
            source=al.Model(al.Galaxy, redshift=1.0, bulge=al.lp.SersicSph),
        )
    )
    vector = np.array(model.physical_values_from_prior_medians)
    samples = al.Samples(model, [vector], [0.0])
    result = analysis.make_result(samples)
    images = al.galaxy_name_image_dict_via_result_from(result)
    assert set(images) == {"('galaxies', 'lens')", "('galaxies', 'source')"}
    # The lens has no light: the source's image is the data over the noise (1 / 2) ...
    np.testing.assert_allclose(images["('galaxies', 'source')"].array, 0.5)
    # ... and the lens' (data minus the source model) is floored at 1% of its maximum.
    fit = analysis._numpy_fit_from(result.max_log_likelihood_instance)
    lens = [g for g in fit.subtracted_images_of_galaxies_dict if g.redshift == 0.5][0]
    raw = fit.subtracted_images_of_galaxies_dict[lens].array / 2.0
    np.testing.assert_allclose(
        images["('galaxies', 'lens')"].array, np.maximum(raw, 0.01 * raw.max())
    )
    model_images = al.galaxy_name_image_dict_via_result_from(result, use_model_images=True)
    assert model_images["('galaxies', 'source')"].array.max() > 0
    assert result.grids.lp.shape[0] == 9
