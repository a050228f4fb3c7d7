"""How a signal ends a run: promptly, with no worker process and no temporary file left.

Ctrl-C (SIGINT) and SIGTERM each raise an exception in the main thread, so the normal
unwinding runs: a temporary file is removed (`files.AtomicFile`), the worker processes
are stopped at once (`parallel.ordered_map`), and the command prints one line and exits
130 or 143 (128 + the signal, as shells report it). A second signal while that
unwinding runs must not leave it half done, nor wait on it (issue 20: a second Ctrl-C
during a `-j 2` run hung after "interrupted"): it kills the workers, removes the
temporary files, and exits at once. Both steps use the cleanups registered here.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
MESSAGES = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so the same unwinding runs (no
    `except Exception` swallows it), but exiting 143."""


# What must not outlive the process however it ends: each registered under a key of its
# own (a temporary file's path, a worker pool's id), dropped once it is done with.
_cleanups: dict[object, Callable[[], None]] = {}
_received: list[int] = []  # the signals received so far
_announced = False


def register(key: object, cleanup: Callable[[], None]) -> None:
    _cleanups[key] = cleanup


def unregister(key: object) -> None:
    _cleanups.pop(key, None)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Handle SIGINT and SIGTERM in this (main) process while the block runs. The
    handlers it found are put back when the block ends, unless a signal came (the
    process is on its way out, and a second signal must still end it at once)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    global _announced
    previous = {number: signal.getsignal(number) for number in EXIT_CODES}
    _received.clear()
    _announced = False
    for number in EXIT_CODES:
        signal.signal(number, _handle)
    try:
        yield
    finally:
        if not _received:
            for number, handler in previous.items():
                signal.signal(number, handler)


def exit_at_once() -> None:
    """Until a command installs its own handling: a signal ends the process at once, with
    its exit code and line (nothing has been written, nothing needs cleaning up)."""
    for number in EXIT_CODES:
        signal.signal(number, _exit_now)


def reset_in_child() -> None:
    """A forked worker starts with the parent's handlers: give SIGTERM its default back
    (so the parent can stop it) and ignore SIGINT (a terminal's Ctrl-C reaches the whole
    process group; the parent decides what it means)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _cleanups.clear()


def exit_code(exc: KeyboardInterrupt) -> int:
    return EXIT_CODES[signal.SIGTERM] if isinstance(exc, Terminated) else EXIT_CODES[signal.SIGINT]


def announce(exc: KeyboardInterrupt) -> None:
    """The one line a signalled run prints."""
    global _announced
    _announced = True
    print(_line(signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT), file=sys.stderr, flush=True)


def _line(number: int) -> str:
    return f"newslint: {MESSAGES[signal.Signals(number)]}"


def finish(code: object) -> None:
    """End a process a signal interrupted with `code`, now, skipping the interpreter's
    shutdown (the cleanup is done; only a second signal could still arrive). A run no
    signal reached returns, to exit as usual."""
    if _received and isinstance(code, int):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)


def _handle(number: int, frame: FrameType | None) -> None:
    if _received:  # the unwinding of the first signal is under way: finish at once
        _exit_now(_received[0])
    _received.append(number)
    raise Terminated() if number == signal.SIGTERM else KeyboardInterrupt()


def _exit_now(number: int, frame: FrameType | None = None) -> None:
    for cleanup in list(_cleanups.values()):
        with contextlib.suppress(Exception):  # each is best effort; the others must still run
            cleanup()
    if not _announced:  # straight to the file: the interrupted code may be mid-write on sys.stderr
        os.write(2, (_line(number) + "\n").encode())
    os._exit(EXIT_CODES[signal.Signals(number)])  # no atexit joins, no flush of a pipe no one reads
