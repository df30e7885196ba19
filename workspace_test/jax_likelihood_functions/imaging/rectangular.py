"""JAX parity of the lens imaging log evidence with a pixelized source (rectangular mesh).

Model: lens (z=0.5) Isothermal + ExternalShear (+ optionally a linear Sersic bulge), source
(z=1.0) ``Pixelization(RectangularUniform((8, 8)), Constant)`` on the ``jax_test`` dataset
(mask r=1.6", light-profile over-sampling 1, pixelization over-sampling 2). Checks:

* ``jax.jit(analysis.fit_from)(instance)`` returns a ``FitImaging`` whose log evidence,
  chi-squared and reconstruction equal NumPy's;
* ``Fitness._vmap`` on random prior draws equals the per-row NumPy ``Fitness.call``;
* ``jax.grad`` of the log evidence with respect to the lens mass parameters is finite and
  matches central finite differences of the NumPy log evidence.

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/rectangular.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402


def model_from(with_lens_light: bool):
    from autoarray.inversion.mesh import RectangularUniform
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.modeling.model import Model

    return _pixelization.lens_pixelized_source_model_from(
        Model(Pixelization, mesh=RectangularUniform(shape=(8, 8)), regularization=Constant),
        with_lens_light=with_lens_light,
    )


if __name__ == "__main__":
    sys.exit(_pixelization.run("rectangular.py", model_from))
