"""Pure fit functions on raw slim arrays (NumPy by default, JAX via ``xp``).

With ``d`` data, ``m`` model data and ``σ`` noise: residuals ``d − m``, normalised residuals
``(d − m)/σ``, χ² map ``((d − m)/σ)²``, χ² its sum, noise normalisation ``Σ ln(2π σ²)`` and
``log L = −½ (χ² + noise normalisation)``.
"""

from __future__ import annotations

import numpy as np

from autoarray.abstract_ndarray import raw_array


def residual_map_from(data, model_data):
    return raw_array(data) - raw_array(model_data)


def normalized_residual_map_from(residual_map, noise_map):
    return raw_array(residual_map) / raw_array(noise_map)


def chi_squared_map_from(residual_map, noise_map):
    return (raw_array(residual_map) / raw_array(noise_map)) ** 2


def chi_squared_from(chi_squared_map, xp=np):
    return xp.sum(raw_array(chi_squared_map))


def noise_normalization_from(noise_map, xp=np):
    return xp.sum(xp.log(2.0 * np.pi * raw_array(noise_map) ** 2))


def log_likelihood_from(chi_squared, noise_normalization):
    return -0.5 * (chi_squared + noise_normalization)


def log_likelihood_from_data(data, model_data, noise_map, xp=np):
    """``log L`` straight from data, model and noise (one pass)."""
    chi_squared = chi_squared_from(
        chi_squared_map_from(residual_map_from(data, model_data), noise_map), xp
    )
    return log_likelihood_from(chi_squared, noise_normalization_from(noise_map, xp))


def log_evidence_from(
    chi_squared,
    regularization_term,
    log_det_curvature_reg_matrix_term,
    log_det_regularization_matrix_term,
    noise_normalization,
):
    """``−½ (χ² + sᵀHs + ln det(F+H) − ln det(H) + noise normalisation)``."""
    return -0.5 * (
        chi_squared
        + regularization_term
        + log_det_curvature_reg_matrix_term
        - log_det_regularization_matrix_term
        + noise_normalization
    )


def signal_to_noise_map_from(data, noise_map, xp=np):
    """``d / σ`` with negative values set to zero."""
    values = raw_array(data) / raw_array(noise_map)
    return xp.where(values < 0.0, 0.0, values)
