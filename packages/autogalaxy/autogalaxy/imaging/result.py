"""Result of a galaxy-level imaging search: the maximum-likelihood galaxies and fit."""

from __future__ import annotations

from autogalaxy.galaxy.galaxies import Galaxies
from autogalaxy.modeling.result import Result


class ResultImaging(Result):
    """:class:`~autogalaxy.modeling.result.Result` of an imaging analysis.

    Adds the model objects of the maximum-likelihood instance (NumPy objects, built with the
    analysis that was fitted).
    """

    @property
    def grids(self):
        """The fitted dataset's grids (``result.grids.lp``, ``result.grids.blurring``)."""
        return self._require_analysis("grids").dataset.grids

    @property
    def mask(self):
        """The fitted dataset's mask."""
        return self._require_analysis("mask").dataset.mask

    @property
    def max_log_likelihood_galaxies(self) -> Galaxies:
        """The galaxies (plus any ``extra_galaxies``) of the maximum-likelihood instance."""
        analysis = self._require_analysis("galaxies")
        return Galaxies(analysis.galaxies_via_instance_from(self.max_log_likelihood_instance))


__all__ = ["ResultImaging"]
