"""From pixelized galaxies to the mappers of an inversion.

A galaxy with a ``Pixelization`` contributes one block of columns to the inversion: the
sub-pixels of the dataset's *pixelization* grid (over-sample size
``over_sample_size_pixelization``, default 4) are ray-traced to its plane, optionally
border-relocated, interpolated on the mesh, and summed per image pixel into the mapping matrix
(:mod:`autoarray.inversion.mapper`). Mappers come after every linear light profile in the
parameter vector, planes in ascending redshift, galaxies in plane order.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

import autoarray as aa
from autoarray import exc as aa_exc
from autoarray.inversion import border_relocator
from autoarray.inversion.mapper import Mapper, mapping_matrix_from, pixel_signals_from
from autoarray.inversion.pixelization import Pixelization


def pixelizations_of(galaxy) -> list:
    """The ``Pixelization`` attributes of a galaxy (attribute order)."""
    components = getattr(galaxy, "_components", None)
    values = components() if callable(components) else list(vars(galaxy).values())
    return [value for value in values if isinstance(value, Pixelization)]


class MapperSlot:
    """A mapper's place in the parameter vector (structure only: galaxy, pixelization, size)."""

    profile_list: list = []

    def __init__(self, galaxy, pixelization, params: int):
        self.galaxy = galaxy
        self.pixelization = pixelization
        self.params = params

    @property
    def regularization(self):
        return self.pixelization.regularization

    def __repr__(self) -> str:
        return f"MapperSlot({self.pixelization.mesh!r})"


class PixelizationStatics:
    """Dataset constants of the pixelization grid: sub-pixels, binning geometry, border."""

    def __init__(self, dataset, mask):
        grids = getattr(dataset, "grids", None)
        grid = getattr(grids, "pixelization", None) if grids is not None else None
        if grid is None:
            size = getattr(dataset, "over_sample_size_pixelization", 4)
            grid = aa.Grid2D.from_mask(mask, over_sample_size=size)
        self.grid = grid
        over_sampler = grid.over_sampler
        self.slim_for_sub = np.asarray(over_sampler.slim_for_sub_slim)
        self.sub_fraction = np.asarray(over_sampler.sub_fraction)
        self.sub_points = np.asarray(aa.raw_array(grid.over_sampled), dtype=float)
        self.centres = np.asarray(aa.raw_array(grid), dtype=float)
        self.n_sub = int(self.sub_points.shape[0])
        self.n_pix = int(self.centres.shape[0])
        self.border_slim = border_relocator.border_slim_indexes_from(mask)
        # Sub-pixels followed by the pixel centres: traced together, once per fit (the centres
        # give the border for relocation and the data distribution of adaptive meshes).
        self.points = np.concatenate([self.sub_points, self.centres], axis=0)


_STATICS: "OrderedDict[int, tuple]" = OrderedDict()


def pixelization_statics_from(dataset, mask) -> PixelizationStatics:
    """The cached :class:`PixelizationStatics` of ``dataset`` (keyed by identity)."""
    key = id(dataset)
    entry = _STATICS.get(key)
    if entry is not None and entry[0] is dataset:
        return entry[1]
    statics = PixelizationStatics(dataset, mask)
    _STATICS[key] = (dataset, statics)
    while len(_STATICS) > 16:
        _STATICS.popitem(last=False)
    return statics


def image_plane_mesh_grid_from(galaxy, pixelization, adapt_images):
    """Raw ``[S, 2]`` image-plane mesh grid of a mesh that needs one (else ``None``)."""
    if not getattr(pixelization.mesh, "requires_image_mesh", False):
        return None
    grid = None
    if adapt_images is not None:
        grid = adapt_images.image_plane_mesh_grid_for_galaxy(galaxy)
    if grid is None:
        raise aa_exc.MeshException(
            f"The mesh {pixelization.mesh!r} needs an image-plane mesh grid for its galaxy: pass "
            "adapt_images=AdaptImages(galaxy_image_plane_mesh_grid_dict={galaxy: "
            "al.image_mesh.Overlay(shape).image_plane_mesh_grid_from(mask)})."
        )
    return np.asarray(aa.raw_array(grid), dtype=float)


def params_from(galaxy, pixelization, adapt_images) -> int:
    """Number of source pixels of a pixelized galaxy (static: fixed before modelling)."""
    grid = image_plane_mesh_grid_from(galaxy, pixelization, adapt_images)
    return pixelization.mesh.pixels if grid is None else int(grid.shape[0])


def mapper_from(
    galaxy,
    pixelization,
    traced_points,
    statics,
    adapt_image,
    use_border_relocator,
    xp=np,
    traced_mesh_points=None,
    use_mixed_precision: bool = False,
):
    """The :class:`Mapper` of one pixelized galaxy from its traced pixelization points
    (``statics.points`` traced to the galaxy's plane) and, for meshes on an image-plane mesh
    grid, that grid traced to the same plane. ``use_mixed_precision`` (JAX only): a float32
    mapping matrix, as the release."""
    mesh = pixelization.mesh
    params = mesh.pixels if traced_mesh_points is None else int(traced_mesh_points.shape[0])
    if params > statics.n_pix and pixelization.regularization is None:
        # With regularization F + H stays positive definite however many source pixels there
        # are (the release fits a 28x28 mesh on 716 pixels; so does this package); without
        # it the curvature matrix of more parameters than data is singular.
        raise aa_exc.PixelizationException(
            f"The mesh {mesh!r} has {params} source pixels but the mask has only "
            f"{statics.n_pix} unmasked pixels and there is no regularization; use a smaller "
            "mesh, a larger mask or a regularization."
        )
    if use_border_relocator:
        border = traced_points[statics.n_sub :][statics.border_slim]
        # One call for every point set: the border ellipse is fitted once (relocation is
        # point by point, so this equals relocating each set on its own) and the JAX program
        # holds one copy of the fit instead of three.
        points = traced_points
        if traced_mesh_points is not None:
            points = xp.concatenate([traced_points, traced_mesh_points], axis=0)
        points = border_relocator.relocated_points_from(points, border, xp=xp)
        if traced_mesh_points is not None:
            traced_mesh_points = points[traced_points.shape[0] :]
        traced_points = points[: traced_points.shape[0]]
    sub = traced_points[: statics.n_sub]
    centres = traced_points[statics.n_sub :]
    adapt_data = None
    if adapt_image is not None:
        adapt_data = aa.raw_array(getattr(adapt_image, "slim", adapt_image))
    if mesh.requires_adapt_image and adapt_data is None:
        raise aa_exc.PixelizationException(
            f"The mesh {mesh!r} needs an adapt image for its galaxy: pass "
            "adapt_images=AdaptImages(galaxy_image_dict={galaxy: image}) (or "
            "galaxy_name_image_dict in an analysis)."
        )
    if traced_mesh_points is None:
        mappings, weights = mesh.interpolation_from(
            sub, xp=xp, pixel_centres=centres, adapt_data=adapt_data
        )
        geometry = mesh
        mesh_grid = mesh.mesh_grid_from(sub, xp=xp)
        zeroed = np.asarray(mesh.zeroed_pixels, dtype=int)
        exclude_zero = False
    else:
        mappings, weights, geometry = mesh.interpolation_and_geometry_from(
            sub, traced_mesh_points, xp=xp
        )
        mesh_grid = traced_mesh_points
        zeroed = mesh.zeroed_indexes_from(params)
        exclude_zero = getattr(mesh, "exclude_zero_weight_mappings", True)
    mapping = mapping_matrix_from(
        mappings,
        weights,
        statics.slim_for_sub,
        statics.sub_fraction,
        statics.n_pix,
        params,
        xp=xp,
        single_precision=bool(use_mixed_precision) and xp is not np,
    )
    regularization = pixelization.regularization
    H = None
    if regularization is not None:
        signals = None
        if regularization.requires_pixel_signals:
            if adapt_image is None:
                raise aa_exc.PixelizationException(
                    f"{type(regularization).__name__} regularization needs an adapt image for "
                    "its galaxy: pass adapt_images=AdaptImages(galaxy_image_dict={galaxy: image}) "
                    "(or galaxy_name_image_dict in an analysis)."
                )
            signals = pixel_signals_from(
                mappings,
                weights,
                statics.slim_for_sub,
                adapt_data,
                params,
                regularization.signal_scale,
                xp=xp,
                exclude_zero_weights=exclude_zero,
            )
        H = regularization.regularization_matrix_from(
            geometry, pixel_signals=signals, xp=xp, mesh_grid=mesh_grid
        )
    return Mapper(
        galaxy=galaxy,
        pixelization=pixelization,
        mapping_matrix=mapping,
        regularization_matrix=H,
        source_plane_data_grid=sub,
        source_plane_mesh_grid=mesh_grid,
        zeroed_pixels=zeroed,
    )
