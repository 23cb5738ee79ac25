"""coursegrader.files: every tool's writes are all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegrader import files
from coursegrader.files import write_text_atomically


def test_writes_text_and_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    write_text_atomically(target, "first\n")
    assert target.read_text() == "first\n" and target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o640)
    write_text_atomically(target, "second\n")
    assert target.read_text() == "second\n" and target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"], "no temporary file is left behind"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "grades.csv"
    target.write_text("old\n")

    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomically(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["grades.csv"]
