"""Tracer queries that PyAutoLens scripts call but the ray-tracing core does not need: which
planes hold a pixelization, the grid traced to any redshift (a plane inserted there), a sliced
multi-plane tracer, the lensed image of an input plane image, and the ``extract_*`` look-ups of
profile attributes."""

from __future__ import annotations

from typing import Any, List

import numpy as np

import autoarray as aa
from autoarray.inversion.pixelization import Pixelization
from autogalaxy.galaxy import Galaxy
from autogalaxy.galaxy.galaxies import Galaxies
from autolens import exc
from autolens.lens import tracer_util


class TracerQueries:
    """Mixin of :class:`~autolens.lens.tracer.Tracer` (it supplies ``planes``,
    ``plane_redshifts``, ``galaxies``, ``cosmology`` and ``traced_grid_2d_list_from``)."""

    # Declared for the type checker: the Tracer sets these in its constructor.
    planes: Any
    plane_redshifts: Any
    galaxies: Any
    cosmology: Any
    traced_grid_2d_list_from: Any
    total_planes: Any
    image_2d_list_from: Any

    @property
    def plane_indexes_with_pixelizations(self) -> List[int]:
        """Indexes of the planes with at least one galaxy holding a ``Pixelization``."""
        return [index for index, plane in enumerate(self.planes) if plane.has(Pixelization)]

    def grid_2d_at_redshift_from(self, grid, redshift: float):
        """``grid`` (image plane) ray-traced to ``redshift``.

        At a plane's redshift this is that plane's traced grid; elsewhere (before the first plane
        too) an empty galaxy is inserted at ``redshift`` so the multi-plane scaling factors of a
        plane there are used, as PyAutoLens does.
        """
        redshifts = list(self.plane_redshifts)
        if redshift in redshifts:
            return self.traced_grid_2d_list_from(grid=grid)[redshifts.index(redshift)]
        tracer_cls: Any = type(self)
        tracer = tracer_cls(
            galaxies=list(self.galaxies) + [Galaxy(redshift=redshift)], cosmology=self.cosmology
        )
        index = list(tracer.plane_redshifts).index(redshift)
        return tracer.traced_grid_2d_list_from(grid=grid)[index]

    @classmethod
    def sliced_tracer_from(
        cls,
        lens_galaxies: List[Galaxy],
        line_of_sight_galaxies: List[Galaxy],
        source_galaxies: List[Galaxy],
        planes_between_lenses: List[int],
        cosmology=None,
    ):
        """
        A tracer whose galaxies are grouped into a few planes (PyAutoLens's slicing): planes at
        the lens redshifts, ``planes_between_lenses[i]`` evenly spaced slices between 0, each
        lens and the source (``tracer_util.ordered_plane_redshifts_with_slicing_from``) and the
        first source galaxy's redshift.  Every galaxy (lens, line-of-sight, source) has its
        ``redshift`` set, in place as PyAutoLens does, to the nearest of these plane redshifts
        (the first on a tie), so hundreds of line-of-sight haloes cost a handful of planes.
        """
        if len(source_galaxies) == 0:
            raise exc.TracerException("sliced_tracer_from needs at least one source galaxy.")
        source_redshift = float(source_galaxies[0].redshift)
        plane_redshifts = tracer_util.ordered_plane_redshifts_with_slicing_from(
            lens_redshifts=tracer_util.plane_redshifts_from([g.redshift for g in lens_galaxies]),
            planes_between_lenses=planes_between_lenses,
            source_plane_redshift=source_redshift,
        )
        plane_redshifts.append(source_redshift)
        galaxies = list(lens_galaxies) + list(line_of_sight_galaxies) + list(source_galaxies)
        planes = np.asarray(plane_redshifts)
        for galaxy in galaxies:
            galaxy.redshift = float(planes[int(np.argmin(np.abs(planes - galaxy.redshift)))])
        tracer_cls: Any = cls
        return tracer_cls(galaxies=galaxies, cosmology=cosmology)

    def image_2d_via_input_plane_image_from(
        self,
        grid,
        plane_image,
        xp=np,
        plane_index: int = -1,
        include_other_planes: bool = True,
    ):
        """
        The lensed image of an image given on a uniform grid of plane ``plane_index`` (default
        the source plane): ``grid``'s over-sampled sub-pixels are ray-traced to that plane,
        ``plane_image`` (an ``Array2D`` on the uniform grid of its ``shape_native`` and
        ``pixel_scales``, centred on the origin) is linearly interpolated there (scipy
        ``griddata``, zero outside it) and binned to ``grid``'s pixels.  With
        ``include_other_planes`` the images of every other plane's light profiles are added.

        The interpolation runs on the host (SciPy), so this is a NumPy function.
        """
        from scipy.interpolate import griddata

        if not isinstance(grid, aa.Grid2D):
            raise exc.TracerException(
                f"image_2d_via_input_plane_image_from needs a Grid2D, got {type(grid).__name__}."
            )
        total = self.total_planes
        if not -total <= plane_index < total:
            raise exc.TracerException(
                f"plane_index {plane_index} is out of range for a tracer of {total} planes."
            )
        index = plane_index % total
        plane_grid = aa.Grid2D.uniform(
            shape_native=plane_image.shape_native, pixel_scales=plane_image.pixel_scales
        )
        traced = self.traced_grid_2d_list_from(grid=grid, xp=xp, plane_index_limit=index)[index]
        image = griddata(
            points=plane_grid.array,
            values=np.asarray(aa.raw_array(plane_image)),
            xi=np.asarray(aa.raw_array(traced.over_sampled)),
            fill_value=0.0,
            method="linear",
        )
        image = np.asarray(grid.over_sampler.binned_array_2d_from(image))
        if include_other_planes:
            image_list = self.image_2d_list_from(grid=grid, xp=xp, operated_only=False)
            for other in range(total):
                if other != index:
                    image = image + np.asarray(aa.raw_array(image_list[other]))
        return aa.Array2D(values=image, mask=grid.mask)

    def extract_attribute(self, cls, attr_name: str, filter_nones: bool = False):
        """
        ``attr_name`` of every component of type ``cls`` over the galaxies (input order), as
        an ``ArrayIrregular`` when the first is a float, a ``Grid2DIrregular`` when it is a
        (y, x) tuple, ``None`` when no component is of type ``cls`` or the first value is
        neither.  A component without the attribute contributes ``None`` (PyAutoLens's
        convention; ``filter_nones`` is accepted for its signature and not applied here).
        """
        return Galaxies(self.galaxies).extract_attribute(cls=cls, attr_name=attr_name)

    def extract_attributes_of_planes(self, cls, attr_name: str, filter_nones: bool = False) -> list:
        """``Galaxy.extract_attribute`` of every galaxy, plane by plane (ascending redshift) and
        within a plane in input order; ``filter_nones`` drops the galaxies with none."""
        attributes = [
            galaxy.extract_attribute(cls=cls, attr_name=attr_name)
            for plane in self.planes
            for galaxy in plane
        ]
        if filter_nones:
            return [value for value in attributes if value is not None]
        return attributes

    def extract_attributes_of_galaxies(
        self, cls, attr_name: str, filter_nones: bool = False
    ) -> list:
        """``Galaxy.extract_attribute`` of every galaxy in input order; ``filter_nones`` drops
        the galaxies with none."""
        attributes = [
            galaxy.extract_attribute(cls=cls, attr_name=attr_name) for galaxy in self.galaxies
        ]
        if filter_nones:
            return [value for value in attributes if value is not None]
        return attributes

    def extract_profile(self, profile_name: str):
        """The component named ``profile_name`` of the first galaxy (input order) that has one,
        ``None`` if none has."""
        for galaxy in self.galaxies:
            if profile_name in galaxy.__dict__:
                return galaxy.__dict__[profile_name]
        return None

    def extract_plane_index_of_profile(self, profile_name: str) -> int | None:
        """Index of the first plane with a galaxy holding a component named ``profile_name``,
        ``None`` if none has."""
        for plane_index, plane in enumerate(self.planes):
            for galaxy in plane:
                if profile_name in galaxy.__dict__:
                    return plane_index
        return None
