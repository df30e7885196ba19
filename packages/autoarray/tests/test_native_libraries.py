"""autoarray.native_libraries: process-wide BLAS thread pools and allocator thresholds."""

import numpy as np
from threadpoolctl import threadpool_info

from autoarray import native_libraries


def blas_counts() -> set:
    return {info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"}


def test_limit_blas_threads_sets_every_blas_library_and_none_restores_their_own():
    before = native_libraries.blas_thread_counts()
    assert before, "NumPy and SciPy load at least one BLAS library"
    try:
        counts = native_libraries.limit_blas_threads(2)
        assert set(counts.values()) == {2} == blas_counts()
        assert set(native_libraries.limit_blas_threads(1).values()) == {1} == blas_counts()
        # the results do not depend on the thread count
        matrix = np.random.default_rng(0).standard_normal((200, 200))
        matrix = matrix @ matrix.T + 200 * np.eye(200)
        one = np.linalg.cholesky(matrix)
        native_libraries.limit_blas_threads(2)
        np.testing.assert_allclose(np.linalg.cholesky(matrix), one, rtol=1e-12, atol=1e-12)
    finally:
        restored = native_libraries.limit_blas_threads(None)
        if native_libraries.blas_threads_applied():  # what the execution settings had set
            native_libraries.limit_blas_threads(native_libraries._blas_applied)
    assert restored == {
        path: native_libraries._library_defaults.get(path, threads)
        for path, threads in before.items()
    }


def test_apply_blas_threads_records_what_it_applied():
    previous = native_libraries._blas_applied
    try:
        native_libraries.apply_blas_threads(2)
        assert native_libraries.blas_threads_applied()
        assert blas_counts() == {2}
    finally:
        native_libraries._blas_applied = previous
        native_libraries.limit_blas_threads(
            None if previous is native_libraries._NOT_APPLIED else previous
        )
