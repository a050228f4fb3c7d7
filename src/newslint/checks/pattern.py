"""`pattern` rules: regular expressions over sentence (or paragraph) text.

For what a word list cannot say: "would" only before a verb of seeming, a hedge stacked on
a modal. Python `re` syntax. A named group `match` narrows the reported span to part of
the pattern. A pattern's `suggestion` may refer to its groups (`'\\2'`, `'\\g<word>'`),
so `repetition.doubled` suggests the word as written.

Speed: newslint reads each pattern (and each claim cue list, and each rule's
`exceptions`) for the literal words every match must contain (`would` in
`'\\bwould\\s+(?:seem|appear)\\s+to\\b'`: `seem` and `appear` are alternatives, so neither
is required) and skips stories, then sentences, that contain none of them, lower-cased,
without running (or even compiling) the expression. A pattern with no such word
(`'\\d+ percent'` has one; `'\\b[A-Z]{5,}\\b'` has none) runs on every sentence: fine for
one rule, but a pack of them slows every story. The skip never changes what a rule finds
(`tests/checks/test_prefilter.py`). Lexicon terms are skipped the same way, by their
words, and a sentence is searched only for the terms whose words it holds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.base import Span, TextCheck, Unit
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, ignore_case_option, option
from newslint.checks.prefilter import LiteralSearch, Prefilter


class _Pattern(NamedTuple):
    expression: Any  # a `budget.LazyPattern`
    suggestion: str | None
    prefilter: Prefilter


_PATTERN_ENTRY = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "required": ["pattern"],
            "additionalProperties": False,
            "properties": {"pattern": {"type": "string", "minLength": 1}, "suggestion": {"type": "string"}},
        },
    ]
}


@dataclass(frozen=True)
class PatternOptions(Options):
    patterns: tuple[str | dict[str, str], ...] = option(
        "Python regular expressions; the named group `match`, if present, is the span reported.",
        schema={"type": "array", "minItems": 1, "items": _PATTERN_ENTRY},
        regex=True,
    )
    ignore_case: bool = ignore_case_option()


class _PatternLiterals:
    """The literals of every pattern rule built in this process, and one search for all
    of them: asked literal by literal, a dozen rules scanned each story once for every
    word one of their patterns needs (about 300 scans a story, 7% of a run)."""

    def __init__(self) -> None:
        self._literals: set[str] = set()
        self._search: LiteralSearch | None = None

    def add(self, prefilter: Prefilter) -> None:
        literals = frozenset().union(prefilter.literals or (), *prefilter.also)
        if not literals <= self._literals:
            self._literals |= literals
            self._search = None  # built again, with the new words, when next asked

    def search(self) -> LiteralSearch:
        search = self._search
        if search is None:
            search = self._search = LiteralSearch(self._literals)
        return search


_LITERALS = _PatternLiterals()


class PatternCheck(TextCheck):
    def __init__(self, patterns: list[tuple[Any, str | None]]) -> None:
        self._patterns = [
            _Pattern(pattern, suggestion, Prefilter.for_pattern(pattern.pattern, pattern.flags))
            for pattern, suggestion in patterns
        ]
        for pattern in self._patterns:
            _LITERALS.add(pattern.prefilter)

    @property
    def patterns(self) -> list[Any]:
        """The rule's expressions (compiled when first searched), in the rule file's order."""
        return [pattern.expression for pattern in self._patterns]

    @classmethod
    def from_options(cls, options: PatternOptions) -> PatternCheck:
        flags = budget.IGNORECASE if options.ignore_case else 0
        compiled = []
        for entry in options.patterns:
            source, suggestion = (
                (entry, None) if isinstance(entry, str) else (entry["pattern"], entry.get("suggestion"))
            )
            compiled.append((budget.compile_pattern(source, flags), suggestion))
        return cls(compiled)

    def spans(self, text: str) -> list[Span]:
        return _matches(self._patterns, text)

    def searcher(self, context: Context, units: list[Unit]) -> Callable[[str], list[Span]] | None:
        """Only the patterns whose literals the document holds (a unit is part of the
        document, so the others cannot match in any of its units). Which literals it
        holds is found once for every pattern rule (`_PatternLiterals`)."""
        search = _LITERALS.search()
        present = context.memo(("pattern literals", search), lambda: search.present(fold(context.document.text)))
        possible = [pattern for pattern in self._patterns if pattern.prefilter.may_match_holding(present)]
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
        start, end = reported_span(match, narrowed)
        if end > start:
            found.append((start, end, match.expand(suggestion) if suggestion and "\\" in suggestion else suggestion))
    return found


def reported_span(match: Any, narrowed: bool) -> tuple[int, int]:
    """The span a finding reports for `match`: its named group `match` when the
    expression has one (`narrowed`) and the group took part, else the whole match."""
    start, end = match.span("match") if narrowed and match.group("match") is not None else match.span()
    return start, end


KIND = Kind(
    name="pattern",
    title="regular expressions",
    options=PatternOptions,
    make=PatternCheck.from_options,
    placeholders=("match", "suggestion"),
    module_doc=__doc__ or "",
    example="""\
patterns:
  - '\\bwould\\s+(?:seem|appear)\\s+to\\b'
  - {pattern: '\\bin\\s+order\\s+(?P<match>to)\\b', suggestion: to}
ignore_case: true
""",
)
