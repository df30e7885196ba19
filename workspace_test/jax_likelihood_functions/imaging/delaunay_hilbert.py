"""JAX parity of a Delaunay source on an adaptive Hilbert image mesh, as the public scripts fit it.

The model of PyAutoLens' ``jax_likelihood_functions/imaging/delaunay.py``, shrunk to run in
seconds: lens (z=0.5) PowerLaw + ExternalShear (+ a linear Sersic), source (z=1.0)
``Pixelization(Delaunay(pixels=N, zeroed_pixels=E), AdaptSplit)`` whose vertices are
``image_mesh.Hilbert`` points drawn from the adapt image (the data) plus ``E`` points on a circle
just outside the mask (``image_mesh.append_with_circle_edge_points``); the ``E`` edge vertices
are zeroed in the reconstruction. The adapt image also sets ``AdaptSplit``'s pixel signals.
Checks as ``delaunay.py``: jit round trip and grad vs finite differences on the model with lens
light, ``Fitness._vmap`` vs NumPy on the pixel-only model. At the evaluated point (prior unit
value 0.53) the lens centre is off every (sub-)pixel centre: the release and this code treat a
point exactly at a mass centre differently (docs/pyautolens_scripts.md).

Run: ``timeout 600 python workspace_test/jax_likelihood_functions/imaging/delaunay_hilbert.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pixelization  # noqa: E402

HILBERT_PIXELS = 60
EDGE_POINTS = 12


def model_from(with_lens_light: bool):
    from autoarray.inversion.mesh import Delaunay
    from autoarray.inversion.pixelization import Pixelization
    from autoarray.inversion.regularization import AdaptSplit
    from autogalaxy.galaxy.galaxy import Galaxy
    from autogalaxy.modeling.model import Collection, Model
    from autogalaxy.profiles.light.linear.sersic import Sersic
    from autogalaxy.profiles.mass.sheets.external_shear import ExternalShear
    from autogalaxy.profiles.mass.total.power_law import PowerLaw

    mesh = Delaunay(pixels=HILBERT_PIXELS + EDGE_POINTS, zeroed_pixels=EDGE_POINTS)
    pixelization = Model(
        Pixelization, mesh=mesh, regularization=_pixelization.regularization_model_from(AdaptSplit)
    )
    extra = {"bulge": Sersic} if with_lens_light else {}
    lens = Model(Galaxy, redshift=0.5, mass=PowerLaw, shear=ExternalShear, **extra)
    source = Model(Galaxy, redshift=1.0, pixelization=pixelization)
    return Collection(galaxies=Collection(lens=lens, source=source))


def analysis_kwargs_from(dataset) -> dict:
    from autoarray.inversion.image_mesh import Hilbert, append_with_circle_edge_points
    from autogalaxy.galaxy.adapt_images import AdaptImages

    hilbert = Hilbert(pixels=HILBERT_PIXELS, weight_power=3.5, weight_floor=0.01)
    grid = hilbert.image_plane_mesh_grid_from(mask=dataset.mask, adapt_data=dataset.data)
    grid = append_with_circle_edge_points(
        image_plane_mesh_grid=grid,
        centre=dataset.mask.mask_centre,
        radius=_pixelization.MASK_RADIUS + dataset.mask.pixel_scale / 2.0,
        n_points=EDGE_POINTS,
    )
    if grid.shape[0] != HILBERT_PIXELS + EDGE_POINTS:
        raise SystemExit(f"Hilbert + edge grid has {grid.shape[0]} points, expected 72")
    source = "('galaxies', 'source')"
    return {
        "adapt_images": AdaptImages(
            galaxy_name_image_dict={source: dataset.data},
            galaxy_name_image_plane_mesh_grid_dict={source: grid},
        )
    }


if __name__ == "__main__":
    sys.exit(
        _pixelization.run(
            "delaunay_hilbert.py",
            model_from,
            analysis_kwargs_fn=analysis_kwargs_from,
            variants=((True, ("jit", "grad")), (False, ("vmap",))),
            # The Hilbert points crowd the bright arc, so a triangle flips within 1e-6 of the
            # lens centre here (the one-sided differences at 1e-7 equal the gradient; at +1e-6
            # they jump): the centre is differenced at 1e-7. The Einstein radius needs 1e-4
            # (round-off swamps 1e-6, as in knn.py); the tolerance allows its truncation error.
            fd_step={"einstein_radius": 1e-4, "centre": 1e-7},
            grad_rtol=1e-5,
        )
    )
