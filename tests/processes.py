"""Processes a signal test starts and watches: which are still running, which a run
started below it, and the wait for a run to reach the point where it is signalled."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path


def parents() -> dict[int, int]:
    """Every running process and its parent, from /proc."""
    found: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            found[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return found


def children(pid: int) -> list[int]:
    """The processes `pid` started itself."""
    return [child for child, parent in parents().items() if parent == pid]


def descendants(pid: int) -> list[int]:
    """Every process below `pid`: Dask's workers are its nannies' children."""
    of = parents()
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        below = [child for child, its in of.items() if its == parent]
        found += below
        frontier += below
    return found


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for whoever inherited it to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def signal_when_ready(
    process: subprocess.Popen[str],
    ready: Path,
    signals: list[int],
    *,
    workers_of: Callable[[int], list[int]],
    what: str,
    timeout: float,
) -> tuple[list[int], float]:
    """Wait (up to `timeout` seconds) for the run to create `ready`, note its workers, send
    it `signals` 50 ms apart; the workers and when the first signal went."""
    deadline = time.monotonic() + timeout
    while not ready.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"the {what} never started"
        time.sleep(0.02)
    workers = workers_of(process.pid)
    signalled = time.monotonic()
    for number in signals:
        process.send_signal(number)
        time.sleep(0.05)
    return workers, signalled
