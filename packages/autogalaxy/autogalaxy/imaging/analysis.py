"""Galaxy-level imaging analysis: the likelihood a search maximises for galaxies (no lensing)."""

from __future__ import annotations

import json
import os
from abc import ABC, abstractmethod

import numpy as np

from autogalaxy import exc
from autogalaxy.imaging.fit_imaging import FitImaging
from autogalaxy.imaging.fit_statics import fit_statics_from
from autogalaxy.imaging.result import ResultImaging


class AbstractAnalysisImaging(ABC):
    """Shared behaviour of the galaxy- and lens-level imaging analyses.

    Parameters
    ----------
    dataset
        The masked ``Imaging`` dataset.
    use_jax
        Evaluate with ``jax.numpy`` (jit / vmap / grad-able). Every class needed to pass an
        instance into and a fit out of ``jax.jit`` is a registered pytree by then
        (:mod:`autoarray.pytrees`).
    settings
        :class:`~autogalaxy.imaging.settings.SettingsInversion` for linear light profiles.
    cosmology
        Cosmology (default ``Planck15``).
    adapt_images
        :class:`~autogalaxy.galaxy.adapt_images.AdaptImages` for adaptive regularizations
        (images keyed by model path name, e.g. ``"('galaxies', 'source')"``).
    """

    _fit_cls: type = FitImaging

    def __init__(
        self,
        dataset,
        use_jax: bool = False,
        settings=None,
        cosmology=None,
        title_prefix=None,
        adapt_images=None,
    ):
        from autogalaxy.cosmology.model import Planck15

        if not all(hasattr(dataset, a) for a in ("data", "noise_map")):
            raise exc.AnalysisException(
                f"{type(self).__name__}: dataset={dataset!r} is not an imaging dataset; expected "
                "an Imaging (with data, noise_map and mask), e.g. Imaging.from_fits(...).apply_mask(mask)."
            )
        self.dataset = dataset
        self.settings = settings
        self.cosmology = Planck15() if cosmology is None else cosmology
        self.title_prefix = title_prefix
        self.adapt_images = adapt_images
        self.use_jax = bool(use_jax)
        if self.use_jax:
            from autoarray.backend import jax_numpy

            try:
                # 64-bit floats from here on, so parameter arrays a user builds next are float64.
                jax_numpy()
            except ModuleNotFoundError as error:
                if error.name != "jax" and not str(error.name).startswith("jax."):
                    raise
                raise exc.BackendException(
                    "AnalysisImaging(use_jax=True) needs JAX, which is not installed: "
                    "pip install 'jax>=0.4.30' (or use_jax=False for the NumPy path)."
                ) from error
        # Per-dataset constants (grids, sub-pixels, blurring pixels, convolution state, noise
        # sums) are built once here, not on the first likelihood call.
        fit_statics_from(dataset)

    # ------------------------------------------------------------------ backend
    @property
    def _use_jax(self) -> bool:
        return self.use_jax

    @property
    def _xp(self):
        if self.use_jax:
            from autoarray.backend import jax_numpy

            return jax_numpy()
        return np

    @staticmethod
    def _register_pytrees(instance) -> None:
        """Register the classes of an instance's own components (a user's class that is not an
        ``aa.Pytree``); the package's classes are registered when JAX is first used."""
        from autoarray.pytrees import register_reachable_classes

        register_reachable_classes(instance)

    # ------------------------------------------------------------------ instance → model
    @staticmethod
    def galaxies_via_instance_from(instance) -> list:
        """``instance.galaxies`` (plus ``extra_galaxies`` if present) as a list."""
        galaxies = getattr(instance, "galaxies", instance)
        galaxies = list(galaxies)
        extra = getattr(instance, "extra_galaxies", None)
        if extra is not None:
            galaxies += list(extra)
        return galaxies

    def adapt_images_via_instance_from(self, instance):
        """The analysis's adapt images linked to ``instance``'s galaxies (or ``None``)."""
        if self.adapt_images is None:
            return None
        return self.adapt_images.updated_via_instance_from(instance)

    @staticmethod
    def dataset_model_via_instance_from(instance):
        return getattr(instance, "dataset_model", None)

    # ------------------------------------------------------------------ result
    #: Result class returned by searches fitting this analysis.
    Result = ResultImaging

    def make_result(self, samples, search=None, output_folder=None, loaded: bool = False):
        """The search's result for this analysis (an instance of :attr:`Result`)."""
        return self.Result(
            samples, analysis=self, search=search, output_folder=output_folder, loaded=loaded
        )

    # ------------------------------------------------------------------ likelihood
    @abstractmethod
    def fit_from(self, instance):
        """The fit of ``instance`` to the dataset."""

    def fingerprint(self) -> str:
        """SHA-256 of the dataset (data, noise map, mask, PSF, over-sampling): a search refuses
        to resume or reload a fit of a different dataset from the same output folder."""
        import hashlib

        dataset = self.dataset
        digest = hashlib.sha256()
        parts = [dataset.data.native.array, dataset.noise_map.native.array, dataset.mask.array]
        psf = getattr(dataset, "psf", None)
        if psf is not None:
            parts.append(psf.kernel.native.array)
        sizes = getattr(dataset, "over_sample_size_lp", None)
        if sizes is not None:
            parts.append(getattr(sizes, "native", sizes))
        for part in parts:
            values = np.ascontiguousarray(np.asarray(getattr(part, "array", part)))
            digest.update(str(values.shape).encode())
            digest.update(values.tobytes())
        return digest.hexdigest()

    def log_likelihood_function(self, instance):
        """The fit's figure of merit (log evidence with linear objects, else log likelihood)."""
        return self.fit_from(instance).figure_of_merit

    # ------------------------------------------------------------------ outputs
    def _numpy_fit_from(self, instance):
        """A NumPy fit of ``instance`` (for plots and outputs, whatever the backend)."""
        use_jax = self.use_jax
        try:
            self.use_jax = False
            return self.fit_from(instance)
        finally:
            self.use_jax = use_jax


class AnalysisImaging(AbstractAnalysisImaging):
    """Fit imaging data with galaxies: ``log_likelihood_function(instance)`` =
    ``FitImaging(dataset, instance.galaxies).figure_of_merit``."""

    def fit_from(self, instance) -> FitImaging:
        if self.use_jax:
            self._register_pytrees(instance)
        return FitImaging(
            dataset=self.dataset,
            galaxies=self.galaxies_via_instance_from(instance),
            dataset_model=self.dataset_model_via_instance_from(instance),
            settings=self.settings,
            xp=self._xp,
            adapt_images=self.adapt_images_via_instance_from(instance),
        )

    def visualize(self, output_dir, instance) -> None:
        """Write ``fit.png`` (data, model, residuals, normalised residuals, χ²) atomically."""
        from autogalaxy.imaging.plot import fit_imaging_png

        fit = self._numpy_fit_from(instance)
        fit_imaging_png(
            fit, os.path.join(str(output_dir), "fit.png"), title_prefix=self.title_prefix
        )

    def save_results(self, output_dir, result) -> None:
        """Write ``galaxies.json`` of the maximum-likelihood instance atomically."""
        from autogalaxy.imaging.model_json import make_readable, model_obj_to_dict
        from autogalaxy.modeling.output import atomic_write_text

        instance = result.max_log_likelihood_instance
        galaxies = self.galaxies_via_instance_from(instance)
        text = json.dumps([model_obj_to_dict(g) for g in galaxies], indent=2)
        path = os.path.join(str(output_dir), "galaxies.json")
        atomic_write_text(path, text)
        make_readable(path)
