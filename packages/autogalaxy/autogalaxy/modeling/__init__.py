"""Modelling: priors, model composition, the figure of merit and non-linear searches.

Mirrors the PyAutoFit API, so scripts port with ``af = ag``::

    model = Collection(galaxies=Collection(lens=Model(Galaxy, redshift=0.5, mass=Isothermal)))
    result = Nautilus(name="fit").fit(model=model, analysis=analysis)
"""

from autogalaxy.modeling.fitness import Fitness
from autogalaxy.modeling.model import AbstractModel, Collection, Model, ModelInstance, TuplePrior
from autogalaxy.modeling.output import atomic_write_bytes, atomic_write_text
from autogalaxy.modeling.prior_config import register_priors
from autogalaxy.modeling.priors import (
    GaussianPrior,
    LogUniformPrior,
    Prior,
    TruncatedGaussianPrior,
    UniformPrior,
)
from autogalaxy.modeling.result import Result, Samples
from autogalaxy.modeling.searches import NUTS, LBFGS, DynestyStatic, Emcee, Nautilus
from autogalaxy.modeling.settings import DirectoryPaths, Sample, SettingsSearch
from autogalaxy.modeling.fitness import enable_pytrees, register_model
from autogalaxy.modeling.searches import MultiStartGradientConvergence, MultiStartProdigy

__all__ = [
    "AbstractModel",
    "Collection",
    "DynestyStatic",
    "Emcee",
    "Fitness",
    "GaussianPrior",
    "LBFGS",
    "LogUniformPrior",
    "Model",
    "ModelInstance",
    "MultiStartGradientConvergence",
    "MultiStartProdigy",
    "NUTS",
    "Nautilus",
    "Prior",
    "Result",
    "Samples",
    "TruncatedGaussianPrior",
    "TuplePrior",
    "UniformPrior",
    "atomic_write_bytes",
    "atomic_write_text",
    "register_priors",
    "DirectoryPaths",
    "Sample",
    "SettingsSearch",
    "enable_pytrees",
    "register_model",
]
