"""A signal ends an audit as it ends `check`: promptly, 130 for Ctrl-C and 143 for
SIGTERM, one line on stderr, no worker process and no temporary file left, on the local
worker processes (-j 2) and on a local Dask cluster (issue 22; `newslint.interrupts`).

SIGTERM used to end an audit with 130, as if it were Ctrl-C. Here the real command
(`python -m newslint audit`) runs over an archive whose stories are slowed down in every
process (a `sitecustomize` on PYTHONPATH, so Dask's spawned workers are slowed too), and
is signalled once a worker has started on one. Each wait is bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_stories import invented_records, write_jsonl

from processes import alive, descendants, signal_when_ready

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs POSIX signals and /proc")

# Loaded by every Python process the run starts (the command, pool workers, Dask's nanny
# and worker processes): each story checked waits a little, and the first announces that
# the audit is under way.
SLOW_STORIES = """
import os, time
from pathlib import Path
if os.environ.get("NEWSLINT_TEST_READY"):
    from newslint import linter
    lint_story = linter.Linter.lint_story
    def slow(self, *args, **kwargs):
        Path(os.environ["NEWSLINT_TEST_READY"]).touch()
        time.sleep(0.05)
        return lint_story(self, *args, **kwargs)
    linter.Linter.lint_story = slow
"""


def _kill_all(pids: list[int]) -> None:
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("run", [["-j", "2"], ["--dask", "-j", "2"]], ids=["local", "dask"])
@pytest.mark.parametrize(
    ("signals", "code", "line"),
    [
        ([signal.SIGINT], 130, "newslint: interrupted\n"),
        ([signal.SIGTERM], 143, "newslint: terminated\n"),
        ([signal.SIGTERM, signal.SIGTERM], 143, "newslint: terminated\n"),
    ],
    ids=["ctrl-c", "sigterm", "sigterm-twice"],
)
def test_a_signal_ends_an_audit_promptly_with_nothing_left(tmp_path, run, signals, code, line):
    if "--dask" in run:
        pytest.importorskip("dask.distributed")
    archive = write_jsonl(tmp_path / "archive.jsonl", invented_records(400))
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SLOW_STORIES, encoding="utf-8")
    ready, resume, output = tmp_path / "ready", tmp_path / "resume", tmp_path / "figures.json"
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hooks), os.environ.get("PYTHONPATH", "")]),
        "NEWSLINT_TEST_READY": str(ready),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "audit", str(archive), *run, "--partition-size", "5"]
        + ["--resume", str(resume), "--format", "json", "-o", str(output)],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers, signalled = signal_when_ready(process, ready, signals, workers_of=descendants, what="audit", timeout=120)
    try:
        stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _kill_all(workers + descendants(process.pid))
        raise AssertionError("newslint audit did not exit within 30 s of the signal") from None
    try:
        assert workers, "the run had no worker processes"
        assert time.monotonic() - signalled < 20
        assert (process.returncode, stderr, stdout) == (code, line, "")
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if alive(pid)], "workers left running"
    finally:
        _kill_all(workers)
    assert not output.exists()
    assert not [path for path in tmp_path.rglob("*") if path.name.endswith(".newslint-tmp")]
