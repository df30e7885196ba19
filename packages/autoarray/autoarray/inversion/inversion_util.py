"""Pure functions of the linear inversion (NumPy by default, JAX via ``xp``).

With ``B`` the operated (PSF-blurred) mapping matrix ``[N_pix, P]``, ``d`` the data to fit (the
profile-subtracted image) and ``σ`` the noise map:

* data vector ``D = Bᵀ (d / σ²)``;
* curvature matrix ``F = (B/σ)ᵀ (B/σ)``, plus ``1e-3`` on the diagonal of parameters that are not
  regularised (:func:`add_to_diagonal`);
* reconstruction ``s``: ``solve(F, D)`` or the positive-only (NNLS) solution.
"""

from __future__ import annotations

import numpy as np

from autoarray import exc
from autoarray.abstract_ndarray import raw_array

#: Value added to the curvature-matrix diagonal of unregularised parameters.
NO_REGULARIZATION_ADD_TO_DIAGONAL = 1e-3


def curvature_matrix_from(B_over_sigma, xp=np):
    """``F = (B/σ)ᵀ (B/σ)`` from the noise-weighted mapping matrix ``B/σ`` ``[N_pix, P]``."""
    M = raw_array(B_over_sigma)
    return M.T @ M


def curvature_matrix_via_mapping_matrix_from(mapping_matrix, noise_map, xp=np):
    """``F`` from ``B`` and the noise map."""
    return curvature_matrix_from(raw_array(mapping_matrix) / raw_array(noise_map)[:, None], xp=xp)


def data_vector_from(mapping_matrix, data, noise_map, xp=np):
    """``D = Bᵀ (d / σ²)``."""
    return raw_array(mapping_matrix).T @ (raw_array(data) / raw_array(noise_map) ** 2)


def add_to_diagonal(curvature_matrix, value=NO_REGULARIZATION_ADD_TO_DIAGONAL, indices=None, xp=np):
    """Add ``value`` to the diagonal (all entries, or only ``indices``); returns a new matrix."""
    F = raw_array(curvature_matrix)
    n = F.shape[0]
    if indices is None:
        add = xp.full(n, value, dtype=F.dtype)
    else:
        add = np.zeros(n)
        add[np.asarray(indices, dtype=int)] = value
    return F + xp.diag(add)


def _check_system(F, D):
    F = np.asarray(F, dtype=float)
    D = np.asarray(D, dtype=float)
    if F.ndim != 2 or F.shape[0] != F.shape[1] or D.shape != (F.shape[0],):
        raise exc.InversionException(
            f"Linear solve needs a square matrix and matching vector, got {F.shape} and {D.shape}."
        )
    if not (np.all(np.isfinite(F)) and np.all(np.isfinite(D))):
        raise exc.InversionException(
            "Linear inversion: the curvature matrix or data vector contains NaN/inf values."
        )
    return F, D


def cholesky_numpy(F):
    """Lower Cholesky factor of ``F``; singular / indefinite matrices raise
    ``InversionException``.

    Only the lower triangle is meaningful (SciPy's ``cho_factor`` leaves the upper one
    unspecified, which is what saves the time over ``np.linalg.cholesky``: no zeroing pass and
    no second finiteness scan — callers pass finite matrices, and a non-finite factor is
    caught by the check below).
    """
    from scipy.linalg import cho_factor

    try:
        L, _ = cho_factor(F, lower=True, check_finite=False)
    except np.linalg.LinAlgError as error:
        raise exc.InversionException(
            "Linear inversion: the curvature matrix is singular or not positive definite "
            "(degenerate linear objects?)."
        ) from error
    diag = np.diag(L) ** 2
    if diag.size and (
        not np.all(np.isfinite(diag))
        or diag.min() <= diag.size * 1e2 * np.finfo(float).eps * np.max(np.abs(np.diag(F)))
    ):
        raise exc.InversionException(
            "Linear inversion: the curvature matrix is numerically singular."
        )
    return L


def reconstruction_least_squares_from(curvature_matrix, data_vector, xp=np):
    """``s = F⁻¹ D`` by Cholesky. NumPy raises ``InversionException`` for singular / non-finite
    systems; JAX returns whatever the factorisation gives (NaN for a non-PD matrix)."""
    if xp is np:
        F, D = _check_system(raw_array(curvature_matrix), raw_array(data_vector))
        from scipy.linalg import cho_solve

        s = cho_solve((cholesky_numpy(F), True), D, check_finite=False)
        if not np.all(np.isfinite(s)):
            raise exc.InversionException("Linear inversion produced a non-finite reconstruction.")
        return s
    import jax.scipy.linalg as jsl

    factor = jsl.cho_factor(raw_array(curvature_matrix), lower=True)
    return jsl.cho_solve(factor, raw_array(data_vector))


def reconstruction_positive_only_from(curvature_matrix, data_vector, xp=np, max_iter=None):
    """Positive-only reconstruction ``argmin_{s≥0} ½ sᵀFs − Dᵀs`` (see :mod:`.nnls`)."""
    from autoarray.inversion.nnls import nnls_jax, nnls_numpy

    if xp is np:
        F, D = _check_system(raw_array(curvature_matrix), raw_array(data_vector))
        return nnls_numpy(F, D, max_iter=max_iter)
    return nnls_jax(raw_array(curvature_matrix), raw_array(data_vector), max_iter=max_iter)


def log_det_from(matrix, xp=np):
    """``ln det`` of a symmetric positive-definite matrix, ``2 Σ ln diag(chol)``."""
    if xp is np:
        L = cholesky_numpy(np.asarray(raw_array(matrix), dtype=float))
        return 2.0 * float(np.sum(np.log(np.diagonal(L))))
    L = xp.linalg.cholesky(raw_array(matrix))
    return 2.0 * xp.sum(xp.log(xp.diagonal(L)))


def mapped_reconstructed_data_from(mapping_matrix, reconstruction, xp=np):
    """``B s``."""
    return raw_array(mapping_matrix) @ raw_array(reconstruction)
