import numpy as np
import pytest
from scipy import special

from autogalaxy.profiles.mass.total import epl_hyp2f1


def test__gauss_jacobi_rule__node_count_adapts_to_ellipticity():
    assert epl_hyp2f1.n_nodes_for_ellipticity_from(0.0) == 8
    assert epl_hyp2f1.n_nodes_for_ellipticity_from(2.0 / 3.0) <= 16
    assert epl_hyp2f1.n_nodes_for_ellipticity_from(0.95) > 30
    nodes, weights = epl_hyp2f1.gauss_jacobi_beta_rule_from(1.0, n_nodes=12)
    assert weights.sum() == pytest.approx(1.0, rel=1e-14)
    assert np.all((nodes > 0.0) & (nodes < 1.0))
    # Mean of the Beta(1/2, 1) distribution is 1/3.
    assert np.sum(weights * nodes) == pytest.approx(1.0 / 3.0, rel=1e-13)


@pytest.mark.parametrize("t", [0.3, 1.0, 1.6])
def test__quadrature_matches_scipy_hyp2f1(t):
    """``H(z) = 2F1(1, t/2; 2 - t/2; z)`` at ``z = -w`` with ``|w| = f`` (the EPL's argument)."""
    f = 0.5
    phase = np.linspace(0.0, 2.0 * np.pi, 9)
    w = f * np.exp(1j * phase)
    nodes, weights = epl_hyp2f1.gauss_jacobi_beta_rule_from(t, n_nodes=40)
    h_real, h_imag = epl_hyp2f1.hyp2f1_epl_from(w.real, w.imag, f * f, nodes, weights)
    expected = special.hyp2f1(1.0, t / 2.0, 2.0 - t / 2.0, -w)
    np.testing.assert_allclose(h_real + 1j * h_imag, expected, rtol=1e-12)
