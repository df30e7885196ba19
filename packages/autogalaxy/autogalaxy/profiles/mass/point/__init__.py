"""Point-like mass profiles."""

from autogalaxy.profiles.mass.point.point_mass import PointMass

__all__ = ["PointMass"]
