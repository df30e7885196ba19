"""JAX parity checks for autoarray's elementary functions, convolution, NNLS, inversion and
FitImaging.

Not a pytest module: run ``timeout 300 python workspace_test/autoarray_jax.py``; exits non-zero
on any mismatch. Compares every JAX result (``jax.jit`` and ``jax.vmap``) with the NumPy path.
"""

from __future__ import annotations

import sys

import numpy as np

import autoarray as aa
from autoarray.backend import jax_numpy
from autoarray.dataset import DatasetModel, Imaging
from autoarray.fit import FitImaging
from autoarray.inversion import Inversion
from autoarray.inversion.nnls import _nnls_jax_forward, nnls_jax, nnls_numpy
from autoarray.operators.convolver import Convolver

jnp = jax_numpy()
import jax  # noqa: E402

FAILURES: list = []


def check(name, got, expected, atol):
    got = np.asarray(got)
    expected = np.asarray(expected)
    err = float(np.max(np.abs(got - expected))) if got.size else 0.0
    ok = got.shape == expected.shape and np.all(np.isfinite(got)) and err <= atol
    print(f"{'PASS' if ok else 'FAIL'} {name}: max|diff| = {err:.3e} (tol {atol:.0e})")
    if not ok:
        FAILURES.append(name)


def convolution_checks():
    rng = np.random.default_rng(0)
    for label, shape, radius, centre in [
        ("P1-like", (180, 180), 0.75, (0.0, 0.0)),
        ("edge/padded", (40, 40), 0.3, (0.8, 0.8)),
    ]:
        convolution_case(rng, label, shape, radius, centre)


def convolution_case(rng, label, shape, radius, centre):
    mask = aa.Mask2D.circular(shape, radius=radius, pixel_scales=0.05, centre=centre)
    psf = Convolver.from_gaussian((21, 21), pixel_scales=0.05, sigma=0.1, normalize=True)
    blurring_mask = mask.derive_mask.blurring_from((21, 21), allow_padding=True)
    n, nb = mask.pixels_in_mask, blurring_mask.pixels_in_mask
    image = rng.normal(size=n)
    blurring = rng.normal(size=nb)
    for method in ("fft", "real_space", "dense", None):
        ref = psf.convolved_image_from(image, blurring, mask=mask, method=method)

        def single(i, b, method=method):
            out = psf.convolved_image_from(
                aa.Array2D(i, mask, xp=jnp),
                aa.Array2D(b, blurring_mask, xp=jnp),
                xp=jnp,
                method=method,
            )
            return out.array

        check(f"{label} convolution jit [{method}]", jax.jit(single)(image, blurring), ref, 1e-12)
        batch_i = rng.normal(size=(6, n))
        batch_b = rng.normal(size=(6, nb))
        expected = np.stack(
            [
                psf.convolved_image_from(i, b, mask=mask, method="fft")
                for i, b in zip(batch_i, batch_b)
            ]
        )
        check(
            f"{label} convolution vmap [{method}]",
            jax.jit(jax.vmap(single))(batch_i, batch_b),
            expected,
            1e-12,
        )
    M = rng.normal(size=(n, 5))
    Mb = rng.normal(size=(nb, 5))
    ref = psf.convolved_mapping_matrix_from(M, mask, Mb, method="fft")
    for method in ("fft", "real_space", "dense"):
        got = jax.jit(
            lambda a, b, method=method: psf.convolved_mapping_matrix_from(
                a, mask, b, xp=jnp, method=method
            )
        )(M, Mb)
        check(f"{label} mapping matrix jit [{method}]", got, ref, 1e-12)
    # A pixelization-sized matrix (>= 32 columns, no blurring rows) takes the automatic
    # many-column choice (the dense mat-mat on small masks), vmapped as Fitness._vmap runs it.
    wide = rng.normal(size=(3, n, 40))
    expected = np.stack([psf.convolved_mapping_matrix_from(w, mask, method="fft") for w in wide])
    got = jax.jit(jax.vmap(lambda a: psf.convolved_mapping_matrix_from(a, mask, xp=jnp)))(wide)
    check(f"{label} 40-column mapping matrix vmap [automatic]", got, expected, 1e-12)


def nnls_checks():
    rng = np.random.default_rng(1)
    Fs, Ds = [], []
    for _ in range(40):
        B = rng.normal(size=(60, 15))
        d = rng.normal(size=60)
        Fs.append(B.T @ B + 1e-3 * np.eye(15))
        Ds.append(B.T @ d)
    Fs, Ds = np.array(Fs), np.array(Ds)
    ref = np.array([nnls_numpy(F, D) for F, D in zip(Fs, Ds)])
    solve = jax.jit(nnls_jax)
    check("NNLS jit", np.array([solve(F, D) for F, D in zip(Fs, Ds)]), ref, 1e-8)
    check("NNLS vmap", jax.jit(jax.vmap(nnls_jax))(Fs, Ds), ref, 1e-8)
    active = int(np.sum(ref == 0.0))
    print(f"     ({active} of {ref.size} components at the bound)")
    # The active-set phase of the one solver loop, reached when block pivoting has not
    # converged: forced after 0 and 1 pivoting steps, it must end at the same optimum.
    for pivot_iter in (0, 1):
        forced = jax.jit(
            jax.vmap(lambda F, D, p=pivot_iter: _nnls_jax_forward(F, D, 5 * 15 + 50, p))
        )
        check(f"NNLS active-set phase after {pivot_iter} pivoting steps", forced(Fs, Ds), ref, 1e-8)
    # A singular curvature matrix: the first (unconstrained) factorisation fails (NaN), which
    # hands over to the active set at once; it must still reach the optimum (0, 2, 0).
    F_sing = np.array([[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 2.0]])
    D_sing = np.array([1.0, 2.0, -1.0])
    got = jax.jit(lambda F, D: _nnls_jax_forward(F, D, 3, 10**4))(F_sing, D_sing)
    check("NNLS singular system hands over to the active set", got, [0.0, 2.0, 0.0], 1e-12)

    F0, D0 = Fs[0], Ds[0]
    weights = rng.normal(size=15)

    def scalar(D, F):
        return jnp.sum(weights * nnls_jax(F, D) ** 2)

    grad_D = np.asarray(jax.grad(scalar)(D0, F0))
    h = 1e-6
    fd = np.array([(scalar(D0 + h * e, F0) - scalar(D0 - h * e, F0)) / (2 * h) for e in np.eye(15)])
    check("NNLS grad wrt D vs finite differences", grad_D, fd, 1e-7)
    grad_F = np.asarray(jax.grad(scalar, argnums=1)(D0, F0))
    free = np.flatnonzero(ref[0] > 0.0)
    E = np.zeros((15, 15))
    E[free[0], free[1]] = E[free[1], free[0]] = 1.0
    fd_F = (scalar(D0, F0 + h * E) - scalar(D0, F0 - h * E)) / (2 * h)
    check("NNLS grad wrt F (directional) vs finite differences", np.sum(grad_F * E), fd_F, 1e-7)
    print(
        f"     directional derivative wrt F: {float(np.sum(grad_F * E)):.6e} (FD {float(fd_F):.6e})"
    )
    batched = np.asarray(jax.vmap(jax.grad(scalar))(Ds, Fs))
    check("NNLS vmap(grad) finite", float(np.all(np.isfinite(batched))), 1.0, 0)


def nnls_small_checks():
    """One and two parameters (closed-form faces, no loop): jit, vmap and grad against the NumPy
    solver, the active-set loop and finite differences, with every face represented."""
    from autoarray.inversion.nnls import _make_nnls_jax

    rng = np.random.default_rng(4)
    for n in (1, 2):
        Fs, Ds = [], []
        signs = [(2.0, -2.0), (-2.0, 2.0), (-2.0, -2.0), (2.0, 2.0)]
        for trial in range(64):
            B = rng.normal(size=(30, n))
            d = B @ np.array(signs[trial % 4][:n]) + 0.3 * rng.normal(size=30)
            Fs.append(B.T @ B + 1e-3 * np.eye(n))
            Ds.append(B.T @ d)
        Fs, Ds = np.array(Fs), np.array(Ds)
        ref = np.array([nnls_numpy(F, D) for F, D in zip(Fs, Ds)])
        faces = [int(v) for v in np.unique((ref > 0) @ (2 ** np.arange(n)))]
        check(
            f"NNLS n={n} jit",
            np.array([jax.jit(nnls_jax)(F, D) for F, D in zip(Fs, Ds)]),
            ref,
            1e-10,
        )
        check(f"NNLS n={n} vmap", jax.jit(jax.vmap(nnls_jax))(Fs, Ds), ref, 1e-10)
        loop = _make_nnls_jax(5 * n + 50)
        weights = rng.normal(size=n)

        def scalar(D, F, solver, weights=weights):
            return jnp.sum(weights * solver(F, D) ** 2)

        grads = jax.vmap(jax.grad(lambda D, F: scalar(D, F, nnls_jax)))(Ds, Fs)
        grads_loop = jax.vmap(jax.grad(lambda D, F, loop=loop: scalar(D, F, loop)))(Ds, Fs)
        check(f"NNLS n={n} grad == active-set loop grad", grads, grads_loop, 1e-8)
        check(f"NNLS n={n} every face hit", len(faces), 2**n, 0)
        print(f"     faces hit (bit masks of the positive set): {faces}")


def inversion_and_fit_checks():
    rng = np.random.default_rng(2)
    mask = aa.Mask2D.circular((40, 40), radius=0.8, pixel_scales=0.05)
    psf = Convolver.from_gaussian((11, 11), pixel_scales=0.05, sigma=0.08)
    grid = aa.Grid2D.from_mask(mask, over_sample_size=1)
    y, x = grid.array[:, 0], grid.array[:, 1]
    n = mask.pixels_in_mask
    noise = np.full(n, 0.1)
    data = 3.0 * np.exp(-(y**2 + x**2) / (2 * 0.2**2)) + 0.1 * rng.normal(size=n)
    dataset = Imaging(aa.Array2D(data, mask), aa.Array2D(noise, mask), psf=psf)
    _ = dataset.grids.blurring  # build the static convolution state once

    def mapping(sigmas, xp):
        return xp.stack([xp.exp(-(y**2 + x**2) / (2 * s**2)) for s in sigmas], axis=1)

    sigmas = np.array([0.05, 0.1, 0.2, 0.4])

    def blurred(s, xp):
        return dataset.psf.convolved_mapping_matrix_from(mapping(s, xp), mask, xp=xp)

    inv_np = Inversion(blurred(sigmas, np), data, noise)
    inv_jax = jax.jit(lambda s: Inversion(blurred(s, jnp), data, noise, xp=jnp).reconstruction)(
        sigmas
    )
    check("Inversion (positive-only) jit", inv_jax, inv_np.reconstruction, 1e-8)

    class Fit(FitImaging):
        def __init__(self, dataset, scale, xp=np):
            super().__init__(dataset, dataset_model=DatasetModel(background_sky_level=0.0), xp=xp)
            self.scale = scale

        @property
        def model_data(self):
            stored = self._stored("_model_data")
            if stored is not None:
                return self._wrap(stored)
            xp = self._xp
            image = self.scale * xp.exp(-(y**2 + x**2) / (2 * 0.2**2))
            return self.dataset.psf.convolved_image_from(self._wrap(image), None, xp=xp)

    # Fit and DatasetModel are aa.Pytree classes: registered on definition once JAX is in use.
    assert aa.pytrees.is_registered(Fit) and aa.pytrees.is_registered(DatasetModel)

    def fit_from(scale):
        return Fit(dataset, scale, xp=jnp)._compute_all(jnp)

    fit_np = Fit(dataset, 2.5)
    fit_jax = jax.jit(fit_from)(jnp.asarray(2.5))
    assert isinstance(fit_jax, Fit)
    leaves = {k for k in fit_jax.__dict__}
    check(
        "FitImaging jit log_likelihood (stored leaf)",
        fit_jax.__dict__["_log_likelihood"],
        fit_np.log_likelihood,
        1e-9,
    )
    check("FitImaging jit chi_squared", fit_jax.chi_squared, fit_np.chi_squared, 1e-9)
    check("FitImaging jit model_data", fit_jax.model_data.array, fit_np.model_data.array, 1e-12)
    print(f"     jitted fit attributes: {sorted(leaves)}")
    scales = jnp.linspace(1.0, 4.0, 7)
    ll = jax.jit(jax.vmap(lambda s: Fit(dataset, s, xp=jnp).log_likelihood))(scales)
    check(
        "FitImaging vmap log_likelihood",
        ll,
        [Fit(dataset, float(s)).log_likelihood for s in scales],
        1e-9,
    )


def row_blocked_vjp_checks():
    """``aa.row_blocked_vjp``: value, grad (rows not a multiple of the block), vmap(grad); with
    block_rows 300 the 1003 rows are spread over 4 blocks of 256 (21 padding rows)."""
    rng = np.random.default_rng(3)
    rows = rng.uniform(0.1, 2.0, size=(1003, 2))
    weights = rng.normal(size=1003)

    def per_row(params, r):
        amplitude, scale, power = params["amplitude"], params["scale"], params["power"]
        radius2 = (r[:, 0] / scale) ** 2 + r[:, 1] ** 2
        image = amplitude * jnp.exp(-(radius2**power))
        columns = jnp.stack([jnp.log(radius2) * power, jnp.sqrt(radius2) * amplitude], axis=1)
        return image, None, [columns]

    def loss(params, blocked, block_rows=128):
        if blocked:
            image, _, (columns,) = aa.row_blocked_vjp(per_row, params, rows, block_rows)
        else:
            image, _, (columns,) = per_row(params, rows)
        return jnp.sum(weights * image) + jnp.sum(jnp.sin(columns))

    params = {"amplitude": 1.3, "scale": 0.7, "power": 0.6}
    for name, block_rows in (("value", 128), ("grad", 128), ("grad", 300)):
        transform = jax.jit if name == "value" else (lambda f: jax.jit(jax.grad(f)))
        plain = transform(lambda p: loss(p, False))(params)
        blocked = transform(lambda p, b=block_rows: loss(p, True, b))(params)
        flat_plain = np.asarray(jax.tree_util.tree_leaves(plain))
        flat_blocked = np.asarray(jax.tree_util.tree_leaves(blocked))
        check(
            f"row_blocked_vjp {name} (block_rows {block_rows})",
            flat_blocked,
            flat_plain,
            1e-12 * max(1.0, float(np.abs(flat_plain).max())),
        )
    batch = {k: jnp.asarray([v, 1.1 * v]) for k, v in params.items()}
    plain = jax.jit(jax.vmap(jax.grad(lambda p: loss(p, False))))(batch)
    blocked = jax.jit(jax.vmap(jax.grad(lambda p: loss(p, True))))(batch)
    flat_plain = np.asarray(jax.tree_util.tree_leaves(plain))
    check(
        "row_blocked_vjp vmap(grad)",
        np.asarray(jax.tree_util.tree_leaves(blocked)),
        flat_plain,
        1e-12 * float(np.abs(flat_plain).max()),
    )


def numerics_checks():
    """``aa.numerics`` log / arctan / arctan_ratio under jit and vmap against NumPy (relative
    error, at most a few ulp), their special values, and their derivatives (custom JVPs)."""
    rng = np.random.default_rng(7)
    x = np.concatenate([np.exp(rng.uniform(-700.0, 700.0, 50_000)), rng.uniform(0.5, 2.0, 50_000)])
    t = np.concatenate([rng.normal(0.0, 3.0, 50_000), np.tan(rng.uniform(-1.57, 1.57, 50_000))])
    d = rng.uniform(0.05, 4.0, t.size)
    log = jax.jit(lambda v: aa.numerics.log(v, xp=jnp))
    atan = jax.jit(lambda v: aa.numerics.arctan(v, xp=jnp))
    ratio = jax.jit(lambda n, m: aa.numerics.arctan_ratio(n, m, xp=jnp))
    relative = 1e-15  # 4.5 ulp
    for name, got, ref in [
        ("log jit", log(x), np.log(x)),
        ("log vmap", jax.vmap(lambda v: aa.numerics.log(v, xp=jnp))(x), np.log(x)),
        ("arctan jit", atan(t), np.arctan(t)),
        ("arctan_ratio jit", ratio(t, d), np.arctan2(t, d)),
        (
            "arctan_ratio vmap",
            jax.vmap(lambda n, m: aa.numerics.arctan_ratio(n, m, xp=jnp))(t, d),
            np.arctan2(t, d),
        ),
    ]:
        got = np.asarray(got)
        scale = np.where(ref == 0.0, 1.0, np.abs(ref))
        check(f"numerics {name} (relative)", (got - ref) / scale, np.zeros_like(ref), relative)
    specials = np.asarray(log(jnp.asarray([0.0, -1.0, np.inf, np.nan])))
    ok = (
        specials[0] == -np.inf
        and np.isnan(specials[1])
        and specials[2] == np.inf
        and np.isnan(specials[3])
    )
    check("numerics log special values", float(ok), 1.0, 0)
    points = jnp.asarray([0.3, 1.0, 7.5])
    grad_log = jax.vmap(jax.grad(lambda v: aa.numerics.log(v, xp=jnp)))(points)
    check("numerics d log / dx = 1/x", grad_log, 1.0 / np.asarray(points), 1e-15)
    second = jax.vmap(jax.grad(jax.grad(lambda v: aa.numerics.log(v, xp=jnp))))(points)
    check("numerics d2 log / dx2 = -1/x^2", second, -1.0 / np.asarray(points) ** 2, 1e-14)
    grad_atan = jax.vmap(jax.grad(lambda v: aa.numerics.arctan(v, xp=jnp)))(points)
    check("numerics d arctan / dx", grad_atan, 1.0 / (1.0 + np.asarray(points) ** 2), 1e-15)
    dn, dd = jax.grad(lambda n, m: aa.numerics.arctan_ratio(n, m, xp=jnp), argnums=(0, 1))(0.7, 1.9)
    norm = 0.7**2 + 1.9**2
    check("numerics d arctan_ratio / d(n, d)", [dn, dd], [1.9 / norm, -0.7 / norm], 1e-15)


class _PackedPart:
    """A toy model object: two scalars and a tuple of two."""

    def __init__(self, a, b, pair):
        self.a, self.b, self.pair = a, b, pair


class _PackedHolder(aa.PackedAttributes):
    """A toy fit: one packed attribute (``part``) next to an ordinary array leaf."""

    __pytree_pack__ = ("part",)

    def __init__(self, part, values):
        self.part, self.values = part, values


def _part_values(part) -> list:
    return [part.a, part.b, *part.pair]


def pytree_packing_checks():
    aa.register_instance_pytree(_PackedPart)
    aa.register_instance_pytree(_PackedHolder)
    holder = _PackedHolder(_PackedPart(1.5, -2.0, (0.25, 4.0)), np.arange(3.0))
    leaves = jax.tree_util.tree_leaves(holder)
    check("packing: one leaf for the part", [leaf.shape for leaf in leaves], [(4,), (3,)], 0)

    def scaled(h):
        p = h.part
        return _PackedHolder(
            _PackedPart(2 * p.a, p.b + 1, (p.pair[0], p.a * p.pair[1])), h.values * p.b
        )

    out = jax.jit(scaled)(holder)
    pending = out.__dict__.get(aa.pytree_packing.PENDING, {})
    check("packing: jit output keeps the part packed", float("part" in pending), 1.0, 0)
    packed = pending["part"][0]
    again = jax.tree_util.tree_leaves(out)
    check(
        "packing: re-flatten hands back the same array",
        float(any(x is packed for x in again)),
        1.0,
        0,
    )
    check("packing: rebuilt part", _part_values(out.part), [3.0, -1.0, 0.25, 6.0], 0)
    check("packing: ordinary leaf", out.values, -2.0 * np.arange(3.0), 0)

    grad = jax.grad(lambda h: h.part.a * h.part.pair[1] + jnp.sum(h.values) * h.part.b)(holder)
    check("packing: grad wrt the holder", _part_values(grad.part), [4.0, 3.0, 0.0, 1.5], 1e-15)
    check("packing: grad of the ordinary leaf", grad.values, [-2.0] * 3, 1e-15)

    batch = 5
    a = np.linspace(0.0, 1.0, batch)
    batched = _PackedHolder(_PackedPart(a, 2.0 * a, (a + 1, a - 1)), np.ones((batch, 3)))
    out = jax.vmap(scaled)(batched)
    expected = [2 * a, 2 * a + 1, a + 1, a * (a - 1)]
    check("packing: vmap over batched parts", np.stack(_part_values(out.part)), expected, 1e-15)

    def scaled_at(value):
        return scaled(
            _PackedHolder(_PackedPart(value, holder.part.b, holder.part.pair), holder.values)
        )

    out = jax.vmap(scaled_at)(jnp.asarray(a))
    check(
        "packing: vmap output part (batched packed leaf)",
        np.stack(_part_values(out.part)),
        [2 * a, np.full(batch, -1.0), np.full(batch, 0.25), 4 * a],
        1e-15,
    )
    shapes = jax.eval_shape(scaled, holder)
    check("packing: eval_shape", float(isinstance(shapes, _PackedHolder)), 1.0, 0)
    lowered = jax.jit(scaled).lower(holder).compile()
    check(
        "packing: lower / compile / call",
        _part_values(lowered(holder).part),
        [3.0, -1.0, 0.25, 6.0],
        0,
    )
    doubled = jax.tree_util.tree_map(lambda x: 2 * x, holder)
    check("packing: tree_map", _part_values(doubled.part), [3.0, -4.0, 0.5, 8.0], 0)
    check(
        "packing: in_axes broadcast over the holder",
        jax.vmap(lambda h, x: h.part.a * x, in_axes=(None, 0))(holder, jnp.asarray(a)),
        1.5 * a,
        1e-15,
    )


def border_relocation_checks():
    """Border relocation at a tie of the ellipse's semi-axis: forward and reverse mode agree.

    Border points (0, +-2), (+-1, 0) give an axis-aligned ellipse whose x semi-axis is set by
    two points at once. Moving the first, (0, 2), outward by ``s`` makes it the larger: the
    derivative at ``s = 0`` is the right-hand one, in ``jax.jvp`` and in the jitted ``jax.vjp``
    (``jnp.max`` would average the two sides, and its mask, rebuilt in the compiled reverse
    program, once made a full fit's grad disagree with its jvp).
    """
    from autoarray.inversion.border_relocator import relocated_points_from

    border = np.array([[0.0, 2.0], [0.0, -2.0], [1.0, 0.0], [-1.0, 0.0]])
    points = np.array([[0.5, 2.5], [0.9, 1.0], [0.0, 3.0], [-0.7, -2.2], [0.1, 0.2]])
    shift = np.zeros_like(border)
    shift[0, 1] = 1.0

    def relocated(s):
        return relocated_points_from(jnp.asarray(points), border + s * shift, xp=jnp)

    zero = jnp.asarray(0.0)
    _, tangent = jax.jit(lambda s: jax.jvp(relocated, (s,), (jnp.ones_like(s),)))(zero)
    cotangent = jnp.asarray(np.random.default_rng(5).normal(size=points.shape))
    reverse = jax.jit(lambda s: jax.vjp(relocated, s)[1](cotangent)[0])(zero)
    check(
        "border relocation at a tie: jit vjp == jvp",
        reverse,
        jnp.sum(cotangent * tangent),
        1e-12,
    )
    step = 1e-7
    right = (
        relocated_points_from(points, border + step * shift) - relocated_points_from(points, border)
    ) / step
    check("border relocation at a tie: jvp == right-hand difference", tangent, right, 1e-6)


def extrema_checks():
    """``largest`` / ``smallest``: the values of ``jnp.max`` / ``jnp.min``, and a derivative that
    is a one-hot gather at the forward pass's index in eager, jitted forward and jitted reverse
    mode alike (the rule that replaced ``jnp.max`` in the border relocator and mesh boxes)."""
    from autoarray.numerics.extrema import largest, smallest

    rng = np.random.default_rng(11)
    values = jnp.asarray(rng.normal(size=(5, 7)))
    for name, f, ref in (("largest", largest, jnp.max), ("smallest", smallest, jnp.min)):
        for axis in (None, 0, 1):
            check(
                f"{name}(axis={axis}) == jnp reduction",
                f(values, axis=axis, xp=jnp),
                ref(values, axis=axis),
                0,
            )
            weights = jnp.asarray(rng.normal(size=np.shape(ref(values, axis=axis))))

            def scalar(v, f=f, axis=axis, weights=weights):
                return jnp.sum(weights * jnp.exp(f(v, axis=axis, xp=jnp)))

            eager = jax.grad(scalar)(values)
            jitted = jax.jit(jax.grad(scalar))(values)
            direction = jnp.asarray(rng.normal(size=values.shape))
            _, tangent = jax.jit(lambda v, d=direction: jax.jvp(scalar, (v,), (d,)))(values)
            check(f"{name}(axis={axis}): jit grad == eager grad", jitted, eager, 1e-14)
            check(
                f"{name}(axis={axis}): jit grad . v == jvp",
                jnp.sum(jitted * direction),
                tangent,
                1e-12,
            )
            nonzero = int(jnp.sum(jitted != 0.0))
            expected = 1 if axis is None else values.shape[1 - axis]
            check(f"{name}(axis={axis}): one entry per reduced slice", nonzero, expected, 0)


def main() -> int:
    pytree_packing_checks()
    numerics_checks()
    row_blocked_vjp_checks()
    border_relocation_checks()
    extrema_checks()
    convolution_checks()
    nnls_checks()
    nnls_small_checks()
    inversion_and_fit_checks()
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) FAILED: {FAILURES}")
        return 1
    print("\nall autoarray JAX parity checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
