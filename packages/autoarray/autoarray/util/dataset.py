"""Dataset helpers that workspace scripts call before loading data (``aa.util.dataset``)."""

from __future__ import annotations

from pathlib import Path

#: Files whose presence says a simulated imaging dataset was written completely; the simulator
#: writes ``data.fits`` last-but-one and the JSON files after it, so ``data.fits`` is the marker.
DATA_FILE = "data.fits"


def should_simulate(dataset_path) -> bool:
    """True when the dataset at ``dataset_path`` must be (re-)simulated before it is loaded.

    Scripts use it in place of ``not os.path.exists(dataset_path)``. A folder that exists but
    holds no ``data.fits`` (an interrupted simulation, or only the PSF copied in) also needs
    simulating. Nothing is ever deleted: this project has no reduced-resolution regime whose
    stale files would have to be removed first, so a dataset on disk is always kept.
    """
    path = Path(dataset_path)
    if not path.exists():
        return True
    if path.is_file():
        return False
    if (path / DATA_FILE).is_file():
        return False
    # Datasets without a top-level data.fits (point-source JSON, multi-band prefixes) count as
    # present when the folder holds any file at all.
    return not any(child.is_file() for child in path.rglob("*"))
