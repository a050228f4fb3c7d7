"""A time budget per rule per file, so one rule's catastrophic regular expression cannot
hang an unattended CI run.

Regular expressions a rule file writes (pattern rules, claim cues, exceptions) are
compiled with the `regex` module, whose matching methods take a `timeout` and raise
`TimeoutError` when it runs out. The engine opens a budget before running a rule on a
file (`rule_budget`); every search passes the time left (`timeout()`), and `spend()`
raises once the rule has used it all, even if each search alone was quick. The engine
skips the rule for that file and reports it (`newslint.engine.run_rules`).

Lexicon rules build their expressions from escaped words, which cannot backtrack
catastrophically, and keep the faster `re`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import regex

DEFAULT_SECONDS = 1.0
_deadline: ContextVar[float | None] = ContextVar("newslint_rule_deadline", default=None)


def compile_pattern(pattern: str, flags: int = 0) -> Any:
    """A rule's regular expression, compiled once at load (`regex.error` if invalid).
    V0 is `re`'s behaviour, so rules read the same under either module."""
    return regex.compile(pattern, flags | regex.V0)


IGNORECASE = regex.IGNORECASE


@contextmanager
def rule_budget(seconds: float | None) -> Iterator[None]:
    """Searches inside this block share `seconds` (None or 0: no limit)."""
    token = _deadline.set(time.monotonic() + seconds if seconds else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def timeout() -> float | None:
    """Seconds left in the current rule's budget, for `regex`'s `timeout=`; None: no budget."""
    deadline = _deadline.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("regex timed out")
    return left


def spend() -> None:
    """Raise TimeoutError if the current rule's budget is used up."""
    timeout()
