import math

import numpy as np
import pytest

from autogalaxy.profiles.mass.total import sie_util


def _random_points(n, seed, r_min, r_max):
    rng = np.random.default_rng(seed)
    r = 10 ** rng.uniform(np.log10(r_min), np.log10(r_max), n)
    th = rng.uniform(0.0, 2.0 * np.pi, n)
    return np.stack((r * np.sin(th), r * np.cos(th)), axis=-1)


def test__isothermal__continuous_across_series_switch():
    """The closed form and the series agree where the kernel switches between them."""
    points = _random_points(200, seed=12, r_min=1e-2, r_max=10.0)
    y, x = points[:, 0], points[:, 1]
    f = sie_util.SIE_SERIES_ELLIPTICITY
    for e1, e2 in ((0.0, f), (0.6 * f, -0.8 * f), (-f, 0.0)):
        closed = sie_util._sie_closed_from(y, x, 1.3, e1, e2, math.hypot(e1, e2))
        series = sie_util._sie_series_from(y, x, 1.3, e1, e2, math.hypot(e1, e2))
        assert np.stack(closed) == pytest.approx(np.stack(series), abs=1e-14)


def test__exact_centre_gives_zero_deflection():
    y = np.array([0.3, 0.0])
    x = np.array([-0.2, 0.0])
    alpha = sie_util.sie_deflections_from(y + 0.3, x - 0.2, 1.0, (0.1, 0.2), centre=(0.3, -0.2))
    assert alpha[1] == pytest.approx([0.0, 0.0], abs=0.0)
    assert np.all(np.isfinite(alpha))
