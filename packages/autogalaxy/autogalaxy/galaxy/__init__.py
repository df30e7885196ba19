from .galaxies import Galaxies
from .galaxy import Galaxy

__all__ = ["Galaxies", "Galaxy"]
