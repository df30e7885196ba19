"""L-BFGS-B maximum-likelihood search (scipy; exact JAX gradients for a JAX analysis)."""

from __future__ import annotations

import warnings

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import AbstractSearch
from autogalaxy.modeling.searches.checkpoint import read_npz, write_npz
from autogalaxy.modeling.searches.settings import check_float, check_int

#: Attempts at a start whose point is rejected (each from a fresh seeded draw) before giving up.
_MAX_ATTEMPTS = 10
#: Consecutive scipy ABNORMAL line-search stops without improvement before a start ends.
_MAX_ABNORMAL = 2
_STATE_KEYS = (
    "start",
    "attempt",
    "iterations",
    "abnormal",
    "x",
    "best_u",
    "best_fom",
    "worst",
    "points",
    "values",
)


class _Objective:
    """``-figure of merit`` in unit-cube coordinates, remembering the best valid point.

    Rejected points (figure of merit at the resample value, non-finite, or a non-finite
    gradient) get a finite penalty just above the worst objective seen and a zero gradient, so
    the line search backs off smoothly instead of stalling on a 1e99 cliff. A penalty is never
    a likelihood: only valid evaluations update ``best_fom`` / ``best_u``.
    """

    def __init__(self, model, fitness, progress) -> None:
        self.threshold = 0.5 * fitness.resample_figure_of_merit
        self.progress = progress
        self.worst = np.nan
        self.best_fom = -np.inf
        self.best_u = None
        self.jac = bool(fitness.use_jax)
        if self.jac:
            import jax
            import jax.numpy as jnp

            def figure(u):
                return fitness.call(model.vector_from_unit_vector(u, xp=jnp))

            from autogalaxy.modeling.jax_memory import MemoryCheckedJit

            self._value_and_grad = MemoryCheckedJit(
                jax.value_and_grad(figure), "likelihood gradient"
            )
        else:
            self._figure = lambda u: fitness._call_numpy(model.vector_from_unit_vector(u))

    def _penalised(self, u, fom, grad=None):
        bad = (not np.isfinite(fom)) or fom <= self.threshold
        if grad is not None and not np.all(np.isfinite(grad)):
            bad = True
        if bad:
            base = 0.0 if np.isnan(self.worst) else self.worst
            value = base + max(1.0, abs(base))
            return value, (None if grad is None else np.zeros_like(grad))
        self.worst = -fom if np.isnan(self.worst) else max(self.worst, -fom)
        if fom > self.best_fom:
            self.best_fom, self.best_u = float(fom), np.array(u, dtype=float)
        self.progress.update(1, [fom])
        return -fom, (None if grad is None else -grad)

    def __call__(self, u):
        if self.jac:
            fom, grad = self._value_and_grad(np.asarray(u, dtype=np.float64))
            return self._penalised(u, float(fom), np.asarray(grad, dtype=float))
        return self._penalised(u, self._figure(u))[0]


class LBFGS(AbstractSearch):
    """Maximise the figure of merit with ``scipy.optimize.minimize(method="L-BFGS-B")``.

    The optimisation runs in unit-cube coordinates (bounded to ``[eps, 1 - eps]``) where the prior
    is uniform, so maximising the log likelihood there is maximum a posteriori in the prior's
    support. With a JAX analysis the objective and its gradient come from one jitted
    ``jax.value_and_grad``; on NumPy scipy uses finite differences. The first start is the prior
    median (unit 0.5); further starts (``n_starts``) are drawn from the prior. A start whose
    point is rejected is redrawn. The returned samples hold the best valid point of every start
    (weight on the best one); no evidence, no errors.

    Each start runs in segments of ``checkpoint_interval`` iterations (L-BFGS memory restarts at
    each segment); the state is checkpointed to ``lbfgs.checkpoint.npz`` after every segment, so a
    killed fit resumes at its last segment and ends exactly as an uninterrupted one. A scipy
    ABNORMAL line-search stop restarts the segment from the best point (memory reset); after
    ``2`` such stops without improvement the start ends with a warning.

    Parameters
    ----------
    n_starts
        Number of optimisation starts.
    maxiter
        Maximum L-BFGS iterations per start.
    tol
        scipy tolerance (``ftol``/``gtol`` option).
    eps
        Distance kept from the unit-cube edges.
    checkpoint_interval
        L-BFGS iterations per segment (checkpoint granularity).
    """

    _module = "scipy.optimize"
    _extra = "all"

    def __init__(
        self,
        name=None,
        path_prefix=None,
        output_path="output",
        n_starts: int = 1,
        maxiter: int = 500,
        tol: float | None = None,
        eps: float = 1e-6,
        checkpoint_interval: int = 50,
        **kwargs,
    ) -> None:
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.n_starts = n_starts
        self.maxiter = maxiter
        self.tol = tol
        self.eps = eps
        self.checkpoint_interval = checkpoint_interval
        self._check_settings()

    def _check_settings(self) -> None:
        super()._check_settings()
        name = type(self).__name__
        check_int(name, "n_starts", self.n_starts, 1)
        check_int(name, "maxiter", self.maxiter, 1)
        check_int(name, "checkpoint_interval", self.checkpoint_interval, 1)
        check_float(name, "tol", self.tol, 0.0, low_open=True, allow_none=True)
        check_float(name, "eps", self.eps, 0.0, 0.5, low_open=True, high_open=True)

    def _start_point(self, start: int, attempt: int, n: int) -> np.ndarray:
        if start == 0 and attempt == 0:
            return np.full(n, 0.5)
        seed = 0 if self.seed is None else self.seed
        return np.random.default_rng([seed, start, attempt]).uniform(0.05, 0.95, n)

    def _load_state(self, path, n: int) -> dict:
        data = read_npz(path, _STATE_KEYS)
        ok = (
            data["x"].shape == (n,)
            and data["points"].ndim == 2
            and data["points"].shape[1:] == (n,)
            and data["values"].shape == (data["points"].shape[0],)
            and 0 <= int(data["start"]) <= self.n_starts
            and np.all(np.isfinite(data["x"]))
            and np.all(np.isfinite(data["values"]))
        )
        if not ok:
            raise exc.SearchException(
                f"The L-BFGS checkpoint {path} does not fit this search (x {data['x'].shape}, "
                f"points {data['points'].shape}); expected {n} parameters and <= {self.n_starts} "
                "starts. Delete it (or the output folder) to restart the fit."
            )
        return data

    def _fit(self, model, fitness, folder, progress) -> Samples:
        optimize = self._import()
        n = model.prior_count
        objective = _Objective(model, fitness, progress)
        bounds = [(self.eps, 1.0 - self.eps)] * n
        path = folder / "lbfgs.checkpoint.npz"
        start, attempt, iterations, abnormal = 0, 0, 0, 0
        x = self._start_point(0, 0, n)
        points, values = np.zeros((0, n)), np.zeros(0)
        if self.checkpoint and path.exists():
            state = self._load_state(path, n)
            start, attempt = int(state["start"]), int(state["attempt"])
            iterations, abnormal = int(state["iterations"]), int(state["abnormal"])
            x, points, values = state["x"], state["points"], state["values"]
            objective.worst = float(state["worst"])
            objective.best_fom = float(state["best_fom"])
            objective.best_u = state["best_u"] if np.isfinite(objective.best_fom) else None
        while start < self.n_starts:
            steps = min(self.checkpoint_interval, self.maxiter - iterations)
            res = optimize.minimize(
                objective,
                x,
                jac=objective.jac,
                method="L-BFGS-B",
                bounds=bounds,
                tol=self.tol,
                options={"maxiter": steps},
            )
            iterations += max(int(res.nit), 1)
            message = str(getattr(res, "message", ""))
            x = np.clip(np.asarray(res.x, dtype=float), self.eps, 1.0 - self.eps)
            improved = objective.best_u is not None and not np.allclose(objective.best_u, x)
            if "ABNORMAL" in message.upper() and objective.best_u is not None:
                abnormal = 0 if improved else abnormal + 1
                x = objective.best_u.copy()
                done = abnormal >= _MAX_ABNORMAL or iterations >= self.maxiter
                if done and abnormal >= _MAX_ABNORMAL:
                    warnings.warn(
                        f"LBFGS start {start}: scipy stopped abnormally ({message}); "
                        "the best point found is kept.",
                        stacklevel=2,
                    )
            else:
                done = res.status != 1 or iterations >= self.maxiter
            if done and objective.best_u is None and attempt + 1 < _MAX_ATTEMPTS:
                attempt, iterations, abnormal = attempt + 1, 0, 0  # every point was rejected
                x = self._start_point(start, attempt, n)
            elif done:
                if objective.best_u is not None:
                    points = np.vstack([points, model.vector_from_unit_vector(objective.best_u)])
                    values = np.append(values, objective.best_fom)
                start, attempt, iterations, abnormal = start + 1, 0, 0, 0
                objective.best_fom, objective.best_u = -np.inf, None
                x = self._start_point(start, 0, n)
            if self.checkpoint:
                best_u = objective.best_u if objective.best_u is not None else np.full(n, np.nan)
                write_npz(
                    path,
                    start=start,
                    attempt=attempt,
                    iterations=iterations,
                    abnormal=abnormal,
                    x=x,
                    best_u=best_u,
                    best_fom=objective.best_fom,
                    worst=objective.worst,
                    points=points,
                    values=values,
                )
        if values.size == 0:
            raise exc.SearchException(
                f"LBFGS: every start ({self.n_starts}, {_MAX_ATTEMPTS} attempts each) landed only "
                "on rejected parameters (resample value or non-finite likelihood / gradient); "
                "check the priors and the analysis."
            )
        weights = np.zeros(len(values))
        weights[int(np.argmax(values))] = 1.0
        return Samples(model, points, values, weights, log_evidence=None)
