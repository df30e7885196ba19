"""The lenses of a batch: in-memory datasets or folders loaded on the worker.

``fit_batch`` accepts a dict ``{name: dataset}``, a list of :class:`ImagingFolder` loaders, or a
mix given as a dict ``{name: loader}``. A folder is loaded on the worker that fits it, so the
driver never holds a survey's pixels; a folder that cannot be loaded fails that lens only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from autogalaxy import exc

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")


class ImagingFolder:
    """An imaging dataset folder (``data.fits``, ``noise_map.fits``, optional ``psf.fits``)
    loaded and masked on demand.

    Parameters
    ----------
    path
        The dataset folder.
    pixel_scales
        Arcseconds per pixel.
    mask_radius
        Radius (arcsec) of the circular mask; None keeps every pixel.
    over_sample_size_lp
        Over-sampling of the light-profile grid.
    name
        The lens name (default: the folder name).
    """

    def __init__(
        self,
        path: str | os.PathLike,
        pixel_scales: float,
        mask_radius: float | None = 3.0,
        over_sample_size_lp: int = 1,
        name: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.pixel_scales = float(pixel_scales)
        self.mask_radius = None if mask_radius is None else float(mask_radius)
        self.over_sample_size_lp = over_sample_size_lp
        self.name = name or self.path.name

    def load(self):
        """The masked ``Imaging``; a BatchException saying which file failed and why."""
        from autoarray import Imaging, Mask2D

        data, noise = self.path / "data.fits", self.path / "noise_map.fits"
        psf = self.path / "psf.fits"
        for required in (data, noise):
            if not required.exists():
                raise exc.BatchException(
                    f"Lens {self.name}: {required} is missing; a dataset folder needs data.fits "
                    "and noise_map.fits (psf.fits optional)."
                )
        try:
            dataset = Imaging.from_fits(
                data_path=data,
                noise_map_path=noise,
                psf_path=psf if psf.exists() else None,
                pixel_scales=self.pixel_scales,
                over_sample_size_lp=self.over_sample_size_lp,
            )
        except Exception as err:
            raise exc.BatchException(f"Lens {self.name}: cannot load {self.path}: {err}") from err
        if self.mask_radius is None:
            return dataset
        mask = Mask2D.circular(
            shape_native=dataset.shape_native,
            pixel_scales=self.pixel_scales,
            radius=self.mask_radius,
        )
        return dataset.apply_mask(mask)

    def __repr__(self) -> str:
        return f"ImagingFolder({str(self.path)!r}, pixel_scales={self.pixel_scales})"


def folders_in(
    path: str | os.PathLike,
    pixel_scales: float,
    mask_radius: float | None = 3.0,
    over_sample_size_lp: int = 1,
) -> dict[str, ImagingFolder]:
    """``{name: ImagingFolder}`` of every sub-folder of ``path`` (sorted by name)."""
    root = Path(path)
    if not root.is_dir():
        raise exc.BatchException(f"{root} is not a folder of dataset folders.")
    return {
        d.name: ImagingFolder(d, pixel_scales, mask_radius, over_sample_size_lp)
        for d in sorted(root.iterdir())
        if d.is_dir() and not d.name.startswith(".")
    }


def lenses_from(datasets) -> list[tuple[str, object]]:
    """``[(name, dataset or loader)]`` of ``datasets`` with unique, file-system-safe names."""
    if isinstance(datasets, dict):
        items = [(str(k), v) for k, v in datasets.items()]
    else:
        items = []
        for i, item in enumerate(list(datasets)):
            if isinstance(item, tuple) and len(item) == 2:
                items.append((str(item[0]), item[1]))
            else:
                items.append((getattr(item, "name", None) or f"lens_{i}", item))
    if not items:
        raise exc.BatchException("fit_batch needs at least one dataset.")
    names = [name for name, _ in items]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise exc.BatchException(f"Lens names must be unique; repeated: {', '.join(duplicates)}.")
    bad = [n for n in names if not _SAFE_NAME.match(n)]
    if bad:
        raise exc.BatchException(
            f"Lens names become folder names; these are not safe: {bad}. Expected letters, "
            "digits, '_', '.', '+' or '-' (not starting with '.')."
        )
    return items


def load(source):
    """The dataset of ``source`` (an object with ``load()`` is loaded, anything else is the
    dataset itself)."""
    loader = getattr(source, "load", None)
    return loader() if callable(loader) else source
