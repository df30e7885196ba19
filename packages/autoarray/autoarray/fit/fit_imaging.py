"""``FitImaging``: fit quantities of a model image to an ``Imaging`` dataset.

Use it directly with a model image (``FitImaging(dataset, model_data=...)``; the model image is
taken as it is, already PSF-blurred) or subclass it and override the ``model_data`` property.
The galaxy and lens fits (``autogalaxy.imaging.fit_imaging``) do not derive from it: they blur
their model image with ``autogalaxy.operate.image.blurred_image_raw_from`` and compute their
figures from per-dataset constants.

JAX: a fit returned from ``jax.jit`` should carry its results as leaves rather than recompute
them lazily outside the trace. Call :meth:`FitImaging._compute_all` (or pass
``compute=True``) inside the traced function: it stores ``_model_data``, ``_chi_squared``,
``_noise_normalization`` and ``_log_likelihood`` (and the log evidence when a subclass has an
inversion) as plain attributes; every property returns the stored value when present. The class
and its subclasses are pytrees (:mod:`autoarray.pytrees`) with the dataset static.
"""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import raw_array
from autoarray.fit import fit_util
from autoarray.pytrees import Pytree
from autoarray.structures.arrays.uniform_2d import Array2D


class FitImaging(Pytree):
    """Fit of model data to an imaging dataset (all quantities on the unmasked pixels).

    Parameters
    ----------
    dataset
        The (masked) :class:`~autoarray.dataset.imaging.Imaging`.
    model_data
        Model image (slim raw array or ``Array2D`` on the dataset mask). Subclasses may leave it
        ``None`` and override :attr:`model_data`.
    xp
        ``numpy`` (default) or ``jax.numpy``.
    dataset_model
        Optional :class:`~autoarray.dataset.dataset_model.DatasetModel`; its
        ``background_sky_level`` is subtracted from the data.
    compute
        Evaluate and store the scalar results immediately (see :meth:`_compute_all`).
    """

    __pytree_static__ = ("dataset",)

    def __init__(self, dataset, model_data=None, xp=np, dataset_model=None, compute=False):
        self.dataset = dataset
        self.dataset_model = dataset_model
        self.use_jax = xp is not np
        if model_data is not None:
            self._model_data = raw_array(model_data)
        if compute:
            self._compute_all(xp)

    # ------------------------------------------------------------------ backend / pytree
    @property
    def _xp(self):
        if self.use_jax:
            from autoarray.backend import jax_numpy

            return jax_numpy()
        return np

    def _wrap(self, values) -> Array2D:
        return Array2D(values, mask=self.mask, xp=self._xp)

    def _compute_all(self, xp=None):
        """Evaluate model data and the scalar figures once and store them as attributes."""
        if xp is not None:
            self.use_jax = xp is not np
        self._model_data = self.model_data_raw
        self._chi_squared = self.chi_squared
        self._noise_normalization = self.noise_normalization
        self._log_likelihood = self.log_likelihood
        if self.inversion is not None:
            self._log_evidence = self.log_evidence
        return self

    def _stored(self, name):
        return self.__dict__.get(name, None)

    # ------------------------------------------------------------------ dataset
    @property
    def mask(self):
        return self.dataset.mask

    @property
    def noise_map(self) -> Array2D:
        return self.dataset.noise_map

    @property
    def data_raw(self):
        data = self.dataset.data.array
        if self.dataset_model is not None:
            sky = self.dataset_model.background_sky_level
            data = data - sky
        return data

    @property
    def data(self) -> Array2D:
        """Data minus the dataset model's sky level."""
        if self.dataset_model is None:
            return self.dataset.data
        return self._wrap(self.data_raw)

    # ------------------------------------------------------------------ model
    @property
    def model_data(self):
        """The model image (``Array2D``). Subclasses override this."""
        stored = self._stored("_model_data")
        if stored is None:
            raise exc.FitException(
                "FitImaging needs model_data: pass it to the constructor or override model_data."
            )
        return self._wrap(stored)

    @property
    def model_data_raw(self):
        stored = self._stored("_model_data")
        if stored is not None:
            return stored
        return raw_array(self.model_data)

    @property
    def inversion(self):
        """The linear inversion of the fit (``None`` here; subclasses with linear objects)."""
        return None

    # ------------------------------------------------------------------ maps
    @property
    def residual_map(self) -> Array2D:
        return self._wrap(fit_util.residual_map_from(self.data_raw, self.model_data_raw))

    @property
    def normalized_residual_map(self) -> Array2D:
        residual = fit_util.residual_map_from(self.data_raw, self.model_data_raw)
        return self._wrap(fit_util.normalized_residual_map_from(residual, self.noise_map.array))

    @property
    def chi_squared_map(self) -> Array2D:
        residual = fit_util.residual_map_from(self.data_raw, self.model_data_raw)
        return self._wrap(fit_util.chi_squared_map_from(residual, self.noise_map.array))

    @property
    def signal_to_noise_map(self) -> Array2D:
        return self._wrap(
            fit_util.signal_to_noise_map_from(self.data_raw, self.noise_map.array, self._xp)
        )

    # ------------------------------------------------------------------ scalars
    @property
    def chi_squared(self):
        stored = self._stored("_chi_squared")
        if stored is not None:
            return stored
        return fit_util.chi_squared_from(self.chi_squared_map.array, self._xp)

    @property
    def noise_normalization(self):
        stored = self._stored("_noise_normalization")
        if stored is not None:
            return stored
        return fit_util.noise_normalization_from(self.noise_map.array, self._xp)

    @property
    def log_likelihood(self):
        """``−½ (χ² + Σ ln 2πσ²)``."""
        stored = self._stored("_log_likelihood")
        if stored is not None:
            return stored
        return fit_util.log_likelihood_from(self.chi_squared, self.noise_normalization)

    @property
    def log_evidence(self):
        """Bayesian log evidence with the inversion's terms (``None`` without an inversion)."""
        stored = self._stored("_log_evidence")
        if stored is not None:
            return stored
        inversion = self.inversion
        if inversion is None:
            return None
        return fit_util.log_evidence_from(
            self.chi_squared,
            inversion.regularization_term,
            inversion.log_det_curvature_reg_matrix_term,
            inversion.log_det_regularization_matrix_term,
            self.noise_normalization,
        )

    @property
    def figure_of_merit(self):
        """The log evidence if the fit has an inversion, else the log likelihood."""
        if self.inversion is not None:
            return self.log_evidence
        return self.log_likelihood

    @property
    def reduced_chi_squared(self):
        return self.chi_squared / self.mask.pixels_in_mask

    def __repr__(self) -> str:
        return f"{type(self).__name__}(pixels={self.mask.pixels_in_mask})"
