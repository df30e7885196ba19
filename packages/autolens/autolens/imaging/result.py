"""Result of a lens imaging search: adds the maximum-likelihood tracer."""

from __future__ import annotations

from autogalaxy.imaging.result import ResultImaging as AgResultImaging
from autolens.lens.tracer import Tracer


class ResultImaging(AgResultImaging):
    """Result of :class:`~autolens.imaging.analysis.AnalysisImaging`."""

    @property
    def max_log_likelihood_tracer(self) -> Tracer:
        """``Tracer`` of the maximum-likelihood instance (the analysis' cosmology)."""
        analysis = self._require_analysis("tracer")
        return analysis.tracer_via_instance_from(self.max_log_likelihood_instance)


__all__ = ["ResultImaging"]
