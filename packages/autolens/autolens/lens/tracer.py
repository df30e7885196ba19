"""``Tracer``: galaxies grouped into redshift planes, with multi-plane ray tracing.

Planes are the unique galaxy redshifts in ascending order (galaxies keep their input order
within a plane). The deflection scaling factors ``β_ij`` (see :mod:`autolens.lens.tracer_util`)
are computed once, as Python floats, when the tracer is built. If a redshift is a JAX tracer
(a redshift passed through ``jax.jit`` as a leaf), every galaxy becomes its own plane in input
order and ``β`` is computed with the traced redshifts on each call.
"""

from __future__ import annotations

import warnings
from typing import List

import numpy as np

import autoarray as aa
from autogalaxy.cosmology.model import Planck15
from autogalaxy.galaxy import to_inversion
from autogalaxy.galaxy.galaxies import Galaxies
from autogalaxy.galaxy.profile_types import basis_members, is_linear, profile_class
from autogalaxy.operate.image import OperateImage
from autogalaxy.profiles.geometry_profiles import stacked_yx_from
from autolens import exc
from autolens.lens import tracer_util
from autolens.lens.tracer_queries import TracerQueries


def _points_grid(points, xp):
    return to_inversion.points_grid_from(points, xp)


class _PlaneInfo:
    """Static (non-traced) plane bookkeeping of a tracer; travels as pytree aux data.

    Attributes
    ----------
    concrete
        True when every redshift is a concrete number.
    plane_redshifts
        Ascending unique redshifts (``None`` entries for a single galaxy without redshift;
        empty in the traced case).
    index_lists
        For each plane, the indexes of its galaxies in ``Tracer.galaxies``.
    beta
        ``[P, P]`` NumPy scaling factors (``None`` in the traced case).
    """

    __slots__ = ("concrete", "plane_redshifts", "index_lists", "beta")

    def __init__(self, concrete, plane_redshifts, index_lists, beta):
        self.concrete = concrete
        self.plane_redshifts = plane_redshifts
        self.index_lists = index_lists
        self.beta = beta


#: Plane / component-type structures that passed ``_warn_if_redshifts_look_swapped``.
_SWAP_CHECKED: set = set()


def _component_types(galaxy) -> tuple:
    """The types of a galaxy's components (with the member types of each basis)."""
    return tuple(
        (type(c), tuple(type(m) for m in basis_members(c)))
        for c in to_inversion.galaxy_components(galaxy)
    )


class Tracer(TracerQueries, OperateImage, aa.Pytree):
    """Galaxies at one or more redshifts, ray-traced through their planes.

    Parameters
    ----------
    galaxies
        A list / tuple (or model instance collection) of galaxies, each with a ``redshift``.
    cosmology
        Distances for the multi-plane scaling factors (default ``Planck15()``).
    """

    __pytree_static__ = ("cosmology", "_plane_info")
    #: A tracer may hold a user's own component classes: JAX registers them the first time it
    #: flattens a tracer of a new structure (nothing is done per construction on NumPy).
    __pytree_structure__ = "_structure_key"

    def __init__(self, galaxies, cosmology=None):
        if galaxies is None:
            raise exc.TracerException("A Tracer needs a list of galaxies, got None.")
        if hasattr(galaxies, "redshift") and not isinstance(galaxies, (list, tuple, Galaxies)):
            raise exc.TracerException(
                "A Tracer needs a list of galaxies; wrap a single galaxy as [galaxy]."
            )
        galaxies = list(galaxies)
        if len(galaxies) == 0:
            raise exc.TracerException("A Tracer needs at least one galaxy, got an empty list.")
        for galaxy in galaxies:
            if not hasattr(galaxy, "redshift"):
                raise exc.TracerException(
                    f"Tracer galaxies must have a redshift; got {type(galaxy).__name__}."
                )
        if len(galaxies) > 1 and any(g.redshift is None for g in galaxies):
            raise exc.TracerException(
                "Every galaxy of a multi-galaxy tracer needs a redshift (found redshift=None)."
            )
        self.galaxies = galaxies
        self.cosmology = Planck15() if cosmology is None else cosmology
        self._plane_info = self._plane_info_from(galaxies, self.cosmology)
        self._warn_if_redshifts_look_swapped()
        # A tracer built on NumPy after JAX was imported can go into ``jax.jit`` (a flag check
        # once the package's classes are registered).
        aa.pytrees.register_declared_pytrees_if_jax_imported()

    def _structure_key(self) -> tuple:
        """The component types of every galaxy and the cosmology's type (``__pytree_structure__``)."""
        return tuple(_component_types(g) for g in self.galaxies) + (type(self.cosmology),)

    @staticmethod
    def _plane_info_from(galaxies, cosmology) -> _PlaneInfo:
        redshifts = [g.redshift for g in galaxies]
        if len(galaxies) == 1 and redshifts[0] is None:
            return _PlaneInfo(True, [None], [[0]], np.zeros((1, 1)))
        if all(tracer_util.is_concrete_redshift(z) for z in redshifts):
            concrete = [float(z) for z in redshifts]
            plane_redshifts = tracer_util.plane_redshifts_from(concrete)
            index_lists = tracer_util.plane_index_lists_from(concrete)
            beta = tracer_util.scaling_factor_matrix_from(plane_redshifts, cosmology)
            return _PlaneInfo(True, plane_redshifts, index_lists, beta)
        return _PlaneInfo(False, [], [[i] for i in range(len(galaxies))], None)

    def _warn_if_redshifts_look_swapped(self):
        info = self._plane_info
        if not info.concrete or len(info.index_lists) < 2:
            return
        # Whether light and mass look swapped depends only on the planes and the component
        # types; samplers build thousands of tracers of one structure, so a structure that
        # passed is not checked again.
        key = (
            tuple(tuple(idx) for idx in info.index_lists),
            tuple(_component_types(g) for g in self.galaxies),
        )
        if key in _SWAP_CHECKED:
            return
        mass_planes = [
            j
            for j, idx in enumerate(info.index_lists)
            if any(to_inversion.has_mass(self.galaxies[i]) for i in idx)
        ]
        light_planes = [
            j
            for j, idx in enumerate(info.index_lists)
            if any(to_inversion.has_light(self.galaxies[i]) for i in idx)
        ]
        if mass_planes and light_planes and max(light_planes) < min(mass_planes):
            warnings.warn(
                "No light-emitting galaxy lies behind any mass in this Tracer: the lens and "
                "source redshifts may be swapped.",
                exc.MultiPlaneRedshiftWarning,
                stacklevel=3,
            )
        elif len(_SWAP_CHECKED) < 1024:
            _SWAP_CHECKED.add(key)

    # ------------------------------------------------------------------ planes
    @property
    def total_planes(self) -> int:
        return len(self._plane_info.index_lists)

    @property
    def plane_galaxy_indexes(self) -> list:
        """For each plane (ascending redshift), the indexes in ``galaxies`` of its galaxies."""
        return [list(idx) for idx in self._plane_info.index_lists]

    @property
    def plane_redshifts(self) -> list:
        """Ascending redshift of each plane."""
        if self._plane_info.concrete:
            return list(self._plane_info.plane_redshifts)
        return [self.galaxies[idx[0]].redshift for idx in self._plane_info.index_lists]

    @property
    def planes(self) -> List[Galaxies]:
        """One ``Galaxies`` per plane, ascending redshift."""
        return [Galaxies([self.galaxies[i] for i in idx]) for idx in self._plane_info.index_lists]

    @property
    def galaxies_ascending_redshift(self) -> list:
        return [self.galaxies[i] for idx in self._plane_info.index_lists for i in idx]

    @property
    def upper_plane_index_with_light_profile(self) -> int:
        """Index of the highest plane holding any light profile (standard or linear); 0 if
        none."""
        index = 0
        for j, idx in enumerate(self._plane_info.index_lists):
            if any(to_inversion.has_light(self.galaxies[i]) for i in idx):
                index = j
        return index

    @property
    def plane_indexes_with_images(self) -> list:
        return [
            j
            for j, idx in enumerate(self._plane_info.index_lists)
            if any(to_inversion.has_light(self.galaxies[i]) for i in idx)
        ]

    def plane_index_via_redshift_from(self, redshift) -> int | None:
        for j, z in enumerate(self.plane_redshifts):
            if z is not None and abs(float(z) - float(redshift)) < 1e-8:
                return j
        return None

    def _beta(self, xp=np):
        info = self._plane_info
        if info.concrete:
            return info.beta
        redshifts = [g.redshift for g in self.galaxies]
        return tracer_util.scaling_factor_matrix_traced_from(redshifts, self.cosmology, xp)

    def _plane_deflections_raw_from(self, plane_index, points, xp=np):
        """Summed raw deflections of one plane's galaxies as ``(alpha_y, alpha_x)`` columns
        (``Galaxy.deflections_yx_columns_from``), or ``None`` if it has no mass. The same type on
        both backends; on JAX no ``[N, 2]`` array is written on the likelihood path.
        """
        total = None
        grid = None
        for i in self._plane_info.index_lists[plane_index]:
            galaxy = self.galaxies[i]
            if not to_inversion.has_mass(galaxy):
                continue
            if grid is None:
                grid = _points_grid(points, xp)
            alpha_y, alpha_x = galaxy.deflections_yx_columns_from(grid, xp=xp)
            total = (
                (alpha_y, alpha_x) if total is None else (total[0] + alpha_y, total[1] + alpha_x)
            )
        return total

    # ------------------------------------------------------------------ ray tracing
    def traced_points_list_from(
        self, points, xp=np, plane_index_limit=None, for_column_reads: bool = False
    ) -> list:
        """Raw ``[N, 2]`` traced positions of each plane (up to ``plane_index_limit``).

        ``for_column_reads``: the caller only reads the traced points column by column (the
        fit's per-point pass), so on JAX they are stacked in the form XLA removes (see
        :func:`~autogalaxy.profiles.geometry_profiles.stacked_yx_for_column_reads_from`).
        """
        return tracer_util.traced_points_list_from(
            points=points,
            deflections_of_plane_from=self._plane_deflections_raw_from,
            beta=self._beta(xp),
            total_planes=self.total_planes,
            xp=xp,
            plane_index_limit=plane_index_limit,
            for_column_reads=for_column_reads,
        )

    def traced_grid_2d_list_from(self, grid, xp=np, plane_index_limit=None) -> list:
        """Ray-traced grid of every plane (up to ``plane_index_limit``).

        ``Grid2D`` input: its pixel centres and its over-sampled sub-pixels are traced together
        (one deflection call per plane) and each plane's grid is a ``Grid2D`` carrying its traced
        sub-pixels (``over_sampled``) and the input's ``over_sampler``. ``Grid2DIrregular`` →
        ``Grid2DIrregular``; raw arrays → raw arrays. On NumPy plane 0 is the input itself; on
        JAX every plane, plane 0 included, holds JAX arrays.
        """
        kwargs = {} if xp is np else {"xp": xp}
        # Planes taken from the traced list: all of them on JAX, all but the (unchanged) input
        # on NumPy.
        first = 1 if xp is np else 0
        if isinstance(grid, aa.Grid2D):
            centres = grid.array
            sub = aa.raw_array(grid.over_sampled)
            n = centres.shape[0]
            joined = xp.concatenate([xp.asarray(centres), xp.asarray(sub)], axis=0)
            traced = self.traced_points_list_from(joined, xp, plane_index_limit)
            out = [grid] if first else []
            for values in traced[first:]:
                out.append(
                    aa.Grid2D(
                        values=values[:n],
                        mask=grid.mask,
                        over_sample_size=grid.over_sample_size,
                        over_sampled=aa.Grid2DIrregular(values=values[n:], **kwargs),
                        over_sampler=grid.over_sampler,
                        **kwargs,
                    )
                )
            return out
        traced = self.traced_points_list_from(xp.asarray(aa.raw_array(grid)), xp, plane_index_limit)
        if isinstance(grid, aa.Grid2DIrregular):
            planes = [aa.Grid2DIrregular(values=v, **kwargs) for v in traced[first:]]
            return [grid] + planes if first else planes
        return traced

    def deflections_between_planes_from(self, grid, xp=np, plane_i=0, plane_j=-1):
        """``θ_plane_i − θ_plane_j`` (the multi-plane deflection between two planes)."""
        total = self.total_planes
        i = plane_i % total
        j = plane_j % total
        points = aa.raw_array(grid)
        traced = self.traced_points_list_from(points, xp, plane_index_limit=max(i, j))
        return _wrap_vector(traced[i] - traced[j], grid, xp)

    @aa.decorators.to_vector_yx
    def deflections_yx_2d_from(self, grid, xp=np, **kwargs):
        """Deflection from the image plane to the last plane (``θ_0 − θ_{P−1}``); for one plane,
        the summed deflections of its galaxies."""
        points = aa.raw_array(grid)
        if self.total_planes == 1:
            alpha = self._plane_deflections_raw_from(0, points, xp)
            if alpha is None:
                return xp.zeros((points.shape[0], 2))
            return stacked_yx_from(*alpha, xp=xp)
        traced = self.traced_points_list_from(points, xp)
        return traced[0] - traced[-1]

    def deflections_of_planes_summed_from(self, grid, xp=np):
        """Sum of every galaxy's deflections on the image-plane grid (no multi-plane)."""
        return Galaxies(self.galaxies).deflections_yx_2d_from(grid=grid, xp=xp)

    @aa.decorators.to_array
    def convergence_2d_from(self, grid, xp=np, **kwargs):
        """Sum of every galaxy's convergence on the image-plane grid (not lensed)."""
        return aa.raw_array(
            Galaxies(self.galaxies).convergence_2d_from(
                grid=_points_grid(aa.raw_array(grid), xp), xp=xp
            )
        )

    @aa.decorators.to_array
    def potential_2d_from(self, grid, xp=np, **kwargs):
        """Sum of every galaxy's lensing potential on the image-plane grid (not lensed)."""
        return aa.raw_array(
            Galaxies(self.galaxies).potential_2d_from(
                grid=_points_grid(aa.raw_array(grid), xp), xp=xp
            )
        )

    def fermat_potential_from(self, grid, xp=np):
        """Fermat potential ``½|α|² − ψ`` (arcsec², two planes) on the image-plane grid."""
        from autolens.lens.time_delay import fermat_potential_raw_from

        values = fermat_potential_raw_from(
            self, xp.asarray(aa.raw_array(grid)).reshape(-1, 2), xp=xp
        )
        return aa.ArrayIrregular(values=values) if xp is np else values

    def time_delays_from(self, grid, xp=np):
        """Time delay (days) of each image-plane position relative to the unlensed path
        (two planes; see :mod:`autolens.lens.time_delay`)."""
        from autolens.lens.time_delay import time_delays_raw_from

        values = time_delays_raw_from(self, xp.asarray(aa.raw_array(grid)).reshape(-1, 2), xp=xp)
        return aa.ArrayIrregular(values=values) if xp is np else values

    def traced_grid_2d_from(self, grid, xp=np):
        """The grid traced to the last plane."""
        return self.traced_grid_2d_list_from(grid, xp=xp)[-1]

    # ------------------------------------------------------------------ light
    @property
    def galaxies_of_planes_with_images(self) -> list:
        """The galaxies of each plane holding light (``plane_indexes_with_images`` order)."""
        index_lists = self._plane_info.index_lists
        return [[self.galaxies[i] for i in index_lists[j]] for j in self.plane_indexes_with_images]

    def light_planes_from(self, points, xp=np) -> list:
        """``[(galaxies, traced raw points), ...]`` for the planes holding light.

        ``points`` is a raw ``[N, 2]`` array of image-plane positions; only the planes up to the
        last one with light are traced, and the traced points are meant to be read column by
        column (a fit's per-point pass, see :meth:`traced_points_list_from`).
        """
        light = self.plane_indexes_with_images
        if not light:
            return []
        traced = self.traced_points_list_from(
            points, xp, plane_index_limit=max(light), for_column_reads=True
        )
        return [
            (galaxies, traced[j]) for galaxies, j in zip(self.galaxies_of_planes_with_images, light)
        ]

    def _image_unbinned_raw_from(self, points, xp=np, operated_only=None):
        total = None
        for galaxies, plane_points in self.light_planes_from(points, xp):
            image = to_inversion.standard_image_raw_from(
                galaxies, plane_points, xp=xp, operated_only=operated_only
            )
            if image is not None:
                total = image if total is None else total + image
        if total is None:
            return xp.zeros(points.shape[0])
        return total

    @aa.decorators.to_array
    def image_2d_from(self, grid, xp=np, operated_only=None, **kwargs):
        """Summed image of every plane's standard light profiles, each plane evaluated on its
        ray-traced grid (linear light profiles contribute zero).

        For a ``Grid2D`` only the over-sampled sub-pixels are traced, every plane's light is
        summed on them and the sum is binned once.
        """
        if isinstance(grid, aa.Grid2D):
            sub = xp.asarray(aa.raw_array(grid.over_sampled))
            unbinned = self._image_unbinned_raw_from(sub, xp, operated_only)
            return grid.over_sampler.binned_array_2d_from(unbinned, xp=xp)
        return self._image_unbinned_raw_from(aa.raw_array(grid), xp, operated_only)

    def image_2d_list_from(self, grid, xp=np, operated_only=None) -> list:
        """Image of each plane on its traced grid (zeros above the last plane with light)."""
        upper = self.upper_plane_index_with_light_profile
        traced = self.traced_grid_2d_list_from(grid, xp=xp, plane_index_limit=upper)
        images = []
        for j, plane in enumerate(self.planes):
            if j <= upper:
                images.append(
                    plane.image_2d_from(grid=traced[j], xp=xp, operated_only=operated_only)
                )
            else:
                images.append(
                    plane.image_2d_from(grid=traced[0], xp=xp, operated_only=operated_only) * 0.0
                )
        return images

    def galaxy_image_2d_dict_from(self, grid, xp=np, operated_only=None) -> dict:
        """Galaxy → its image on its plane's traced grid."""
        upper = self.upper_plane_index_with_light_profile
        traced = self.traced_grid_2d_list_from(grid, xp=xp, plane_index_limit=upper)
        out = {}
        for j, idx in enumerate(self._plane_info.index_lists):
            plane_grid = traced[min(j, upper)]
            for i in idx:
                galaxy = self.galaxies[i]
                image = galaxy.image_2d_from(grid=plane_grid, xp=xp, operated_only=operated_only)
                out[galaxy] = image if j <= upper else image * 0.0
        return out

    def set_snr_of_snr_light_profiles(
        self, grid, exposure_time: float, background_sky_level: float = 0.0, psf=None
    ) -> None:
        """Set every ``lp_snr`` profile's intensity from its target S/N on its plane's traced
        grid (:func:`autolens.lens.tracer_snr.set_snr_of_snr_light_profiles`)."""
        from autolens.lens.tracer_snr import set_snr_of_snr_light_profiles

        set_snr_of_snr_light_profiles(self, grid, exposure_time, background_sky_level, psf)

    # ------------------------------------------------------------------ components
    def has(self, cls) -> bool:
        """True if any galaxy has a component of type ``cls``."""
        return any(galaxy.has(cls) for galaxy in self.galaxies)

    def cls_list_from(self, cls, cls_filtered=None) -> list:
        """Every component of type ``cls`` (not of ``cls_filtered``) over all galaxies, in plane
        order."""
        return [
            value
            for galaxy in self.galaxies_ascending_redshift
            for value in galaxy.cls_list_from(cls, cls_filtered)
        ]

    @property
    def perform_inversion(self) -> bool:
        """True if any galaxy has a linear light profile (directly or in a ``Basis``)."""
        basis = profile_class("Basis")
        for galaxy in self.galaxies:
            for value in to_inversion.galaxy_components(galaxy):
                if is_linear(value):
                    return True
                if isinstance(value, basis) and any(is_linear(m) for m in basis_members(value)):
                    return True
        return False

    def __repr__(self) -> str:
        return f"Tracer(planes={self.total_planes}, galaxies={len(self.galaxies)})"


def _wrap_vector(values, grid, xp):
    if isinstance(grid, aa.Grid2D):
        return aa.VectorYX2D(
            values=values, grid=grid, mask=grid.mask, **({} if xp is np else {"xp": xp})
        )
    if isinstance(grid, aa.Grid2DIrregular):
        return aa.VectorYX2DIrregular(values=values, grid=grid, **({} if xp is np else {"xp": xp}))
    return values
