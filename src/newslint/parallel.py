"""Checking many files on several cores, with the output in the same order as one.

Each worker process builds its own `Linter` from the run's options (configs and rules
compiled once per worker; with the `fork` start method, whatever the parent already
compiled comes for free) and returns plain `FileResult`s. Results are yielded one by one
in the order the files were given, so the report is byte-identical to a one-process run
and can be written while later files are still being checked, without holding them all.
A handful of files is checked in-process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator

from newslint.linter import Linter, Options
from newslint.result import FileResult
from newslint.source import STDIN

# Fewer files per worker than this and the work runs in this process.
MIN_FILES_PER_WORKER = 8

_worker: Linter | None = None


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_worker(options: Options) -> None:
    """Set up a worker. Ctrl-C is the parent's to handle (it stops handing out files, and
    `shutdown` waits for the chunks in hand): a terminal sends it to the whole process
    group, and a worker it caught waiting for its next chunk printed a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker
    _worker = Linter(options)


def _lint_in_worker(path: str) -> FileResult:
    result = _worker.lint_path(path)
    result.rules = []  # compiled rules are heavy to send back; the parent knows them
    return result


def _context():
    """fork where it is safe and fast (Linux); spawn elsewhere."""
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def lint_all(paths: list[str], linter: Linter, jobs: int) -> Iterator[FileResult]:
    """`linter.lint_path` over `paths`, on up to `jobs` processes, each result yielded as soon
    as it and those before it are ready. Closing the iterator early (an error, Ctrl-C)
    cancels the files not yet started, so the run ends without checking them."""
    workers = min(jobs, len(paths) // MIN_FILES_PER_WORKER)
    if workers < 2 or STDIN in paths:  # standard input is read here, once
        yield from map(linter.lint_path, paths)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a one-story run needs no pool

    # Small chunks: a worker's chunk cannot be cancelled once handed out, so Ctrl-C waits
    # for up to workers + 1 of them (64 files each took over 5 s on a busy machine).
    chunk = max(1, min(8, len(paths) // (workers * 8)))
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(linter.options,))
    try:
        for result in pool.map(_lint_in_worker, paths, chunksize=chunk):
            if result.error is None:
                result.rules = linter.reported_rules(result.path)
            yield result
    finally:
        pool.shutdown(cancel_futures=True)
