"""``to_array``: Grid2D -> Array2D, Grid2DIrregular -> ArrayIrregular."""

from autoarray.structures.arrays.irregular import ArrayIrregular
from autoarray.structures.arrays.uniform_2d import Array2D
from autoarray.structures.decorators.abstract import AbstractMaker, make_decorator


class ArrayMaker(AbstractMaker):
    def via_grid_2d(self, result):
        return Array2D(result, self.grid.mask, xp=self.xp)

    def via_grid_2d_irr(self, result):
        return ArrayIrregular(result, xp=self.xp)


to_array = make_decorator(ArrayMaker)
