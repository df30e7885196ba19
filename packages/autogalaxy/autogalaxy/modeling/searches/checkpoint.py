"""Crash-safe checkpoint files of the searches.

Every checkpoint is written whole to a temporary file in the output folder, flushed to disk
(``fsync``) and only then renamed over the previous one (``os.replace``, atomic on POSIX), so a
``kill -9`` or a full disk at any moment leaves the last complete checkpoint in place. Reading a
checkpoint checks it and names the file and what was expected when it is not usable.
"""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
from pathlib import Path

import numpy as np

from autogalaxy import exc
from autogalaxy.modeling.output import atomic_write_bytes
from autogalaxy.modeling.searches import background_write
from autogalaxy.modeling.searches.background_write import BackgroundWrite


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # e.g. Windows: folders cannot be opened
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def commit(tmp: Path, dest: Path) -> None:
    """Flush ``tmp`` to disk and atomically rename it to ``dest``."""
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


def temp_path_for(dest: Path) -> Path:
    """A temporary sibling of ``dest`` with the same suffix (h5py and nautilus check it)."""
    return dest.with_name(f".{dest.stem}.{os.getpid()}.tmp{dest.suffix}")


def remove_stale_temps(folder: Path) -> None:
    """Delete temporary checkpoint files left by a killed write."""
    for path in Path(folder).glob(".*.tmp*"):
        try:
            path.unlink()
        except OSError:
            pass


def write_failed(dest: Path, err: OSError) -> exc.SearchException:
    return exc.SearchException(
        f"Could not write the checkpoint {dest} ({err}); the previous checkpoint was kept and "
        "the fit resumes from it when restarted (free disk space first)."
    )


def write_npz(dest: str | os.PathLike, **arrays) -> None:
    """Write ``arrays`` as one ``.npz`` checkpoint atomically."""
    dest = Path(dest)
    buffer = io.BytesIO()
    np.savez(buffer, **{k: np.asarray(v) for k, v in arrays.items()})  # type: ignore[arg-type]
    try:
        atomic_write_bytes(dest, buffer.getvalue())
    except OSError as err:
        raise write_failed(dest, err) from err


def read_npz(path: str | os.PathLike, keys: tuple[str, ...]) -> dict:
    """Read an ``.npz`` checkpoint holding at least ``keys`` (clear error if it does not)."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            out = {k: np.array(data[k]) for k in data.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as err:
        raise exc.SearchException(
            f"The checkpoint {path} is unreadable ({err}); expected a NumPy .npz archive written "
            "by the search. Delete it (or the output folder) to restart the fit."
        ) from err
    missing = [k for k in keys if k not in out]
    if missing:
        raise exc.SearchException(
            f"The checkpoint {path} lacks {missing}; expected the arrays {list(keys)}. Delete it "
            "(or the output folder) to restart the fit."
        )
    return out


def check_finite(path: Path, name: str, values) -> None:
    if not np.all(np.isfinite(np.asarray(values, dtype=float))):
        raise exc.SearchException(
            f"The checkpoint {path} holds non-finite values in '{name}'; expected finite numbers. "
            "Delete it (or the output folder) to restart the fit."
        )


#: A throttled nautilus checkpoint waits at least this many times its last write's duration
#: before the next write, so writing costs at most ~1/(1 + factor) of the run (measured on the
#: point-source benchmark: one full write of a 50-bound sampler takes ~0.6 s CPU).
NAUTILUS_WRITE_COST_FACTOR = 10.0


def safe_nautilus_sampler(nautilus, checkpoint_every: float = 0.0):
    """``nautilus.Sampler`` whose checkpoint writes are crash-safe.

    nautilus deletes and rewrites its file (``write``) or edits it in place
    (``write_shell_update``); either, interrupted, leaves an unreadable file. Here both act on a
    temporary copy that replaces the checkpoint only once complete and on disk.

    With ``checkpoint_every > 0`` (seconds) both the per-batch updates and nautilus's complete
    rewrites after every new bound are skipped until that long (and at least
    :data:`NAUTILUS_WRITE_COST_FACTOR` times the last write's duration) after the last write;
    the next due one writes the complete state. A skipped write leaves the file a consistent,
    older state, which an incremental update could not extend. nautilus rewrites the whole file
    (every bound's networks) after each new bound, so unthrottled these rewrites grow with the
    number of bounds: 56 writes, 31 s of the 136 s CPU of the point-source benchmark.
    :meth:`flush_checkpoint` writes a skipped state at the end of a run.

    Throttled writes run in a forked child where :func:`.background_write.available` (one at a
    time; the sampler samples on meanwhile): 23 writes cost the point-source benchmark's
    sampler ~30 s of a loaded machine's wall time in-process.
    """

    class SafeSampler(nautilus.Sampler):
        _last_commit = -float("inf")
        _write_seconds = 0.0
        _pending = False
        #: The forked write in flight (throttled checkpoints where ``background_write``
        #: is available), else None.
        _background: BackgroundWrite | None = None
        #: Progress bar updated per batch here (set when worker processes evaluate the batches).
        progress = None

        def evaluate_likelihood(self, points):
            log_l, blobs = super().evaluate_likelihood(points)
            if self.progress is not None:
                self.progress.update(len(points), log_l)
            return log_l, blobs

        def _write_due(self) -> bool:
            wait = max(checkpoint_every, NAUTILUS_WRITE_COST_FACTOR * self._write_seconds)
            return time.monotonic() - self._last_commit >= wait

        def write(self, filepath, overwrite=False):
            if checkpoint_every > 0.0:
                self._collect(Path(filepath), block=False)
                if not self._write_due():
                    self._pending = True
                    return
            self._write_now(filepath)

        def _write_now(self, filepath):
            dest = Path(filepath)
            if checkpoint_every > 0.0 and background_write.available():
                self._write_in_background(dest)
            else:
                self._write_in_process(dest)

        def _write_in_process(self, dest: Path) -> None:
            tmp = temp_path_for(dest)
            start = time.monotonic()
            try:
                tmp.unlink(missing_ok=True)
                super().write(tmp, overwrite=True)
                commit(tmp, dest)
            except OSError as err:
                tmp.unlink(missing_ok=True)
                raise write_failed(dest, err) from err
            self._last_commit = time.monotonic()
            self._write_seconds = self._last_commit - start
            self._pending = False

        def _write_in_background(self, dest: Path) -> None:
            """Fork a child that writes the state as it is now (see ``background_write``);
            if the previous child still writes, this state stays pending instead."""
            if self._background is None:
                self._background = BackgroundWrite()
            self._collect(dest, block=False)
            if self._background.running:
                self._pending = True
                return
            tmp = temp_path_for(dest)

            def write() -> None:
                try:
                    tmp.unlink(missing_ok=True)
                    nautilus.Sampler.write(self, tmp, overwrite=True)
                    commit(tmp, dest)
                except BaseException:
                    tmp.unlink(missing_ok=True)
                    raise

            self._background.start(write)
            self._last_commit = time.monotonic()
            self._pending = False

        def _collect(self, dest: Path, block: bool) -> None:
            """Reap a finished background write; raise if it failed (the previous file stays)."""
            if self._background is None:
                return
            result = self._background.wait() if block else self._background.done()
            if result is None:
                return
            self._write_seconds, error = result
            if error is not None:
                raise exc.SearchException(
                    f"Could not write the checkpoint {dest} ({error}); the previous checkpoint "
                    "was kept and the fit resumes from it when restarted (free disk space first)."
                )

        def write_shell_update(self, filepath, shell):
            if checkpoint_every > 0.0:
                self._collect(Path(filepath), block=False)
                if self._write_due():
                    self._write_now(filepath)
                else:
                    self._pending = True
                return
            dest = Path(filepath)
            tmp = temp_path_for(dest)
            try:
                shutil.copyfile(dest, tmp)
                super().write_shell_update(tmp, shell)
                commit(tmp, dest)
            except OSError as err:
                tmp.unlink(missing_ok=True)
                raise write_failed(dest, err) from err

        def flush_checkpoint(self, filepath) -> None:
            """Wait for a background write, then write the complete state (in this process) if
            a throttled write was skipped since the last one."""
            dest = Path(filepath)
            self._collect(dest, block=True)
            if self._pending:
                # The run is over: nothing to overlap the final write with.
                self._write_in_process(dest)

        def abandon_background_write(self) -> None:
            """Wait for a background write without raising (a fit that is failing anyway),
            so no child renames an older state over a later fit's checkpoint."""
            if self._background is not None:
                self._background.wait()

    return SafeSampler


def check_nautilus_checkpoint(path: Path, n_dim: int) -> None:
    """The nautilus checkpoint opens and belongs to a problem of ``n_dim`` parameters."""
    import h5py

    try:
        with h5py.File(path, "r") as f:
            group = f["sampler"]
            stored = int(group.attrs["n_dim"])
            shells = len(group.attrs["shell_n"])
            for shell in range(shells):
                if f"points_{shell}" not in group or f"bound_{shell}" not in f:
                    raise KeyError(f"points_{shell} / bound_{shell}")
    except (OSError, KeyError, ValueError, TypeError) as err:
        raise exc.SearchException(
            f"The Nautilus checkpoint {path} is unreadable or incomplete ({err}); expected an "
            "HDF5 file written by nautilus. Delete it (or the output folder) to restart the fit."
        ) from err
    if stored != n_dim:
        raise exc.SearchException(
            f"The Nautilus checkpoint {path} is for {stored} parameters; the model has {n_dim}."
        )
