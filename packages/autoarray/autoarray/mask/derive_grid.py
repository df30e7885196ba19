"""Grids derived from a ``Mask2D``."""

from __future__ import annotations


class DeriveGrid2D:
    """Pixel-centre grids of a mask's pixel sets."""

    def __init__(self, mask):
        self.mask = mask

    @property
    def unmasked(self):
        from autoarray.structures.grids.uniform_2d import Grid2D

        return Grid2D.from_mask(self.mask, over_sample_size=1)

    @property
    def all_false(self):
        from autoarray.structures.grids.uniform_2d import Grid2D

        return Grid2D.uniform(
            self.mask.shape_native, self.mask.pixel_scales, self.mask.origin, over_sample_size=1
        )

    @property
    def edge(self):
        from autoarray.structures.grids.irregular_2d import Grid2DIrregular

        return Grid2DIrregular(self.unmasked.array[self.mask.derive_indexes.edge_slim])

    @property
    def border(self):
        from autoarray.structures.grids.irregular_2d import Grid2DIrregular

        return Grid2DIrregular(self.unmasked.array[self.mask.derive_indexes.border_slim])
