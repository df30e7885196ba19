"""Shared machinery of every search: output folder, resume of completed fits, progress bar."""

from __future__ import annotations

import hashlib
import importlib
import json
import pickle
import sys
import time
from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.fingerprint import check_fingerprint, fingerprint_of
from autogalaxy.modeling.fitness import Fitness
from autogalaxy.modeling.lock import FolderLock
from autogalaxy.modeling.model import AbstractModel
from autogalaxy.modeling.output import (
    atomic_write_json,
    atomic_write_text,
    output_folder,
    read_samples_csv,
    samples_csv_text,
)
from autogalaxy.modeling.result import Result, Samples
from autogalaxy.modeling.searches.checkpoint import remove_stale_temps
from autogalaxy.modeling.searches.settings import check_common


def result_from(analysis, samples: Samples, **kwargs) -> Result:
    """``analysis.make_result(samples, **kwargs)`` when the analysis has one (its own result
    class, e.g. with ``max_log_likelihood_tracer``), else a plain :class:`Result`."""
    make_result = getattr(analysis, "make_result", None)
    if callable(make_result):
        return make_result(samples, **kwargs)
    return Result(samples, analysis=analysis, **kwargs)


#: Import name -> the requirement that installs it from the package index (the samplers are
#: third-party packages; never name ``autogalaxy`` itself there: that resolves the unrelated public
#: PyAutoGalaxy release).
SAMPLER_REQUIREMENTS = {
    "nautilus": "nautilus-sampler>=1.0",
    "dynesty": "dynesty>=2.1",
    "emcee": "emcee>=3.1",
    "blackjax": "blackjax>=1.2",
    "h5py": "h5py>=3.8",
    "scipy.optimize": "scipy>=1.10",
}


def install_hint(module: str, extra: str) -> str:
    """Installs that provide ``module``: its own requirement, or this repository's extra."""
    requirement = SAMPLER_REQUIREMENTS.get(module, module.split(".")[0])
    return (
        f"pip install '{requirement}' (or, from the repository root, "
        f"pip install './packages/autogalaxy[{extra}]')"
    )


def import_optional(module: str, extra: str, search: str):
    """Import an optional sampler package or raise a SearchException naming installs that work."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise exc.SearchException(
            f"The {search} search needs the optional package '{module}': "
            f"{install_hint(module, extra)}."
        ) from err


class Progress:
    """Progress bar of likelihood evaluations (tqdm when installed, else periodic stderr lines)."""

    def __init__(self, desc: str, total: int | None = None, enabled: bool = True) -> None:
        self.enabled = enabled
        self.count = 0
        self.best = -np.inf
        self._bar = None
        self._last = 0.0
        self.desc = desc
        if not enabled:
            return
        try:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc=desc, unit="call", file=sys.stderr, leave=False)
        except ImportError:
            self._bar = None

    def update(self, n: int, figures=None) -> None:
        self.count += n
        if figures is not None:
            arr = np.asarray(figures, dtype=float).reshape(-1)
            if arr.size:
                self.best = max(self.best, float(np.max(arr)))
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(n)
            now = time.monotonic()
            if now - self._last > 0.5:
                self._bar.set_postfix(max_log_l=f"{self.best:.4g}", refresh=False)
                self._last = now
        else:
            now = time.monotonic()
            if now - self._last > 5.0:
                print(
                    f"{self.desc}: {self.count} likelihood calls, max log L {self.best:.6g}",
                    file=sys.stderr,
                )
                self._last = now

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class BatchLikelihood:
    """Figure of merit of batches of physical vectors ``[B, N] -> [B]``.

    Under JAX batches are padded to a multiple of ``batch_size`` so that ``Fitness._vmap``
    compiles once; on NumPy it loops over rows. Picklable (for sampler checkpoints).
    """

    def __init__(self, fitness: Fitness, batch_size: int = 100, progress: Progress | None = None):
        self.fitness = fitness
        self.batch_size = max(1, int(batch_size))
        self.progress = progress

    def __getstate__(self):
        state = self.__dict__.copy()
        state["progress"] = None
        return state

    def __call__(self, vectors) -> np.ndarray:
        vectors = np.atleast_2d(np.asarray(vectors, dtype=float))
        n = vectors.shape[0]
        if self.fitness.use_jax and n > 0:
            size = self.batch_size * int(np.ceil(n / self.batch_size))
            padded = np.concatenate([vectors, np.repeat(vectors[-1:], size - n, axis=0)])
            out = np.concatenate(
                [
                    # NumPy rows go to the compiled programs as they are (``jnp.asarray``
                    # would first compile a conversion program for the shape)
                    np.asarray(self.fitness._vmap(padded[i : i + self.batch_size]))
                    for i in range(0, size, self.batch_size)
                ]
            )[:n]
        else:
            out = np.array([self.fitness._call_numpy(v) for v in vectors])
        out = np.asarray(out, dtype=float)
        if self.progress is not None:
            self.progress.update(n, out)
        return out


class UnitCubeLikelihood:
    """Log likelihood at unit-cube coordinates (``[N]`` or ``[B, N]``); -inf outside (0, 1)."""

    def __init__(self, model: AbstractModel, batch: BatchLikelihood) -> None:
        self.model = model
        self.batch = batch

    def __call__(self, unit):
        unit = np.asarray(unit, dtype=float)
        single = unit.ndim == 1
        unit2 = np.atleast_2d(unit)
        inside = np.all((unit2 > 0.0) & (unit2 < 1.0), axis=1)
        out = np.full(unit2.shape[0], -np.inf)
        if np.any(inside):
            physical = self.model.vector_from_unit_vector(unit2[inside])
            out[inside] = self.batch(physical)
        return float(out[0]) if single else out


class PriorTransform:
    """Unit cube -> physical parameters (picklable)."""

    def __init__(self, model: AbstractModel) -> None:
        self.model = model

    def __call__(self, unit):
        return np.asarray(self.model.vector_from_unit_vector(unit))


class AbstractSearch(ABC):
    """Base class of the searches.

    Parameters
    ----------
    name
        Name of the fit; its output folder is ``<output_path>/<path_prefix>/<name>``.
    path_prefix
        Optional sub-folder(s) between ``output_path`` and ``name``.
    unique_tag
        Optional sub-folder after ``name`` (PyAutoFit's per-dataset tag).
    output_path
        Root output folder (default ``"output"``).
    seed
        Random seed of the sampler (deterministic runs and resumes).
    progress
        Show a progress bar while sampling.
    checkpoint
        Write the sampler's checkpoint in the output folder so a killed fit resumes.
    is_identifier_in_paths
        Write into ``<output folder>/<identifier>``, the md5 folder PyAutoLens uses for the same
        search, model and ``unique_tag`` (:meth:`identifier_for`). Off by default: the output
        folder is ``<output_path>/<path_prefix>/<unique_tag>/<name>``, one fit per name.
    """

    _module: str = ""
    _extra: str = ""

    def __init__(
        self,
        name: str | None = None,
        path_prefix: str | None = None,
        output_path: str | Path = "output",
        seed: int | None = 0,
        progress: bool = True,
        checkpoint: bool = True,
        fom_is_log_likelihood: bool = True,
        resample_figure_of_merit: float = -1e99,
        unique_tag: str | None = None,
        number_of_cores: int | None = 1,
        session=None,
        use_jax_vmap: bool | None = None,
        iterations_per_quick_update: int | None = None,
        iterations_per_full_update: int | None = None,
        is_identifier_in_paths: bool = False,
    ) -> None:
        # unique_tag, number_of_cores, session, use_jax_vmap and the update intervals are the
        # keyword arguments PyAutoFit scripts pass to every search (directly or through
        # ``SettingsSearch.search_dict``). unique_tag names a sub-folder of the output (one fit
        # per dataset); number_of_cores starts Nautilus's worker processes (the other searches
        # run in this process); the others are recorded only: batching is chosen by ``Fitness``
        # and there is no database session.
        self.name = name or type(self).__name__.lower()
        self.path_prefix = path_prefix
        self.unique_tag = unique_tag
        self.number_of_cores = number_of_cores
        self.session = session
        self.use_jax_vmap = use_jax_vmap
        self.iterations_per_quick_update = iterations_per_quick_update
        self.iterations_per_full_update = iterations_per_full_update
        self.output_path = output_path
        self.seed = seed
        self.progress = progress
        self.checkpoint = checkpoint
        self.fom_is_log_likelihood = fom_is_log_likelihood
        self.resample_figure_of_merit = resample_figure_of_merit
        self.is_identifier_in_paths = is_identifier_in_paths
        #: The identifier of the model being fitted (set by ``fit`` when it is in the paths).
        self._identifier: str | None = None

    def _check_settings(self) -> None:
        """Raise a SearchException for any invalid setting (subclasses add their own)."""
        check_common(self)

    # ---------------------------------------------------------------- config
    @property
    def config_dict(self) -> dict:
        """Search settings written to ``search.summary``."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def identifier_for(self, model) -> str:
        """PyAutoFit's identifier of fitting ``model`` with this search (and its ``unique_tag``):
        the last folder of PyAutoLens's output path for the same fit
        (:mod:`autogalaxy.modeling.identifier`). This project's ``output_folder`` stops before it."""
        from autogalaxy.modeling.identifier import identifier_from

        return identifier_from(self, model, self.unique_tag)

    @property
    def output_folder(self) -> Path:
        folder = output_folder(self.output_path, self.path_prefix, self.name, self.unique_tag)
        if self.is_identifier_in_paths and self._identifier is not None:
            return folder / self._identifier
        return folder

    def _import(self):
        return import_optional(self._module, self._extra, type(self).__name__)

    def _check_picklable(self, obj) -> bool:
        try:
            pickle.dumps(obj)
            return True
        except Exception:
            return False

    # ---------------------------------------------------------------- fit
    def fit(self, model: AbstractModel, analysis) -> Result:
        """Fit ``model`` to ``analysis`` and return the :class:`Result`.

        A completed fit in the same output folder is loaded instead of re-sampled; an
        interrupted one resumes from the sampler checkpoint.
        """
        if not isinstance(model, AbstractModel):
            raise exc.SearchException(f"search.fit needs a Model or Collection, got {model!r}.")
        if model.prior_count == 0:
            raise exc.SearchException(
                "The model has no free parameters: give at least one parameter a prior."
            )
        self._check_settings()
        if not isinstance(self.is_identifier_in_paths, bool):
            raise exc.SearchException(
                f"is_identifier_in_paths must be True or False, got {self.is_identifier_in_paths!r}."
            )
        self._identifier = self.identifier_for(model) if self.is_identifier_in_paths else None
        before_fit = getattr(analysis, "modify_before_fit", None)
        if callable(before_fit):
            before_fit(self.output_folder, model)
        self._import()
        folder = self.output_folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise exc.SearchException(
                f"Cannot create the output folder {folder} ({err}); expected a writable "
                "output_path."
            ) from err
        with FolderLock(folder):
            return self._fit_locked(model, analysis, folder)

    def _fit_locked(self, model: AbstractModel, analysis, folder: Path) -> Result:
        check_fingerprint(folder, fingerprint_of(model, analysis, self))
        remove_stale_temps(folder)
        loaded = self._load_completed(model, analysis, folder)
        if loaded is not None:
            return loaded
        atomic_write_text(folder / "model.info", model.info)
        atomic_write_text(folder / "search.summary", self._summary_text("running", None, None))
        if hasattr(analysis, "visualize_before_fit"):
            analysis.visualize_before_fit(folder, model)
        fitness = Fitness(
            model,
            analysis,
            fom_is_log_likelihood=self.fom_is_log_likelihood,
            resample_figure_of_merit=self.resample_figure_of_merit,
            batch_record_folder=folder,
        )
        progress = Progress(f"{type(self).__name__}[{self.name}]", enabled=self.progress)
        start = time.time()
        try:
            samples = self._fit(model, fitness, folder, progress)
        finally:
            progress.close()
        elapsed = time.time() - start
        result = result_from(analysis, samples, search=self, output_folder=folder)
        self._write_outputs(result, analysis, folder, elapsed, progress.count)
        return result

    @abstractmethod
    def _fit(self, model, fitness: Fitness, folder: Path, progress: Progress) -> Samples:
        """Run the sampler (resuming from ``folder``'s checkpoint) and return its samples."""

    # ---------------------------------------------------------------- output
    def _summary_text(self, status: str, elapsed: float | None, calls: int | None) -> str:
        lines = [f"Search: {type(self).__name__}", f"Name: {self.name}", f"Status: {status}"]
        if elapsed is not None:
            lines.append(f"Run time (s): {elapsed:.3f}")
        if calls is not None:
            lines.append(f"Likelihood evaluations (this run): {calls}")
        lines.append("")
        lines.append("Settings:")
        for key, value in self.config_dict.items():
            lines.append(f"    {key} = {value!r}")
        return "\n".join(lines) + "\n"

    def _write_outputs(self, result: Result, analysis, folder: Path, elapsed: float, calls: int):
        samples = result.samples
        csv_text = samples_csv_text(
            [".".join(p) for p in samples.paths],
            samples.parameter_lists,
            samples.log_likelihood_list,
            samples.weight_list,
        )
        atomic_write_text(folder / "samples.csv", csv_text)
        atomic_write_text(
            folder / "search.summary", self._summary_text("completed", elapsed, calls)
        )
        instance = result.max_log_likelihood_instance
        if hasattr(analysis, "visualize"):
            analysis.visualize(folder, instance)
        if hasattr(analysis, "save_results"):
            analysis.save_results(folder, result)
        summary = result.summary_dict()
        summary.update(
            {
                "search": type(self).__name__,
                "name": self.name,
                "run_time_s": elapsed,
                "samples_sha256": hashlib.sha256(csv_text.encode("utf-8")).hexdigest(),
            }
        )
        # result.json last: its presence marks the fit as complete
        atomic_write_json(folder / "result.json", summary)

    def _load_completed(self, model, analysis, folder: Path) -> Result | None:
        """The completed fit in ``folder`` (its fingerprint already matched), else None.

        ``result.json`` must parse, and ``samples.csv`` must be the very file it was written
        with (SHA-256), with the model's parameters and finite rows; anything else raises."""
        result_file = folder / "result.json"
        samples_file = folder / "samples.csv"
        if not result_file.exists():
            return None
        try:
            summary = json.loads(result_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise exc.SearchException(
                f"{result_file} is not valid JSON ({err}); expected the summary written when the "
                "fit completed. Delete the output folder to run the fit again."
            ) from err
        if not isinstance(summary, dict) or not summary.get("completed"):
            raise exc.SearchException(
                f"{result_file} does not hold a completed fit summary (expected a JSON object "
                "with completed=true). Delete the output folder to run the fit again."
            )
        if not samples_file.exists():
            raise exc.SearchException(
                f"{result_file} marks the fit complete but {samples_file} is missing. Delete the "
                "output folder to run the fit again."
            )
        expected = [".".join(p) for p in model.paths]
        text = samples_file.read_bytes()
        if summary.get("samples_sha256") != hashlib.sha256(text).hexdigest():
            raise exc.SearchException(
                f"{samples_file} is not the samples file {result_file} was written with (its "
                "SHA-256 differs: truncated, edited or replaced). Delete the output folder to run "
                "the fit again."
            )
        paths, parameters, log_l, weights = read_samples_csv(samples_file, expected)
        if summary.get("paths") != expected or summary.get("total_samples") != len(log_l):
            raise exc.SearchException(
                f"{result_file} does not match {samples_file} (paths {summary.get('paths')}, "
                f"{summary.get('total_samples')} samples; the CSV has {expected}, {len(log_l)})."
            )
        samples = Samples(
            model, parameters, log_l, weights, log_evidence=summary.get("log_evidence")
        )
        return result_from(analysis, samples, search=self, output_folder=folder, loaded=True)
