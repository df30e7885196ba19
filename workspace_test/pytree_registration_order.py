"""Registration order never changes a pytree (``autoarray.pytrees``).

Each order runs in a fresh process (registration is process-wide): the package's declared
classes, a user's plain component class, a user's ``aa.Pytree`` class and the model's classes
are registered in a different sequence (by ``jax_numpy()``, the instance walker the analyses
use, ``register_model``, an explicit ``register_pytree_class``, or a class defined after JAX is in
use). Every process prints the tree definitions and leaves of the same model instance, tracer
and galaxies, and a ``jax.jit`` round trip of the instance; all processes must agree.

Run: ``timeout 120 python workspace_test/pytree_registration_order.py``; exits non-zero on any
difference.
"""

from __future__ import annotations

import json
import subprocess
import sys

ORDERS = ("analysis", "model_first", "explicit_first")


def _classes():
    import autoarray as aa

    class UserPlain:
        """A user's component with no declarations: a float set by the class is a child."""

        def __init__(self, scale=1.0, width=1.0, label="plain"):
            self.scale = scale
            self.width = width
            self.label = label
            self.offset = 0.5

    class UserDeclared(aa.Pytree):
        """A user's component declaring a static field, as equinox's ``field(static=True)``."""

        __pytree_static__ = ("order",)

        def __init__(self, amplitude=1.0, order=2.0):
            self.amplitude = amplitude
            self.order = order

    return UserPlain, UserDeclared


def _model(UserPlain, UserDeclared):
    import autolens as al

    lens = al.Model(
        al.Galaxy,
        redshift=0.5,
        mass=al.Model(al.mp.Isothermal),
        bulge=al.Model(al.lp.Sersic, sersic_index=4.0),
        # A fixed float of an undeclared class: a leaf whichever registration sees it first
        # (it used to be static only when the model's registration ran first).
        extra=al.Model(UserPlain, scale=2.0),
    )
    source = al.Model(al.Galaxy, redshift=1.0, light=al.Model(UserDeclared))
    return al.Collection(galaxies=al.Collection(lens=lens, source=source))


def _describe(name, value) -> dict:
    import jax
    import numpy as np

    leaves, treedef = jax.tree_util.tree_flatten(value)
    return {
        "name": name,
        "treedef": str(treedef),
        "leaves": [np.asarray(leaf, dtype=float).tolist() for leaf in leaves],
    }


def run(order: str) -> list:
    import autolens as al
    from autoarray.backend import jax_numpy
    from autoarray.pytrees import register_pytree_class, register_reachable_classes
    from autogalaxy.modeling.fitness import register_model

    # Each order builds the one instance once (galaxy ids count constructions) and registers
    # the same classes in its own sequence.
    if order == "analysis":
        jax_numpy()
        UserPlain, UserDeclared = _classes()  # defined after JAX is in use
        model = _model(UserPlain, UserDeclared)
        instance = model.instance_from_prior_medians()
        register_reachable_classes(instance)
        register_model(model)
    elif order == "model_first":
        UserPlain, UserDeclared = _classes()
        model = _model(UserPlain, UserDeclared)
        instance = model.instance_from_prior_medians()
        register_model(model)
        register_reachable_classes(instance)
        jax_numpy()
    else:
        UserPlain, UserDeclared = _classes()
        register_pytree_class(UserPlain)
        register_pytree_class(al.Galaxy)
        model = _model(UserPlain, UserDeclared)
        instance = model.instance_from_prior_medians()
        jax_numpy()
        register_model(model)
    import jax

    # Adding a static name once a class is registered would make the pytree depend on the
    # order of the calls: it raises instead, in every order.
    try:
        register_pytree_class(UserPlain, no_flatten=("width",))
        conflict_raises = False
    except al.aa.exc.PytreeException:
        conflict_raises = True
    tracer = al.Tracer(galaxies=list(instance.galaxies))
    out = jax.jit(lambda inst: inst)(instance)
    lens = out.galaxies.lens
    return [
        _describe("instance", instance),
        _describe("tracer", tracer),
        _describe("galaxies", al.Galaxies(list(instance.galaxies))),
        {
            "name": "jit round trip",
            "types": [type(lens).__name__, type(lens.extra).__name__, type(lens.mass).__name__],
            "redshift": lens.redshift,
            "order": out.galaxies.source.light.order,
            "scale": float(lens.extra.scale),
            "conflict_raises": conflict_raises,
        },
    ]


def main() -> int:
    if len(sys.argv) > 1:
        print(json.dumps(run(sys.argv[1])))
        return 0
    results = {}
    for order in ORDERS:
        done = subprocess.run(
            [sys.executable, __file__, order], capture_output=True, text=True, timeout=100
        )
        if done.returncode != 0:
            print(f"FAIL order {order!r} crashed:\n{done.stderr[-3000:]}")
            return 1
        results[order] = json.loads(done.stdout.strip().splitlines()[-1])
    reference = results[ORDERS[0]]
    failures = 0
    for order in ORDERS[1:]:
        for expected, got in zip(reference, results[order]):
            if expected != got:
                failures += 1
                print(f"FAIL {got['name']}: order {order!r} differs from {ORDERS[0]!r}")
                print(f"  {ORDERS[0]}: {json.dumps(expected)[:1500]}")
                print(f"  {order}: {json.dumps(got)[:1500]}")
    # The rule itself: declared statics stay Python values, undeclared floats are leaves.
    round_trip = reference[-1]
    if not (
        round_trip["redshift"] == 0.5
        and round_trip["order"] == 2.0
        and round_trip["conflict_raises"]
    ):
        failures += 1
        print(f"FAIL declared static fields did not stay Python values: {round_trip}")
    if failures:
        return 1
    print(
        f"pytree_registration_order.py: {len(ORDERS)} orders give identical pytrees "
        f"({sum(len(r['leaves']) for r in reference[:3])} leaves)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
