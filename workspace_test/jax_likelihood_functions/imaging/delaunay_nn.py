"""JAX parity of the lens imaging log evidence with a ``DelaunayNN`` (Sibson) source mesh.

Model: lens (z=0.5) Isothermal + ExternalShear (+ a linear Sersic), source (z=1.0)
``Pixelization(DelaunayNN, ConstantSplit)`` on ``image_mesh.Overlay((10, 10))`` of the mask (given
to the analysis as ``AdaptImages(galaxy_name_image_plane_mesh_grid_dict=...)``). Only the
triangulation's integer tables come from the host (``jax.pure_callback``, sequential under
``vmap``); the circumcircles, Watson contributions and split stencils are JAX, so the evidence
is differentiable and continuous through diagonal flips. Same checks as ``delaunay.py`` (jit
round trip and grad vs finite differences on the mixed model, ``Fitness._vmap`` vs NumPy on
the pixel-only model).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/delaunay_nn.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402


def model_from(with_lens_light: bool):
    from autoarray.inversion.mesh import DelaunayNN
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import ConstantSplit
    from autogalaxy.modeling.model import Model

    pixelization = Model(
        Pixelization,
        mesh=DelaunayNN(pixels=100),
        regularization=_pixelization.regularization_model_from(ConstantSplit),
    )
    return _pixelization.lens_pixelized_source_model_from(pixelization, with_lens_light)


def analysis_kwargs_from(dataset) -> dict:
    from autoarray.inversion.image_mesh import Overlay
    from autogalaxy.galaxy.adapt_images import AdaptImages

    grid = Overlay(shape=(10, 10)).image_plane_mesh_grid_from(mask=dataset.mask)
    names = {"('galaxies', 'source')": grid}
    return {"adapt_images": AdaptImages(galaxy_name_image_plane_mesh_grid_dict=names)}


if __name__ == "__main__":
    sys.exit(
        _pixelization.run(
            "delaunay_nn.py",
            model_from,
            analysis_kwargs_fn=analysis_kwargs_from,
            variants=((True, ("jit", "grad")), (False, ("vmap",))),
            # The Einstein-radius slope needs a 1e-4 step (round-off swamps 1e-6, see knn.py),
            # whose truncation error is ~1e-6 relative here: the tolerance allows for it.
            fd_step={"einstein_radius": 1e-4, "centre": 1e-6},
            grad_rtol=1e-5,
        )
    )
