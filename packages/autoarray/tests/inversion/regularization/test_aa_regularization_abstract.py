import numpy as np
import pytest

from autoarray.inversion.regularization import AbstractRegularization, Constant
from autoarray.inversion.regularization.kernel import AbstractKernel


def test_a_scheme_must_define_its_matrix():
    with pytest.raises(TypeError):
        AbstractRegularization()

    class Incomplete(AbstractRegularization):
        pass

    with pytest.raises(TypeError):
        Incomplete()
    assert isinstance(Constant(2.0), AbstractRegularization)


def test_a_kernel_scheme_must_define_its_covariance():
    class NoCovariance(AbstractKernel):
        pass

    with pytest.raises(TypeError):
        NoCovariance()

    class Identity(AbstractKernel):
        def covariance_from(self, mesh_grid, xp=np):
            return xp.eye(mesh_grid.shape[0])

    H = Identity(coefficient=3.0).regularization_matrix_from(None, mesh_grid=np.zeros((4, 2)))
    assert H.shape == (4, 4)
    np.testing.assert_allclose(np.diag(H), 3.0, rtol=1e-6)
