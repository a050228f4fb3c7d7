"""Work on several cores, with the results in the same order as one: the one parallel map
of newslint, used by `check` (`lint_all`) and by the evaluation (`evaluation.linting`).

Each worker process sets itself up once (`setup(*setup_args)`: a `Linter` built from the
run's options, or the evaluation's compiled rules; with the `fork` start method, whatever
the parent already compiled comes for free) and then applies `function(state, item)` to
its share. Results are yielded one by one in the order the items were given, so a report
is byte-identical to a one-process run and can be written while later items are still
being worked on, without holding them all. A handful of items is done in-process:
starting workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from newslint import interrupts
from newslint.result import FileResult
from newslint.source import STDIN

if TYPE_CHECKING:  # the orchestrator sits above this module: named in annotations only
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    from newslint.linter import Linter

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

# Fewer files per worker than this and `check` works in this process.
MIN_FILES_PER_WORKER = 8

_state: Any = None  # this worker's `setup(*setup_args)`
_default_excepthook = threading.excepthook
_KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows has no SIGKILL; its SIGTERM kills outright


def default_jobs(at_most: int | None = None) -> int:
    """The cores this process may use, or `at_most` of them."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, at_most)) if at_most is not None else cores


def _start_worker(setup: Callable[..., Any], setup_args: tuple[Any, ...]) -> None:
    """Set up a worker. Ctrl-C is the parent's to handle (it stops the workers): a
    terminal sends it to the whole process group, and a worker it caught waiting for its
    next chunk printed a traceback. SIGTERM stops a worker, as the parent asks."""
    interrupts.reset_in_child()
    global _state
    _state = setup(*setup_args)


def _in_worker(function: Callable[[Any, T], R], item: T) -> R:
    return function(_state, item)


def _context() -> BaseContext:
    """fork where it is safe and fast (Linux); spawn elsewhere."""
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _quiet_about_stopped_pools(args: threading.ExceptHookArgs) -> None:
    """The pool's manager thread, finding its workers stopped, marks the futures still
    pending as failed; Python 3.11 raises InvalidStateError there for those already
    cancelled, and printed it under "newslint: interrupted". Nothing is lost: the run
    is over."""
    from concurrent.futures import InvalidStateError  # imported by then: a pool is running

    if not isinstance(args.exc_value, InvalidStateError):
        _default_excepthook(args)


def ordered_map(
    function: Callable[[S, T], R],
    items: Sequence[T],
    *,
    workers: int,
    setup: Callable[..., S],
    setup_args: tuple[Any, ...] = (),
    chunksize: int = 1,
) -> Generator[R, None, None]:
    """`function(state, item)` for each item, on `workers` processes, each result yielded
    as soon as it and those before it are ready. `function` and `setup` must be
    module-level (workers find them by name). Closing the iterator early (an error,
    Ctrl-C, SIGTERM) stops the workers at once, so the run ends without the rest: waiting
    for the chunks in hand made an interrupted run slow, and a second signal meanwhile
    left it hanging (issue 20)."""
    from concurrent.futures import ProcessPoolExecutor  # here: a one-story run needs no pool

    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(setup, setup_args))
    interrupts.register(pool, functools.partial(_stop_workers, pool, _KILL))
    finished = False
    try:
        yield from pool.map(functools.partial(_in_worker, function), items, chunksize=chunksize)
        finished = True
    finally:
        if not finished:
            _stop_workers(pool, signal.SIGTERM)
        pool.shutdown(cancel_futures=True)
        interrupts.unregister(pool)


def _stop_workers(pool: ProcessPoolExecutor, number: int) -> None:
    """Send each of `pool`'s worker processes `number`, and wait (briefly) until it is gone."""
    threading.excepthook = _quiet_about_stopped_pools
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
    for process in processes:
        if process.pid is not None and process.exitcode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, number)
    for process in processes:
        process.join(timeout=5)


# --------------------------------------------------------------------------- check


def _lint_in_worker(linter: Linter, path: str) -> FileResult:
    result = linter.lint_path(path)
    result.rules = []  # compiled rules are heavy to send back; the parent knows them
    return result


def lint_all(paths: list[str], linter: Linter, jobs: int) -> Generator[FileResult, None, None]:
    """`linter.lint_path` over `paths`, on up to `jobs` processes, in the order given."""
    workers = min(jobs, len(paths) // MIN_FILES_PER_WORKER)
    if workers < 2 or STDIN in paths:  # standard input is read here, once
        yield from map(linter.lint_path, paths)
        return
    # Small chunks: a worker's chunk cannot be cancelled once handed out, so Ctrl-C waits
    # for up to workers + 1 of them (64 files each took over 5 s on a busy machine).
    chunk = max(1, min(8, len(paths) // (workers * 8)))
    results = ordered_map(
        _lint_in_worker, paths, workers=workers, setup=type(linter), setup_args=(linter.options,), chunksize=chunk
    )  # each worker builds its own Linter from the run's options
    try:
        for result in results:
            if result.error is None:
                result.rules = linter.reported_rules(result.path)
            yield result
    finally:
        results.close()
