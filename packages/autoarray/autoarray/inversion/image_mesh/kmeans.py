"""``KMeans(pixels, weight_floor, weight_power)``: mesh points at weighted k-means centres.

The release clusters the unmasked pixel centres with scikit-learn's ``KMeans`` (``n_clusters =
pixels``, ``random_state=1``, ``n_init=1``, ``max_iter=5``), each pixel weighted by the adapt
image's weight map; the cluster centres are the mesh points. The fixed seed and iteration cap
make the mesh deterministic and cheap (it is built once per search, not per likelihood).
"""

from __future__ import annotations

import warnings

import numpy as np

import autoarray as aa
from autoarray import exc
from autoarray.inversion.image_mesh.weighted import AbstractImageMeshWeighted


class KMeans(AbstractImageMeshWeighted):
    """``pixels`` mesh points from weighted k-means clustering of the unmasked pixels."""

    def image_plane_mesh_grid_from(self, mask, adapt_data=None) -> aa.Grid2DIrregular:
        self._require_adapt_data(adapt_data)
        centres = np.asarray(aa.Grid2D.from_mask(mask, over_sample_size=1).array, dtype=float)
        if int(self.pixels) > centres.shape[0]:
            raise exc.PixelizationException(
                f"KMeans has {int(self.pixels)} pixels but the mask has only {centres.shape[0]} "
                "unmasked pixels; use fewer pixels (or the Hilbert image mesh, which has no "
                "such limit)."
            )
        weights = self.weight_map_from(getattr(adapt_data, "slim", adapt_data))
        if weights.shape != (centres.shape[0],):
            raise exc.PixelizationException(
                f"KMeans adapt_data has {weights.size} values but the mask has "
                f"{centres.shape[0]} unmasked pixels."
            )
        from sklearn.cluster import KMeans as SklearnKMeans

        clusterer = SklearnKMeans(n_clusters=int(self.pixels), random_state=1, n_init=1, max_iter=5)
        try:
            with warnings.catch_warnings():
                # Few iterations by design: sklearn's convergence warning is expected.
                warnings.simplefilter("ignore")
                clusterer.fit(X=centres, sample_weight=weights)
        except (ValueError, OverflowError) as error:
            raise exc.InversionException(f"KMeans image mesh failed: {error}") from error
        return aa.Grid2DIrregular(values=np.asarray(clusterer.cluster_centers_))
