"""Interactive matplotlib tools of the data-preparation scripts (``ag.Scribbler``)."""

from autogalaxy.gui.scribbler import Scribbler

__all__ = ["Scribbler"]
