"""What a computed imaging fit exposes: the fitted inputs, the data / model / residual maps and
the figures of merit (:class:`FitImagingMaps`, a base of
:class:`~autogalaxy.imaging.fit_imaging.AbstractFitImaging`).

Everything here reads the raw results :meth:`AbstractFitImaging._compute` stored (``_model_data``,
``_chi_squared``, ...) or the per-dataset constants, and wraps arrays on the fit's mask; nothing
is recomputed.
"""

from __future__ import annotations

from abc import ABC
from typing import Any

import numpy as np

import autoarray as aa
from autogalaxy.imaging.fit_statics import FitStatics, fit_statics_from


def _is_zero(value) -> bool:
    if value is None:
        return True
    try:
        return bool(np.all(np.asarray(value) == 0.0))
    except Exception:  # a JAX tracer: not known to be zero
        return False


class FitImagingMaps(ABC):
    """Inputs, maps and figures of merit of a computed imaging fit."""

    # Set by AbstractFitImaging (constructor and _compute).
    dataset: Any
    dataset_model: Any
    inversion: Any
    _data_fitted: Any
    _blurred_image: Any
    _model_data: Any
    _chi_squared: Any
    _log_likelihood: Any

    # ------------------------------------------------------------------ statics
    @property
    def _statics(self) -> FitStatics:
        return fit_statics_from(self.dataset)

    def _points_from(self, statics, xp):
        points = statics.points
        offset = getattr(self.dataset_model, "grid_offset", None)
        if not _is_zero(offset):
            points = points - xp.asarray(offset)
        return points

    def _data_from(self, statics, xp):
        data = statics.data
        sky = getattr(self.dataset_model, "background_sky_level", None)
        if not _is_zero(sky):
            data = data - sky
        return data

    @property
    def _data(self):
        """Raw data fitted (the dataset's data unless the dataset model subtracted a sky)."""
        if self._data_fitted is None:
            return self._statics.data
        return self._data_fitted

    @property
    def _noise_normalization(self):
        return self._statics.noise_normalization

    @property
    def _log_evidence(self):
        if self.inversion is None:
            return None
        inv = self.inversion
        return -0.5 * (
            self._chi_squared
            + inv.regularization_term
            + inv.log_det_curvature_reg_matrix_term
            - inv.log_det_regularization_matrix_term
            + self._noise_normalization
        )

    @property
    def _figure_of_merit(self):
        return self._log_likelihood if self.inversion is None else self._log_evidence

    # ------------------------------------------------------------------ wrapping helpers
    @property
    def mask(self):
        return self._statics.mask

    def _array(self, values):
        return aa.Array2D(values=values, mask=self.mask)

    @property
    def _array_xp(self):
        return aa.backend.xp_of(self._model_data)

    # ------------------------------------------------------------------ data
    @property
    def data(self):
        """The data fitted (background sky of the dataset model subtracted)."""
        return self._array(self._data)

    @property
    def noise_map(self):
        return self._array(self._statics.noise_map)

    @property
    def signal_to_noise_map(self):
        xp = self._array_xp
        return self._array(xp.maximum(self._data / self._statics.noise_map, 0.0))

    @property
    def grids(self):
        return getattr(self.dataset, "grids", None)

    # ------------------------------------------------------------------ model
    @property
    def blurred_image(self):
        """PSF-blurred image of the standard light profiles (linear profiles excluded)."""
        return self._array(self._blurred_image)

    @property
    def profile_subtracted_image(self):
        return self._array(self._data - self._blurred_image)

    @property
    def model_data(self):
        return self._array(self._model_data)

    @property
    def model_image(self):
        return self.model_data

    # ------------------------------------------------------------------ residuals
    @property
    def residual_map(self):
        return self._array(self._data - self._model_data)

    @property
    def normalized_residual_map(self):
        return self._array((self._data - self._model_data) * self._statics.inverse_noise)

    @property
    def chi_squared_map(self):
        chi = (self._data - self._model_data) * self._statics.inverse_noise
        return self._array(chi * chi)

    # ------------------------------------------------------------------ figures of merit
    @property
    def chi_squared(self):
        return self._chi_squared

    @property
    def reduced_chi_squared(self):
        return self._chi_squared / self._statics.n_pix

    @property
    def noise_normalization(self):
        return self._noise_normalization

    @property
    def log_likelihood(self):
        """``-½ (χ² + Σ ln 2πσ²)``."""
        return self._log_likelihood

    @property
    def log_likelihood_with_regularization(self):
        if self.inversion is None:
            return self._log_likelihood
        return -0.5 * (
            self._chi_squared + self.inversion.regularization_term + self._noise_normalization
        )

    @property
    def log_evidence(self):
        """Bayesian log evidence of the linear solve (``None`` without linear objects); equal
        to the log likelihood when nothing is regularised."""
        return self._log_evidence

    @property
    def figure_of_merit(self):
        """Log evidence if there is an inversion, else the log likelihood."""
        return self._figure_of_merit

    @property
    def perform_inversion(self) -> bool:
        return self.inversion is not None
