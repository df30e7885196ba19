"""No-U-Turn Sampler with blackjax (JAX analyses only; ``pip install './packages/autogalaxy[nuts]'`` from the repository root)."""

from __future__ import annotations

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import AbstractSearch


class NUTS(AbstractSearch):
    """Hamiltonian Monte Carlo (NUTS with window adaptation) using `blackjax`.

    Sampling runs in unconstrained coordinates ``z`` with ``unit = sigmoid(z)`` and physical
    values from the priors' inverse CDFs, so the target density is
    ``log L(x(z)) + sum(log u + log(1 - u))`` (prior folded into the transform). Needs an
    analysis with ``use_jax=True``. Samples are equally weighted; no evidence. No checkpoint.

    Parameters
    ----------
    num_warmup
        Window-adaptation steps (step size and mass matrix).
    num_samples
        Posterior samples drawn after warm-up.
    chunk
        Steps per jitted ``lax.scan`` chunk (progress bar granularity).
    target_acceptance_rate
        NUTS target acceptance rate.
    """

    _module = "blackjax"
    _extra = "nuts"

    def __init__(self, name=None, path_prefix=None, output_path="output", num_warmup: int = 500,
                 num_samples: int = 1000, chunk: int = 100,
                 target_acceptance_rate: float = 0.8, **kwargs) -> None:
        kwargs.setdefault("checkpoint", False)
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.num_warmup = num_warmup
        self.num_samples = num_samples
        self.chunk = chunk
        self.target_acceptance_rate = target_acceptance_rate

    def fit(self, model, analysis):
        if not getattr(analysis, "use_jax", False):
            raise exc.SearchException(
                "NUTS needs JAX: give it an analysis with use_jax=True (pip install 'jax>=0.4.30' 'blackjax>=1.2')."
            )
        return super().fit(model, analysis)

    def _fit(self, model, fitness, folder, progress) -> Samples:
        blackjax = self._import()
        import jax
        import jax.numpy as jnp

        def log_density(z):
            unit = jax.nn.sigmoid(z)
            x = model.vector_from_unit_vector(unit, xp=jnp)
            log_jac = jnp.sum(jax.nn.log_sigmoid(z) + jax.nn.log_sigmoid(-z))
            return fitness.call(x) + log_jac

        key = jax.random.PRNGKey(0 if self.seed is None else self.seed)
        key, warm_key = jax.random.split(key)
        z0 = jnp.zeros(model.prior_count)
        warmup = blackjax.window_adaptation(
            blackjax.nuts, log_density, target_acceptance_rate=self.target_acceptance_rate
        )
        (state, parameters), _ = warmup.run(warm_key, z0, num_steps=self.num_warmup)
        progress.update(self.num_warmup)
        kernel = blackjax.nuts(log_density, **parameters).step

        @jax.jit
        def run_chunk(state, keys):
            def one_step(carry, k):
                new, _info = kernel(k, carry)
                return new, new.position

            return jax.lax.scan(one_step, state, keys)

        positions = []
        remaining = self.num_samples
        while remaining > 0:
            n = min(self.chunk, remaining)
            key, sub = jax.random.split(key)
            keys = jax.random.split(sub, self.chunk)
            state, pos = run_chunk(state, keys)
            positions.append(np.asarray(pos)[:n])
            remaining -= n
            progress.update(n)
        z = np.concatenate(positions)
        unit = 1.0 / (1.0 + np.exp(-z))
        physical = np.asarray(model.vector_from_unit_vector(unit), dtype=float)
        log_l = np.asarray(fitness._vmap(jnp.asarray(physical)), dtype=float)
        return Samples(model, physical, log_l, None, log_evidence=None)
