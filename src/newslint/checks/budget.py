"""A time budget per rule per file, so one rule's catastrophic regular expression cannot
hang an unattended CI run.

Regular expressions a rule file writes (pattern rules, claim cues, exceptions) are
compiled with the `regex` module, whose matching methods take a `timeout` and raise
`TimeoutError` when it runs out. The engine sets the budget before running a rule on a
file (`rule_budget`) and every search passes it (`timeout()`): the first search that
runs out ends the rule for that file, which the engine skips and reports
(`newslint.engine.run_rules`). The budget is per search, not a total per file: catastrophic
backtracking shows in one search, while a rule that is merely busy on a long story
(10,000 paragraphs, a slow CI runner) must not lose its findings.

Lexicon rules build their expressions from escaped words, which cannot backtrack
catastrophically, and keep the faster `re`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import regex

DEFAULT_SECONDS = 1.0
_seconds: ContextVar[float | None] = ContextVar("newslint_rule_seconds", default=None)


def compile_pattern(pattern: str, flags: int = 0) -> Any:
    """A rule's regular expression, compiled once at load (`regex.error` if invalid).
    V0 is `re`'s behaviour, so rules read the same under either module."""
    return regex.compile(pattern, flags | regex.V0)


IGNORECASE = regex.IGNORECASE


@contextmanager
def rule_budget(seconds: float | None) -> Iterator[None]:
    """Each search inside this block may take `seconds` (None or 0: no limit)."""
    token = _seconds.set(seconds or None)
    try:
        yield
    finally:
        _seconds.reset(token)


def timeout() -> float | None:
    """The current rule's budget per search, for `regex`'s `timeout=`; None: no limit."""
    return _seconds.get()
