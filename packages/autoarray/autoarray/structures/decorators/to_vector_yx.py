"""``to_vector_yx``: Grid2D -> VectorYX2D, Grid2DIrregular -> VectorYX2DIrregular."""

from autoarray.structures.decorators.abstract import AbstractMaker, make_decorator
from autoarray.structures.vectors.irregular import VectorYX2DIrregular
from autoarray.structures.vectors.uniform import VectorYX2D


class VectorYXMaker(AbstractMaker):
    def via_grid_2d(self, result):
        return VectorYX2D(result, grid=self.grid, mask=self.grid.mask, xp=self.xp)

    def via_grid_2d_irr(self, result):
        return VectorYX2DIrregular(result, grid=self.grid, xp=self.xp)


to_vector_yx = make_decorator(VectorYXMaker)
