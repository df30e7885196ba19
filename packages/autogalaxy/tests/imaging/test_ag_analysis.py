"""AnalysisImaging: an impossible backend request raises instead of falling back."""

import sys

import numpy as np
import pytest

import autoarray as aa
from autogalaxy import exc
from autogalaxy.imaging.analysis import AnalysisImaging


def _dataset():
    mask = aa.Mask2D.circular((9, 9), radius=0.35, pixel_scales=0.1)
    data = aa.Array2D(np.ones(mask.pixels_in_mask), mask)
    noise = aa.Array2D(np.full(mask.pixels_in_mask, 0.1), mask)
    psf = aa.Convolver.no_blur(0.1)
    return aa.Imaging(data=data, noise_map=noise, psf=psf)


def test_use_jax_without_jax_raises(monkeypatch):
    monkeypatch.setitem(sys.modules, "jax", None)  # `import jax` now fails as if not installed
    with pytest.raises(exc.BackendException, match="pip install"):
        AnalysisImaging(dataset=_dataset(), use_jax=True)


def test_numpy_analysis_needs_no_jax(monkeypatch):
    monkeypatch.setitem(sys.modules, "jax", None)
    analysis = AnalysisImaging(dataset=_dataset(), use_jax=False)
    assert analysis.use_jax is False and analysis._xp is np
