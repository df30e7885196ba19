import os

import numpy as np
import pytest

from autogalaxy.modeling.output import (
    atomic_write_bytes,
    atomic_write_text,
    read_samples_csv,
    samples_csv_text,
)


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    path = tmp_path / "sub" / "file.txt"
    atomic_write_text(path, "one")
    atomic_write_text(path, "two")
    assert path.read_text() == "two"
    atomic_write_bytes(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(os.listdir(tmp_path / "sub")) == ["file.txt"]


def test_atomic_write_failure_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "file.txt"
    atomic_write_text(path, "old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(path, "new")
    monkeypatch.undo()
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["file.txt"]


def test_samples_csv_round_trip(tmp_path):
    params = np.array([[1.0, 2.0], [3.0, 4.5]])
    text = samples_csv_text(["a.x", "a.y"], params, [-1.0, -2.0], [0.25, 0.75])
    assert text.splitlines()[0] == "a.x,a.y,log_likelihood,weight"
    (tmp_path / "s.csv").write_text(text)
    paths, p, log_l, w = read_samples_csv(tmp_path / "s.csv")
    assert paths == ["a.x", "a.y"]
    np.testing.assert_array_equal(p, params)
    np.testing.assert_array_equal(log_l, [-1.0, -2.0])
    np.testing.assert_array_equal(w, [0.25, 0.75])
