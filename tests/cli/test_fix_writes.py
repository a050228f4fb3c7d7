"""How --fix writes a story (issue 20): through a symbolic link to its target, never over
a hard-linked file's other names, never over edits another program made meanwhile, and
never leaving a temporary file behind, even on a full disk."""

from __future__ import annotations

import errno
import hashlib
import io
import os

import pytest

from newslint.cli import app
from newslint.errors import InputError
from newslint.fixes import Edit, write_fixed

DOUBLED = "Both sides signed the the deal.\n"
FIXED = "Both sides signed the deal.\n"
FIX = [Edit(18, 25, "the", "repetition.doubled")]  # DOUBLED → FIXED


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _leftovers(folder):
    return [path.name for path in folder.iterdir() if path.name.endswith(".newslint-tmp")]


def test_fix_through_a_symlink_writes_the_target_and_keeps_the_link(runner, tmp_path):
    real = tmp_path / "desk" / "story.txt"
    real.parent.mkdir()
    real.write_text(DOUBLED, encoding="utf-8")
    link = tmp_path / "story.txt"
    link.symlink_to(real)
    result = runner.invoke(app, ["check", "--no-cache", "--fix", str(link)])
    assert "fixed 1 finding" in result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == FIXED
    assert not _leftovers(tmp_path) and not _leftovers(real.parent)


def test_fix_refuses_a_hard_linked_file_and_leaves_every_name_alike(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(DOUBLED, encoding="utf-8")
    other = tmp_path / "copy-desk.txt"
    os.link(story, other)
    inode = story.stat().st_ino
    result = runner.invoke(app, ["check", "--no-cache", "--fix", str(story)])
    assert result.exit_code == 2
    assert f"{story}: has 2 hard links; not fixed" in result.stderr
    assert story.stat().st_ino == inode == other.stat().st_ino
    assert story.read_text(encoding="utf-8") == DOUBLED == other.read_text(encoding="utf-8")


def _appending_before(monkeypatch, name, story, line):
    """Make `newslint.files.os.<name>` append `line` to `story` first, as another program
    writing to the story while --fix writes would."""
    import newslint.files

    real = getattr(os, name)

    def append_then(*args, **kwargs):
        with open(story, "a", encoding="utf-8") as handle:
            handle.write(line)
        monkeypatch.setattr(newslint.files.os, name, real)
        return real(*args, **kwargs)

    monkeypatch.setattr(newslint.files.os, name, append_then)


def test_fix_refuses_a_file_changed_while_the_fix_was_written(tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(DOUBLED, encoding="utf-8")
    _appending_before(monkeypatch, "fsync", story, "A line the wire added.\n")
    with pytest.raises(InputError, match="changed since it was read; not fixed"):
        write_fixed(str(story), _digest(DOUBLED), DOUBLED, FIX)
    assert story.read_text(encoding="utf-8") == DOUBLED + "A line the wire added.\n"
    assert not _leftovers(tmp_path)


def test_fix_undone_when_the_file_changed_in_the_instant_before_the_rename(tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(DOUBLED, encoding="utf-8")
    _appending_before(monkeypatch, "replace", story, "A line the wire added.\n")
    with pytest.raises(InputError, match="changed while it was being fixed; not fixed"):
        write_fixed(str(story), _digest(DOUBLED), DOUBLED, FIX)
    assert story.read_text(encoding="utf-8") == DOUBLED + "A line the wire added.\n"
    assert not _leftovers(tmp_path)


class _FullDisk(io.RawIOBase):
    """A file on a full disk: every write fails with ENOSPC, as the kernel reports it
    when the buffered data is flushed."""

    def __init__(self, handle: int) -> None:
        self.handle = handle

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fileno(self) -> int:
        return self.handle

    def close(self) -> None:
        if not self.closed:
            os.close(self.handle)
        super().close()


def test_a_full_disk_leaves_no_temporary_file(runner, tmp_path, monkeypatch):
    import newslint.files

    monkeypatch.setattr(newslint.files.os, "fdopen", lambda handle, mode: io.BufferedWriter(_FullDisk(handle)))
    story = tmp_path / "story.txt"
    story.write_text(DOUBLED, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "--fix", str(story)])
    assert result.exit_code == 2
    assert f"newslint: error: {story}: cannot fix: No space left on device" in result.stderr
    assert story.read_text(encoding="utf-8") == DOUBLED
    report = runner.invoke(app, ["check", "--no-cache", "-o", str(tmp_path / "report.txt"), str(story)])
    assert report.exit_code == 2
    assert "cannot write the report: No space left on device" in report.stderr
    assert _leftovers(tmp_path) == []
