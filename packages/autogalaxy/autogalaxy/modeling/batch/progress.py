"""Live progress of a batch (done / running / failed / queued, ETA) and its summary table."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--:--"
    seconds = int(round(max(seconds, 0.0)))
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass
class BatchProgress:
    """A snapshot of a running batch (also passed to ``fit_batch``'s ``callback``)."""

    total: int
    done: int = 0
    skipped: int = 0
    failed: int = 0
    running: int = 0
    elapsed_s: float = 0.0

    @property
    def finished(self) -> int:
        """Lenses with an outcome (done, skipped or failed)."""
        return self.done + self.skipped + self.failed

    @property
    def queued(self) -> int:
        return max(self.total - self.finished - self.running, 0)

    @property
    def eta_s(self) -> float | None:
        """Remaining seconds at this run's rate of fitted lenses (None before the first)."""
        fitted = self.done + self.failed
        remaining = self.total - self.finished
        if remaining == 0:
            return 0.0
        if fitted == 0 or self.elapsed_s <= 0:
            return None
        return remaining * self.elapsed_s / fitted

    def line(self, batch: str) -> str:
        return (
            f"[{batch}] {self.finished}/{self.total} finished: {self.done} done, "
            f"{self.skipped} already done, {self.failed} failed, {self.running} running, "
            f"{self.queued} queued | elapsed {_clock(self.elapsed_s)} ETA {_clock(self.eta_s)}"
        )


class ProgressDisplay:
    """Prints :class:`BatchProgress` lines to stderr: rewritten in place on a terminal, else
    every ``every_s`` seconds and at each change of the finished count."""

    def __init__(self, batch: str, enabled: bool = True, every_s: float = 10.0, stream=None):
        self.batch = batch
        self.enabled = enabled
        self.every_s = every_s
        self.stream = stream or sys.stderr
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_time = 0.0
        self._last_finished = -1

    def show(self, progress: BatchProgress, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        changed = progress.finished != self._last_finished
        if not (final or changed or now - self._last_time >= self.every_s or self._tty):
            return
        line = progress.line(self.batch)
        if self._tty:
            self.stream.write("\r\033[K" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self._last_time, self._last_finished = now, progress.finished


def summary_table(outcomes: list[dict]) -> str:
    """A fixed-width text table: one row per lens (name, status, log L, log Z, fit time, note)."""
    header = ("lens", "status", "max log L", "log evidence", "fit time (s)", "note")
    rows = []
    for o in outcomes:
        log_l, log_z = o.get("max_log_likelihood"), o.get("log_evidence")
        note = o.get("error", "") or ""
        rows.append(
            (
                o["name"],
                o["status"],
                "" if log_l is None else f"{log_l:.4f}",
                "" if log_z is None else f"{log_z:.4f}",
                f"{o.get('fit_time_s') or 0.0:.2f}",
                note.splitlines()[0][:60] if note else "",
            )
        )
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    lines = [
        "  ".join(str(h).ljust(w) for h, w in zip(header, widths)),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)
