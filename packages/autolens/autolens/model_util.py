"""Model-building helpers PyAutoLens scripts call as ``al.model_util.*``.

``mge_model_from`` builds the multi-Gaussian-expansion (MGE) light model of the workspace's
start-here scripts with the same priors, the same prior order (so parameter vectors agree with
PyAutoLens) and the same Gaussian widths: ``total_gaussians`` sigmas spaced evenly in log10 from
``sigma_min`` to ``mask_radius``.
"""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

from autogalaxy import exc
from autogalaxy.galaxy.galaxy import Galaxy
from autogalaxy.modeling.model import Model
from autogalaxy.modeling.priors import GaussianPrior, TruncatedGaussianPrior, UniformPrior
from autogalaxy.profiles.light import linear as lp_linear
from autogalaxy.profiles.light.basis import Basis
from autolens.imaging.random_lens import (  # noqa: F401  (PyAutoLens's al.model_util names)
    SIMULATOR_RANDOM_LENS_SUMMARY,
    random_galaxies_for_simulation_from,
)

#: Half-width of the uniform centre prior (arc-seconds) when ``centre_prior_is_uniform``.
UNIFORM_CENTRE_HALF_WIDTH = 0.1


def _centre_from(centre, centre_fixed, uniform: bool, sigma: float):
    if centre_fixed is not None:
        return tuple(float(c) for c in centre_fixed)
    if uniform:
        return tuple(
            UniformPrior(
                lower_limit=c - UNIFORM_CENTRE_HALF_WIDTH, upper_limit=c + UNIFORM_CENTRE_HALF_WIDTH
            )
            for c in centre
        )
    return tuple(GaussianPrior(mean=c, sigma=sigma) for c in centre)


def mge_model_from(
    mask_radius: float,
    total_gaussians: int = 30,
    gaussian_per_basis: int = 1,
    centre_prior_is_uniform: bool = True,
    centre: Tuple[float, float] = (0.0, 0.0),
    centre_fixed: Tuple[float, float] | None = None,
    centre_per_basis: bool = False,
    centre_sigma: float = 0.3,
    ell_comps_prior_is_uniform: bool = False,
    ell_comps_uniform_width: float = 0.2,
    ell_comps_sigma: float = 0.3,
    use_spherical: bool = False,
    sigma_min: float = 1e-4,
    ell_comps_limit: float = 1.0,
    order_bases: bool = False,
) -> Model:
    """``Model(Basis)`` of ``gaussian_per_basis * total_gaussians`` linear Gaussians.

    Every Gaussian of a basis shares that basis' ``ell_comps``; all bases share one centre
    unless ``centre_per_basis`` (or it is fixed with ``centre_fixed``). Widths are fixed:
    ``logspace(log10(sigma_min), log10(mask_radius), total_gaussians)``. Centre priors are
    ``Uniform(c - 0.1, c + 0.1)`` or ``Gaussian(c, centre_sigma)``; ell_comps priors are
    ``TruncatedGaussian(0, ell_comps_sigma, -ell_comps_limit, ell_comps_limit)`` or
    ``Uniform(-ell_comps_uniform_width, ell_comps_uniform_width)``.
    """
    if not mask_radius > 0.0 or not sigma_min > 0.0:
        raise exc.ModelException(
            f"mge_model_from needs mask_radius > 0 and sigma_min > 0, got {mask_radius} and "
            f"{sigma_min}."
        )
    if int(total_gaussians) < 1 or int(gaussian_per_basis) < 1:
        raise exc.ModelException(
            f"total_gaussians and gaussian_per_basis must be >= 1, got {total_gaussians} and "
            f"{gaussian_per_basis}."
        )
    if not 0.0 < ell_comps_limit <= 1.0:
        raise exc.ModelException(f"ell_comps_limit must lie in (0, 1], got {ell_comps_limit}.")
    if order_bases and gaussian_per_basis > 1:
        # Ordering needs model assertions, which this model layer does not have; refusing is
        # safer than silently returning an unordered model.
        raise exc.ModelException(
            "order_bases=True needs model assertions, which are not supported here; build the "
            "model with order_bases=False."
        )
    sigmas = np.logspace(np.log10(sigma_min), np.log10(mask_radius), int(total_gaussians))
    cls = lp_linear.GaussianSph if use_spherical else lp_linear.Gaussian

    shared_centre = None
    if not centre_per_basis:
        shared_centre = _centre_from(centre, centre_fixed, centre_prior_is_uniform, centre_sigma)
    profiles = []
    for _ in range(int(gaussian_per_basis)):
        basis_centre = shared_centre
        if basis_centre is None:
            basis_centre = _centre_from(centre, centre_fixed, centre_prior_is_uniform, centre_sigma)
        ell_comps: Any = None
        if not use_spherical:
            if ell_comps_prior_is_uniform:
                ell_comps = tuple(
                    UniformPrior(
                        lower_limit=-ell_comps_uniform_width, upper_limit=ell_comps_uniform_width
                    )
                    for _ in range(2)
                )
            else:
                ell_comps = tuple(
                    TruncatedGaussianPrior(
                        mean=0.0,
                        sigma=ell_comps_sigma,
                        lower_limit=-ell_comps_limit,
                        upper_limit=ell_comps_limit,
                    )
                    for _ in range(2)
                )
        for sigma in sigmas:
            kwargs = {"centre": basis_centre, "sigma": float(sigma)}
            if ell_comps is not None:
                kwargs["ell_comps"] = ell_comps
            profiles.append(Model(cls, **kwargs))
    return Model(Basis, profile_list=profiles)


def _galaxy_paths_from(node, path=()) -> list:
    """(path, Galaxy) of every galaxy in a model instance, depth first."""
    if isinstance(node, Galaxy):
        return [(path, node)]
    out = []
    items: Any
    if isinstance(node, (list, tuple)):
        items = enumerate(node)
    else:
        items = node.items() if callable(getattr(node, "items", None)) else ()
    for key, value in items:
        out.extend(_galaxy_paths_from(value, path + (str(key),)))
    return out


#: Adapt images are floored at this fraction of their maximum (PyAutoGalaxy's
#: ``adapt_minimum_percent``), so no galaxy's adapt image has zero or negative pixels.
ADAPT_MINIMUM_PERCENT = 0.01


def galaxy_name_image_dict_via_result_from(result, use_model_images: bool = False) -> dict:
    """``{"('galaxies', 'lens')": Array2D, ...}``: each galaxy's adapt image from a result.

    The image of a galaxy is its model-subtracted signal-to-noise map (data minus every other
    galaxy's model image, divided by the noise map) or, with ``use_model_images``, its own
    model image; each is floored at ``ADAPT_MINIMUM_PERCENT`` of its maximum. Keys are the
    galaxies' paths in the model instance written as ``str(tuple)``, as PyAutoLens does.
    """
    analysis = result._require_analysis("adapt images")
    instance = result.max_log_likelihood_instance
    fit = analysis._numpy_fit_from(instance)
    if use_model_images:
        images = fit.galaxy_model_image_dict
    else:
        images = fit.subtracted_images_of_galaxies_dict
    noise = np.asarray(fit.noise_map.array if hasattr(fit.noise_map, "array") else fit.noise_map)
    out = {}
    for path, galaxy in _galaxy_paths_from(instance):
        if galaxy not in images:
            continue
        image = images[galaxy]
        values = np.asarray(image.array, dtype=float)
        if not use_model_images:
            values = values / noise
        floor = ADAPT_MINIMUM_PERCENT * float(np.max(values))
        values = np.where(values < floor, floor, values)
        out[str(path)] = type(image)(values, image.mask)
    return out
