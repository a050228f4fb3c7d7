"""`density` rules: too many of some other rules' findings for a paragraph's length.

One hedge is a judgement call; five in a short paragraph is copy that will not commit to
anything. The rule counts findings of the rules it names, per 100 words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Check, render_message
from newslint.model import Document, Finding
from newslint.nlp import count_words
from newslint.selection import selects_any

if TYPE_CHECKING:
    from newslint.rulebook import Rule


class DensityCheck(Check):
    aggregate = True

    def __init__(self, counts: list[str], threshold: float, min_words: int) -> None:
        self.counts = counts
        self.threshold = threshold
        self.min_words = min_words

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> DensityCheck:
        return cls(list(options["counts"]), float(options["threshold"]), int(options.get("min_words", 25)))

    def counted_rules(self) -> list[str]:
        return self.counts

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        per_paragraph = Counter(finding.paragraph for finding in earlier if selects_any(self.counts, finding.rule))
        for paragraph in document.paragraphs:
            count = per_paragraph.get(paragraph.index, 0)
            if not count:
                continue
            words = count_words(paragraph.text)
            if words < self.min_words:
                continue
            density = 100.0 * count / words
            if density <= self.threshold:
                continue
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=render_message(
                    rule.message, count=count, words=words, density=f"{density:.1f}", threshold=f"{self.threshold:g}"
                ),
                start=paragraph.start,
                end=paragraph.end,
                paragraph=paragraph.index,
                text=paragraph.text,
                suggestion=None,
            )
