import pytest

import autolens as al
from autolens.lens import time_delay


def _tracer(*extra):
    lens = al.Galaxy(redshift=0.5, mass=al.mp.IsothermalSph(centre=(0.0, 0.0), einstein_radius=1.0))
    return al.Tracer([lens, *extra, al.Galaxy(redshift=1.0)])


def test_time_delays_and_fermat_potential_match_reference():
    tracer = _tracer()
    grid = al.Grid2DIrregular([(1.1, 0.0), (-0.9, 0.0)])
    assert time_delay.time_delay_distance_in_metres_from(tracer) == pytest.approx(
        1.4056591753e26, rel=1e-9
    )
    assert time_delay.days_per_arcsec_squared_from(tracer) == pytest.approx(
        127.5543635095, rel=1e-9
    )
    assert tracer.fermat_potential_from(grid).array == pytest.approx([-0.6, -0.4], abs=1e-9)
    assert tracer.time_delays_from(grid).array == pytest.approx(
        [-76.5326181057, -51.0217454038], rel=1e-9
    )


def test_time_delays_need_two_planes():
    tracer = _tracer(al.Galaxy(redshift=0.7))
    with pytest.raises(al.exc.RayTracingException, match="exactly two planes"):
        tracer.time_delays_from(al.Grid2DIrregular([(1.0, 0.0)]))
