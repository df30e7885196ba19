"""JAX parity of the lens imaging log evidence with an MGE lens and an adaptive rectangular source.

Model: lens (z=0.5) ``Basis`` of 10 linear Gaussians (σ log-spaced 0.01"–3", shared centre and
ell_comps) + Isothermal + ExternalShear; source (z=1.0)
``Pixelization(RectangularAdaptDensity((8, 8)), Constant)``: the Gaussian intensities and the
source pixels are solved in one positive-only inversion. Same checks as ``rectangular.py``
(jit round trip, grad vs finite differences, ``Fitness._vmap`` vs NumPy; see
``_pixelization.py``).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/rectangular_mge.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402
import mge  # noqa: E402


def model_from(with_lens_light: bool):
    from autoarray.inversion.mesh import RectangularAdaptDensity
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.modeling.model import Model
    from autogalaxy.modeling.priors import UniformPrior

    lens_bulge = mge.mge_from(10, 3.0, lambda: UniformPrior(lower_limit=-0.1, upper_limit=0.1))
    pixelization = Model(
        Pixelization, mesh=RectangularAdaptDensity(shape=(8, 8)), regularization=Constant
    )
    return _pixelization.lens_pixelized_source_model_from(
        pixelization, with_lens_light=with_lens_light, lens_bulge=lens_bulge
    )


if __name__ == "__main__":
    sys.exit(_pixelization.run("rectangular_mge.py", model_from))
