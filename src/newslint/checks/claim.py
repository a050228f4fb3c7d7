"""`claim` rules: a claim in the reporter's own voice with no source in reach.

A verdict, a prediction, someone's feelings or motives, a trend or a statistic, a cause,
a sweeping generalisation: each needs someone to stand behind it. The rule's cues
(regular expressions per category) say which sentences make such a claim; what counts
as a claim and as its source is `newslint.checks.claimfinder`. The rule flags the whole sentence,
with `focus` on the cue, so a rule that flags those very words more precisely and
supersedes this one replaces the finding (`engine`).

`claims` yields every claim sentence, attributed or not, so the per-paragraph statistics
(`newslint.stats`) count with exactly the cues the rule flags with.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.checks import budget
from newslint.checks.base import Check, render_message
from newslint.checks.claimfinder import Claim, ClaimDetector
from newslint.model import Document, Finding

if TYPE_CHECKING:
    from newslint.rulebook import Rule

__all__ = ["Claim", "ClaimCheck"]


class ClaimCheck(Check):
    def __init__(self, detector: ClaimDetector) -> None:
        self.detector = detector
        # The rule's findings and the per-paragraph stats both need a file's claims;
        # the last document's are kept so the cues run once per file.
        self._last: tuple[Document, list[Claim]] | None = None

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> ClaimCheck:
        flags = budget.IGNORECASE if options.get("ignore_case", True) else 0

        def either(patterns: list[str]) -> budget.LazyPattern | None:
            """One regex for a list: a sentence is searched once per list, not once per pattern."""
            return (
                budget.compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), flags) if patterns else None
            )

        detector = ClaimDetector(
            {
                category: [budget.compile_pattern(pattern, flags) for pattern in patterns]
                for category, patterns in options["cues"].items()
            },
            either(options.get("routine", [])),
            either(options.get("reported", [])),
            options.get("carry", "paragraph"),
        )
        return cls(detector)

    def claims(self, document: Document) -> list[Claim]:
        """Every sentence that makes a claim, in document order, attributed or not."""
        if self._last is None or self._last[0] is not document:
            self._last = (document, list(self.detector.claims(document)))
        return self._last[1]

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
