"""The constants of a fit: everything about a dataset that a fit needs and that never changes
between fits (:class:`FitStatics`), built once per dataset and cached (:func:`fit_statics_from`).
"""

from __future__ import annotations

import numpy as np

import autoarray as aa
from autoarray import exc as aa_exc
from autoarray import execution


class FitStatics:
    """Everything about a dataset that a fit needs and that never changes between fits.

    Attributes
    ----------
    mask, psf
        The dataset's mask and PSF (``None`` if the dataset has none).
    lp_grid
        The light-profile ``Grid2D`` (with its over-sample sizes) and ``over_sampler`` its
        binning geometry.
    points
        Raw ``[n_sub + n_blurring, 2]`` NumPy array: the lp grid's sub-pixels followed by the
        blurring-pixel centres (sub size 1); traced once per fit.
    data, noise_map
        Raw slim NumPy arrays; ``inverse_noise = 1/σ``; ``noise_normalization = Σ ln(2πσ²)``.
    """

    def __init__(self, dataset):
        self.mask = _dataset_mask(dataset)
        self.psf = getattr(dataset, "psf", None)
        self.lp_grid = _lp_grid_from(dataset, self.mask)
        self.over_sampler = self.lp_grid.over_sampler
        sub = np.asarray(aa.raw_array(self.lp_grid.over_sampled), dtype=float)
        self.n_pix = int(self.mask.pixels_in_mask)
        self.n_sub = int(sub.shape[0])
        blurring = _blurring_grid_from(dataset, self.mask, self.psf)
        if blurring is None:
            self.blurring_grid = None
            self.n_blurring = 0
            self.points = sub
        else:
            self.blurring_grid = blurring
            centres = np.asarray(aa.raw_array(blurring), dtype=float)
            self.n_blurring = int(centres.shape[0])
            self.points = np.concatenate([sub, centres], axis=0)
        self.data = np.asarray(aa.raw_array(_slim(dataset.data)), dtype=float)
        self.noise_map = np.asarray(aa.raw_array(_slim(dataset.noise_map)), dtype=float)
        self.inverse_noise = 1.0 / self.noise_map
        self.noise_normalization = float(np.sum(np.log(2.0 * np.pi * self.noise_map**2)))
        if self.psf is not None:
            # Build the convolution state now (index arrays, kernel FFT), not on the first call.
            state_from = getattr(self.psf, "state_from", None)
            if callable(state_from):
                state_from(self.mask)

    def require_psf(self, what: str) -> None:
        """Raise when the dataset has no PSF but the model has ``what`` that must be blurred."""
        if self.psf is None:
            raise aa_exc.FitException(
                f"The dataset has no PSF but the model has {what} that must be PSF-blurred; "
                "give the Imaging a psf (e.g. Convolver.no_blur(pixel_scales) for no blurring)."
            )


def _slim(values):
    slim = getattr(values, "slim", None)
    return values if slim is None else slim


def _dataset_mask(dataset):
    mask = getattr(dataset, "mask", None)
    if mask is None:
        mask = getattr(dataset.data, "mask", None)
    if mask is None:
        raise aa_exc.DatasetException("The dataset has no mask (data must be an Array2D).")
    return mask


def _lp_grid_from(dataset, mask):
    grids = getattr(dataset, "grids", None)
    grid = getattr(grids, "lp", None) if grids is not None else None
    if grid is None:
        grid = getattr(dataset, "grid", None)
    if grid is None:
        size = getattr(dataset, "over_sample_size_lp", 4)
        grid = aa.Grid2D.from_mask(mask, over_sample_size=size)
    return grid


def _blurring_grid_from(dataset, mask, psf):
    if psf is None:
        return None
    grids = getattr(dataset, "grids", None)
    grid = getattr(grids, "blurring", None) if grids is not None else None
    if grid is None:
        grid = aa.Grid2D.blurring_grid_from(mask, psf.shape_native)
    return grid


_STATICS = execution.IdentityCache()


def fit_statics_from(dataset) -> FitStatics:
    """The cached :class:`FitStatics` of ``dataset`` (built on first use, keyed by identity; the
    cache size is the ``dataset_cache_size`` execution setting).

    Building them is where a fit first touches heavy NumPy work, so the process-wide execution
    settings it wants (allocator thresholds) are applied here, once.
    """
    execution.prepare_numpy_work()
    return _STATICS.get(dataset, FitStatics)


__all__ = ["FitStatics", "fit_statics_from"]
