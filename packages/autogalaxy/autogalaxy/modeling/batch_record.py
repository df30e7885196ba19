"""The batch strategies a fit chose, kept in its output folder so that a resumed fit reuses them.

``Fitness._vmap`` chooses how each batch shape runs (:mod:`autogalaxy.modeling.batch_strategy`),
partly from timings, and the strategies agree only to rounding (~1e-12 relative on the log
likelihood), which is enough to send a seeded sampler down another path. A fit that was killed
and resumed must give what the uninterrupted fit gives, so the first choice of every batch shape
is written to ``batch_strategy.json`` next to the fit's fingerprint and checkpoint (atomically:
temporary file, ``fsync``, rename) and read back, instead of measured again, when the fit
resumes. A *fresh* fit (new folder) measures again and may choose differently; the
``autoarray.execution`` setting ``batch_strategy`` pins one for every run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from autogalaxy import exc
from autogalaxy.modeling.batch_strategy import BatchChoice, Candidate
from autogalaxy.modeling.output import atomic_write_json

#: File in a fit's output folder holding the batch strategy chosen for each batch shape.
RECORD_FILE = "batch_strategy.json"

_FORMAT = 1


def _key_text(batch: int, dtype: str) -> str:
    return f"{batch}x{dtype}"


class StrategyRecord:
    """Batch strategies of one fit: ``(rows, dtype name) -> Candidate``, mirrored in ``folder``.

    Reading an existing file checks it and names the file and what was expected when it is not
    usable (it was written whole, so only an edit can break it).
    """

    def __init__(self, folder: str | os.PathLike) -> None:
        self.path = Path(folder) / RECORD_FILE
        self._entries: dict[str, dict] = {}
        if self.path.exists():
            self._entries = self._read()

    def _invalid(self, what: str) -> exc.SearchException:
        return exc.SearchException(
            f"{self.path} is not a usable batch strategy record ({what}); expected the file a "
            "fit writes (a JSON object with format 1 and one entry per batch shape). Delete it "
            "to let the fit choose again, which may change its samples."
        )

    def _read(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise self._invalid(str(err)) from err
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise self._invalid("no format 1")
        choices = data.get("choices")
        if not isinstance(choices, dict):
            raise self._invalid("'choices' is not an object")
        for text, entry in choices.items():
            if not isinstance(entry, dict):
                raise self._invalid(f"entry {text!r} is not an object")
            self._candidate(text, entry)  # validates it
        return dict(choices)

    def _candidate(self, text: str, entry: dict) -> Candidate:
        strategy, width, batch = entry.get("strategy"), entry.get("width"), entry.get("batch")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (width, batch)):
            raise self._invalid(f"entry {text!r} needs integer 'batch' and 'width'")
        try:
            candidate = Candidate(strategy, width)
        except exc.SearchException as err:
            raise self._invalid(f"entry {text!r}: {err}") from err
        expected = {"vmap": batch, "sequential": 1}.get(strategy)
        if (expected is not None and width != expected) or width > batch:
            raise self._invalid(f"entry {text!r}: width {width} does not fit {strategy} of {batch}")
        return candidate

    def get(self, batch: int, dtype: str) -> Candidate | None:
        """The recorded candidate for ``batch`` rows of ``dtype``, None when not recorded."""
        text = _key_text(batch, dtype)
        entry = self._entries.get(text)
        return None if entry is None else self._candidate(text, entry)

    def add(self, choice: BatchChoice) -> None:
        """Record ``choice`` (a shape already recorded keeps its first choice) and rewrite the
        file atomically."""
        text = _key_text(choice.batch, choice.dtype)
        if text in self._entries:
            return
        self._entries[text] = {
            "batch": choice.batch,
            "dtype": choice.dtype,
            "strategy": choice.strategy,
            "width": choice.width,
            "reason": choice.reason,
        }
        try:
            atomic_write_json(self.path, self._document())
        except OSError as err:
            raise exc.SearchException(
                f"Could not write {self.path} ({err}); expected a writable output folder (free "
                "disk space), since a resumed fit must reuse this fit's batch strategy."
            ) from err

    def _document(self) -> dict:
        return {
            "format": _FORMAT,
            "about": "Batch strategy of each batch shape, reused when this fit resumes "
            "(a fresh fit may choose differently; the batch_strategy setting pins one).",
            "choices": self._entries,
        }


__all__ = ["RECORD_FILE", "StrategyRecord"]
