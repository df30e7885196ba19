"""Searches: one thin adapter per sampler package, each imported only when used."""

from autogalaxy.modeling.searches.abstract import AbstractSearch
from autogalaxy.modeling.searches.dynesty import DynestyStatic
from autogalaxy.modeling.searches.emcee import Emcee
from autogalaxy.modeling.searches.lbfgs import LBFGS
from autogalaxy.modeling.searches.nautilus import Nautilus
from autogalaxy.modeling.searches.nuts import NUTS
from autogalaxy.modeling.searches.prodigy import MultiStartProdigy
from autogalaxy.modeling.searches.convergence import MultiStartGradientConvergence

__all__ = [
    "AbstractSearch",
    "DynestyStatic",
    "Emcee",
    "LBFGS",
    "Nautilus",
    "NUTS",
    "MultiStartProdigy",
    "MultiStartGradientConvergence",
]
