"""No-U-Turn Sampler with blackjax (JAX analyses only; ``pip install './packages/autogalaxy[nuts]'`` from the repository root)."""

from __future__ import annotations

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.result import Samples
from autogalaxy.modeling.searches.abstract import AbstractSearch
from autogalaxy.modeling.searches.checkpoint import check_finite, read_npz, write_npz
from autogalaxy.modeling.searches.settings import check_float, check_int

_KEYS = ("position", "logdensity", "logdensity_grad", "key", "samples")


class NUTS(AbstractSearch):
    """Hamiltonian Monte Carlo (NUTS with window adaptation) using `blackjax`.

    Sampling runs in unconstrained coordinates ``z`` with ``unit = sigmoid(z)`` and physical
    values from the priors' inverse CDFs, so the target density is
    ``log L(x(z)) + sum(log u + log(1 - u))`` (prior folded into the transform). Needs an
    analysis with ``use_jax=True``. Samples are equally weighted; no evidence.

    The chain state, adapted step size / mass matrix, random key and samples so far are
    checkpointed to ``nuts.checkpoint.npz`` after the warm-up and after every ``chunk`` steps
    (temporary file, flushed, renamed); a killed fit resumes from the last chunk and ends with
    the same samples as an uninterrupted run (a kill during the warm-up repeats the warm-up).

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

    def __init__(
        self,
        name=None,
        path_prefix=None,
        output_path="output",
        num_warmup: int = 500,
        num_samples: int = 1000,
        chunk: int = 100,
        target_acceptance_rate: float = 0.8,
        **kwargs,
    ) -> None:
        super().__init__(name=name, path_prefix=path_prefix, output_path=output_path, **kwargs)
        self.num_warmup = num_warmup
        self.num_samples = num_samples
        self.chunk = chunk
        self.target_acceptance_rate = target_acceptance_rate
        self._check_settings()

    def _check_settings(self) -> None:
        super()._check_settings()
        name = type(self).__name__
        check_int(name, "num_warmup", self.num_warmup, 1)
        check_int(name, "num_samples", self.num_samples, 1)
        check_int(name, "chunk", self.chunk, 1)
        check_float(
            name,
            "target_acceptance_rate",
            self.target_acceptance_rate,
            0.0,
            1.0,
            low_open=True,
            high_open=True,
        )

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

        n = model.prior_count
        path = folder / "nuts.checkpoint.npz"
        if self.checkpoint and path.exists():
            key, state, parameters, positions = self._restore(path, n)
        else:
            key = jax.random.PRNGKey(0 if self.seed is None else self.seed)
            key, warm_key = jax.random.split(key)
            warmup = blackjax.window_adaptation(
                blackjax.nuts, log_density, target_acceptance_rate=self.target_acceptance_rate
            )
            (state, parameters), _ = warmup.run(warm_key, jnp.zeros(n), num_steps=self.num_warmup)
            positions = np.zeros((0, n))
            self._save(path, key, state, parameters, positions)
        progress.update(self.num_warmup)
        kernel = blackjax.nuts(log_density, **parameters).step

        @jax.jit
        def run_chunk(state, keys):
            def one_step(carry, k):
                new, _info = kernel(k, carry)
                return new, new.position

            return jax.lax.scan(one_step, state, keys)

        while positions.shape[0] < self.num_samples:
            m = min(self.chunk, self.num_samples - positions.shape[0])
            key, sub = jax.random.split(key)
            keys = jax.random.split(sub, self.chunk)
            state, pos = run_chunk(state, keys)
            positions = np.concatenate([positions, np.asarray(pos)[:m]])
            self._save(path, key, state, parameters, positions)
            progress.update(m)
        unit = 1.0 / (1.0 + np.exp(-positions))
        physical = np.asarray(model.vector_from_unit_vector(unit), dtype=float)
        log_l = np.asarray(fitness._vmap(physical), dtype=float)
        return Samples(model, physical, log_l, None, log_evidence=None)

    def _save(self, path, key, state, parameters, positions) -> None:
        if not self.checkpoint:
            return
        params = {f"param_{k}": np.asarray(v) for k, v in parameters.items()}
        write_npz(
            path,
            position=state.position,
            logdensity=state.logdensity,
            logdensity_grad=state.logdensity_grad,
            key=np.asarray(key),
            samples=positions,
            **params,
        )

    def _restore(self, path, n: int):
        """(key, HMC state, adapted parameters, samples so far) from the checkpoint, checked."""
        import jax.numpy as jnp
        from blackjax.mcmc.hmc import HMCState

        data = read_npz(path, _KEYS)
        params = {
            k[len("param_") :]: jnp.asarray(v) for k, v in data.items() if k.startswith("param_")
        }
        samples = data["samples"]
        if (
            data["position"].shape != (n,)
            or data["logdensity_grad"].shape != (n,)
            or samples.ndim != 2
            or samples.shape[1] != n
            or samples.shape[0] > self.num_samples
            or not {"step_size", "inverse_mass_matrix"} <= set(params)
        ):
            raise exc.SearchException(
                f"The NUTS checkpoint {path} holds a state of shape {data['position'].shape} and "
                f"{samples.shape} samples; expected {n} parameters, <= {self.num_samples} samples "
                "and the adapted step_size / inverse_mass_matrix. Delete it to restart the fit."
            )
        for name in ("position", "logdensity", "logdensity_grad", "samples"):
            check_finite(path, name, data[name])
        state = HMCState(
            jnp.asarray(data["position"]),
            jnp.asarray(data["logdensity"]),
            jnp.asarray(data["logdensity_grad"]),
        )
        return jnp.asarray(data["key"]), state, params, samples
