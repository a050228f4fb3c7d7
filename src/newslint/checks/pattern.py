"""`pattern` rules: regular expressions over sentence (or paragraph) text.

For what a word list cannot say: "would" only before a verb of seeming, a hedge stacked on
a modal. A named group `match` narrows the reported span to part of the pattern. A
suggestion may refer to the pattern's groups (`\\2`, `\\g<word>`), so "the the" can
suggest "the" as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.checks import budget
from newslint.checks.base import TextCheck
from newslint.checks.prefilter import Prefilter, fold


class PatternCheck(TextCheck):
    def __init__(self, patterns: list[tuple[Any, str | None]]) -> None:
        self._patterns = [(pattern, suggestion, Prefilter.for_pattern(pattern.pattern, pattern.flags))
                          for pattern, suggestion in patterns]

    @property
    def patterns(self) -> list[Any]:
        """The rule's expressions (compiled when first searched), in the rule file's order."""
        return [pattern for pattern, _, _ in self._patterns]

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> PatternCheck:
        flags = budget.IGNORECASE if options.get("ignore_case", True) else 0
        compiled = []
        for entry in options["patterns"]:
            source, suggestion = (entry, None) if isinstance(entry, str) else (entry["pattern"], entry.get("suggestion"))
            compiled.append((budget.compile_pattern(source, flags), suggestion))
        return cls(compiled)

    def spans(self, text: str) -> Iterator[tuple[int, int, str | None]]:
        folded = fold(text)
        for pattern, suggestion, prefilter in self._patterns:
            if not prefilter.may_match(folded):
                continue
            for match in pattern.finditer(text, timeout=budget.timeout()):
                if "match" in pattern.groupindex and match.group("match") is not None:
                    start, end = match.span("match")
                else:
                    start, end = match.span()
                if end > start:
                    yield start, end, match.expand(suggestion) if suggestion and "\\" in suggestion else suggestion
