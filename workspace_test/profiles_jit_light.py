"""JAX parity of every light profile (standard and linear) against the NumPy path.

For each profile class (``standard``, ``linear``, ``standard_operated``, ``linear_operated``):
- ``jax.jit`` of ``image_2d_from(grid, xp=jnp)`` (profile built inside from traced parameters)
  equals NumPy to 1e-10 relative, on a ``Grid2DIrregular`` of the 4 check points and on an
  over-sampled ``Grid2D.uniform((5, 5), 0.3)``;
- ``jax.vmap`` over a batch of parameter sets equals NumPy for every batch element;
- ``jax.grad`` of the summed image with respect to every parameter is finite, also at
  ``ell_comps = (0, 0)``.

Exits non-zero on any mismatch. Run: ``python workspace_test/profiles_jit_light.py``.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for package in ("autoarray", "autogalaxy", "autolens"):
    sys.path.append(str(ROOT / "packages" / package))

import autoarray as aa  # noqa: E402
from autoarray.backend import jax_numpy  # noqa: E402
from autogalaxy.profiles.geometry_profiles import EllProfile  # noqa: E402
from autogalaxy.profiles.light import linear as lp_linear  # noqa: E402
from autogalaxy.profiles.light import linear_operated as lp_linear_operated  # noqa: E402
from autogalaxy.profiles.light import standard as lp  # noqa: E402
from autogalaxy.profiles.light import standard_operated as lp_operated  # noqa: E402
from autogalaxy.profiles.light.basis import Basis  # noqa: E402

RTOL = 1e-10
POINTS = [(0.5, 0.5), (1.0, -0.5), (-0.5, 1.0), (1.5, 1.5)]

#: Parameter values used instead of the defaults (all classes take a subset of these).
VALUES = {
    "centre": (0.05, -0.03),
    "ell_comps": (0.1, -0.15),
    "intensity": 1.3,
    "effective_radius": 0.7,
    "sersic_index": 2.5,
    "sigma": 0.6,
    "alpha": 1.5,
    "beta": 2.5,
    "radius_break": 0.05,
    "gamma": 0.3,
    "core_radius_0": 0.05,
    "core_radius_1": 0.4,
    "eta": 1.8,
}


def parameters_of(cls) -> dict:
    names = [name for name in inspect.signature(cls.__init__).parameters if name != "self"]
    return {name: VALUES[name] for name in names}


def batch_of(params: dict, jnp) -> dict:
    """Three parameter sets: the values, 0.9x and 1.1x (tuples stay tuples of batched arrays)."""
    factors = np.array([1.0, 0.9, 1.1])

    def batched(value):
        if isinstance(value, tuple):
            return tuple(jnp.asarray(v * factors) for v in value)
        return jnp.asarray(value * factors)

    return {name: batched(value) for name, value in params.items()}


def element_of(batch: dict, index: int) -> dict:
    def element(value):
        if isinstance(value, tuple):
            return tuple(float(v[index]) for v in value)
        return float(value[index])

    return {name: element(value) for name, value in batch.items()}


def as_jax(params: dict, jnp) -> dict:
    def convert(value):
        if isinstance(value, tuple):
            return tuple(jnp.asarray(v) for v in value)
        return jnp.asarray(value)

    return {name: convert(value) for name, value in params.items()}


def close(name: str, label: str, jax_values, numpy_values, failures: list, atol: float = 0.0):
    """Relative error <= RTOL (coordinates, which can be exactly 0, also allow ``atol``)."""
    jax_values = np.asarray(jax_values)
    scale = np.maximum(np.abs(numpy_values), max(atol / RTOL, 1e-300))
    error = float(np.max(np.abs(jax_values - numpy_values) / scale))
    if not np.all(np.isfinite(jax_values)) or error > RTOL:
        failures.append(f"{name} {label}: max relative error {error:.3e}")


def check_class(cls, grids, jax, jnp, failures: list):
    name = f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"
    params = parameters_of(cls)

    def images(p, xp):
        profile = cls(**p)
        return tuple(profile.image_2d_from(grid, xp=xp).array for grid in grids)

    def summed(p):
        return sum(jnp.sum(image) for image in images(p, jnp))

    points = [("", params)]
    if "ell_comps" in params:
        points.append((" at ell_comps=(0,0)", {**params, "ell_comps": (0.0, 0.0)}))

    # one compilation per class: plain jit values, vmapped values and gradients together
    @jax.jit
    def run(p, batch, grad_points):
        return (
            images(p, jnp),
            jax.vmap(lambda q: images(q, jnp))(batch),
            [jax.grad(summed)(point) for point in grad_points],
        )

    batch = batch_of(params, jnp)
    jit_images, batched_images, gradients = run(
        as_jax(params, jnp), batch, [as_jax(point, jnp) for _, point in points]
    )

    for grid_name, jax_image, numpy_image in zip(
        ("irregular", "grid_2d"), jit_images, images(params, np)
    ):
        close(name, f"jit {grid_name}", jax_image, numpy_image, failures)

    for index in range(3):
        expected = images(element_of(batch, index), np)
        for grid_name, jax_image, numpy_image in zip(
            ("irregular", "grid_2d"), batched_images, expected
        ):
            close(name, f"vmap[{index}] {grid_name}", jax_image[index], numpy_image, failures)

    for (label, _), gradient in zip(points, gradients):
        grads = [np.asarray(g) for g in jax.tree_util.tree_leaves(gradient)]
        if not all(bool(np.all(np.isfinite(g))) for g in grads):
            failures.append(f"{name} grad{label} not finite: {grads}")
        elif not any(float(np.abs(g)) > 0.0 for g in grads):
            failures.append(f"{name} grad{label} identically zero")


def check_basis(grids, jax, jnp, failures: list):
    def images(sigmas, xp):
        basis = Basis(
            profile_list=[
                lp.Gaussian(
                    centre=(0.05, -0.03), ell_comps=(0.1, -0.15), intensity=1.0, sigma=sigmas[0]
                ),
                lp.Sersic(
                    centre=(0.05, -0.03),
                    ell_comps=(0.1, -0.15),
                    intensity=0.5,
                    effective_radius=sigmas[1],
                ),
                lp_linear.Gaussian(centre=(0.05, -0.03), ell_comps=(0.1, -0.15), sigma=sigmas[2]),
            ]
        )
        return tuple(basis.image_2d_from(grid, xp=xp).array for grid in grids)

    sigmas = (0.3, 0.7, 1.1)
    numpy_images = images(sigmas, np)
    jax_images = jax.jit(lambda s: images(s, jnp))(tuple(jnp.asarray(s) for s in sigmas))
    for grid_name, jax_image, numpy_image in zip(
        ("irregular", "grid_2d"), jax_images, numpy_images
    ):
        close("Basis", f"jit {grid_name}", jax_image, numpy_image, failures)


def check_geometry(grids, jax, jnp, failures: list):
    """EllProfile frame transforms and radii: jit parity and finite gradients at ell_comps=0."""

    def quantities(centre, ell_comps, xp):
        profile = EllProfile(centre=centre, ell_comps=ell_comps)
        out = []
        for grid in grids:
            frame = profile.transformed_to_reference_frame_grid_from(grid, xp)
            out.append(frame.array)
            out.append(profile.elliptical_radii_grid_from(frame, xp=xp))
            out.append(profile.eccentric_radii_squared_from(grid, xp=xp))
            out.append(profile.rotated_grid_from_reference_frame_from(frame.array, xp=xp))
            out.append(profile.transformed_from_reference_frame_grid_from(frame, xp).array)
        return out

    centre, ell_comps = (0.05, -0.03), (0.1, -0.15)
    numpy_values = quantities(centre, ell_comps, np)
    jitted = jax.jit(lambda c, e: quantities(c, e, jnp))
    jax_values = jitted(tuple(map(jnp.asarray, centre)), tuple(map(jnp.asarray, ell_comps)))
    for index, (jax_value, numpy_value) in enumerate(zip(jax_values, numpy_values)):
        close("EllProfile", f"jit quantity {index}", jax_value, numpy_value, failures, atol=1e-14)

    def total(c, e):
        return sum(jnp.sum(v) for v in quantities(c, e, jnp))

    grad_fn = jax.jit(jax.grad(total, argnums=(0, 1)))
    for point in (ell_comps, (0.0, 0.0)):
        grads = jax.tree_util.tree_leaves(
            grad_fn(tuple(map(jnp.asarray, centre)), tuple(map(jnp.asarray, point)))
        )
        if not all(bool(np.isfinite(np.asarray(g))) for g in grads):
            failures.append(f"EllProfile grad at ell_comps={point} not finite: {grads}")


def main() -> int:
    jnp = jax_numpy()
    import jax

    grids = (
        aa.Grid2DIrregular(POINTS),
        aa.Grid2D.uniform(shape_native=(5, 5), pixel_scales=0.3),
    )
    classes = [getattr(lp, n) for n in lp.__all__ if n != "LightProfile"]
    classes += [getattr(lp_linear, n) for n in lp_linear.__all__ if n != "LightProfileLinear"]
    for module in (lp_operated, lp_linear_operated):
        classes += [getattr(module, n) for n in ("Gaussian", "Moffat", "Sersic")]

    failures: list = []
    for cls in classes:
        check_class(cls, grids, jax, jnp, failures)
    check_basis(grids, jax, jnp, failures)
    check_geometry(grids, jax, jnp, failures)

    for failure in failures:
        print("MISMATCH", failure)
    print(
        f"{len(classes)} light profile classes, Basis and EllProfile checked: {len(failures)} failure(s)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
