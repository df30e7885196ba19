"""Samples of a search and the :class:`Result` of ``search.fit``."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from autogalaxy.modeling.model import AbstractModel


def _weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    order = np.argsort(values)
    v, w = values[order], weights[order]
    cdf = np.cumsum(w) - 0.5 * w
    cdf /= np.sum(w)
    return float(np.interp(q, cdf, v))


def probability_for_sigma(sigma: float) -> float:
    """Two-sided probability mass within +-``sigma`` of a Gaussian (1 -> 0.6827, 3 -> 0.9973)."""
    return math.erf(sigma / math.sqrt(2.0))


class Samples:
    """Samples of the posterior (nested samplers, MCMC) or of a maximiser (one point).

    Attributes
    ----------
    parameter_lists
        ``[S, N]`` physical parameter values (columns follow ``model.paths``).
    log_likelihood_list
        ``[S]`` log likelihoods.
    weight_list
        ``[S]`` importance weights, normalised to sum to 1.
    log_evidence
        Natural log of the Bayesian evidence, or None if the search gives none.
    """

    def __init__(
        self,
        model: AbstractModel,
        parameter_lists,
        log_likelihood_list,
        weight_list=None,
        log_evidence: float | None = None,
    ) -> None:
        self.model = model
        self.parameter_lists = np.atleast_2d(np.asarray(parameter_lists, dtype=float))
        self.log_likelihood_list = np.asarray(log_likelihood_list, dtype=float).reshape(-1)
        n = self.parameter_lists.shape[0]
        weights = np.ones(n) if weight_list is None else np.asarray(weight_list, dtype=float)
        weights = np.where(np.isfinite(weights), weights, 0.0)
        total = weights.sum()
        self.weight_list = weights / total if total > 0 else np.full(n, 1.0 / max(n, 1))
        self.log_evidence = None if log_evidence is None else float(log_evidence)

    @property
    def total_samples(self) -> int:
        return self.parameter_lists.shape[0]

    @property
    def paths(self) -> list[tuple[str, ...]]:
        return self.model.paths

    @property
    def log_prior_list(self) -> np.ndarray:
        return np.array(
            [np.sum(self.model.log_prior_list_from_vector(v)) for v in self.parameter_lists]
        )

    @property
    def max_log_likelihood_index(self) -> int:
        return int(np.argmax(self.log_likelihood_list))

    @property
    def max_log_likelihood_vector(self) -> list[float]:
        return [float(v) for v in self.parameter_lists[self.max_log_likelihood_index]]

    @property
    def max_log_likelihood(self) -> float:
        return float(self.log_likelihood_list[self.max_log_likelihood_index])

    @property
    def max_log_likelihood_instance(self):
        return self.model.instance_from_vector(self.max_log_likelihood_vector)

    @property
    def median_pdf_vector(self) -> list[float]:
        """Weighted median of each parameter's marginal posterior."""
        return [
            _weighted_quantile(self.parameter_lists[:, i], self.weight_list, 0.5)
            for i in range(self.parameter_lists.shape[1])
        ]

    @property
    def median_pdf_instance(self):
        return self.model.instance_from_vector(self.median_pdf_vector)

    def values_at_sigma(self, sigma: float) -> list[tuple[float, float]]:
        """(lower, upper) marginal credible bounds containing the Gaussian ``sigma`` probability."""
        p = probability_for_sigma(sigma)
        lo, hi = 0.5 * (1.0 - p), 0.5 * (1.0 + p)
        return [
            (
                _weighted_quantile(self.parameter_lists[:, i], self.weight_list, lo),
                _weighted_quantile(self.parameter_lists[:, i], self.weight_list, hi),
            )
            for i in range(self.parameter_lists.shape[1])
        ]

    def values_at_lower_sigma(self, sigma: float) -> list[float]:
        return [v[0] for v in self.values_at_sigma(sigma)]

    def values_at_upper_sigma(self, sigma: float) -> list[float]:
        return [v[1] for v in self.values_at_sigma(sigma)]

    def errors_at_sigma(self, sigma: float) -> list[tuple[float, float]]:
        """(median - lower, upper - median) per parameter at ``sigma``."""
        med = self.median_pdf_vector
        return [(m - lo, hi - m) for m, (lo, hi) in zip(med, self.values_at_sigma(sigma))]

    def instance_at_sigma_bound(self, sigma: float, upper: bool = True):
        vec = self.values_at_upper_sigma(sigma) if upper else self.values_at_lower_sigma(sigma)
        return self.model.instance_from_vector(vec)


class Result:
    """What ``search.fit(model, analysis)`` returns."""

    def __init__(
        self,
        samples: Samples,
        analysis=None,
        search=None,
        output_folder: str | Path | None = None,
        loaded: bool = False,
    ) -> None:
        self.samples = samples
        self.model = samples.model
        self.analysis = analysis
        self.search = search
        self.output_folder = None if output_folder is None else Path(output_folder)
        self.loaded = loaded

    @property
    def max_log_likelihood_instance(self):
        return self.samples.max_log_likelihood_instance

    def _require_analysis(self, what: str):
        if self.analysis is None:
            raise AttributeError(f"This Result has no analysis to build the {what} with.")
        return self.analysis

    @property
    def max_log_likelihood_fit(self):
        """``analysis.fit_from(max_log_likelihood_instance)``."""
        return self._require_analysis("fit").fit_from(self.max_log_likelihood_instance)

    @property
    def median_pdf_instance(self):
        return self.samples.median_pdf_instance

    @property
    def log_evidence(self) -> float | None:
        return self.samples.log_evidence

    @property
    def max_log_likelihood(self) -> float:
        return self.samples.max_log_likelihood

    @property
    def info(self) -> str:
        """Text summary: max log likelihood, evidence and per-parameter median with 1 / 3 sigma
        errors."""
        s = self.samples
        lines = [
            f"Maximum Log Likelihood = {s.max_log_likelihood:.6f}",
            f"Log Evidence = {s.log_evidence if s.log_evidence is not None else 'None'}",
            f"Total Samples = {s.total_samples}",
            "",
            "Maximum Log Likelihood Model:",
        ]
        paths = [".".join(p) for p in s.paths]
        width = max([len(p) for p in paths] + [10]) + 2
        for path, value in zip(paths, s.max_log_likelihood_vector):
            lines.append(f"{path:<{width}}{value:.6g}")
        for sigma in (3.0, 1.0):
            lines += ["", f"Median PDF Model ({sigma:g} sigma limits):"]
            for path, med, (lo, hi) in zip(paths, s.median_pdf_vector, s.values_at_sigma(sigma)):
                lines.append(f"{path:<{width}}{med:.6g} ({lo:.6g}, {hi:.6g})")
        return "\n".join(lines) + "\n"

    def summary_dict(self) -> dict:
        s = self.samples
        return {
            "completed": True,
            "paths": [".".join(p) for p in s.paths],
            "max_log_likelihood": s.max_log_likelihood,
            "max_log_likelihood_vector": s.max_log_likelihood_vector,
            "median_pdf_vector": s.median_pdf_vector,
            "errors_at_1_sigma": s.errors_at_sigma(1.0),
            "values_at_3_sigma": s.values_at_sigma(3.0),
            "log_evidence": s.log_evidence,
            "total_samples": s.total_samples,
        }

    def __repr__(self) -> str:
        return f"<Result max_log_likelihood={self.samples.max_log_likelihood:.4f}>"
