"""`claim` rules: a claim in the reporter's own voice with no source in reach.

A statistic, a prediction, a motive, a cause or a verdict needs someone to stand behind
it. The rule's cues (regular expressions per category) say which sentences make such a
claim (a cue inside a quotation is the source's words, not the reporter's). A claim is
*attributed* when its sentence has an attribution, when it uses words that report someone's
view or findings ("polls", "expects", "warned") that the attribution analysis did not
resolve to a source, or when a quotation or a named source within `carry` reach vouches
for it: "Prices will rise, the bank said. The rise will likely hurt exporters." A vague
source ("analysts say") covers its own sentence but carries no further, because the
reader still cannot tell who stands behind the next one.

Each unattributed claim is reported once, spanning the whole sentence; the message's
`{category}` is the cue's category and `{match}` the cue's text. Claim rules take no
`exceptions`, `skip_quotes` or `skip_attributed`: quotations and attribution are what the
kind is about.

`claims` yields every claim sentence, attributed or not, so the per-paragraph statistics
(`newslint.statistics`) count with exactly the cues the rule flags with.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, ignore_case_option, option
from newslint.checks.prefilter import Prefilter
from newslint.checks.rule import Rule
from newslint.model import Document, Finding, Paragraph, Sentence

_PATTERNS = {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class ClaimOptions(Options):
    cues: dict[str, list[str]] = option(
        "Regular expressions per claim category (statistic, prediction, motive, causal, evaluation, or a house "
        "category); the first match outside a quotation makes the sentence a claim, and the category names it "
        "in the message.",
        schema={
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[a-z][a-z-]*$"},
            "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        },
        regex=True,
    )
    routine: tuple[str, ...] = option(
        'Regular expressions for routine reporting ("declined to comment"): a sentence that matches one makes '
        "no claim.",
        schema=_PATTERNS,
        default=(),
        regex=True,
    )
    reported: tuple[str, ...] = option(
        'Regular expressions for words that report someone\'s words, views or findings ("polls", "expects") '
        "where the attribution analysis found no source: a sentence that matches one is attributed, and "
        "carries like one.",
        schema=_PATTERNS,
        default=(),
        regex=True,
    )
    carry: str | int = option(
        'How far a source carries within a paragraph: "paragraph" (every sentence of it), or the number of '
        "sentences after the attributed one (0: none).",
        schema={"oneOf": [{"const": "paragraph"}, {"type": "integer", "minimum": 0}]},
        default="paragraph",
    )
    ignore_case: bool = ignore_case_option()


@dataclass(frozen=True)
class Claim:
    """A sentence that makes a claim needing a source: the first cue that made it one."""

    paragraph: Paragraph
    sentence: Sentence
    category: str  # the cue's category: statistic, prediction, motive, causal, evaluation
    cue: str  # the text the cue matched
    attributed: bool
    cue_span: tuple[int, int] = (0, 0)  # document offsets of the cue


class ClaimCheck(Check):
    def __init__(
        self,
        cues: dict[str, budget.LazyPattern],
        routine: budget.LazyPattern | None,
        reported: budget.LazyPattern | None,
        carry: str | int,
    ) -> None:
        self.cues = cues
        self.routine = routine
        self.reported = reported
        self.carry = carry
        self._filters = {
            pattern: Prefilter.for_pattern(pattern.pattern, pattern.flags)
            for pattern in (*cues.values(), routine, reported)
            if pattern is not None
        }

    @classmethod
    def from_options(cls, options: ClaimOptions) -> ClaimCheck:
        flags = budget.IGNORECASE if options.ignore_case else 0

        def either(patterns: tuple[str, ...] | list[str]) -> budget.LazyPattern | None:
            """One regex for a list: a sentence is searched once per list, not once per pattern."""
            return (
                budget.compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), flags) if patterns else None
            )

        return cls(
            {category: either(patterns) for category, patterns in options.cues.items()},  # type: ignore[misc]
            either(options.routine),
            either(options.reported),
            options.carry,
        )

    def claims(self, context: Context) -> list[Claim]:
        """Every sentence that makes a claim, in document order, attributed or not. The
        rule's findings and the per-paragraph stats both need a file's claims: the
        context keeps them, so the cues run once per file."""
        return context.memo((self, "claims"), lambda: list(self._find_claims(context.document)))

    def _find_claims(self, document: Document) -> Iterator[Claim]:
        for paragraph in document.paragraphs:
            cues = [self._cue(document, sentence) for sentence in paragraph.sentences]
            if not any(cues):
                continue  # most paragraphs: no need to look for sources
            vouching = [self._vouches(sentence) for sentence in paragraph.sentences]
            for index, (sentence, cue) in enumerate(zip(paragraph.sentences, cues)):
                if cue is None:
                    continue
                category, matched, span = cue
                attributed = (
                    sentence.attribution is not None
                    or vouching[index]
                    or any(vouching[i] for i in self._reach(index, len(vouching)))
                )
                yield Claim(paragraph, sentence, category, matched, attributed, span)

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        for claim in self.claims(context):
            if claim.attributed:
                continue
            sentence = claim.sentence
            yield rule.finding(
                sentence.start,
                sentence.end,
                claim.paragraph.index,
                sentence.text,
                suggestion=rule.suggestion,
                focus=claim.cue_span,
                match=claim.cue,
                category=claim.category,
            )

    def _cue(self, document: Document, sentence: Sentence) -> tuple[str, str, tuple[int, int]] | None:
        """(category, matched text, its document offsets) of the first cue outside a quotation, unless the
        sentence is routine reporting."""
        if sentence.quoted:
            return None
        folded = fold(sentence.text)
        if self._search(self.routine, sentence.text, folded):
            return None
        for category, pattern in self.cues.items():
            if not self._filters[pattern].may_match(folded):
                continue
            for match in pattern.finditer(sentence.text, timeout=budget.timeout()):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if document.quote_covering(start, end) is None:  # quoted words are the source's
                    return category, " ".join(match.group().split()), (start, end)
        return None

    def _vouches(self, sentence: Sentence) -> bool:
        """Does this sentence give a source that the sentences around it can lean on?"""
        if sentence.quoted or sentence.attributed_to_named_source:
            return True
        return self._search(self.reported, sentence.text, fold(sentence.text))

    def _search(self, pattern: Any, text: str, folded: str) -> bool:
        """Does `pattern` (None: no such list) match `text`, skipped when it cannot?"""
        return (
            pattern is not None
            and self._filters[pattern].may_match(folded)
            and pattern.search(text, timeout=budget.timeout()) is not None
        )

    def _reach(self, index: int, count: int) -> range:
        """Positions of the paragraph's sentences whose source carries to sentence `index`:
        the whole paragraph, or the `carry` sentences before it."""
        if self.carry == "paragraph":
            return range(count)
        return range(max(0, index - int(self.carry)), index)


KIND = Kind(
    name="claim",
    title="a claim in the reporter's voice with no source in reach",
    options=ClaimOptions,
    make=ClaimCheck.from_options,
    placeholders=("match", "category", "suggestion"),
    module_doc=__doc__ or "",
    example="""\
cues:                        # regular expressions per category; the first match names it
  prediction:
    - '\\bwill\\s+(?:likely|probably|almost\\s+certainly)\\b'
  motive:
    - '\\b(?:appears?|seems?)\\s+(?:keen|eager|determined)\\b'
routine:                     # routine reporting: a sentence matching one makes no claim
  - '\\bdeclined\\s+to\\s+comment\\b'
reported:                    # words that report a view or finding the analysis did not source
  - '\\b(?:polls?|surveys?|study)\\b'
carry: paragraph             # or a number: sentences after a source that it still covers
ignore_case: true
""",
    scopes=("sentence",),
    skip_quotes="never",
    skip_attributed=False,
    exceptions=False,
)
