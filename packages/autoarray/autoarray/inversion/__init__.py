"""Linear inversion machinery: curvature matrix, data vector and (positive-only) solves."""

from autoarray.inversion.inversion import Inversion
from autoarray.inversion.inversion_util import (
    add_to_diagonal,
    curvature_matrix_from,
    data_vector_from,
    log_det_from,
    reconstruction_least_squares_from,
    reconstruction_positive_only_from,
)
from autoarray.inversion.nnls import nnls_jax, nnls_numpy

__all__ = [
    "Inversion",
    "add_to_diagonal",
    "curvature_matrix_from",
    "data_vector_from",
    "log_det_from",
    "nnls_jax",
    "nnls_numpy",
    "reconstruction_least_squares_from",
    "reconstruction_positive_only_from",
]
