"""PEP 517 build backend of this package: hatchling, with one change for editable installs.

The package names its sibling packages by path (``autoarray @ file:///.../packages/autoarray``)
so that a plain ``pip install packages/<name>`` never resolves the unrelated public releases of
the same names. pip (26.x) refuses to combine such a path reference with an editable request for
the same package (pypa/pip#10216, #12533), so ``pip install -e packages/autoarray -e
packages/autogalaxy -e packages/autolens`` failed with ResolutionImpossible. The metadata of an
editable wheel (which pip resolves the install with) therefore leaves the path references to
siblings out: install all three packages editable in one command (README, "Install"). Wheels,
sdists and non-editable installs are hatchling's, unchanged.

This file is identical in ``packages/autogalaxy/_build`` and ``packages/autolens/_build``
(a build backend must live inside the package's own source tree).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import zipfile

from hatchling import build as _hatchling
from hatchling.build import (  # noqa: F401  (the PEP 517 hooks, re-exported unchanged)
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
)

#: The packages of this repository that reference each other by path.
SIBLINGS = ("autoarray", "autogalaxy", "autolens")

_SIBLING_PATH_REFERENCE = re.compile(
    r"^Requires-Dist:\s*(" + "|".join(SIBLINGS) + r")(\[[^\]]*\])?\s*@\s*file:", re.IGNORECASE
)


def editable_metadata_from(text: str) -> str:
    """``METADATA`` text without the ``Requires-Dist`` path references to sibling packages."""
    lines = text.splitlines(keepends=True)
    return "".join(line for line in lines if not _SIBLING_PATH_REFERENCE.match(line))


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _rewrite_wheel_metadata(wheel_path: str) -> None:
    """Rewrite the wheel's ``METADATA`` (and its ``RECORD`` line) in a new file, then rename it
    over the original."""
    with zipfile.ZipFile(wheel_path) as wheel:
        entries = [(info, wheel.read(info.filename)) for info in wheel.infolist()]
    names = [info.filename for info, _ in entries]
    metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
    record_name = next(n for n in names if n.endswith(".dist-info/RECORD"))
    contents = dict((info.filename, data) for info, data in entries)
    metadata = editable_metadata_from(contents[metadata_name].decode("utf-8")).encode("utf-8")
    record_lines = []
    for line in contents[record_name].decode("utf-8").splitlines():
        if line.split(",", 1)[0] == metadata_name:
            line = f"{metadata_name},{_record_hash(metadata)},{len(metadata)}"
        record_lines.append(line)
    contents[metadata_name] = metadata
    contents[record_name] = ("\n".join(record_lines) + "\n").encode("utf-8")
    temporary = wheel_path + ".tmp"
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        for info, _ in entries:
            wheel.writestr(info, contents[info.filename])
    os.replace(temporary, wheel_path)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """hatchling's editable wheel, minus the sibling path references in its metadata."""
    name = _hatchling.build_editable(wheel_directory, config_settings, metadata_directory)
    _rewrite_wheel_metadata(os.path.join(wheel_directory, name))
    return name


# hatchling offers the metadata-only hooks only outside pip (pip then reads the built wheel's
# metadata); follow it, with the same rewrite for the editable metadata.
if hasattr(_hatchling, "prepare_metadata_for_build_wheel"):
    prepare_metadata_for_build_wheel = _hatchling.prepare_metadata_for_build_wheel

    def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
        """hatchling's editable metadata, minus the sibling path references."""
        name = _hatchling.prepare_metadata_for_build_editable(metadata_directory, config_settings)
        path = os.path.join(metadata_directory, name, "METADATA")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        temporary = path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(editable_metadata_from(text))
        os.replace(temporary, path)
        return name
