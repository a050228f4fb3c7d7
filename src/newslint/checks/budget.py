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

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from newslint.checks import compiled_copy

DEFAULT_SECONDS = 1.0
_seconds: ContextVar[float | None] = ContextVar("newslint_rule_seconds", default=None)


# The lists `created_patterns` blocks collect into, innermost last.
_collectors: ContextVar[tuple[list[LazyPattern], ...]] = ContextVar("newslint_created_patterns", default=())


class LazyPattern:
    """A rule's regular expression, compiled the first time it is searched.

    Compiling all ninety-odd expressions of the shipped packs is a fifth of a one-story
    run, and most are never searched there: a text without a rule's required words is
    skipped (`newslint.checks.prefilter`), which needs only the source. Everything but
    `pattern` and `flags` is the compiled expression's. V0 is `re`'s behaviour, so rules
    read the same under either module."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        """The compiled expression (`regex.error` if the source is invalid)."""
        if self._compiled is None:
            import regex  # 18 ms to import: a run answered from the cache compiles nothing

            # A shipped rule's expression is read back compiled (`compiled_copy`). Plain
            # int flags: `regex`'s parser tests them thousands of times, and on a
            # `RegexFlag` each test is a Python-level enum operation (a sixth of the compile).
            copied = compiled_copy.restored(self.pattern, int(self.flags))
            self._compiled = regex.compile(self.pattern, int(self.flags | regex.V0)) if copied is None else copied
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy and pickle probe for these before __init__ has run
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def pattern_errors() -> tuple[type[Exception], ...]:
    """What compiling a rule's expression raises when it is invalid: `re`'s error (lexicon
    rules) or `regex`'s. For `except` clauses, which evaluate it only when something was
    raised, so `regex` is imported only when an expression is compiled."""
    import regex

    return re.error, regex.error


def compile_pattern(pattern: str, flags: int = 0) -> LazyPattern:
    """A rule's regular expression, compiled when first searched (see `created_patterns`
    for compiling a rule file's at load, to report a mistake with its file and line)."""
    lazy = LazyPattern(pattern, flags)
    for created in _collectors.get():
        created.append(lazy)
    return lazy


@contextmanager
def created_patterns() -> Iterator[list[LazyPattern]]:
    """Collects the expressions `compile_pattern` makes inside this block, and inside the
    blocks it encloses (a rule file's, within the loading of its pack)."""
    created: list[LazyPattern] = []
    token = _collectors.set((*_collectors.get(), created))
    try:
        yield created
    finally:
        _collectors.reset(token)


IGNORECASE = re.IGNORECASE  # the same flag value in `regex`


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
