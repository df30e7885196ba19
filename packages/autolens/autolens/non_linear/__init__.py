"""PyAutoFit's ``autofit.non_linear`` module paths under the autolens name, so imports such as
``from autofit.non_linear.fitness import Fitness`` port by renaming the package only."""
