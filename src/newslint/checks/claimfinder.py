"""Claim detection: which sentences make a claim an editor would ask a source for, and
whether the reporter makes it in their own voice.

An editor asks "says who?" of verdicts ("a crushing defeat"), predictions ("the bill
will sail through"), other people's feelings and motives ("parents were outraged"),
trends and statistics ("shoplifting has exploded"), causes ("the heat wave caused the
outage") and sweeping generalisations ("everybody knows"). Each is a *category* of cue
patterns in a `claim` rule's YAML, so a desk can extend them (issue 19), and a rule's
`lexicon` adds claims made in a word (`claimlexicon`). This module finds the first cue
outside a quotation that stands in the reporter's own voice, and decides whether a
source stands behind the sentence: its own attribution, a quotation, or a named source
in the paragraph that carries to it ("She said ... She added ..."). Routine reporting
(a market move, "declined to comment") makes no claim at all.

Who speaks is asked in one place, `reporters_own`, which reads the voice of the clause
the cue is in (`newslint.voice`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.budget import LazyPattern
from newslint.checks.claimlexicon import ClaimLexicon, LexiconMatch
from newslint.checks.prefilter import LiteralSearch, Prefilter
from newslint.model import Attribution, Document, Paragraph, Sentence

# Blocks that carry no reporting of their own: a Markdown heading, a front-matter title.
NOT_COPY = frozenset({"heading", "title"})
# A one-line plain-text paragraph with no closing punctuation is a headline or a
# dateline, not a sentence of the story.
SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)]*\s*$""")
# Words of four letters or more, for telling a title-case headline from a sentence.
TITLE_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
# A claim inside an embedded question or a condition is not asserted: "it is unclear
# whether Kasich will beat him", "if the emails show that he mishandled ...". The
# clause after the condition is ("If the bill passes, the tax will hit renters"), so
# the condition reaches only to the next comma, semicolon or colon. An embedded
# question after its verb ("may ask whether candidates like Carson, who claimed ...,
# are wise") runs to the sentence's end, asides and all; one that opens the sentence
# ("Whether or not it passes, the tax will hit renters") ends at its comma.
UNASSERTED = re.compile(r"\bif\b[^,;:]*$|^\s*whether\b[^,;:]*$|(?<=\S\s)whether\b[^;:]*$", re.IGNORECASE)
# A relative clause set off by a comma: ", which ...", ", who ...".
RELATIVE_OPENING = re.compile(r",\s+(?:which|who|whose|whom)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """The words that make a sentence a claim, and the category they belong to."""

    category: str  # a key of the rule's `cues`: verdict, prediction, feeling, ...
    text: str  # the matched words, whitespace collapsed
    span: tuple[int, int]  # document offsets
    reporters: bool  # in the reporter's own voice (`reporters_own`)


@dataclass(frozen=True)
class Claim:
    """A sentence that makes a claim needing a source: the first cue that made it one."""

    paragraph: Paragraph
    sentence: Sentence
    category: str
    cue: str
    attributed: bool
    cue_span: tuple[int, int] = (0, 0)


def reporters_own(document: Document, sentence: Sentence, start: int, end: int) -> bool:
    """Are the words at [start, end) of `sentence` the reporter's own, not a source's?

    Words inside a quotation are the speaker's; a clause a source speaks in ("the bank
    said", "..., according to the study", the backshifted speech that carries a source's
    words on) reports its source's view, unless the attribution is the claim itself: in
    "the Kremlin wants to cripple the grid" nobody is reported, the reporter reads the
    Kremlin's mind. The clause, not the sentence, decides (issue 19): in "The chain was
    reportedly in talks, and its stores will close", the second clause is the reporter's."""
    if sentence.quoted or document.quote_covering(start, end) is not None:
        return False
    voice = sentence.voice_at(start)
    if voice.is_reporter:
        return True
    return _cue_within(voice.attribution, start, end)


def _claim_is_the_attribution(sentence: Sentence, start: int, end: int) -> bool:
    """Is the sentence's attribution cue part of the claim's cue at [start, end)?"""
    return _cue_within(sentence.attribution, start, end)


def _cue_within(attribution: Attribution | None, start: int, end: int) -> bool:
    """Does the attribution's cue lie inside [start, end): is it part of the claim's words?"""
    return attribution is not None and start <= attribution.cue_start and attribution.cue_end <= end


class ClaimDetector:
    """A `claim` rule's cues, compiled: finds a document's claims and their sources."""

    def __init__(
        self,
        cues: Mapping[str, Sequence[LazyPattern]],
        routine: LazyPattern | None,
        reported: LazyPattern | None,
        carry: str | int,
        lexicon: ClaimLexicon | None = None,
        lexicon_order: Sequence[str] = (),
    ) -> None:
        # Each cue is its own expression, compiled when a sentence holds its words: a
        # story needs a few of the rule's seventy, and compiling all of them would
        # double the rule's share of a one-story run.
        self.cues = [(category, pattern) for category, patterns in cues.items() for pattern in patterns]
        # Claims in a word (`claimlexicon`), which compete with the cues, and the rank
        # of each category: the rule's order of cues, then any only the lexicon has.
        self.lexicon = lexicon if lexicon else None
        order = [*cues, *(category for category in lexicon_order if category not in cues)]
        self._rank = {category: rank for rank, category in enumerate(order)}
        self.routine = routine
        self.reported = reported
        self.carry = carry
        self._filters = {
            pattern: Prefilter.for_pattern(pattern.pattern, pattern.flags)
            for pattern in (routine, reported)
            if pattern is not None
        }
        # Each cue's words: `CueWords` finds the cues one of whose words a sentence holds;
        # a structural cue needs two or three ("{population} ... {stance}": a noun of the
        # public *and* a verb of believing), and a few substring tests cost less than
        # running a cue over a list of a hundred nouns.
        self._cue_filters = [Prefilter.for_pattern(p.pattern, p.flags, every_set=True) for _, p in self.cues]
        self._cue_words = CueWords([prefilter.literals for prefilter in self._cue_filters])

    def claims(self, document: Document) -> Iterator[Claim]:
        """Every sentence that makes a claim, in document order, attributed or not."""
        for paragraph in document.paragraphs:
            if not _is_copy(paragraph):
                continue
            cues = [self.cue(document, sentence) for sentence in paragraph.sentences]
            if not any(cues):
                continue  # most paragraphs: no need to look for sources
            sourced = [self._sourced(sentence, cue) for sentence, cue in zip(paragraph.sentences, cues, strict=True)]
            carrying = (
                [
                    _carries(document, sentence) and (cue is None or not _claim_is_the_attribution(sentence, *cue.span))
                    for sentence, cue in zip(paragraph.sentences, cues, strict=True)
                ]
                if self.carry != 0  # `carry: 0` (the shipped rule): the clause's voice alone decides
                else []
            )
            for index, (sentence, cue) in enumerate(zip(paragraph.sentences, cues, strict=True)):
                if cue is None:
                    continue
                attributed = not cue.reporters or sourced[index] or any(carrying[i] for i in self._reach(index))
                yield Claim(paragraph, sentence, cue.category, cue.text, attributed, cue.span)

    def cue(self, document: Document, sentence: Sentence) -> Cue | None:
        """The cue that makes the sentence a claim: of its cues and lexicon words outside
        a quotation, the first in the rule's order of categories (within one, the first
        in the sentence) that stands in the reporter's own voice; when none does, the
        first of all, which `claims` finds attributed. One source's clause does not hide
        the reporter's claim in the next (issue 19). None for a quoted sentence, a
        question, a headline or routine reporting."""
        if sentence.quoted:
            return None
        folded = fold(sentence.text)
        candidates = self._cue_words.categories(folded)
        words = self._lexicon_matches(document, sentence) if self.lexicon else []
        if not candidates and not words:
            return None
        lexicon_spans: dict[str, list[tuple[int, int]]] = {}  # category -> (start, end) in the sentence
        for word in words:
            lexicon_spans.setdefault(word.category, []).append((word.start, word.end))
        first: tuple[int, int, str] | None = None
        chosen: tuple[int, int, str] | None = None
        indexes_by_category: dict[str, list[int]] = {}
        for index in sorted(candidates):  # the rule's order
            indexes_by_category.setdefault(self.cues[index][0], []).append(index)
        for category in sorted(indexes_by_category.keys() | lexicon_spans.keys(), key=self._rank.__getitem__):
            spans = list(lexicon_spans.get(category, ()))
            for index in indexes_by_category.get(category, ()):
                cue_filter = self._cue_filters[index]  # `CueWords` found a word of its best set
                if cue_filter.also and not cue_filter.may_match_also(folded):
                    continue
                match = self._asserted_match(document, sentence, self.cues[index][1])
                if match is not None:
                    spans.append((match.start(), match.end()))
            if len(spans) > 1:
                spans.sort(key=lambda span: (span[0], -span[1]))  # the longer at a tie
            for start, end in spans:
                first = first or (start, end, category)
                if reporters_own(document, sentence, sentence.start + start, sentence.start + end):
                    chosen = (start, end, category)
                    break
            if chosen is not None:
                break
        best = chosen or first
        if best is None or _not_asserted(sentence.text) or self._search(self.routine, sentence.text, folded):
            return None
        start, end, category = best
        span = (sentence.start + start, sentence.start + end)
        return Cue(category, " ".join(sentence.text[start:end].split()), span, reporters=chosen is not None)

    def _lexicon_matches(self, document: Document, sentence: Sentence) -> list[LexiconMatch]:
        """The lexicon's words in the sentence that it asserts (`_asserted`)."""
        assert self.lexicon is not None
        return [
            found for found in self.lexicon.find(sentence.text) if _asserted(document, sentence, found.start, found.end)
        ]

    def _asserted_match(self, document: Document, sentence: Sentence, pattern: LazyPattern) -> Any:
        """The pattern's first match that the sentence asserts (`_asserted`)."""
        for match in pattern.finditer(sentence.text, timeout=budget.timeout()):
            if _asserted(document, sentence, match.start(), match.end()):
                return match
        return None

    def _sourced(self, sentence: Sentence, cue: Cue | None) -> bool:
        """Does the sentence name, in words the attribution analysis did not resolve, a
        view or a finding it reports ("polls show", "Democrats called it a ploy")?

        Not when those words are the claim's own cue: "parents are worried" reports no
        one's view, it is the reporter's reading of theirs."""
        if cue is None or self.reported is None or not self._filters[self.reported].may_match(fold(sentence.text)):
            return False
        cue_start, cue_end = cue.span[0] - sentence.start, cue.span[1] - sentence.start
        for match in self.reported.finditer(sentence.text, timeout=budget.timeout()):
            if match.end() <= cue_start or cue_end <= match.start():
                aside = _relative_clause(sentence.text, match.start())
                if aside is None or aside[0] <= cue_start < aside[1]:
                    return True
        return False

    def _search(self, pattern: LazyPattern | None, text: str, folded: str) -> bool:
        """Does `pattern` (None: no such list) match `text`, skipped when it cannot?"""
        return (
            pattern is not None
            and self._filters[pattern].may_match(folded)
            and pattern.search(text, timeout=budget.timeout()) is not None
        )

    def _reach(self, index: int) -> range:
        """Positions of the sentences before sentence `index` in its paragraph whose
        speaker carries to it: all of them, or the `carry` sentences just before."""
        if self.carry == "paragraph":
            return range(index)
        return range(max(0, index - int(self.carry)), index)


def _asserted(document: Document, sentence: Sentence, start: int, end: int) -> bool:
    """Does the sentence assert its words at [start, end) (offsets in the sentence)? Not
    inside a quotation (they are the source's), a condition or an embedded question."""
    if document.quote_covering(sentence.start + start, sentence.start + end) is not None:
        return False
    return UNASSERTED.search(sentence.text, 0, start) is None


def _relative_clause(text: str, offset: int) -> tuple[int, int] | None:
    """The relative clause ("..., which had promised a deal", "Ruiz, who called it a
    mistake, ...") that the word at `offset` of `text` stands in, as (start, end) in
    `text`, or None. A view reported there describes the noun the clause hangs on, not
    the claim elsewhere in the sentence: in "The outcome is a setback for both
    governments, which had promised a deal", nobody vouches for "a setback"."""
    opening = next(reversed(list(RELATIVE_OPENING.finditer(text, 0, offset))), None)  # the nearest before
    if opening is None or any(mark in text[opening.end() : offset] for mark in ",;"):
        return None
    closing = min((i for i in (text.find(",", offset), text.find(";", offset)) if i >= 0), default=len(text))
    return opening.start(), closing


def _carries(document: Document, sentence: Sentence) -> bool:
    """Does this sentence's speaker carry to the sentences after it ("She said ... She
    added ...")? A quotation and a named speaker do; a document ("according to the
    study") vouches for what it is cited for, not for the reporter's next sentence, and
    a vague source or hearsay ("analysts say", "is said to") for nothing further."""
    if sentence.quoted:
        return True
    attribution = sentence.attribution
    if attribution is None or attribution.vague:
        return False
    return fold(document.text[attribution.cue_start : attribution.cue_end]) != "according to"


class CueWords:
    """Which categories' cues a sentence may hold, from one search for all their words.

    Each category's prefilter has a set of words one of which every cue of it contains
    (`newslint.checks.prefilter`); asked one by one, eight categories cost more than the
    rest of the rule. One expression over all the words, their common prefixes shared,
    finds every position where any of them starts; the words that start there say which
    categories to try. Most sentences hold none, and are turned away in one search.

    Compiling that expression takes about 5 ms, a fortieth of a one-story check: the
    first `UNINDEXED_SENTENCES` sentences of a process are answered word by word instead
    (the same answer: a word occurs in the text exactly when the search finds it start
    somewhere), and only a run that goes on past them builds the search."""

    UNINDEXED_SENTENCES = 64

    def __init__(self, word_sets: list[frozenset[str] | None]) -> None:
        self.always = frozenset(index for index, words in enumerate(word_sets) if words is None)
        owners: dict[str, set[int]] = {}
        for index, words in enumerate(word_sets):
            for word in words or ():
                owners.setdefault(word, set()).add(index)
        self._owners = {word: frozenset(indexes) for word, indexes in owners.items()}
        self._search: LiteralSearch | None = None  # built once a run has asked enough: see above
        self._asked = 0

    def categories(self, folded: str) -> frozenset[int]:
        """Positions (in the rule's order) of the categories that may match `folded`."""
        if not self._owners:
            return self.always
        if self._search is None and self._asked < self.UNINDEXED_SENTENCES:
            self._asked += 1
            return self.always.union(*(indexes for word, indexes in self._owners.items() if word in folded))
        if self._search is None:
            self._search = LiteralSearch(self._owners)
        return self.always.union(*(self._owners[word] for word in self._search.present(folded)))


def _not_asserted(text: str) -> bool:
    """A question asks ("Will the gambit work?"), and a headline in title case
    ("Clinton Just Got Stunning News") is display type, not a sentence of the story."""
    if text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?"):
        return True
    words = TITLE_WORD.findall(text)
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


def _is_copy(paragraph: Paragraph) -> bool:
    """Is this paragraph story text, rather than a heading, a title or a headline line?"""
    if paragraph.kind in NOT_COPY:
        return False
    one_line = len(paragraph.sentences) == 1 and "\n" not in paragraph.text.strip()
    return not one_line or SENTENCE_END.search(paragraph.text) is not None
