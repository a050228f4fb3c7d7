"""Ctrl-C (issue 9): exit code 130 at once, one line on stderr, no partial file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from newslint.files import write_atomically

# The real command line, with each file's check slowed down and announced, so the test
# knows the run is under way when it presses Ctrl-C, however slow the machine.
SLOW_CHECK = """
import sys, time
from pathlib import Path
from newslint import linter
lint_path = linter.Linter.lint_path
ready = Path(sys.argv[1])
def slow(self, path):
    ready.touch()
    time.sleep(0.05)
    return lint_path(self, path)
linter.Linter.lint_path = slow
sys.argv = ["newslint"] + sys.argv[2:]
from newslint.cli import main
main()
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child process is POSIX")
# --fix checks every file before writing; without it the report is streamed into its
# temporary file while worker processes (one per core) check the rest.
# A terminal's Ctrl-C reaches the whole process group, workers included
# (`terminal`); kill -INT reaches newslint alone.
@pytest.mark.parametrize(
    ("fix", "terminal"), [(["--fix"], False), ([], False), ([], True)], ids=["fix", "streamed", "streamed-terminal"]
)
def test_ctrl_c_exits_130_promptly_and_leaves_no_files(tmp_path, desk_stories, fix, terminal):
    originals = desk_stories
    desk = tmp_path / "desk"
    ready, report = tmp_path / "ready", tmp_path / "report.json"
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_CHECK, str(ready), "check", *fix, "-f", "json", "-o", str(report), str(desk)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=terminal,
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the check never started"
        time.sleep(0.02)
    interrupted = time.monotonic()
    if terminal:
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert time.monotonic() - interrupted < 5
    assert process.returncode == 130
    assert stderr == "newslint: interrupted\n"
    assert stdout == ""
    assert not report.exists()
    assert all(story.read_bytes() == data for story, data in originals.items())
    assert not [path for path in tmp_path.rglob("*") if path.name.endswith(".newslint-tmp")]


def test_an_interrupted_atomic_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "story.txt"
    target.write_bytes(b"old")

    def interrupted(_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new and longer")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["story.txt"]
