"""``from autofit.non_linear.fitness import Fitness`` ported: the modelling ``Fitness``."""

from autogalaxy.modeling.fitness import Fitness

__all__ = ["Fitness"]
