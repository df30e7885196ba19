"""``from autolens import jax_wrapper``: PyAutoLens scripts import it first to configure JAX.

Here ``import autoarray`` (done by ``import autolens``) already sets the JAX environment
(64-bit, XLA flags) before any JAX import, so this module only exposes what was chosen.
"""

from autoarray.backend import configure_jax_environment
from autoarray.execution import xla_flags_with

configure_jax_environment()

#: True: this project runs JAX in 64-bit precision (as PyAutoLens does).
jax_enable_x64 = True
#: The XLA flags in force for this process.
xla_env = xla_flags_with()

__all__ = ["jax_enable_x64", "xla_env"]
