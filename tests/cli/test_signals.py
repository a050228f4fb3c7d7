"""Every signal ends a run promptly and cleanly, workers included (issue 20, item 7).

A second Ctrl-C during a `-j 2` run hung after "interrupted"; SIGTERM to newslint left
its workers running and a temporary file behind. Here a real `newslint check -j 2` over
400 slowed-down files is signalled mid-run: it must exit within seconds, 130 for SIGINT
and 143 for SIGTERM, with one line on stderr, no worker process left, no temporary
file and every story as it was. Each wait is bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processes import alive, children, signal_when_ready

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs POSIX signals and /proc")

# The real command line, each file's check slowed down; the first file checked in a
# worker announces the run is under way.
SLOW_CHECK = """
import os, sys, time
from pathlib import Path
from newslint import linter
lint_path = linter.Linter.lint_path
ready = Path(sys.argv[1])
def slow(self, path):
    if os.getpid() != MAIN:
        ready.touch()
    time.sleep(0.05)
    return lint_path(self, path)
MAIN = os.getpid()
linter.Linter.lint_path = slow
sys.argv = ["newslint"] + sys.argv[2:]
from newslint.cli import main
main()
"""


def _run_and_signal(
    tmp_path: Path, fix: list[str], signals: list[int]
) -> tuple[subprocess.Popen[str], list[int], float]:
    ready, report = tmp_path / "ready", tmp_path / "report.json"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SLOW_CHECK,
            str(ready),
            "check",
            "-j",
            "2",
            *fix,
            "-f",
            "json",
            "-o",
            str(report),
            "desk",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers, signalled = signal_when_ready(process, ready, signals, workers_of=children, what="check", timeout=60)
    return process, workers, signalled


@pytest.mark.parametrize("fix", [["--fix"], []], ids=["fix", "streamed"])
@pytest.mark.parametrize(
    ("signals", "code", "line"),
    [
        ([signal.SIGINT, signal.SIGINT], 130, "newslint: interrupted\n"),
        ([signal.SIGTERM], 143, "newslint: terminated\n"),
        ([signal.SIGTERM, signal.SIGTERM], 143, "newslint: terminated\n"),
    ],
    ids=["ctrl-c-twice", "sigterm", "sigterm-twice"],
)
def test_a_signal_ends_a_parallel_run_promptly_with_nothing_left(tmp_path, desk_stories, fix, signals, code, line):
    originals = desk_stories
    process, workers, signalled = _run_and_signal(tmp_path, fix, signals)
    assert workers, "the run had no worker processes"
    try:
        stdout, stderr = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        raise AssertionError("newslint did not exit within 20 s of the signal") from None
    try:
        assert time.monotonic() - signalled < 10
        assert (process.returncode, stderr, stdout) == (code, line, "")
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if alive(pid)], "workers left running"
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert not (tmp_path / "report.json").exists()
    assert all(story.read_bytes() == data for story, data in originals.items())
    assert not [path for path in tmp_path.rglob("*") if path.name.endswith(".newslint-tmp")]


def test_an_in_process_run_gives_the_signal_handlers_back(tmp_path):
    """Used as a library (or under a test runner), `check` handles signals only while it
    runs: the caller's own Ctrl-C handling is as it was afterwards."""
    from typer.testing import CliRunner

    from newslint.cli import app

    story = tmp_path / "story.txt"
    story.write_text("The talks resumed.\n", encoding="utf-8")
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    CliRunner().invoke(app, ["check", "--no-cache", str(story)])
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


# `python -m newslint` with a signal delivered while newslint.cli (typer, click) is being
# imported: the first tens of milliseconds of every run.
SIGNAL_DURING_IMPORT = """
import builtins, os, runpy, signal, sys, time
real_import, number = builtins.__import__, int(sys.argv[1])
def importing(name, *args, **kwargs):
    if name == "newslint.cli":
        os.kill(os.getpid(), number)
        time.sleep(0.5)
    return real_import(name, *args, **kwargs)
builtins.__import__ = importing
sys.argv = ["newslint", "check", "story.txt"]
runpy.run_module("newslint", run_name="__main__")
"""


@pytest.mark.parametrize(
    ("number", "code", "line"),
    [(signal.SIGINT, 130, "newslint: interrupted\n"), (signal.SIGTERM, 143, "newslint: terminated\n")],
    ids=["sigint", "sigterm"],
)
def test_a_signal_while_newslint_starts_is_a_quiet_exit(tmp_path, number, code, line):
    (tmp_path / "story.txt").write_text("The talks resumed.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SIGNAL_DURING_IMPORT, str(int(number))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr, done.stdout) == (code, line, "")
