from .model import FlatLambdaCDM, LensingCosmology, Planck15

__all__ = ["FlatLambdaCDM", "LensingCosmology", "Planck15"]
