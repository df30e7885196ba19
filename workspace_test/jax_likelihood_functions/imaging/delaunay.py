"""JAX parity of the lens imaging log evidence with a Delaunay source mesh.

Model: lens (z=0.5) Isothermal + ExternalShear (+ a linear Sersic), source (z=1.0)
``Pixelization(Delaunay, Constant)`` whose vertices are ``image_mesh.Overlay((8, 8))`` of the mask,
given to the analysis as ``AdaptImages(galaxy_name_image_plane_mesh_grid_dict=...)`` and traced
to the source plane every likelihood. The triangulation runs on the host through
``jax.pure_callback`` (sequential under ``vmap``); the barycentric weights are JAX. Same checks
as ``rectangular.py`` (jit round trip, grad vs finite differences, ``Fitness._vmap`` vs NumPy).
The overlay has an even shape so no vertex sits at the lens centre: a vertex traced from next
to a singular mass moves so fast that the triangulation flips within a finite-difference step
(the evidence is piecewise smooth; its gradient is that of the current triangulation).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/delaunay.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402


def model_from(with_lens_light: bool):
    from autoarray.inversion.mesh import Delaunay
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import Constant
    from autogalaxy.modeling.model import Model

    pixelization = Model(Pixelization, mesh=Delaunay(pixels=64), regularization=Constant)
    return _pixelization.lens_pixelized_source_model_from(pixelization, with_lens_light)


def analysis_kwargs_from(dataset) -> dict:
    from autoarray.inversion.image_mesh import Overlay
    from autogalaxy.galaxy.adapt_images import AdaptImages

    grid = Overlay(shape=(8, 8)).image_plane_mesh_grid_from(mask=dataset.mask)
    names = {"('galaxies', 'source')": grid}
    return {"adapt_images": AdaptImages(galaxy_name_image_plane_mesh_grid_dict=names)}


if __name__ == "__main__":
    sys.exit(_pixelization.run("delaunay.py", model_from, analysis_kwargs_fn=analysis_kwargs_from))
