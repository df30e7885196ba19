"""Cross-profile checks over every light and mass profile class named in the issue: output types
follow the input grid, ∇ψ = α and ∇·α = 2κ by finite differences (away from the centre), images
on an over-sampled Grid2D are the mean over the sub-pixels, and elliptical → spherical limits."""

import numpy as np
import pytest

import autogalaxy as ag

POINTS = np.array([[0.61, 0.43], [-0.52, 0.77], [1.13, -0.38], [-0.91, -0.66], [0.27, 1.31]])
H = 1e-5

MASS = {
    "PointMass": dict(einstein_radius=0.8, centre=(0.02, -0.01)),
    "Isothermal": dict(einstein_radius=1.1, ell_comps=(0.12, -0.05), centre=(0.02, 0.01)),
    "IsothermalSph": dict(einstein_radius=1.1),
    "IsothermalCore": dict(einstein_radius=1.1, ell_comps=(0.1, 0.05), core_radius=0.05),
    "IsothermalCoreSph": dict(einstein_radius=1.1, core_radius=0.05),
    "PowerLaw": dict(einstein_radius=1.0, ell_comps=(0.15, 0.05), slope=2.3),
    "PowerLawSph": dict(einstein_radius=1.0, slope=1.7),
    "PowerLawCore": dict(einstein_radius=1.0, ell_comps=(0.1, -0.1), slope=2.2, core_radius=0.05),
    "PowerLawCoreSph": dict(einstein_radius=1.0, slope=1.8, core_radius=0.05),
    "PowerLawMultipole": dict(einstein_radius=1.0, slope=2.1, multipole_comps=(0.03, 0.02)),
    "NFW": dict(kappa_s=0.2, scale_radius=2.0, ell_comps=(0.1, 0.05)),
    "NFWSph": dict(kappa_s=0.2, scale_radius=2.0),
    "NFWTruncatedSph": dict(kappa_s=0.2, scale_radius=2.0, truncation_radius=3.0),
    "ExternalShear": dict(gamma_1=0.05, gamma_2=-0.03),
    "MassSheet": dict(kappa=0.1),
    "Gaussian": dict(intensity=1.0, sigma=0.8, ell_comps=(0.1, 0.0), mass_to_light_ratio=1.5),
    "Sersic": dict(
        intensity=0.5,
        effective_radius=0.8,
        sersic_index=2.5,
        ell_comps=(0.1, 0.05),
        mass_to_light_ratio=1.2,
    ),
    "SersicSph": dict(intensity=0.5, effective_radius=0.8, sersic_index=2.5),
    "Exponential": dict(intensity=0.5, effective_radius=0.8, ell_comps=(0.05, 0.1)),
    "ExponentialSph": dict(intensity=0.5, effective_radius=0.8),
    "DevVaucouleurs": dict(intensity=0.5, effective_radius=0.8, ell_comps=(0.05, 0.1)),
    "DevVaucouleursSph": dict(intensity=0.5, effective_radius=0.8),
}

LIGHT = [
    "Gaussian",
    "Sersic",
    "Exponential",
    "DevVaucouleurs",
    "SersicCore",
    "ExponentialCore",
    "Moffat",
]


def _make(name, module=None):
    kwargs = dict(MASS[name])
    cls = getattr(module or ag.mp, name)
    return cls(**{k: v for k, v in kwargs.items() if k in cls.__init__.__code__.co_varnames})


def _defl(profile, points):
    return np.asarray(profile.deflections_yx_2d_from(grid=ag.Grid2DIrregular(points)).array)


def _pot(profile, points):
    return np.asarray(profile.potential_2d_from(grid=ag.Grid2DIrregular(points)).array)


@pytest.mark.parametrize("name", list(MASS))
def test_mass_output_types_follow_the_input_grid(name):
    profile = _make(name)
    irregular = ag.Grid2DIrregular(POINTS)
    uniform = ag.Grid2D.uniform((6, 6), pixel_scales=0.3, over_sample_size=1)
    assert isinstance(profile.convergence_2d_from(grid=irregular), ag.ArrayIrregular)
    assert isinstance(profile.deflections_yx_2d_from(grid=irregular), ag.VectorYX2DIrregular)
    assert isinstance(profile.convergence_2d_from(grid=uniform), ag.Array2D)
    assert isinstance(profile.deflections_yx_2d_from(grid=uniform), ag.VectorYX2D)
    raw = profile.deflections_yx_2d_from(grid=POINTS)
    assert isinstance(raw, np.ndarray) and raw.shape == (len(POINTS), 2)
    assert np.all(np.isfinite(raw))


@pytest.mark.parametrize("name", list(MASS))
def test_divergence_of_deflections_is_twice_the_convergence(name):
    profile = _make(name)
    ey, ex = np.array([H, 0.0]), np.array([0.0, H])
    dady = (_defl(profile, POINTS + ey)[:, 0] - _defl(profile, POINTS - ey)[:, 0]) / (2 * H)
    dadx = (_defl(profile, POINTS + ex)[:, 1] - _defl(profile, POINTS - ex)[:, 1]) / (2 * H)
    kappa = np.asarray(profile.convergence_2d_from(grid=ag.Grid2DIrregular(POINTS)).array)
    if name == "PointMass":  # a delta function: zero convergence away from the centre
        np.testing.assert_allclose(dady + dadx, 0.0, atol=1e-6)
    else:
        np.testing.assert_allclose(dady + dadx, 2.0 * kappa, rtol=2e-5, atol=2e-6)


@pytest.mark.parametrize("name", list(MASS))
def test_gradient_of_potential_is_the_deflection(name):
    profile = _make(name)
    pot = _pot(profile, POINTS)
    if np.all(pot == 0.0) and not name == "MassSheet":
        pytest.skip(f"{name} has no potential")
    ey, ex = np.array([H, 0.0]), np.array([0.0, H])
    grad_y = (_pot(profile, POINTS + ey) - _pot(profile, POINTS - ey)) / (2 * H)
    grad_x = (_pot(profile, POINTS + ex) - _pot(profile, POINTS - ex)) / (2 * H)
    np.testing.assert_allclose(
        np.stack([grad_y, grad_x], axis=1), _defl(profile, POINTS), rtol=2e-5, atol=2e-6
    )


@pytest.mark.parametrize(
    "ell, sph",
    [
        ("Isothermal", "IsothermalSph"),
        ("PowerLaw", "PowerLawSph"),
        ("NFW", "NFWSph"),
        ("IsothermalCore", "IsothermalCoreSph"),
        ("PowerLawCore", "PowerLawCoreSph"),
        ("Sersic", "SersicSph"),
        ("Exponential", "ExponentialSph"),
        ("DevVaucouleurs", "DevVaucouleursSph"),
    ],
)
def test_mass_elliptical_to_spherical_limit(ell, sph):
    sph_profile = _make(sph)
    params = getattr(ag.mp, ell).__init__.__code__.co_varnames
    kwargs = {k: v for k, v in MASS[sph].items() if k in params}
    ell_profile = getattr(ag.mp, ell)(ell_comps=(0.0, 0.0), **kwargs)
    np.testing.assert_allclose(
        _defl(ell_profile, POINTS), _defl(sph_profile, POINTS), rtol=1e-7, atol=1e-10
    )
    np.testing.assert_allclose(
        ell_profile.convergence_2d_from(grid=ag.Grid2DIrregular(POINTS)).array,
        sph_profile.convergence_2d_from(grid=ag.Grid2DIrregular(POINTS)).array,
        rtol=1e-7,
        atol=1e-10,
    )


@pytest.mark.parametrize("module_name", ["lp", "lp_linear"])
@pytest.mark.parametrize("name", LIGHT)
def test_light_images_follow_grid_and_over_sample(module_name, name):
    module = getattr(ag, module_name)
    profile = getattr(module, name)(centre=(0.03, -0.02), ell_comps=(0.1, 0.05))
    sph = getattr(module, name + "Sph")(centre=(0.03, -0.02))
    irregular = ag.Grid2DIrregular(POINTS)
    assert isinstance(profile.image_2d_from(grid=irregular), ag.ArrayIrregular)
    mask = ag.Mask2D.circular((9, 9), pixel_scales=0.2, radius=0.7)
    grid = ag.Grid2D.from_mask(mask, over_sample_size=3)
    image = profile.image_2d_from(grid=grid)
    assert isinstance(image, ag.Array2D) and image.shape == (mask.pixels_in_mask,)
    sub = np.asarray(profile.image_2d_from(grid=grid.over_sampled).array)
    np.testing.assert_allclose(image.array, sub.reshape(-1, 9).mean(axis=1), rtol=1e-12)
    assert np.all(np.isfinite(image.array)) and np.all(image.array >= 0.0)
    # Elliptical with zero ellipticity equals the spherical variant.
    round_profile = getattr(module, name)(centre=(0.03, -0.02), ell_comps=(0.0, 0.0))
    np.testing.assert_allclose(
        round_profile.image_2d_from(grid=irregular).array,
        sph.image_2d_from(grid=irregular).array,
        rtol=1e-12,
    )
