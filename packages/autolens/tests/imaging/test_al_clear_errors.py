"""Clear errors of the lens layer (issue checklist): every bad input raises the package's ``exc``
exception with a message saying what was wrong."""

from types import SimpleNamespace

import numpy as np
import pytest

import autolens as al
from autoarray import exc as aa_exc

PIXEL = 0.1


def _tracer(source_light=None):
    return al.Tracer(
        galaxies=[
            al.Galaxy(redshift=0.5, mass=al.mp.Isothermal(einstein_radius=0.4)),
            al.Galaxy(redshift=1.0, bulge=source_light or al.lp.Sersic()),
        ]
    )


def _dataset(psf=True):
    mask = al.Mask2D.circular((15, 15), pixel_scales=PIXEL, radius=0.5)
    data = al.Array2D.no_mask(np.ones((15, 15)), pixel_scales=PIXEL)
    noise = al.Array2D.no_mask(np.full((15, 15), 0.1), pixel_scales=PIXEL)
    kernel = al.Convolver.from_gaussian((3, 3), pixel_scales=PIXEL, sigma=0.1) if psf else None
    return al.Imaging(data, noise, psf=kernel).apply_mask(mask)


def test_dataset_without_a_mask_raises():
    unmasked = SimpleNamespace(data=np.ones(9), noise_map=np.ones(9), psf=None)
    with pytest.raises(aa_exc.DatasetException, match="no mask"):
        al.FitImaging(dataset=unmasked, tracer=_tracer())
    with pytest.raises(aa_exc.DatasetException, match="no mask"):
        al.AnalysisImaging(dataset=unmasked)


def test_dataset_without_psf_raises_when_light_must_be_blurred():
    with pytest.raises(aa_exc.AutoArrayException, match="PSF"):
        _ = al.FitImaging(dataset=_dataset(psf=False), tracer=_tracer()).log_likelihood


def test_galaxy_without_redshift_in_multi_galaxy_tracer_raises():
    with pytest.raises(al.exc.TracerException, match="redshift"):
        al.Tracer(
            galaxies=[
                al.Galaxy(redshift=None, mass=al.mp.Isothermal()),
                al.Galaxy(redshift=1.0, bulge=al.lp.Sersic()),
            ]
        )


def test_singular_linear_solve_reports_instead_of_nan():
    # A linear profile with no light inside the mask gives a zero column of the mapping matrix.
    tracer = al.Tracer(
        galaxies=[
            al.Galaxy(
                redshift=0.5,
                a=al.lp_linear.Gaussian(sigma=0.2),
                b=al.lp_linear.Gaussian(centre=(50.0, 50.0), sigma=0.01),
            ),
        ]
    )
    settings = al.SettingsInversion(
        use_positive_only_solver=False, no_regularization_add_to_curvature_diag_value=0.0
    )
    with pytest.raises(aa_exc.InversionException, match="singular"):
        al.FitImaging(dataset=_dataset(), tracer=tracer, settings=settings)


def test_empty_mask_raises_when_applied_to_imaging():
    data = al.Array2D.no_mask(np.ones((5, 5)), pixel_scales=PIXEL)
    imaging = al.Imaging(data, al.Array2D.no_mask(np.ones((5, 5)), pixel_scales=PIXEL))
    with pytest.raises(aa_exc.DatasetException, match="no unmasked pixels"):
        imaging.apply_mask(al.Mask2D(np.ones((5, 5), dtype=bool), pixel_scales=PIXEL))
