"""``al.agg.FitImagingAgg`` / ``al.agg.ImagingAgg``: the fits and datasets of every lens."""

from __future__ import annotations

from typing import Iterator

from autolens.imaging.fit_imaging import FitImaging


class ImagingAgg:
    """The masked datasets the aggregator's fits were run on (stored by ``fit_batch``)."""

    def __init__(self, aggregator) -> None:
        self.aggregator = aggregator

    def dataset_gen_from(self) -> Iterator[list]:
        """``[dataset]`` of each fit."""
        for record in self.aggregator:
            yield [record.dataset]


class FitImagingAgg:
    """Rebuilds each fit's ``FitImaging`` with the analysis it was run with (on NumPy).

    Parameters
    ----------
    aggregator
        The aggregator of fits (run by ``fit_batch``, which stores dataset and analysis).
    settings_inversion
        Overrides the analysis' ``SettingsInversion`` when given.
    """

    def __init__(self, aggregator, settings_inversion=None) -> None:
        self.aggregator = aggregator
        self.settings_inversion = settings_inversion

    def _analysis(self, record):
        overrides = {}
        if self.settings_inversion is not None:
            overrides["settings"] = self.settings_inversion
        return record.analysis(**overrides)

    def max_log_likelihood_gen_from(self) -> Iterator[list[FitImaging]]:
        """``[fit]`` of each lens' maximum-likelihood instance."""
        for record in self.aggregator:
            yield [self._analysis(record).fit_from(record.instance)]

    def median_pdf_gen_from(self) -> Iterator[list[FitImaging]]:
        """``[fit]`` of each lens' median-PDF instance."""
        for record in self.aggregator:
            yield [self._analysis(record).fit_from(record.median_pdf_instance)]
