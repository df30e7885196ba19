"""Multi-start gradient descent with the learning-rate-free Prodigy update (JAX + optax)."""

from __future__ import annotations

import copy
import inspect
import numbers
import warnings
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.fitness import Fitness, _points_per_call
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches import prodigy_checkpoint
from autogalaxy.modeling.searches.abstract import AbstractSearch, import_optional
from autogalaxy.modeling.searches.convergence import MultiStartGradientConvergence
from autogalaxy.modeling.searches.live_display import LiveDisplay

#: Bytes one start's reverse-mode gradient step holds per ray-traced point (float64
#: intermediates saved for the backward pass). XLA's ``memory_analysis`` of the compiled chunk
#: step in ``workspace_test/jax_grad/multistart_prodigy.py`` (Isothermal + shear lens, one Sersic
#: source, PSF; CPU) gives about 275 bytes per point per start. The intermediates grow with the
#: number of profiles, so the default keeps a 15x margin (models of a few tens of profiles, e.g.
#: a Gaussian-expansion source); ``batch_size`` overrides the estimate.
BYTES_PER_POINT = 4096


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def batch_size_from(
    n_starts: int, batch_size: int | None, points: int | None, max_memory_gb: float
) -> int:
    """Starts evaluated per vectorised call.

    An explicit ``batch_size`` is capped at ``n_starts``. ``None`` estimates the memory of one
    start's gradient as ``points * BYTES_PER_POINT`` (``points``: ray-traced points of one
    likelihood, from the dataset) and fits as many starts as ``max_memory_gb`` allows; all starts
    at once when the dataset size is unknown. The result is then evened out so that the chunks
    are equal (``ceil(n_starts / chunks)``): fewest padded starts for the same chunk count.
    """
    if batch_size is None:
        if points:
            batch_size = int(max_memory_gb * 1024**3 // (int(points) * BYTES_PER_POINT))
        else:
            batch_size = n_starts
    batch_size = max(1, min(int(batch_size), n_starts))
    chunks = -(-n_starts // batch_size)
    return -(-n_starts // chunks)


def jax_fitness_from(fitness: Fitness) -> Fitness:
    """A JAX-traceable copy of ``fitness`` (itself when its analysis already uses JAX).

    An analysis built with NumPy (``use_jax=False``) is shallow-copied with ``use_jax=True`` so
    the caller's analysis, which plots and writes outputs with NumPy, is left as it was.
    """
    if fitness.use_jax:
        return fitness
    analysis = copy.copy(fitness.analysis)
    try:
        analysis.use_jax = True
    except AttributeError as err:
        raise exc.SearchException(
            f"{type(analysis).__name__} cannot be switched to JAX; build it with use_jax=True."
        ) from err
    if getattr(analysis, "_xp", np) is np:
        raise exc.SearchException(
            f"{type(analysis).__name__} still evaluates with NumPy after use_jax=True; "
            "build it with use_jax=True (MultiStartProdigy differentiates with JAX)."
        )
    from autoarray.backend import jax_numpy

    jax_numpy()  # 64-bit floats before anything is traced; Fitness registers the model's classes
    return Fitness(
        fitness.model,
        analysis,
        fom_is_log_likelihood=fitness.fom_is_log_likelihood,
        resample_figure_of_merit=fitness.resample_figure_of_merit,
        batch_record_folder=fitness.batch_record_folder,
    )


def quick_visualize(analysis, folder: Path, instance) -> None:
    """``analysis.visualize(folder, instance, quick_update=True)`` (plain ``visualize`` when the
    analysis has no quick mode). The visualizers write ``fit.png`` atomically."""
    visualize = getattr(analysis, "visualize", None)
    if not callable(visualize):
        return
    if "quick_update" in inspect.signature(visualize).parameters:
        visualize(folder, instance, quick_update=True)
    else:
        visualize(folder, instance)


class StepBackend(NamedTuple):
    """What the step loop needs from the array library: the chunk ``step`` and ``init`` (see
    :func:`step_functions`), ``asarray`` (host -> device), ``tree_map`` and ``where`` (optimiser
    states of redrawn starts), ``flatten`` (``state -> (leaves, structure)``) and ``unflatten``
    (``(structure, leaves) -> state``) for checkpoints."""

    step: Callable
    init: Callable
    asarray: Callable
    tree_map: Callable
    where: Callable
    flatten: Callable
    unflatten: Callable


def step_functions(model, fitness: Fitness, optimiser):
    """Jitted ``(step, init)`` over a chunk of starts ``z [B, N]`` (unconstrained).

    ``step(z, state) -> (z', state', figure of merit at z, alive)``: one Prodigy update of
    ``-figure of merit`` per start; a start whose figure of merit is resampled or whose gradient
    is non-finite keeps its point and state. ``init(z)``: optimiser states. ``fitness`` must be
    traceable (see :func:`jax_fitness_from`).
    """
    import jax
    import jax.numpy as jnp
    import optax

    threshold = 0.5 * fitness.resample_figure_of_merit

    def loss(z):
        return -fitness.call(model.vector_from_unit_vector(jax.nn.sigmoid(z), xp=jnp))

    def one_step(z, state):
        value, grad = jax.value_and_grad(loss)(z)
        alive = jnp.logical_and(jnp.isfinite(value), -value > threshold)
        ok = jnp.logical_and(alive, jnp.all(jnp.isfinite(grad)))
        updates, new_state = optimiser.update(jnp.where(ok, grad, 0.0), state, z)
        new_z = jnp.where(ok, optax.apply_updates(z, updates), z)
        new_state = jax.tree_util.tree_map(
            lambda new, old: jnp.where(ok, new, old), new_state, state
        )
        return new_z, new_state, -value, alive

    step = jax.jit(jax.vmap(one_step))
    init = jax.jit(jax.vmap(optimiser.init))
    return step, init


class MultiStartProdigy(AbstractSearch):
    """Many gradient descents from broad random starts, run together (the GIGA-Lens recipe).

    ``n_starts`` points are drawn uniformly from ``[start_lower_limit, start_upper_limit]`` of
    every prior's unit interval. Each start descends ``-figure of merit`` in unconstrained
    coordinates ``z`` with ``unit = sigmoid(z)`` and physical values from the priors' inverse
    CDFs, so every step stays inside the priors and all parameters share one dimensionless scale.
    The update is ``optax.contrib.prodigy`` (Adam with its own step-size estimate, so there is no
    learning rate to tune); each start keeps its own optimiser state. Starts are evaluated
    ``batch_size`` at a time under ``jax.jit(jax.vmap(value_and_grad))``: one compiled program,
    and peak memory bounded by one chunk's gradient. A step whose figure of merit is resampled
    (non-finite / unphysical) or whose gradient is non-finite is skipped for that start; with
    ``resurrect=True`` such a start is redrawn from the start band instead. The search stops
    before ``n_steps`` once the best figure of merit plateaus (``convergence``; not with
    ``resurrect``); ``search.summary`` records the steps taken.

    Every ``iterations_per_quick_update`` steps the best point found so far is visualised with
    ``analysis.visualize(output_folder, instance, quick_update=True)`` (``fit.png``, written
    atomically); ``live_visual_update=True`` also shows it in a window (scripts with an
    interactive matplotlib backend) or a self-updating notebook output.

    The result's samples hold one row per start: the best point that start reached (for a
    converged start, its final point), weight 1 on the overall best. Like every optimiser it
    gives a best fit, no errors and no evidence. Needs ``jax`` and ``optax``
    (``pip install 'autogalaxy[prodigy]'``); an analysis built with NumPy is differentiated
    through a JAX copy of it.

    Parameters
    ----------
    name, path_prefix
        Output folder ``<output_path>/<path_prefix>/<unique_tag>/<name>``.
    unique_tag
        Optional extra folder level (e.g. the dataset name) between ``path_prefix`` and ``name``.
    n_starts
        Number of independent starts.
    n_steps
        Gradient steps every start takes.
    learning_rate
        Multiplier of Prodigy's own step-size estimate (``None``: 1, Prodigy's default).
    batch_size
        Starts per vectorised call. ``None``: as many as ``max_memory_gb`` allows, estimated from
        the dataset size (:func:`batch_size_from`). Results do not depend on it.
    iterations_per_quick_update
        Steps between quick visualisations of the best point (``None``: none during the fit;
        the full visualisation is always written at the end).
    live_visual_update
        Also display each quick update (needs ``iterations_per_quick_update``).
    start_lower_limit, start_upper_limit
        Unit-interval band the starts are drawn from (away from singular prior edges).
    resurrect
        Redraw a start whose figure of merit is resampled instead of freezing it.
    seed
        Seed of the start draws (``None``: 0, so runs repeat).
    convergence
        :class:`MultiStartGradientConvergence` early-stop settings (``None``: the defaults, a
        plateau over 50 steps after at least 100).
    max_memory_gb
        Memory budget of one chunk of gradients when ``batch_size`` is ``None``.
    checkpoint_interval
        Steps between checkpoints (``prodigy.checkpoint.npz`` in the output folder, written
        atomically; ``checkpoint=False`` writes none). A killed fit restarted with the same
        settings resumes from it and ends with the result of an uninterrupted run.
    """

    _module = "optax"
    _extra = "prodigy"

    def __init__(
        self,
        name: str | None = None,
        path_prefix: str | Path | None = None,
        unique_tag: str | None = None,
        n_starts: int = 48,
        n_steps: int = 300,
        learning_rate: float | None = None,
        batch_size: int | None = None,
        iterations_per_quick_update: int | None = None,
        live_visual_update: bool = False,
        start_lower_limit: float = 0.15,
        start_upper_limit: float = 0.85,
        resurrect: bool = False,
        seed: int | None = None,
        convergence: MultiStartGradientConvergence | None = None,
        max_memory_gb: float = 4.0,
        checkpoint_interval: int = 10,
        output_path: str | Path = "output",
        **kwargs,
    ) -> None:
        super().__init__(
            name=name,
            path_prefix=None if path_prefix is None else str(path_prefix),
            output_path=output_path,
            seed=0 if seed is None else seed,
            **kwargs,
        )
        self.unique_tag = unique_tag
        self.n_starts = n_starts
        self.n_steps = n_steps
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.iterations_per_quick_update = iterations_per_quick_update
        self.live_visual_update = live_visual_update
        self.start_lower_limit = start_lower_limit
        self.start_upper_limit = start_upper_limit
        self.resurrect = resurrect
        self.max_memory_gb = max_memory_gb
        self.checkpoint_interval = checkpoint_interval
        self.convergence = MultiStartGradientConvergence() if convergence is None else convergence
        self._steps_taken: int | None = None
        self._stop_reason: str | None = None
        self._validate()

    def _validate(self) -> None:
        def fail(what: str) -> None:
            raise exc.SearchException(f"MultiStartProdigy: {what}")

        for key in ("n_starts", "n_steps", "checkpoint_interval"):
            value = getattr(self, key)
            if not _is_int(value) or value < 1:
                fail(f"{key} must be an integer >= 1, got {value!r}.")
        for key in ("batch_size", "iterations_per_quick_update"):
            value = getattr(self, key)
            if value is not None and (not _is_int(value) or value < 1):
                fail(f"{key} must be None or an integer >= 1, got {value!r}.")
        if self.learning_rate is not None and not (
            isinstance(self.learning_rate, numbers.Real) and self.learning_rate > 0
        ):
            fail(f"learning_rate must be None or a number > 0, got {self.learning_rate!r}.")
        lo, hi = self.start_lower_limit, self.start_upper_limit
        if not (
            isinstance(lo, numbers.Real) and isinstance(hi, numbers.Real) and 0.0 < lo < hi < 1.0
        ):
            fail(
                "start_lower_limit and start_upper_limit must satisfy 0 < lower < upper < 1, "
                f"got ({lo!r}, {hi!r})."
            )
        if not isinstance(self.live_visual_update, bool):
            fail(f"live_visual_update must be True or False, got {self.live_visual_update!r}.")
        if self.live_visual_update and self.iterations_per_quick_update is None:
            fail(
                "live_visual_update=True needs iterations_per_quick_update (steps between updates)."
            )
        if not (isinstance(self.max_memory_gb, numbers.Real) and self.max_memory_gb > 0):
            fail(f"max_memory_gb must be a number > 0, got {self.max_memory_gb!r}.")
        if self.unique_tag is not None and not str(self.unique_tag):
            fail("unique_tag must be None or a non-empty string.")
        if not isinstance(self.convergence, MultiStartGradientConvergence):
            fail(
                "convergence must be None or a MultiStartGradientConvergence, "
                f"got {self.convergence!r}."
            )

    def _import(self):
        import_optional("jax", self._extra, type(self).__name__)
        return import_optional(self._module, self._extra, type(self).__name__)

    # ---------------------------------------------------------------- sampling
    def _starts(self, rng: np.random.Generator, count: int, n: int) -> np.ndarray:
        """``count`` unconstrained starts ``logit(u)``, ``u`` uniform in the start band."""
        unit = rng.uniform(self.start_lower_limit, self.start_upper_limit, (count, n))
        return np.log(unit) - np.log1p(-unit)

    def optimiser(self):
        """The optax Prodigy transformation of every start."""
        optax = self._import()
        return optax.contrib.prodigy(
            learning_rate=1.0 if self.learning_rate is None else float(self.learning_rate)
        )

    def _backend(self, model, fitness: Fitness) -> StepBackend:
        """The jitted JAX step of a chunk of starts (the analysis made traceable if needed)."""
        import jax
        import jax.numpy as jnp

        step, init = step_functions(model, jax_fitness_from(fitness), self.optimiser())
        return StepBackend(
            step,
            init,
            jnp.asarray,
            jax.tree_util.tree_map,
            jnp.where,
            jax.tree_util.tree_flatten,
            jax.tree_util.tree_unflatten,
        )

    def _fit(self, model, fitness, folder, progress) -> Samples:
        backend = self._backend(model, fitness)
        step, init, asarray = backend.step, backend.init, backend.asarray
        n = model.prior_count
        threshold = 0.5 * fitness.resample_figure_of_merit
        batch = batch_size_from(
            self.n_starts, self.batch_size, _points_per_call(fitness.analysis), self.max_memory_gb
        )
        chunks = -(-self.n_starts // batch)
        total = chunks * batch  # padded starts beyond n_starts are evaluated, never reported
        rng = np.random.default_rng(self.seed)
        z = self._starts(rng, total, n)
        states = [init(asarray(z[c * batch : (c + 1) * batch])) for c in range(chunks)]
        best_z = z.copy()
        best_fom = np.full(total, -np.inf)
        live = LiveDisplay() if self.live_visual_update else None

        history: list[float] = []
        self._steps_taken, self._stop_reason = 0, "n_steps"
        path = Path(folder) / prodigy_checkpoint.CHECKPOINT_FILE
        if self.checkpoint and path.exists():
            saved = prodigy_checkpoint.load(
                path,
                z_shape=z.shape,
                batch=batch,
                templates=states,
                flatten=backend.flatten,
                unflatten=backend.unflatten,
                asarray=asarray,
            )
            z, best_z, best_fom = saved["z"], saved["best_z"], saved["best_fom"]
            history, rng, states = saved["history"], saved["rng"], saved["states"]
            self._steps_taken = saved["step"]
        for index in range(self._steps_taken + 1, self.n_steps + 1):
            foms, alive = np.empty(total), np.empty(total, dtype=bool)
            for c in range(chunks):
                rows = slice(c * batch, (c + 1) * batch)
                new_z, states[c], fom, ok = step(asarray(z[rows]), states[c])
                foms[rows], alive[rows] = np.asarray(fom), np.asarray(ok)
                improved = alive[rows] & (foms[rows] > best_fom[rows])
                best_z[rows][improved] = z[rows][improved]
                best_fom[rows] = np.where(improved, foms[rows], best_fom[rows])
                z[rows] = np.asarray(new_z)
            progress.update(self.n_starts, foms[: self.n_starts][alive[: self.n_starts]])
            if self.resurrect and not np.all(alive):
                z, states = self._resurrect(rng, z, states, alive, batch, backend)
            self._steps_taken = index
            history.append(float(np.max(best_fom[: self.n_starts])))
            # Not with resurrect: redrawn starts improve the best in rare jumps after plateaus.
            if not self.resurrect and self.convergence.check_if_converged(history):
                self._stop_reason = "converged"
                break
            quick = self.iterations_per_quick_update
            if quick and index % quick == 0 and index < self.n_steps:
                self._quick_update(model, fitness.analysis, folder, best_z, best_fom, live)
            if self.checkpoint and index % self.checkpoint_interval == 0:
                prodigy_checkpoint.save(
                    path,
                    step=index,
                    z=z,
                    best_z=best_z,
                    best_fom=best_fom,
                    history=history,
                    rng=rng,
                    batch=batch,
                    states=states,
                    flatten=backend.flatten,
                )

        # The last step's update is scored here, so a start's final point counts too (with the
        # step program, whose update is discarded: a separate value program would compile again).
        for c in range(chunks):
            rows = slice(c * batch, (c + 1) * batch)
            fom = np.asarray(step(asarray(z[rows]), states[c])[2])
            improved = np.isfinite(fom) & (fom > threshold) & (fom > best_fom[rows])
            best_z[rows][improved] = z[rows][improved]
            best_fom[rows] = np.where(improved, fom, best_fom[rows])
        progress.update(self.n_starts)
        if live is not None:
            live.close()

        best_z, best_fom = best_z[: self.n_starts], best_fom[: self.n_starts]
        if not np.any(np.isfinite(best_fom)):
            raise exc.SearchException(
                "MultiStartProdigy: every start's figure of merit was resampled (unphysical or "
                "non-finite) at every step; check the priors and the analysis."
            )
        best_fom = np.where(np.isfinite(best_fom), best_fom, fitness.resample_figure_of_merit)
        physical = np.asarray(
            model.vector_from_unit_vector(1.0 / (1.0 + np.exp(-best_z))), dtype=float
        )
        weights = np.zeros(self.n_starts)
        weights[int(np.argmax(best_fom))] = 1.0
        return Samples(model, physical, best_fom, weights, log_evidence=None)

    def _summary_text(self, status: str, elapsed: float | None, calls: int | None) -> str:
        text = super()._summary_text(status, elapsed, calls)
        if self._steps_taken is None:
            return text
        return text + f"Steps taken: {self._steps_taken} (stopped by {self._stop_reason})\n"

    def _resurrect(self, rng, z, states, alive, batch, backend: StepBackend):
        """Redraw the dead starts (fresh point from the start band, fresh optimiser state)."""
        dead = ~alive
        z = z.copy()
        z[dead] = self._starts(rng, int(dead.sum()), z.shape[1])
        for c in range(len(states)):
            rows = slice(c * batch, (c + 1) * batch)
            if not np.any(dead[rows]):
                continue
            fresh = backend.init(backend.asarray(z[rows]))
            mask = backend.asarray(dead[rows])
            states[c] = backend.tree_map(
                lambda new, old, mask=mask: backend.where(
                    mask.reshape((-1,) + (1,) * (new.ndim - 1)), new, old
                ),
                fresh,
                states[c],
            )
        return z, states

    def _quick_update(self, model, analysis, folder, best_z, best_fom, live) -> None:
        """Visualise the best point so far (``fit.png``), and show it when displaying live."""
        if not np.any(np.isfinite(best_fom)):
            return
        unit = 1.0 / (1.0 + np.exp(-best_z[int(np.argmax(best_fom))]))
        instance = model.instance_from_vector(np.asarray(model.vector_from_unit_vector(unit)))
        try:
            quick_visualize(analysis, folder, instance)
        except Exception as err:  # a failed plot must not end a long fit; the final one is checked
            warnings.warn(f"MultiStartProdigy quick update failed: {err!r}", stacklevel=2)
            return
        if live is not None:
            live.show(Path(folder) / "fit.png")
