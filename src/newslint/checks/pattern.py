"""`pattern` rules: regular expressions over sentence (or paragraph) text.

For what a word list cannot say: "would" only before a verb of seeming, a hedge stacked on
a modal. A named group `match` narrows the reported span to part of the pattern. A
suggestion may refer to the pattern's groups (`\\2`, `\\g<word>`), so "the the" can
suggest "the" as written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.base import Span, TextCheck, Unit
from newslint.checks.prefilter import Prefilter
from newslint.model import Document


class _Pattern(NamedTuple):
    expression: Any  # a `budget.LazyPattern`
    suggestion: str | None
    prefilter: Prefilter


class PatternCheck(TextCheck):
    def __init__(self, patterns: list[tuple[Any, str | None]]) -> None:
        self._patterns = [
            _Pattern(pattern, suggestion, Prefilter.for_pattern(pattern.pattern, pattern.flags))
            for pattern, suggestion in patterns
        ]

    @property
    def patterns(self) -> list[Any]:
        """The rule's expressions (compiled when first searched), in the rule file's order."""
        return [pattern.expression for pattern in self._patterns]

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> PatternCheck:
        flags = budget.IGNORECASE if options.get("ignore_case", True) else 0
        compiled = []
        for entry in options["patterns"]:
            source, suggestion = (
                (entry, None) if isinstance(entry, str) else (entry["pattern"], entry.get("suggestion"))
            )
            compiled.append((budget.compile_pattern(source, flags), suggestion))
        return cls(compiled)

    def spans(self, text: str) -> list[Span]:
        return _matches(self._patterns, text)

    def searcher(self, document: Document, units: list[Unit]) -> Callable[[str], list[Span]] | None:
        """Only the patterns whose literals the document holds (a unit is part of the
        document, so the others cannot match in any of its units)."""
        folded = fold(document.text)
        possible = [pattern for pattern in self._patterns if pattern.prefilter.may_match(folded)]
        return functools.partial(_matches, possible) if possible else None


def _matches(patterns: list[_Pattern], text: str) -> list[Span]:
    """Each pattern's matches in `text`, in pattern order, skipping those that cannot match."""
    folded = fold(text)
    found: list[Span] = []
    for pattern in patterns:
        if pattern.prefilter.may_match(folded):
            found += _pattern_matches(pattern, text)
    return found


def _pattern_matches(pattern: _Pattern, text: str) -> list[Span]:
    expression, suggestion = pattern.expression.compiled(), pattern.suggestion
    narrowed = "match" in expression.groupindex
    found = []
    for match in expression.finditer(text, timeout=budget.timeout()):
        if narrowed and match.group("match") is not None:
            start, end = match.span("match")
        else:
            start, end = match.span()
        if end > start:
            found.append((start, end, match.expand(suggestion) if suggestion and "\\" in suggestion else suggestion))
    return found
