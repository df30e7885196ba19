"""``enable_pytrees`` / ``register_model`` (PyAutoFit's ``autofit.jax.pytrees``)."""

from autogalaxy.modeling.fitness import enable_pytrees, register_model

__all__ = ["enable_pytrees", "register_model"]
