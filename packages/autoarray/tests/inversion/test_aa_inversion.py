import numpy as np
import pytest
from scipy.optimize import nnls

from autoarray import exc
from autoarray.inversion import (
    Inversion,
    add_to_diagonal,
    curvature_matrix_from,
    data_vector_from,
    log_det_from,
    reconstruction_least_squares_from,
    reconstruction_positive_only_from,
)
from autoarray.inversion.nnls import nnls_numpy


def _problem(rng, m, n):
    B = rng.normal(size=(m, n))
    d = rng.normal(size=m)
    return B, d


def test_curvature_and_data_vector():
    rng = np.random.default_rng(0)
    B = rng.normal(size=(20, 3))
    d = rng.normal(size=20)
    sigma = rng.uniform(0.5, 2.0, size=20)
    F = curvature_matrix_from(B / sigma[:, None])
    np.testing.assert_allclose(F, (B / sigma[:, None]).T @ (B / sigma[:, None]))
    np.testing.assert_allclose(data_vector_from(B, d, sigma), B.T @ (d / sigma**2))
    F2 = add_to_diagonal(F, 1e-3, indices=[1])
    np.testing.assert_allclose(np.diag(F2) - np.diag(F), [0.0, 1e-3, 0.0])
    np.testing.assert_allclose(np.diag(add_to_diagonal(F) - F), 1e-3)


@pytest.mark.parametrize("seed", range(25))
def test_nnls_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 30))
    m = n + int(rng.integers(1, 40))
    B, d = _problem(rng, m, n)
    s = reconstruction_positive_only_from(B.T @ B, B.T @ d)
    expected, _ = nnls(B, d)
    assert np.all(s >= 0.0)
    np.testing.assert_allclose(s, expected, atol=1e-9 * max(1.0, np.abs(expected).max()))


def test_nnls_equals_least_squares_when_positive():
    rng = np.random.default_rng(5)
    B = np.abs(rng.normal(size=(50, 6))) + 0.1
    s_true = rng.uniform(1.0, 2.0, size=6)
    d = B @ s_true + 0.01 * rng.normal(size=50)
    F, D = B.T @ B, B.T @ d
    lstsq = reconstruction_least_squares_from(F, D)
    assert np.all(lstsq > 0)
    np.testing.assert_allclose(
        reconstruction_positive_only_from(F, D), lstsq, rtol=1e-12, atol=1e-12
    )
    np.testing.assert_allclose(lstsq, np.linalg.lstsq(B, d, rcond=None)[0], rtol=1e-9)


def test_nnls_without_jacobi_and_all_negative():
    rng = np.random.default_rng(6)
    B, d = _problem(rng, 30, 5)
    np.testing.assert_allclose(
        nnls_numpy(B.T @ B, B.T @ d, jacobi=False), nnls(B, d)[0], atol=1e-10
    )
    B = np.abs(B)
    np.testing.assert_array_equal(nnls_numpy(B.T @ B, -B.T @ np.abs(d)), 0.0)


def test_singular_and_non_finite_raise():
    F = np.array([[1.0, 1.0], [1.0, 1.0]])
    D = np.array([1.0, 1.0])
    with pytest.raises(exc.InversionException, match="singular"):
        reconstruction_least_squares_from(F, D)
    with pytest.raises(exc.InversionException):
        reconstruction_least_squares_from(np.array([[1.0, 0.0], [0.0, np.nan]]), D)
    with pytest.raises(exc.InversionException):
        reconstruction_positive_only_from(
            np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([np.inf, 1.0])
        )
    with pytest.raises(exc.InversionException):
        reconstruction_positive_only_from(np.array([[0.0, 0.0], [0.0, 1.0]]), D)
    with pytest.raises(exc.InversionException):
        Inversion(
            np.zeros((5, 2)), np.ones(5), np.ones(5), positive_only=False, add_to_diagonal=0.0
        )


def test_inversion_class():
    rng = np.random.default_rng(7)
    B = np.abs(rng.normal(size=(40, 3)))
    sigma = np.full(40, 0.5)
    s_true = np.array([1.0, 2.0, 0.5])
    d = B @ s_true + 0.01 * rng.normal(size=40)
    inversion = Inversion(B, d, sigma)
    F = (B / 0.5).T @ (B / 0.5) + 1e-3 * np.eye(3)
    np.testing.assert_allclose(inversion.curvature_matrix, F)
    np.testing.assert_allclose(inversion.data_vector, B.T @ (d / 0.25))
    np.testing.assert_allclose(inversion.reconstruction, np.linalg.solve(F, B.T @ (d / 0.25)))
    np.testing.assert_allclose(
        inversion.mapped_reconstructed_operated_data, B @ inversion.reconstruction
    )
    assert inversion.log_det_curvature_reg_matrix_term == 0.0
    assert inversion.regularization_term == 0.0
    assert inversion.total_params == 3
    lsq = Inversion(B, d, sigma, positive_only=False)
    np.testing.assert_allclose(lsq.reconstruction, inversion.reconstruction, rtol=1e-10)

    H = np.eye(3) * 2.0
    reg = Inversion(B, d, sigma, regularization_matrix=H, positive_only=False)
    np.testing.assert_allclose(reg.curvature_matrix, (B / 0.5).T @ (B / 0.5))
    s = reg.reconstruction
    np.testing.assert_allclose(s, np.linalg.solve(reg.curvature_matrix + H, reg.data_vector))
    assert reg.regularization_term == pytest.approx(s @ H @ s)
    assert reg.log_det_curvature_reg_matrix_term == pytest.approx(
        np.linalg.slogdet(reg.curvature_matrix + H)[1]
    )
    assert reg.log_det_regularization_matrix_term == pytest.approx(3 * np.log(2.0))
    assert log_det_from(H) == pytest.approx(3 * np.log(2.0))


def test_unblurred_mapping_matrix_and_grids_are_constructor_arguments():
    rng = np.random.default_rng(8)
    M = np.abs(rng.normal(size=(30, 2)))
    B = 0.5 * M
    d = B @ np.array([1.0, 3.0])
    plain = Inversion(B, d, np.ones(30))
    with pytest.raises(exc.InversionException):
        _ = plain.mapped_reconstructed_data
    assert plain.source_plane_mesh_grid_list == []
    mesh = np.zeros((2, 2))
    kept = Inversion(
        B,
        d,
        np.ones(30),
        mapping_matrix=M,
        source_plane_mesh_grid_list=[mesh],
        source_plane_data_grid_list=[np.ones((30, 2))],
    )
    np.testing.assert_allclose(kept.mapped_reconstructed_data, M @ kept.reconstruction)
    assert kept.source_plane_mesh_grid_list[0] is mesh
    assert len(kept.source_plane_data_grid_list) == 1


def test_nnls_numpy_raises_on_too_few_iterations():
    rng = np.random.default_rng(5)
    B = rng.normal(size=(200, 20))
    d = rng.normal(size=200)
    with pytest.raises(exc.InversionException, match="did not converge"):
        nnls_numpy(B.T @ B, B.T @ d, max_iter=1)


@pytest.mark.parametrize("columns", [1, 2])
def test_nnls_numpy_one_and_two_parameters_match_scipy_on_every_face(columns):
    rng = np.random.default_rng(11)
    for trial in range(200):
        B = rng.normal(size=(40, columns))
        d = rng.normal(size=40) * (1.0 + trial % 3)
        np.testing.assert_allclose(
            nnls_numpy(B.T @ B, B.T @ d), nnls(B, d)[0], rtol=1e-9, atol=1e-12
        )


def test_positive_only_block_pivoting_equals_active_set_on_a_pixelization_sized_system():
    # 120 parameters (block pivoting, above _BLOCK_PIVOTING_FROM) with ~half at the bound: the
    # result must be the active set's unique optimum.
    from autoarray.inversion.nnls import _BLOCK_PIVOTING_FROM, _active_set_from

    rng = np.random.default_rng(7)
    n = 120
    assert n >= _BLOCK_PIVOTING_FROM
    B = rng.normal(size=(300, n))
    F = B.T @ B + 0.5 * np.eye(n)
    D = rng.normal(size=n) * 10.0
    s = reconstruction_positive_only_from(F, D)
    exact = _active_set_from(F, D, np.zeros(n, dtype=bool), 10_000)
    assert 20 < np.sum(s == 0.0) < n - 20
    np.testing.assert_allclose(s, exact, rtol=1e-9, atol=1e-12 * np.max(np.abs(exact)))
