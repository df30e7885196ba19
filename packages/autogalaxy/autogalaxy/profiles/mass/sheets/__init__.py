"""Mass sheets and external fields."""

from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear
from autogalaxy.profiles.mass.sheets.mass_sheet import MassSheet

__all__ = ["ExternalShear", "MassSheet"]
