"""JAX parity of the lens imaging log evidence with an MGE lens and a Delaunay source.

Model: lens (z=0.5) ``Basis`` of 10 linear Gaussians + Isothermal + ExternalShear; source
(z=1.0) ``Pixelization(Delaunay, ConstantSplit)`` on ``image_mesh.Overlay((8, 8))`` (see
``delaunay.py``): the Gaussian intensities and the source pixels are solved in one positive-only
inversion, the triangulation and the split points go through ``jax.pure_callback``. Same checks
as ``rectangular.py`` (jit round trip, grad vs finite differences, ``Fitness._vmap`` vs NumPy),
with a gradient tolerance of 1e-3: this model's evidence (~60) is a difference of terms of
~1e4, so a central difference with step 1e-6 carries ~1e-4 relative round-off.

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/delaunay_mge.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402
import delaunay  # noqa: E402
import mge  # noqa: E402


def model_from(with_lens_light: bool):
    from autoarray.inversion.mesh import Delaunay
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import ConstantSplit
    from autogalaxy.modeling.model import Model
    from autogalaxy.modeling.priors import UniformPrior

    lens_bulge = mge.mge_from(10, 3.0, lambda: UniformPrior(lower_limit=-0.1, upper_limit=0.1))
    pixelization = Model(Pixelization, mesh=Delaunay(pixels=64), regularization=ConstantSplit)
    return _pixelization.lens_pixelized_source_model_from(
        pixelization, with_lens_light=with_lens_light, lens_bulge=lens_bulge
    )


if __name__ == "__main__":
    sys.exit(
        _pixelization.run(
            "delaunay_mge.py",
            model_from,
            analysis_kwargs_fn=delaunay.analysis_kwargs_from,
            # At unit 0.53 a 1e-6 central difference in the Einstein radius is noise-limited
            # (-15.390 against forward and reverse mode's -15.4091); 1e-4 gives -15.4092.
            fd_step={"einstein_radius": 1e-4, "centre": 1e-6},
            grad_rtol=1e-3,
        )
    )
