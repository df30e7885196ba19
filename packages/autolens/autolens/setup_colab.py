"""``from autolens import setup_colab``: the environment check PyAutoLens notebooks run first.

Outside Google Colab there is nothing to install: ``for_autolens`` only checks that the packages
import and, when asked, that JAX sees a GPU.
"""

from __future__ import annotations

from autolens import exc


def for_autolens(raise_error_if_not_gpu: bool = False) -> None:
    """Check the environment (autolens importable; a JAX GPU if ``raise_error_if_not_gpu``)."""
    import autolens  # noqa: F401  (the import is the check)

    if not raise_error_if_not_gpu:
        return
    try:
        import jax
    except ImportError as err:
        raise exc.AutoLensException("A GPU was required but JAX is not installed.") from err
    if not any(device.platform == "gpu" for device in jax.devices()):
        raise exc.AutoLensException(
            "A GPU was required (raise_error_if_not_gpu=True) but JAX sees only "
            f"{sorted({d.platform for d in jax.devices()})}."
        )
