"""Paragraph-level reuse between two checks of one document, so a keystroke costs less
than a whole story (issue 21).

The analysis: a paragraph's sentences and their attribution cues depend on its text alone,
and so do a sentence's clauses given the quotations in it: `AnalysisMemo` hands the
analysis those of a paragraph or sentence it has seen before, moved to where the
paragraph now starts. What depends on the neighbours — the quotations, whether a
sentence lies in one, and who speaks in each clause (a source's speech carries into the
next paragraph, a quotation keeps the speaker named last) — is worked out afresh over the
whole document every time.

The findings:
Most rules (the pattern, lexicon and substitution kinds: `TextCheck`) look at one
paragraph or sentence at a time: what they find in a paragraph depends only on its text,
its sentences with their attribution, and the quotations over it. For those rules the
findings of a paragraph whose every such input is unchanged since the last check are
reused, moved to where the paragraph now starts, and only the changed paragraphs are
searched. Rules that read the whole story (repetition, claims, density, readability,
repeated openers) run in full every time, on the full analysis, and the engine settles
overlaps, selection, vocabulary and suppressions as it always does — so the result is the
one a fresh check gives (tests/lsp/test_lsp_reuse.py holds them equal over random edits).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

from newslint.checks.base import Check, TextCheck
from newslint.checks.context import Context
from newslint.model import Attribution, Clause, Document, Finding, Paragraph
from newslint.rulebook import Rule

if TYPE_CHECKING:
    from newslint.analysis import SentenceSpans
    from newslint.attribution.finders import Cues
    from newslint.clauses import Span

_Signature = Hashable  # everything a TextCheck reads of one paragraph, in paragraph-relative offsets
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _LastTwoChecks(Generic[K, V]):
    """What the last check had and what this one has used so far: a lookup finds either,
    and only what this check uses is kept for the next, so a memo never outgrows the
    document. (A check that used nothing, one cut short, leaves the older values.)"""

    def __init__(self) -> None:
        self._kept: dict[K, V] = {}
        self._used: dict[K, V] = {}

    def next_check(self) -> None:
        self._kept, self._used = self._used or self._kept, {}

    def get(self, key: K) -> V | None:
        value = self._used.get(key)
        if value is None:
            value = self._kept.get(key)
            if value is not None:
                self._used[key] = value
        return value

    def put(self, key: K, value: V) -> None:
        self._used[key] = value


class ParagraphMemo:
    """The findings of each TextCheck rule in each paragraph of one document's last check."""

    def __init__(self) -> None:
        # rule id → signature number → the rule's findings in such a paragraph (relative
        # to its start).
        self._findings: dict[str, _LastTwoChecks[int, list[Finding]]] = {}
        # Each signature seen in the last check → a number, so that the eighteen-odd rules
        # that look a paragraph up hash its signature once, not once each.
        self._numbers: dict[_Signature, int] = {}
        self._rules: list[Rule] | None = None
        self._signed: tuple[Document, list[int]] | None = None
        self._next = 0
        self._partial_of: tuple[list[int], Document] | None = None
        self.reused = 0  # paragraphs answered from the memo in the last check (for tests and the bench)
        self.analysis = AnalysisMemo()  # and the per-paragraph parts of the analysis

    def wrap(self, rules: list[Rule]) -> list[Rule]:
        """`rules` with each TextCheck rule answering from the memo. Starts a check: what
        the previous check found is kept for it, and only what this one uses is kept after
        it (so the memo never outgrows the document). Another rule set (a config reload)
        starts afresh."""
        if rules is not self._rules:
            self._rules, self._findings, self._numbers = rules, {}, {}
        for memo in self._findings.values():
            memo.next_check()
        self._signed, self._partial_of, self.reused = None, None, 0
        return [
            dataclasses.replace(rule, check=_Reusing(rule.check, self)) if isinstance(rule.check, TextCheck) else rule
            for rule in rules
        ]

    def signatures(self, document: Document) -> list[int]:
        """The number of each paragraph's signature, worked out once per check (every
        rule asks). A signature new to this check gets a number never handed out before,
        so no finding kept under an old number can be mistaken for its."""
        if self._signed is None or self._signed[0] is not document:
            previous, assigned = self._numbers, []
            numbers: dict[_Signature, int] = {}
            for signature in _signatures(document):
                number = numbers.get(signature)
                if number is None:
                    number = previous.get(signature)
                    if number is None:
                        number, self._next = self._next, self._next + 1
                    numbers[signature] = number
                assigned.append(number)
            self._numbers = numbers
            self._signed = (document, assigned)
        return self._signed[1]

    def find(self, inner: Check, context: Context, rule: Rule, earlier: list[Finding]) -> list[Finding]:
        document = context.document
        numbers = self.signatures(document)
        memo = self._findings.setdefault(rule.id, _LastTwoChecks())
        found: dict[int, list[Finding]] = {}  # paragraph position → its findings, for those with any
        missing: list[int] = []
        for position, number in enumerate(numbers):
            known = memo.get(number)
            if known is None:
                missing.append(position)
                continue
            if known:
                paragraph = document.paragraphs[position]
                found[position] = [_placed(finding, paragraph) for finding in known]
        self.reused += len(numbers) - len(missing)
        if missing:
            fresh: dict[int, list[Finding]] = {document.paragraphs[position].index: [] for position in missing}
            for finding in inner.find(Context(self._partial(document, missing)), rule, earlier):
                fresh[finding.paragraph].append(finding)
            for position in missing:
                paragraph = document.paragraphs[position]
                in_paragraph = fresh[paragraph.index]
                memo.put(numbers[position], [_relative(finding, paragraph) for finding in in_paragraph])
                if in_paragraph:
                    found[position] = in_paragraph
        return [finding for position in sorted(found) for finding in found[position]]

    def _partial(self, document: Document, positions: list[int]) -> Document:
        """The paragraphs at `positions` alone, at their own offsets, with all the
        quotations: a TextCheck walks `document.paragraphs` and reads nothing beyond
        them, and with the text elsewhere blanked a rule whose words those paragraphs
        lack skips them at once. Made once per check for the rules that share it."""
        if self._partial_of is None or self._partial_of[0] != positions:
            paragraphs = [document.paragraphs[position] for position in positions]
            text = _only(document.text, paragraphs)
            self._partial_of = (positions, dataclasses.replace(document, text=text, paragraphs=paragraphs))
        return self._partial_of[1]


class AnalysisMemo:
    """The per-paragraph parts of the analysis of one document's last check, for the
    paragraphs and sentences an edit left alone: each paragraph's sentences (by its text,
    relative to its start) and each sentence's clauses (by its text and the quotations
    in it, relative to the sentence already). What the last check had, and what this
    check has used so far, so the memo never outgrows the document."""

    def __init__(self) -> None:
        self._sentences: _LastTwoChecks[tuple[str, Cues], SentenceSpans] = _LastTwoChecks()
        self._clauses: _LastTwoChecks[tuple[str, tuple[tuple[int, int], ...]], list[Span]] = _LastTwoChecks()
        self.split = 0  # paragraphs split into sentences afresh in the last check (for tests)
        self.cut = 0  # sentences cut into clauses afresh in the last check (for tests)

    def next_check(self) -> AnalysisMemo:
        """Start a check."""
        self._sentences.next_check()
        self._clauses.next_check()
        self.split = self.cut = 0
        return self

    def sentences(self, paragraph_text: str, start: int, cues: Cues) -> SentenceSpans:
        """`analysis.sentences_of` the paragraph, remembered (with the cues it was read
        with: a config reload may bring a desk's own)."""
        key = (paragraph_text, cues)
        relative = self._sentences.get(key)
        if relative is None:
            from newslint.analysis import sentences_of  # not at import: see `checking`

            relative = sentences_of(paragraph_text, 0, cues)
            self.split += 1
            self._sentences.put(key, relative)
        if not start:
            return relative
        return [(first + start, last + start, _shifted(attribution, start)) for first, last, attribution in relative]

    def clauses(self, sentence_text: str, quotes: list[tuple[int, int]]) -> list[Span]:
        """`clauses.clause_spans` of the sentence, remembered (its offsets are the sentence's own)."""
        key = (sentence_text, tuple(quotes))
        spans = self._clauses.get(key)
        if spans is None:
            from newslint.clauses import clause_spans

            spans = clause_spans(sentence_text, quotes)
            self.cut += 1
            self._clauses.put(key, spans)
        return spans


class _Reusing(Check):
    """A TextCheck rule's check, answering unchanged paragraphs from a `ParagraphMemo`."""

    aggregate = False

    def __init__(self, inner: Check, memo: ParagraphMemo) -> None:
        self.inner = inner
        self.memo = memo

    def counted_rules(self) -> list[str]:
        return self.inner.counted_rules()

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        # A list, not a generator: a rule that runs out of time raises before anything is kept.
        return iter(self.memo.find(self.inner, context, rule, earlier))


def _only(text: str, paragraphs: list[Paragraph]) -> str:
    """`text` up to the last of `paragraphs`, spaces but for them (offsets unchanged)."""
    parts, position = [], 0
    for paragraph in paragraphs:
        parts += [" " * (paragraph.start - position), text[paragraph.start : paragraph.end]]
        position = paragraph.end
    return "".join(parts)


def _signatures(document: Document) -> list[_Signature]:
    quotes = sorted((quote.start, quote.end) for quote in document.quotes if not quote.nested)
    signatures: list[_Signature] = []
    first = 0
    for paragraph in document.paragraphs:
        base = paragraph.start
        while first < len(quotes) and quotes[first][1] < paragraph.start:
            first += 1  # quotations end in order: top-level ones never overlap
        over = []
        for start, end in quotes[first:]:
            if start > paragraph.end:
                break
            over.append((start - base, end - base))
        sentences = tuple(
            (
                sentence.start - base,
                sentence.end - base,
                sentence.quoted,
                _shifted(sentence.attribution, -base),
                tuple(_clause(clause, base) for clause in sentence.clauses),  # who speaks where
            )
            for sentence in paragraph.sentences
        )
        signatures.append((paragraph.text, paragraph.kind, sentences, tuple(over)))
    return signatures


def _clause(clause: Clause, base: int) -> Hashable:
    voice = clause.voice
    reporter_until = clause.reporter_until - base if clause.reporter_until >= 0 else -1
    return (
        clause.start - base,
        clause.end - base,
        reporter_until,
        voice.speaker,
        voice.carried,
        _shifted(voice.attribution, -base),
    )


def _shifted(attribution: Attribution | None, by: int) -> Attribution | None:
    if attribution is None:
        return None
    return dataclasses.replace(attribution, cue_start=attribution.cue_start + by, cue_end=attribution.cue_end + by)


def _relative(finding: Finding, paragraph: Paragraph) -> Finding:
    return _moved(finding, -paragraph.start, 0)


def _placed(finding: Finding, paragraph: Paragraph) -> Finding:
    return _moved(finding, paragraph.start, paragraph.index)


def _moved(finding: Finding, by: int, index: int) -> Finding:
    focus = finding.focus
    return dataclasses.replace(
        finding,
        start=finding.start + by,
        end=finding.end + by,
        paragraph=index,
        focus=(focus[0] + by, focus[1] + by) if focus is not None else None,
    )
