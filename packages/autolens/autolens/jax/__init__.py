"""``autolens.jax``: PyAutoFit's ``autofit.jax`` entry points under the autolens name, so
``from autofit.jax.pytrees import enable_pytrees, register_model`` ports by renaming the import.
(Absolute imports elsewhere in autolens keep resolving ``import jax`` to JAX itself.)"""

from autolens.jax import pytrees

__all__ = ["pytrees"]
