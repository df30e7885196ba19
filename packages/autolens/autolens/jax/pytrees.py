"""``enable_pytrees`` / ``register_model`` (PyAutoFit's ``autofit.jax.pytrees``)."""

from autogalaxy.modeling.jax_pytrees import enable_pytrees, register_model

__all__ = ["enable_pytrees", "register_model"]
