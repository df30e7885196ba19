"""``MassProfile.deflections_yx_columns_from``: the (alpha_y, alpha_x) columns that ray tracing
uses equal the columns of ``deflections_yx_2d_from`` for every mass profile."""

import inspect

import numpy as np
import pytest

import autogalaxy as ag

#: Non-default parameters (elliptical where the profile allows it).
PARAMETERS = {
    "ell_comps": (0.12, -0.07),
    "centre": (0.05, -0.1),
}

#: Near-round SIE (the small-ellipticity series branch) and a spherical-equivalent EPL.
EXTRA = [
    ag.mp.Isothermal(centre=(0.1, 0.0), ell_comps=(1e-6, 2e-6), einstein_radius=1.3),
    ag.mp.PowerLaw(centre=(0.0, 0.2), ell_comps=(0.0, 0.0), einstein_radius=1.1, slope=2.2),
]


def _profiles():
    profiles = []
    for name in sorted(dir(ag.mp)):
        cls = getattr(ag.mp, name)
        if not inspect.isclass(cls) or inspect.isabstract(cls) or cls is ag.mp.MassProfile:
            continue
        accepted = inspect.signature(cls.__init__).parameters
        kwargs = {k: v for k, v in PARAMETERS.items() if k in accepted}
        profiles.append(cls(**kwargs))
    return profiles + EXTRA


@pytest.mark.parametrize("profile", _profiles(), ids=lambda p: type(p).__name__)
def test_columns_equal_deflections(profile):
    rng = np.random.default_rng(5)
    grid = ag.Grid2DIrregular(values=rng.uniform(-2.0, 2.0, (40, 2)))
    full = np.asarray(profile.deflections_yx_2d_from(grid=grid).array)
    alpha_y, alpha_x = profile.deflections_yx_columns_from(grid)
    np.testing.assert_allclose(np.asarray(alpha_y), full[:, 0], rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(np.asarray(alpha_x), full[:, 1], rtol=1e-13, atol=1e-15)


def test_galaxy_columns_sum_its_profiles():
    galaxy = ag.Galaxy(
        redshift=0.5,
        mass=ag.mp.Isothermal(ell_comps=(0.1, 0.05), einstein_radius=1.6),
        shear=ag.mp.ExternalShear(gamma_1=0.03, gamma_2=-0.02),
    )
    grid = ag.Grid2DIrregular(values=[(0.3, 1.2), (-1.0, 0.4), (2.0, -0.5)])
    full = np.asarray(galaxy.deflections_yx_2d_from(grid=grid).array)
    alpha_y, alpha_x = galaxy.deflections_yx_columns_from(grid)
    np.testing.assert_allclose(np.stack([alpha_y, alpha_x], axis=-1), full, rtol=1e-14)
    empty_y, empty_x = ag.Galaxy(redshift=0.5).deflections_yx_columns_from(grid)
    np.testing.assert_array_equal(empty_y, np.zeros(3))
    np.testing.assert_array_equal(empty_x, np.zeros(3))
