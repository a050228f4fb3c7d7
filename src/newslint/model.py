"""The article model every stage shares: documents, paragraphs, sentences, quotes, findings.

All positions are 0-based character offsets into the decoded document text (after any
BOM, line endings untouched). Line and column are derived once, when a finding is
reported, so no stage can lose track of where a match came from.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.attribution.lexicon import Lexicon


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
    # How the cue reaches the words it attributes (see `newslint.voice`): "before" the
    # words ("Smith said the plan may fail"), "after" them ("..., Smith said"), "sentence"
    # (a headline's "Ortiz: ..."), or "clause" for a cue that covers its own clause only
    # ("reportedly", "is said to", "criticized the plan").
    reach: str = "before"


class Speaker(enum.Enum):
    """Who speaks in a clause (issue 19): the reporter, or a source of some kind."""

    REPORTER = "reporter"
    QUOTED = "quoted"  # inside a direct quotation
    NAMED = "named"  # a named person or body, in indirect speech or by a stance they took
    VAGUE = "vague"  # "analysts", "some experts", "people familiar with the matter"
    HEARSAY = "hearsay"  # nobody at all: "reportedly", "it is believed", "is said to"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks in a clause, and the cue that says so. The cue may lie in another
    clause ("The plan may fail, and costs could rise, Smith said") or, when `carried`,
    in an earlier sentence ("Smith said ... . It would also ...")."""

    speaker: Speaker
    attribution: Attribution | None = None
    carried: bool = False

    @property
    def source(self) -> str:
        return self.attribution.source if self.attribution is not None else ""

    @property
    def is_reporter(self) -> bool:
        return self.speaker is Speaker.REPORTER

    @property
    def named(self) -> bool:
        """A named source speaks: directly, or in indirect speech."""
        if self.speaker is Speaker.QUOTED:
            return self.attribution is None or not self.attribution.vague
        return self.speaker is Speaker.NAMED


REPORTER = Voice(Speaker.REPORTER)


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence (document offsets) and who speaks in it."""

    start: int
    end: int
    voice: Voice = REPORTER
    # The clause's words before this offset are the reporter's however many there are: a
    # cue's subject and an appositive describing it ("Geary, arguably the board's
    # sharpest critic, said ..."), found by `newslint.voice`. -1: none.
    reporter_until: int = -1


# Words a subject, with a word of the reporter's ("the embattled mayor said"), may take
# before its cue: more, and the words before the cue may hold another cue of their own.
_SUBJECT_WORDS = 8


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    attribution: Attribution | None = None  # the sentence's first cue (see `newslint.attribution`)
    quoted: bool = False  # the whole sentence lies inside one direct quotation
    # The sentence's clauses in order, covering it; one reporter's clause until
    # `newslint.voice` has read them.
    clauses: list[Clause] = field(default_factory=list)

    @property
    def attributed_to_named_source(self) -> bool:
        return self.attribution is not None and not self.attribution.vague

    def voice_at(self, offset: int) -> Voice:
        """Who speaks at document `offset` in this sentence. Before a cue that opens a
        source's words in its own clause, the reporter speaks: in "The new valuation
        suggests investors see it as a rival", "The embattled mayor said ..." or "Geary,
        arguably the board's sharpest critic, said ...", the framing and the choice of
        words are the reporter's (issue 19)."""
        for clause in self.clauses:
            if clause.start <= offset < clause.end:
                if offset < clause.reporter_until:
                    return REPORTER
                cue = clause.voice.attribution
                if (
                    cue is not None
                    and cue.reach in ("before", "clause")
                    and not (cue.vague and not cue.source)  # hearsay covers its whole clause
                    and clause.start <= offset < cue.cue_start < clause.end  # the cue opens this clause
                    and clause.voice.speaker is not Speaker.QUOTED
                    and len(self.text[clause.start - self.start : cue.cue_start - self.start].split()) <= _SUBJECT_WORDS
                ):
                    return REPORTER
                return clause.voice
        return REPORTER


@dataclass(slots=True)
class Paragraph:
    index: int  # 1-based, as editors count
    start: int
    end: int
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    kind: str = "paragraph"  # or heading, item, quote, title (see newslint.parse.Block)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`, by binary search: sentences are ordered and
        disjoint, and looking from the first for each match was quadratic in a paragraph
        of thousands of sentences (issue 20)."""
        index = bisect.bisect_right(self.sentences, offset, key=lambda sentence: sentence.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def voice_at(self, offset: int) -> Voice:
        """Who speaks at document `offset`: the voice of the clause holding it."""
        sentence = self.sentence_at(offset)
        return sentence.voice_at(offset) if sentence is not None else REPORTER


@dataclass(slots=True)
class Document:
    path: str
    text: str
    paragraphs: list[Paragraph]
    quotes: list[Quote]
    # The attribution cues the document was read with, when a desk's config extends the
    # shipped ones (issue 19); None: the shipped ones.
    lexicon: Lexicon | None = None
    # Top-level quotations never overlap, so their starts are sorted: every match and
    # sentence asks whether it is quoted, and a binary search keeps that logarithmic.
    _top_level: list[Quote] = field(init=False, repr=False)
    _top_level_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._top_level = [quote for quote in self.quotes if not quote.nested]
        self._top_level_starts = [quote.start for quote in self._top_level]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The last paragraph starting at or before document `offset` (None before the
        first): the one holding `offset`, unless it falls between two paragraphs."""
        starts = [paragraph.start for paragraph in self.paragraphs]
        index = bisect.bisect_right(starts, offset) - 1
        return self.paragraphs[index] if index >= 0 else None

    def voice_at(self, offset: int) -> Voice:
        """Who speaks at document `offset`: the voice of the clause holding it (the
        reporter outside every sentence)."""
        paragraph = self.paragraph_at(offset)
        return REPORTER if paragraph is None else paragraph.voice_at(offset)

    def quote_covering(self, start: int, end: int) -> Quote | None:
        """The top-level quotation that contains [start, end), if any."""
        index = bisect.bisect_right(self._top_level_starts, start) - 1
        if index >= 0:
            quote = self._top_level[index]
            if end <= quote.end:
                return quote
        return None

    def quotes_within(self, start: int, end: int) -> list[Quote]:
        """The top-level quotations that overlap [start, end), in order."""
        index = max(0, bisect.bisect_right(self._top_level_starts, start) - 1)
        found = []
        for quote in self._top_level[index:]:
            if quote.start >= end:
                break
            if quote.end > start:
                found.append(quote)
        return found

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
