"""Toy classes and a mock analysis for the modelling tests (NumPy by default, JAX optional)."""

import numpy as np

from autogalaxy import exc


class LightProfile:
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), intensity=0.1):
        self.centre = centre
        self.ell_comps = ell_comps
        self.intensity = intensity


class Sersic(LightProfile):
    def __init__(
        self,
        centre=(0.0, 0.0),
        ell_comps=(0.0, 0.0),
        intensity=0.1,
        effective_radius=0.6,
        sersic_index=4.0,
    ):
        super().__init__(centre, ell_comps, intensity)
        self.effective_radius = effective_radius
        self.sersic_index = sersic_index


class MassProfile:
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0)):
        self.centre = centre
        self.ell_comps = ell_comps


class Isothermal(MassProfile):
    def __init__(self, centre=(0.0, 0.0), ell_comps=(0.0, 0.0), einstein_radius=1.0):
        super().__init__(centre, ell_comps)
        self.einstein_radius = einstein_radius


class ExternalShear:
    def __init__(self, gamma_1=0.0, gamma_2=0.0):
        self.gamma_1 = gamma_1
        self.gamma_2 = gamma_2


class Galaxy:
    def __init__(self, redshift, **kwargs):
        self.redshift = redshift
        for key, value in kwargs.items():
            setattr(self, key, value)


class NoDefault:
    def __init__(self, mystery):
        self.mystery = mystery


class Toy:
    """Two-parameter toy 'profile': y(x) = a * exp(-x**2) + b."""

    def __init__(self, a=1.0, b=0.0):
        self.a = a
        self.b = b

    def model_from(self, x, xp=np):
        return self.a * xp.exp(-(x**2)) + self.b


TRUTH = (1.5, -0.5)


class ToyAnalysis:
    """Gaussian likelihood of noisy data y = 1.5 exp(-x^2) - 0.5 (sigma 0.1)."""

    def __init__(self, use_jax=False, fail_after=None, nan_if_a_above=None):
        self.use_jax = use_jax
        if use_jax:
            import jax

            jax.config.update("jax_enable_x64", True)
            import jax.numpy as jnp

            self._xp = jnp
        else:
            self._xp = np
        rng = np.random.default_rng(1)
        self.x = np.linspace(-3, 3, 40)
        self.sigma = 0.1
        self.y = Toy(*TRUTH).model_from(self.x) + self.sigma * rng.normal(size=self.x.size)
        self.fail_after = fail_after
        self.nan_if_a_above = nan_if_a_above
        self.calls = 0

    def fit_from(self, instance):
        return instance.toy.model_from(self.x, xp=self._xp)

    def log_likelihood_function(self, instance):
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise KeyboardInterrupt("simulated kill")
        xp = self._xp
        model = self.fit_from(instance)
        chi2 = xp.sum(((self.y - model) / self.sigma) ** 2)
        log_l = -0.5 * chi2
        if self.nan_if_a_above is not None:
            log_l = xp.where(instance.toy.a > self.nan_if_a_above, xp.nan, log_l)
        return log_l


class RaisingAnalysis(ToyAnalysis):
    def log_likelihood_function(self, instance):
        raise exc.FitException("unphysical")


class VisualAnalysis(ToyAnalysis):
    def visualize_before_fit(self, output_dir, model):
        from autogalaxy.modeling.output import atomic_write_text

        atomic_write_text(f"{output_dir}/before_fit.txt", f"{model.prior_count}\n")

    def visualize(self, output_dir, instance):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots()
        ax.plot(self.x, self.y, ".")
        ax.plot(self.x, self.fit_from(instance))
        import io

        from autogalaxy.modeling.output import atomic_write_bytes

        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        atomic_write_bytes(f"{output_dir}/fit.png", buffer.getvalue())


def toy_model():
    from autogalaxy.modeling import Collection, Model, UniformPrior

    return Collection(toy=Model(Toy, a=UniformPrior(0.0, 3.0), b=UniformPrior(-2.0, 2.0)))
