"""L-BFGS-B maximum-likelihood search (scipy; exact JAX gradients for a JAX analysis)."""

from __future__ import annotations

import numpy as np

from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import AbstractSearch


class LBFGS(AbstractSearch):
    """Maximise the figure of merit with ``scipy.optimize.minimize(method="L-BFGS-B")``.

    The optimisation runs in unit-cube coordinates (bounded to ``[eps, 1 - eps]``) where the prior
    is uniform, so maximising the log likelihood there is maximum a posteriori in the prior's
    support. With a JAX analysis the objective and its gradient come from one jitted
    ``jax.value_and_grad``; on NumPy scipy uses finite differences. The first start is the prior
    median (unit 0.5); further starts (``n_starts``) are drawn from the prior. The returned
    samples hold the best point of every start (weight on the best one); no evidence, no errors.

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
    """

    _module = "scipy.optimize"
    _extra = "all"

    def __init__(self, name=None, path_prefix=None, output_path="output", n_starts: int = 1,
                 maxiter: int = 500, tol: float | None = None, eps: float = 1e-6,
                 **kwargs) -> None:
        kwargs.setdefault("checkpoint", False)
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.n_starts = n_starts
        self.maxiter = maxiter
        self.tol = tol
        self.eps = eps

    def _objective(self, model, fitness, progress):
        """(objective(u) -> (value, grad) or value, jac flag) minimising -figure of merit.

        Resampled points (figure of merit at the resample value, or a non-finite gradient) get a
        finite penalty just above the worst objective seen so far and a zero gradient, so the
        line search backs off smoothly instead of stalling on a 1e99 cliff.
        """
        threshold = 0.5 * fitness.resample_figure_of_merit
        worst = [None]

        def penalised(fom, grad=None):
            bad = (not np.isfinite(fom)) or fom <= threshold
            if grad is not None and not np.all(np.isfinite(grad)):
                bad = True
            if bad:
                base = 0.0 if worst[0] is None else worst[0]
                value = base + max(1.0, abs(base))
                return value, (None if grad is None else np.zeros_like(grad))
            value = -fom
            worst[0] = value if worst[0] is None else max(worst[0], value)
            progress.update(1, [fom])
            return value, (None if grad is None else -grad)

        if fitness.use_jax:
            import jax
            import jax.numpy as jnp

            def figure(u):
                return fitness.call(model.vector_from_unit_vector(u, xp=jnp))

            value_and_grad = jax.jit(jax.value_and_grad(figure))

            def objective(u):
                fom, grad = value_and_grad(jnp.asarray(u))
                return penalised(float(fom), np.asarray(grad, dtype=float))

            return objective, True

        def objective(u):
            return penalised(fitness._call_numpy(model.vector_from_unit_vector(u)))[0]

        return objective, False

    def _fit(self, model, fitness, folder, progress) -> Samples:
        optimize = self._import()
        objective, jac = self._objective(model, fitness, progress)
        rng = np.random.default_rng(self.seed)
        n = model.prior_count
        bounds = [(self.eps, 1.0 - self.eps)] * n
        points, values = [], []
        for start in range(self.n_starts):
            x0 = np.full(n, 0.5) if start == 0 else rng.uniform(0.05, 0.95, n)
            options = {"maxiter": self.maxiter}
            res = optimize.minimize(
                objective, x0, jac=jac, method="L-BFGS-B", bounds=bounds, tol=self.tol,
                options=options,
            )
            points.append(np.asarray(model.vector_from_unit_vector(res.x), dtype=float))
            values.append(-float(res.fun))
        figures = np.array(values)
        weights = np.zeros(len(figures))
        weights[int(np.argmax(figures))] = 1.0
        return Samples(model, np.array(points), figures, weights, log_evidence=None)
