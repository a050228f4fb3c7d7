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

`claims` yields every claim sentence, attributed or not, so the per-paragraph statistics
(`newslint.statistics`) count with exactly the cues the rule flags with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.base import Check, render_message
from newslint.checks.prefilter import Prefilter
from newslint.model import Document, Finding, Paragraph, Sentence

if TYPE_CHECKING:
    from newslint.rulebook import Rule


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
        cues: dict[str, re.Pattern[str]],
        routine: re.Pattern[str] | None,
        reported: re.Pattern[str] | None,
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
        # The rule's findings and the per-paragraph stats both need a file's claims;
        # the last document's are kept so the cues run once per file.
        self._last: tuple[Document, list[Claim]] | None = None

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> ClaimCheck:
        flags = budget.IGNORECASE if options.get("ignore_case", True) else 0

        def either(patterns: list[str]) -> re.Pattern[str] | None:
            """One regex for a list: a sentence is searched once per list, not once per pattern."""
            return (
                budget.compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), flags) if patterns else None
            )

        return cls(
            {category: either(patterns) for category, patterns in options["cues"].items()},
            either(options.get("routine", [])),
            either(options.get("reported", [])),
            options.get("carry", "paragraph"),
        )

    def claims(self, document: Document) -> list[Claim]:
        """Every sentence that makes a claim, in document order, attributed or not."""
        if self._last is None or self._last[0] is not document:
            self._last = (document, list(self._find_claims(document)))
        return self._last[1]

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

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        for claim in self.claims(document):
            if claim.attributed:
                continue
            sentence = claim.sentence
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=render_message(
                    rule.message, match=claim.cue, category=claim.category, suggestion=rule.suggestion
                ),
                start=sentence.start,
                end=sentence.end,
                paragraph=claim.paragraph.index,
                text=sentence.text,
                suggestion=rule.suggestion,
                focus=claim.cue_span,
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
