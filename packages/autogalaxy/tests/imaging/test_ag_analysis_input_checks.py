"""An imaging analysis refuses what is not an imaging dataset."""

import pytest

import autogalaxy as ag
from autogalaxy import exc


@pytest.mark.parametrize("dataset", [None, "dataset.fits", 3.0])
def test_analysis_needs_an_imaging_dataset(dataset):
    with pytest.raises(exc.AnalysisException, match="is not an imaging dataset"):
        ag.AnalysisImaging(dataset=dataset)
