"""-j: the same report, byte for byte, whatever the number of workers."""

from __future__ import annotations

import subprocess
import sys

from newslint import parallel
from newslint.linter import Linter, Options

SENTENCES = [
    "The deal may collapse next week.",
    "Officials met on Monday.",
    "Analysts suggest the talks could potentially fail.",
    "Prices rose 3 percent, the bank said.",
    "The plan is reportedly worth $40 million.",
]


def _folder(tmp_path, count=48):
    folder = tmp_path / "stories"
    folder.mkdir()
    for n in range(count):
        body = "\n\n".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(n % 5 + 1))
        (folder / f"story-{n:03}.txt").write_text(f"Story {n}\n\n{body}\n", encoding="utf-8")
    return folder


def test_parallel_results_equal_serial_results_in_order(tmp_path):
    folder = _folder(tmp_path)
    paths = sorted(str(p) for p in folder.iterdir())
    linter = Linter(Options())
    serial = [linter.lint_path(path) for path in paths]
    parallel_results = list(parallel.lint_all(paths, linter, jobs=3))
    assert [r.path for r in parallel_results] == paths
    for one, other in zip(serial, parallel_results):
        assert one.findings == other.findings and one.claims == other.claims
        assert [rule.id for rule in one.rules] == [rule.id for rule in other.rules]


def test_cli_output_is_identical_with_and_without_workers(tmp_path):
    folder = _folder(tmp_path)
    runs = [
        subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--no-cache", "-j", jobs, "-f", fmt, str(folder)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        for jobs in ("1", "2")
        for fmt in ("text", "json")
    ]
    assert runs[0].stdout == runs[2].stdout and runs[1].stdout == runs[3].stdout
    assert runs[0].returncode == runs[2].returncode == 1 and "48 files" in runs[0].stdout


def test_few_files_run_in_process(tmp_path, monkeypatch):
    folder = _folder(tmp_path, count=5)
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", None)  # would fail if used
    results = list(parallel.lint_all(sorted(str(p) for p in folder.iterdir()), Linter(Options()), jobs=8))
    assert len(results) == 5


def test_a_run_in_process_does_not_import_the_process_pool(tmp_path):
    folder = _folder(tmp_path, count=2)
    program = (
        "import sys\n"
        "from newslint import parallel\n"
        "from newslint.linter import Linter, Options\n"
        "list(parallel.lint_all(sys.argv[1:], Linter(Options()), jobs=8))\n"
        "print(sorted({'multiprocessing', 'concurrent.futures', 'logging', 'newslint.vale'} & set(sys.modules)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program, *sorted(str(p) for p in folder.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_workers_leave_ctrl_c_to_the_parent():
    """A terminal's Ctrl-C reaches every process of the group: a worker caught waiting for
    its next chunk would print a traceback. Workers ignore it; the parent stops the run."""
    program = (
        "import signal\n"
        "from newslint import parallel\n"
        "from newslint.linter import Linter, Options\n"
        "parallel._start_worker(Linter, (Options(),))\n"
        "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True"
