import numpy as np
import pytest

import autolens as al


class _Analysis:
    def __init__(self, tracer):
        self.tracer = tracer

    def tracer_via_instance_from(self, instance):
        return self.tracer


def test_penalty_matches_reference(p1_tracer):
    tracer = p1_tracer(al.ps.Point((0.1, 0.0)))
    positions = al.PositionsLH(positions=[(1.12, 0.01), (-0.88, -0.02)], threshold=0.001)
    assert positions.max_separation_from(tracer) == pytest.approx(0.00167633, abs=1e-8)
    penalty = positions.log_likelihood_penalty_from(None, _Analysis(tracer))
    assert float(penalty) == pytest.approx(67632.5186119749, rel=1e-6)
    loose = al.PositionsLH(positions=[(1.12, 0.01), (-0.88, -0.02)], threshold=0.01)
    assert float(loose.log_likelihood_penalty_from(None, _Analysis(tracer))) == 0.0


def test_fewer_than_two_finite_positions_raise():
    with pytest.raises(al.exc.PositionsException, match="2 finite"):
        al.PositionsLH(positions=[(1.0, 0.0), (np.inf, np.inf)], threshold=0.1)
