"""Checkpoint writes in a forked child process, so the sampler does not wait for them.

A nautilus checkpoint is the sampler's whole state (every bound's networks) rewritten through
h5py, ~0.1-1 s of CPU per write that the sampler otherwise spends on nothing else. A forked
child sees a copy-on-write snapshot of that state as it was at the fork, writes it (to a
temporary file, flushed and renamed, as in-process writes do) and exits, while the parent
samples on. At most one write is in flight: a new one is only started once the previous child
has been reaped, so renames land in order and the file on disk is always a complete, older or
current state.

Only where ``fork`` exists and is safe for this process: Linux, and JAX not loaded (its threads
make a forked child unsafe); elsewhere writes stay in-process. The child runs only the write
(h5py, NumPy, the file system) and leaves with ``os._exit``, so nothing else of the parent
(atexit handlers, buffered output, worker pools) runs twice.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from typing import Callable

from autogalaxy import exc

#: Longest error message a child reports back (its pipe is read once, after it exited).
_MESSAGE_BYTES = 4096


def available() -> bool:
    """Whether checkpoint writes may be forked in this process."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and "jax" not in sys.modules


class BackgroundWrite:
    """One forked write: ``start(write)`` runs ``write()`` in a child; ``done`` / ``wait``
    reap it and return ``(seconds, error message or None)``."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self._read_fd: int | None = None
        self._started = 0.0

    @property
    def running(self) -> bool:
        return self.pid is not None

    def start(self, write: Callable[[], None]) -> None:
        if self.pid is not None:
            raise exc.SearchException(
                "A background checkpoint write is still in flight; expected it to be reaped "
                "(done / wait) before the next one starts."
            )
        read_fd, write_fd = os.pipe()
        self._started = time.monotonic()
        with warnings.catch_warnings():
            # Python >= 3.12 warns on fork in a threaded process; the child only writes a
            # file with locks the forking thread does not hold, and never returns to Python
            # code of the parent.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            status = 0
            try:
                write()
            except BaseException as err:  # reported to the parent, which raises it
                status = 1
                try:
                    os.write(write_fd, repr(err).encode("utf-8", "replace")[:_MESSAGE_BYTES])
                except OSError:
                    pass
            finally:
                os._exit(status)
        os.close(write_fd)
        self.pid = pid
        self._read_fd = read_fd

    def done(self) -> tuple[float, str | None] | None:
        """The finished write's ``(seconds, error)``, or None while it runs (no blocking)."""
        return self._reap(block=False)

    def wait(self) -> tuple[float, str | None] | None:
        """Block until the write in flight (if any) ends; its ``(seconds, error)``."""
        return self._reap(block=True)

    def _reap(self, block: bool) -> tuple[float, str | None] | None:
        if self.pid is None:
            return None
        pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        if pid == 0:
            return None
        seconds = time.monotonic() - self._started
        assert self._read_fd is not None
        message = os.read(self._read_fd, _MESSAGE_BYTES).decode("utf-8", "replace")
        os.close(self._read_fd)
        self.pid, self._read_fd = None, None
        code = os.waitstatus_to_exitcode(status)
        if code == 0:
            return seconds, None
        return seconds, message or f"the writing process ended with status {code}"
