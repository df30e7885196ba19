"""The in-tree build backend (``_build/monorepo_backend.py``): editable metadata without sibling
path references, everything else hatchling's."""

import importlib.util
from pathlib import Path

PACKAGES = Path(__file__).resolve().parents[2]
BACKENDS = [
    PACKAGES / name / "_build" / "monorepo_backend.py" for name in ("autogalaxy", "autolens")
]


def _backend():
    spec = importlib.util.spec_from_file_location("monorepo_backend", BACKENDS[0])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_packages_ship_the_same_backend():
    assert BACKENDS[0].read_bytes() == BACKENDS[1].read_bytes()


def test_editable_metadata_drops_only_sibling_path_references():
    metadata = (
        "Metadata-Version: 2.4\n"
        "Name: autolens\n"
        "Requires-Dist: autoarray @ file:///repo/packages/autoarray\n"
        "Requires-Dist: autogalaxy @ file:///repo/packages/autogalaxy\n"
        "Requires-Dist: numpy>=1.24\n"
        "Requires-Dist: nautilus-sampler>=1.0\n"
        "Requires-Dist: autogalaxy[all] @ file:///repo/packages/autogalaxy ; extra == 'all'\n"
        "Requires-Dist: jax>=0.4.30; extra == 'jax'\n"
    )
    edited = _backend().editable_metadata_from(metadata)
    assert "file://" not in edited
    assert "Requires-Dist: numpy>=1.24\n" in edited
    assert "Requires-Dist: nautilus-sampler>=1.0\n" in edited
    assert "Requires-Dist: jax>=0.4.30; extra == 'jax'\n" in edited
    assert edited.startswith("Metadata-Version: 2.4\nName: autolens\n")
