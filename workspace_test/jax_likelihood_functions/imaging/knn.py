"""JAX parity of the lens imaging log evidence with a ``KNearestNeighbor`` source mesh.

Model: lens (z=0.5) Isothermal + ExternalShear (+ a linear Sersic), source (z=1.0)
``Pixelization(KNearestNeighbor, ConstantSplit)`` whose vertices are a 60-point
``image_mesh.Hilbert`` grid of the data (the adapt image), given to the analysis as
``AdaptImages(galaxy_name_image_plane_mesh_grid_dict=...)`` and traced every likelihood. The
k-nearest-neighbour search and Wendland weights are plain JAX (no host callback), and the split
regularization's stencils come from the same kernel, so jit / vmap / grad run fully in XLA
(differentiable through both the traced sub-pixels and the traced vertices). A second
model without lens light uses ``Constant`` (Delaunay-edge neighbours through
``jax.pure_callback``) for the ``Fitness._vmap`` vs NumPy check; the mixed model gets the jit
round trip and grad vs central finite differences.

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/knn.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402
import numpy as np  # noqa: E402


def model_from_regularization(regularization):
    def model_from(with_lens_light: bool):
        from autoarray.inversion.mesh import KNearestNeighbor
        from autoarray.inversion.pixelization import Pixelization
        from autogalaxy.modeling.model import Model

        pixelization = Model(
            Pixelization, mesh=KNearestNeighbor(pixels=60), regularization=regularization
        )
        return _pixelization.lens_pixelized_source_model_from(pixelization, with_lens_light)

    return model_from


def analysis_kwargs_from(dataset) -> dict:
    from autoarray.inversion.image_mesh import Hilbert
    from autogalaxy.galaxy.adapt_images import AdaptImages

    hilbert = Hilbert(pixels=60, weight_power=1.0, weight_floor=0.2)
    grid = hilbert.image_plane_mesh_grid_from(mask=dataset.mask, adapt_data=dataset.data)
    names = {"('galaxies', 'source')": grid}
    return {"adapt_images": AdaptImages(galaxy_name_image_plane_mesh_grid_dict=names)}


def blocked_search_failures() -> list:
    """The blocked (``lax.map``) neighbour search of more than one query block equals NumPy."""
    import jax.numpy as jnp

    from autoarray.inversion.mesh.knn import QUERY_BLOCK, nearest_from

    rng = np.random.default_rng(0)
    vertices = rng.uniform(-1, 1, size=(150, 2))
    queries = rng.uniform(-1.2, 1.2, size=(2 * QUERY_BLOCK + 17, 2))
    index_np, distance_np = nearest_from(queries, vertices, 10)
    index_jax, distance_jax = nearest_from(jnp.asarray(queries), jnp.asarray(vertices), 10, xp=jnp)
    failures = []
    if not np.array_equal(np.asarray(index_jax), index_np):
        failures.append("blocked JAX kNN indexes differ from NumPy")
    if not np.allclose(np.asarray(distance_jax), distance_np, rtol=1e-12, atol=1e-12):
        failures.append("blocked JAX kNN distances differ from NumPy")
    print(f"knn.py: blocked search of {queries.shape[0]} queries matches NumPy: {not failures}")
    return failures


def main() -> int:
    from autoarray.inversion.regularization import Constant, ConstantSplit

    failures = blocked_search_failures()
    for failure in failures:
        print("FAILED " + failure)

    # The evidence carries ~1e-9 of solver round-off, which swamps a 1e-6 central difference
    # of its small Einstein-radius slope (error ~1e-3); at 1e-4 the difference converges to the
    # gradient (1e-5, 3e-5, 1e-4 agree to <1e-4). The centre slope is large and curved
    # (sub-pixels near the singular centre), so it keeps the 1e-6 step. The remaining scatter
    # of the difference is ~1e-5 relative: steps 1e-4, 3e-4, 1e-3 give -2.1774186, -2.1774404,
    # -2.1774291 against jax.grad's -2.1774277, and a change of LAPACK call order in the NumPy
    # log dets moved the 1e-4 one from 6.5e-8 to 4.2e-6 of the gradient; so the check allows
    # 3e-5 (a wrong derivative is off by far more).
    status = _pixelization.run(
        "knn.py (ConstantSplit)",
        model_from_regularization(ConstantSplit),
        analysis_kwargs_fn=analysis_kwargs_from,
        variants=((True, ("jit", "grad")),),
        fd_step={"einstein_radius": 1e-4, "centre": 1e-6},
        grad_rtol=3e-5,
    )
    # Constant takes its neighbours from the host triangulation (pure_callback) under vmap.
    status |= _pixelization.run(
        "knn.py (Constant)",
        model_from_regularization(Constant),
        analysis_kwargs_fn=analysis_kwargs_from,
        variants=((False, ("vmap",)),),
    )
    return status | bool(failures)


if __name__ == "__main__":
    sys.exit(main())
