"""PyAutoFit's search settings and output-path objects: :class:`SettingsSearch`,
:class:`DirectoryPaths` and one posterior :class:`Sample`.

Scripts build a ``SettingsSearch`` once and pass ``**settings.search_dict`` to every search of a
pipeline; every search accepts those keywords (see ``AbstractSearch``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.output import output_folder


class SettingsSearch:
    """Keyword arguments shared by the searches of a pipeline (PyAutoFit's ``SettingsSearch``)."""

    def __init__(
        self,
        path_prefix: str,
        unique_tag: str | None = None,
        number_of_cores: int | None = 1,
        session=None,
        info: dict | None = None,
        use_jax_vmap: bool | None = None,
    ) -> None:
        self.path_prefix = path_prefix
        self.unique_tag = unique_tag
        self.number_of_cores = number_of_cores
        self.session = session
        self.info = info
        self.use_jax_vmap = use_jax_vmap

    @property
    def search_dict(self) -> dict:
        """Keywords for a search's constructor: ``Nautilus(name=..., **settings.search_dict)``."""
        return {
            "path_prefix": self.path_prefix,
            "unique_tag": self.unique_tag,
            "number_of_cores": self.number_of_cores,
            "session": self.session,
            "use_jax_vmap": self.use_jax_vmap,
        }

    @property
    def fit_dict(self) -> dict:
        """Keywords for ``search.fit`` (PyAutoFit passes ``info``; accepted and unused here)."""
        return {"info": self.info}

    def search_dict_for(self, search_cls) -> dict:
        """``search_dict`` restricted to the keywords ``search_cls`` accepts."""
        import inspect

        params = set()
        for klass in getattr(search_cls, "__mro__", (search_cls,)):
            init = klass.__dict__.get("__init__")
            if init is not None:
                params.update(inspect.signature(init).parameters)
        return {k: v for k, v in self.search_dict.items() if k in params}


class DirectoryPaths:
    """Where a search writes: ``<output_path>/<path_prefix>[/<unique_tag>]/<name>``.

    The folder layout is the one ``AbstractSearch.output_folder`` uses, so a ``DirectoryPaths``
    built with a search's arguments points at that search's output.
    """

    def __init__(
        self,
        name: str | None = None,
        path_prefix: str | Path | None = None,
        is_identifier_in_paths: bool = True,
        parent=None,
        unique_tag: str | None = None,
        identifier: str | None = None,
        image_path_suffix: str = "",
        output_path: str | Path = "output",
    ) -> None:
        self.name = name or ""
        self.path_prefix = path_prefix
        self.is_identifier_in_paths = is_identifier_in_paths
        self.parent = parent
        self.unique_tag = unique_tag
        self._identifier = identifier
        self.image_path_suffix = image_path_suffix
        self._output_root = Path(output_path)
        # PyAutoFit's paths carry the model and search they identify (set after construction)
        self.model = None
        self.search = None

    @property
    def identifier(self) -> str | None:
        """The explicit identifier, else PyAutoFit's md5 of ``search``, ``model`` and
        ``unique_tag`` (those that are set; nothing set gives the md5 of nothing, as there)."""
        if self._identifier is not None:
            return self._identifier
        from autogalaxy.modeling.identifier import identifier_from

        return identifier_from(self.search, self.model, self.unique_tag)

    @identifier.setter
    def identifier(self, value: str | None) -> None:
        self._identifier = value

    @property
    def output_path(self) -> Path:
        folder = output_folder(self._output_root, self.path_prefix, self.name, self.unique_tag)
        # an identifier folder only once there is something to identify (explicit or a model)
        identifier = self._identifier if self.model is None else self.identifier
        if identifier and self.is_identifier_in_paths:
            folder = folder / str(identifier)
        return folder

    @property
    def image_path(self) -> Path:
        return self.output_path / f"image{self.image_path_suffix}"

    def __repr__(self) -> str:
        return f"DirectoryPaths({str(self.output_path)!r})"


class Sample:
    """One sample of a search: log likelihood, log prior, weight and its parameters by path."""

    def __init__(
        self, log_likelihood: float, log_prior: float, weight: float, kwargs: dict | None = None
    ) -> None:
        self.log_likelihood = float(log_likelihood)
        self.log_prior = float(log_prior)
        self.weight = float(weight)
        self.kwargs = dict(kwargs or {})

    @property
    def log_posterior(self) -> float:
        return self.log_likelihood + self.log_prior

    @classmethod
    def from_lists(
        cls,
        model,
        parameter_lists: Sequence[Sequence[float]],
        log_likelihood_list: Sequence[float],
        log_prior_list: Sequence[float],
        weight_list: Sequence[float],
    ) -> list["Sample"]:
        """One ``Sample`` per row; ``kwargs`` maps each of ``model.paths`` to its value."""
        rows = np.atleast_2d(np.asarray(parameter_lists, dtype=float))
        n = rows.shape[0]
        lists = (log_likelihood_list, log_prior_list, weight_list)
        if rows.shape[1] != model.prior_count or any(len(v) != n for v in lists):
            raise exc.ModelException(
                f"Sample.from_lists needs {n} rows of {model.prior_count} parameters and {n} "
                f"likelihoods, priors and weights; got parameters of shape {rows.shape} and "
                f"lists of lengths {[len(v) for v in lists]}."
            )
        paths = model.paths
        return [
            cls(
                log_likelihood_list[i],
                log_prior_list[i],
                weight_list[i],
                dict(zip(paths, (float(x) for x in rows[i]))),
            )
            for i in range(n)
        ]

    def parameter_lists_for_model(self, model) -> list[float]:
        """This sample's parameters in ``model``'s vector order."""
        return [self.kwargs[path] for path in model.paths]

    def instance_for_model(self, model) -> Any:
        return model.instance_from_vector(np.asarray(self.parameter_lists_for_model(model)))

    def __repr__(self) -> str:
        return (
            f"Sample(log_likelihood={self.log_likelihood}, log_prior={self.log_prior}, "
            f"weight={self.weight})"
        )
