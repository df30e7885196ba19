"""``to_grid``: Grid2D -> Grid2D (same mask and sub sizes), Grid2DIrregular -> Grid2DIrregular."""

from autoarray.structures.decorators.abstract import AbstractMaker, make_decorator
from autoarray.structures.grids.irregular_2d import Grid2DIrregular
from autoarray.structures.grids.uniform_2d import Grid2D


class GridMaker(AbstractMaker):
    def via_grid_2d(self, result):
        return Grid2D(
            result,
            self.grid.mask,
            over_sample_size=self.grid.over_sample_size,
            over_sampler=self.grid._over_sampler,
            xp=self.xp,
        )

    def via_grid_2d_irr(self, result):
        return Grid2DIrregular(result, xp=self.xp)


to_grid = make_decorator(GridMaker)
