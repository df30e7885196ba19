"""Inspection maps of a lens fit (``fit_imaging_maps`` and the per-plane list) against
PyAutoLens 2026.10.26.1, on its 7x7 fixture dataset."""

import numpy as np

import autolens as al
from autogalaxy.profiles.light.standard.sersic import Exponential, Sersic
from autogalaxy.profiles.mass.total.isothermal import Isothermal

# PyAutoLens 2026.10.26.1, rounded to 1e-12 (slim order).
SUBTRACTED_PLANES = [
    [0.887080917897, 0.842292917746, 0.887080917897, 0.842292917746, 0.732154141459]
    + [0.842292917746, 0.887080917897, 0.842292917746, 0.887080917897],
    [0.954397464849, 0.791190291934, 0.922413109036, 0.804138305065, 0.627203761062]
    + [0.771085103798, 0.953228610415, 0.803775915526, 0.943100516447],
]


def fit():
    lens = al.Galaxy(
        redshift=0.5,
        light=Sersic(
            centre=(0.1, 0.2),
            ell_comps=(0.1, 0.05),
            intensity=0.1,
            effective_radius=1.0,
            sersic_index=2.5,
        ),
        mass=Isothermal(einstein_radius=1.0),
    )
    source = al.Galaxy(redshift=1.0, light=Exponential(intensity=0.05, effective_radius=0.5))
    return al.FitImaging(
        dataset=al.fixtures.make_masked_imaging_7x7(), tracer=al.Tracer(galaxies=[lens, source])
    )


def test_subtracted_images_of_planes_match_pyautolens():
    images = fit().subtracted_images_of_planes_list
    assert len(images) == 2
    for image, expected in zip(images, SUBTRACTED_PLANES):
        np.testing.assert_allclose(image.array, expected, atol=1e-11)


def test_subtracted_signal_to_noise_maps_match_pyautolens():
    maps = list(fit().subtracted_signal_to_noise_maps_of_galaxies_dict.values())
    # noise map of twos: half of the subtracted images
    for snr, expected in zip(maps, SUBTRACTED_PLANES):
        np.testing.assert_allclose(snr.array, 0.5 * np.array(expected), atol=1e-11)


def test_galaxy_lists_follow_the_dictionaries():
    f = fit()
    assert len(f.model_images_of_galaxies_list) == 2
    np.testing.assert_allclose(
        f.subtracted_images_of_galaxies_list[1].array, SUBTRACTED_PLANES[1], atol=1e-11
    )


def test_residual_flux_fraction_is_residual_over_data():
    f = fit()
    np.testing.assert_allclose(
        f.residual_flux_fraction_map.array,
        f.residual_map.array / f.data.array,
        rtol=1e-14,
    )
