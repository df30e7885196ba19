"""``al.agg.TracerAgg``: the tracers of every fit of an aggregator (PyAutoLens names)."""

from __future__ import annotations

from typing import Iterator

import numpy as np

from autolens.lens.tracer import Tracer


def galaxies_of(instance) -> list:
    """``instance.galaxies`` (plus ``extra_galaxies``) as a list."""
    galaxies = list(getattr(instance, "galaxies", instance))
    extra = getattr(instance, "extra_galaxies", None)
    return galaxies + (list(extra) if extra is not None else [])


def cosmology_of(record):
    """The cosmology the fit's analysis used (its recipe), else ``Planck15``."""
    if record.has_analysis:
        cosmology = record.analysis_recipe[1].get("cosmology")
        if cosmology is not None:
            return cosmology
    from autogalaxy.cosmology.model import Planck15

    return Planck15()


class TracerAgg:
    """Rebuilds tracers from the aggregator's fits. Each generator yields one list per fit
    (one tracer per analysis, as PyAutoLens does; a single analysis gives a list of one)."""

    def __init__(self, aggregator) -> None:
        self.aggregator = aggregator

    def tracer_from(self, record, instance) -> Tracer:
        cosmology = getattr(instance, "cosmology", None) or cosmology_of(record)
        return Tracer(galaxies=galaxies_of(instance), cosmology=cosmology)

    def max_log_likelihood_gen_from(self) -> Iterator[list[Tracer]]:
        """``[tracer]`` of each fit's maximum-likelihood instance."""
        for record in self.aggregator:
            yield [self.tracer_from(record, record.instance)]

    def median_pdf_gen_from(self) -> Iterator[list[Tracer]]:
        """``[tracer]`` of each fit's median-PDF instance."""
        for record in self.aggregator:
            yield [self.tracer_from(record, record.median_pdf_instance)]

    def randomly_drawn_via_pdf_gen_from(
        self, total_samples: int, seed: int = 0
    ) -> Iterator[list[Tracer]]:
        """For each fit, ``total_samples`` tracers drawn from its samples by weight."""
        rng = np.random.default_rng(seed)
        for record in self.aggregator:
            samples = record.samples
            rows = rng.choice(samples.total_samples, size=total_samples, p=samples.weight_list)
            yield [
                self.tracer_from(
                    record, samples.model.instance_from_vector(samples.parameter_lists[i])
                )
                for i in rows
            ]
