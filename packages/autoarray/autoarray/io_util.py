"""Atomic file output shared by every package: a reader never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(file_path, payload: bytes) -> None:
    """Write ``payload`` to ``file_path`` via a temporary file in the same folder, ``fsync`` and
    an atomic ``os.replace``; parent folders are created. The file gets the usual permissions
    (``0o666`` less the umask)."""
    path = Path(file_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def atomic_write_text(file_path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``file_path`` atomically."""
    atomic_write_bytes(file_path, text.encode(encoding))
