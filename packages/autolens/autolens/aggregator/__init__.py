"""Aggregator classes that rebuild the maximum-likelihood tracers, fits and datasets of many
lenses (``al.agg.TracerAgg``, ``al.agg.FitImagingAgg``, ``al.agg.ImagingAgg``)."""

from autogalaxy.modeling.database import Aggregator
from autolens.aggregator.fit_imaging_agg import FitImagingAgg, ImagingAgg
from autolens.aggregator.tracer_agg import TracerAgg

__all__ = ["Aggregator", "FitImagingAgg", "ImagingAgg", "TracerAgg"]
