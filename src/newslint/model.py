"""The article model every stage shares: documents, paragraphs, sentences, quotes, findings.

All positions are 0-based character offsets into the decoded document text (after any
BOM, line endings untouched). Line and column are derived once, when a finding is
reported, so no stage can lose track of where a match came from.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that comparisons mean 'at least as serious as'."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, marks included. `continued` is set when the quote is the AP
    continuation of one left open at the end of the previous paragraph."""

    start: int
    end: int
    nested: bool = False
    continued: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """Evidence that a sentence reports what a source said.

    `cue` is the reporting phrase ("said", "according to"), `source` the words naming
    who said it. A vague source ("analysts", "some experts") is still attribution,
    but it does not make the reporter's hedges the source's.
    """

    cue_start: int
    cue_end: int
    source: str
    vague: bool


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    attribution: Attribution | None = None
    quoted: bool = False  # the whole sentence lies inside one direct quotation

    @property
    def attributed_to_named_source(self) -> bool:
        return self.attribution is not None and not self.attribution.vague


@dataclass(slots=True)
class Paragraph:
    index: int  # 1-based, as editors count
    start: int
    end: int
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    kind: str = "paragraph"  # or heading, item, quote, title (see newslint.parse.Block)


@dataclass(slots=True)
class Document:
    path: str
    text: str
    paragraphs: list[Paragraph]
    quotes: list[Quote]
    # Top-level quotations never overlap, so their starts are sorted: every match and
    # sentence asks whether it is quoted, and a binary search keeps that logarithmic.
    _top_level: list[Quote] = field(init=False, repr=False)
    _top_level_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._top_level = [quote for quote in self.quotes if not quote.nested]
        self._top_level_starts = [quote.start for quote in self._top_level]

    def quote_covering(self, start: int, end: int) -> Quote | None:
        """The top-level quotation that contains [start, end), if any."""
        index = bisect.bisect_right(self._top_level_starts, start) - 1
        if index >= 0:
            quote = self._top_level[index]
            if end <= quote.end:
                return quote
        return None

    def quoted_spans(self, starts: list[int], ends: list[int]) -> list[bool]:
        """Whether `quote_covering` finds a quotation around each span, for spans in
        order that do not overlap (an article's words): a few binary searches per
        quotation instead of one search per span."""
        quoted = [False] * len(starts)
        for index, quote in enumerate(self._top_level):
            # The spans that start in this quotation before the next one starts (the
            # ones quote_covering holds against it), of which the first few end in it.
            first = bisect.bisect_left(starts, quote.start)
            following = index + 1 < len(self._top_level_starts)
            stop = bisect.bisect_left(starts, self._top_level_starts[index + 1]) if following else len(starts)
            stop = bisect.bisect_right(ends, quote.end, first, stop)
            quoted[first:stop] = [True] * (stop - first)
        return quoted


@dataclass(slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    paragraph: int
    text: str
    suggestion: str | None = None
    # For a finding that spans more than the words that caused it (a claim rule flags the
    # sentence), those words: another rule that flags them more precisely, and says it
    # supersedes this rule, replaces the finding (see `engine`).
    focus: tuple[int, int] | None = None
