"""Checkpoint of :class:`~autogalaxy.modeling.searches.prodigy.MultiStartProdigy`.

Everything the step loop carries from one step to the next is saved (atomically, through
:mod:`checkpoint`): the step count, every start's point ``z``, its best point and figure of merit,
the best-so-far history that decides convergence, the random generator (``resurrect`` draws from
it) and every chunk's optimiser state as its pytree leaves. A fit restarted from it takes the
same steps as one that was never stopped, so it ends with the same result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.searches.checkpoint import check_finite, read_npz, write_npz

CHECKPOINT_FILE = "prodigy.checkpoint.npz"

_KEYS = ("step", "z", "best_z", "best_fom", "history", "rng_state", "batch", "chunks", "leaves")


def save(
    path: Path,
    *,
    step: int,
    z: np.ndarray,
    best_z: np.ndarray,
    best_fom: np.ndarray,
    history: list,
    rng: np.random.Generator,
    batch: int,
    states: list,
    flatten: Callable,
) -> None:
    """Write the loop state after ``step`` completed steps."""
    arrays = {}
    n_leaves = 0
    for c, state in enumerate(states):
        leaves, _ = flatten(state)
        n_leaves = len(leaves)
        for i, leaf in enumerate(leaves):
            arrays[f"state_{c}_{i}"] = np.asarray(leaf)
    write_npz(
        path,
        step=step,
        z=z,
        best_z=best_z,
        best_fom=best_fom,
        history=np.asarray(history, dtype=float),
        rng_state=np.array(json.dumps(rng.bit_generator.state)),
        batch=batch,
        chunks=len(states),
        leaves=n_leaves,
        **arrays,
    )


def _refuse(path: Path, what: str) -> exc.SearchException:
    return exc.SearchException(
        f"The MultiStartProdigy checkpoint {path} does not fit this search: {what}. Delete it (or "
        "the output folder) to restart the fit."
    )


def load(
    path: Path,
    *,
    z_shape: tuple,
    batch: int,
    templates: list,
    flatten: Callable,
    unflatten: Callable,
    asarray: Callable,
) -> dict:
    """The saved loop state, checked against this fit (shapes, chunking, optimiser states).

    ``templates``: freshly initialised optimiser states of every chunk, whose pytree structure
    and leaf shapes the saved leaves must have.
    """
    data = read_npz(path, _KEYS)
    if data["z"].shape != z_shape or data["best_z"].shape != z_shape:
        raise _refuse(path, f"points of shape {data['z'].shape}, expected {z_shape}")
    if data["best_fom"].shape != (z_shape[0],):
        raise _refuse(path, f"{data['best_fom'].shape} figures of merit for {z_shape[0]} starts")
    if int(data["batch"]) != batch or int(data["chunks"]) != len(templates):
        raise _refuse(
            path,
            f"saved with batch_size {int(data['batch'])} ({int(data['chunks'])} chunks), this run "
            f"uses {batch} ({len(templates)} chunks); keep batch_size (and n_starts) unchanged",
        )
    check_finite(path, "z", data["z"])
    check_finite(path, "best_z", data["best_z"])
    states = []
    for c, template in enumerate(templates):
        leaves, treedef = flatten(template)
        if int(data["leaves"]) != len(leaves):
            raise _refuse(path, f"{int(data['leaves'])} optimiser arrays, expected {len(leaves)}")
        restored = []
        for i, leaf in enumerate(leaves):
            saved = data.get(f"state_{c}_{i}")
            if saved is None or saved.shape != np.shape(leaf):
                shape = None if saved is None else saved.shape
                raise _refuse(
                    path, f"optimiser array {c}/{i} of shape {shape}, expected {np.shape(leaf)}"
                )
            restored.append(asarray(saved.astype(np.asarray(leaf).dtype, copy=False)))
        states.append(unflatten(treedef, restored))
    rng = np.random.default_rng()
    try:
        rng.bit_generator.state = json.loads(str(data["rng_state"]))
    except (ValueError, TypeError, KeyError) as err:
        raise _refuse(path, f"unreadable random state ({err})") from err
    return {
        "step": int(data["step"]),
        "z": data["z"],
        "best_z": data["best_z"],
        "best_fom": data["best_fom"],
        "history": [float(v) for v in data["history"]],
        "rng": rng,
        "states": states,
    }
