"""What every rule kind shares: where it looks (scope) and what it must leave alone
(quotations, attributed speech, exceptions)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from newslint.attribution.lexicon import shipped_lexicon
from newslint.attribution.sources import head_in
from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.context import Context
from newslint.checks.prefilter import prefilter_for
from newslint.checks.rule import Rule
from newslint.model import Attribution, Document, Finding, Paragraph
from newslint.spans import Spans


class Check:
    """The code of a rule kind, made from a rule's options (see `newslint.checks.kind`).
    `aggregate` kinds run after the others and see their findings in `earlier`."""

    aggregate = False

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        raise NotImplementedError

    def counted_rules(self) -> list[str]:
        """Rule ids or packs whose findings an aggregate kind reads from `earlier`."""
        return []


Span = tuple[int, int, str | None]  # (start, end, suggestion) of a match, relative to its text
Unit = tuple[Paragraph, int, str]  # (paragraph, start offset, text) of a text a rule looks at


class TextCheck(Check):
    """A kind that finds spans in text. Subclasses say what matches; this class walks the
    rule's scope and drops matches in quotations, in attributed sentences, or inside an
    exception."""

    def spans(self, text: str) -> list[Span]:
        """(start, end, suggestion) of each match, relative to `text`."""
        raise NotImplementedError

    def searcher(self, context: Context, units: list[Unit]) -> Callable[[str], list[Span]] | None:
        """What `find` runs on each of `units` (the context document's, for the rule's
        scope): `spans`, or an equivalent that leaves out what the document as a whole
        rules out; None when no unit can match, so that none is visited. Most documents
        hold none of a rule's words, and asking once per document is far cheaper than once
        per sentence."""
        return self.spans

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        units = _units(document, rule.scope)
        search = self.searcher(context, units)
        if search is None:
            return
        for paragraph, unit_start, unit_text in units:
            matches = search(unit_text)
            if matches:  # most units: nothing to check
                yield from _kept(document, rule, paragraph, unit_start, unit_text, matches)


def _kept(
    document: Document, rule: Rule, paragraph: Paragraph, unit_start: int, unit_text: str, matches: list[Span]
) -> Iterator[Finding]:
    """Findings for the matches in one unit that no quotation, attribution or exception
    covers. Exceptions, the dearest test, are searched only once a match passes the others."""
    excepted: Spans | None = None
    figures_nouns = _figures_nouns(document)
    for start, end, suggestion in matches:
        absolute_start, absolute_end = unit_start + start, unit_start + end
        if rule.skip_quotes and document.quote_covering(absolute_start, absolute_end):
            continue
        if rule.skip_attributed and _in_attributed_sentence(
            paragraph,
            absolute_start,
            absolute_end,
            named_only=rule.skip_attributed == "named",
            figures_nouns=figures_nouns,
        ):
            continue
        if excepted is None:
            excepted = Spans(_exception_spans(rule.exceptions, unit_text))
        if excepted.hold(start, end):
            continue
        suggestion = suggestion if suggestion is not None else rule.suggestion
        matched = document.text[absolute_start:absolute_end]
        # One line in the message, whatever line breaks or blanked markup the match spans.
        yield rule.finding(
            absolute_start,
            absolute_end,
            paragraph.index,
            matched,
            suggestion=suggestion,
            match=" ".join(matched.split()),
        )


def _units(document: Document, scope: str) -> list[Unit]:
    """The units a rule of `scope` looks at, in document order. Document scope is searched
    paragraph by paragraph: nothing a rule matches should run from one paragraph into
    the next."""
    if scope == "sentence":
        return [
            (paragraph, sentence.start, sentence.text)
            for paragraph in document.paragraphs
            for sentence in paragraph.sentences
        ]
    return [(paragraph, paragraph.start, paragraph.text) for paragraph in document.paragraphs]


def _exception_spans(exceptions: list[Any], text: str) -> list[tuple[int, int]]:
    """Where `exceptions` match in `text`. An exception that cannot match here is neither
    compiled nor run: a rule's exceptions are many, and most name words the text lacks."""
    folded = fold(text)
    return [
        match.span()
        for pattern in exceptions
        if prefilter_for(pattern.pattern, pattern.flags).may_match(folded)
        for match in pattern.finditer(text, timeout=budget.timeout())
    ]


_FIGURES_NOUNS = shipped_lexicon().word_set("figures_nouns")


def _in_attributed_sentence(
    paragraph: Paragraph, offset: int, end: int, *, named_only: bool, figures_nouns: frozenset[str] = _FIGURES_NOUNS
) -> bool:
    """Does a source, not the reporter, speak in the clause at `offset` (a named one,
    with `named_only`)? A hedge in "the plan may fail, analysts said" is the analysts'
    hedge; the vague sourcing is a different problem, for attribution rules to flag once.
    But "is said to" is itself a vague attribution, so hearsay rules skip named sources
    only. With `named_only`, the verb of attribution itself ("the senator slammed") is not
    covered: the source said something, the reporter chose the verb. The clause, not the
    sentence (issue 19): in "The chain was reportedly in talks, and its stores could
    potentially close", the second clause's hedge is the reporter's (`newslint.voice`)."""
    voice = paragraph.voice_at(offset)
    if voice.is_reporter:
        return False
    if not named_only:
        return True
    cue = voice.attribution
    if cue is not None and _figures_only(cue, figures_nouns):
        return False
    return voice.named and not (cue is not None and cue.cue_start < end and offset < cue.cue_end)


def _figures_nouns(document: Document) -> frozenset[str]:
    """The figures nouns of the lexicon the document was read with (a desk may add some)."""
    return _FIGURES_NOUNS if document.lexicon is None else document.lexicon.word_set("figures_nouns")


def _figures_only(cue: Attribution, figures_nouns: frozenset[str]) -> bool:
    """Is the source a set of figures ("according to CDC data", "police records show")?
    Figures vouch for numbers, not for words of judgement: in "a devastating outbreak,
    according to CDC data", "devastating" is the reporter's."""
    return head_in(cue.source, figures_nouns)
