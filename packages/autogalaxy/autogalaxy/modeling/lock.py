"""Exclusive lock on a fit's output folder, so two fits never write the same files at once.

The lock is an ``fcntl.flock`` on ``<folder>/.lock`` (the kernel drops it when the holding
process exits or is killed, so a dead process never leaves a stale lock). The file also records
the holder's process id for the error message. Where ``fcntl`` is missing (Windows) the lock is
the file itself, created exclusively; a lock file whose process is gone is treated as stale.
"""

from __future__ import annotations

import os
from pathlib import Path

from autogalaxy import exc

LOCK_FILE = ".lock"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


class FolderLock:
    """Context manager holding the lock of ``folder`` (created if needed)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.path = Path(folder) / LOCK_FILE
        self._fd: int | None = None
        self._exclusive_file = False

    def _refuse(self) -> None:
        raise exc.SearchException(
            f"The output folder {self.path.parent} is in use by another fit (process "
            f"{_holder(self.path)} holds {self.path}). Wait for it to finish, or give this fit "
            "another search name or path_prefix."
        )

    def acquire(self) -> "FolderLock":
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return self._acquire_exclusive_file()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            self._refuse()
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def _acquire_exclusive_file(self) -> "FolderLock":  # pragma: no cover - Windows
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = _holder(self.path)
                if holder.isdigit() and not _pid_alive(int(holder)):
                    self.path.unlink(missing_ok=True)  # stale: its process is gone
                    continue
                self._refuse()
            os.write(fd, str(os.getpid()).encode())
            self._fd = fd
            self._exclusive_file = True
            return self
        self._refuse()
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        os.close(fd)
        if self._exclusive_file:  # pragma: no cover - Windows
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> "FolderLock":
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        self.release()
