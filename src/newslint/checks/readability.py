"""`readability` rules: a paragraph (or the whole article) scores past a limit on a
textstat measure, such as Flesch-Kincaid grade.

A grade formula is an average over sentences and syllables, so it says little about a
one-sentence paragraph: text under `min_words` is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Check, render_message
from newslint.model import Document, Finding
from newslint.readability import article_text, is_prose, measure, word_count

if TYPE_CHECKING:
    from newslint.rulebook import Rule

METRIC_NAMES = {
    "flesch_reading_ease": "reading ease",
    "flesch_kincaid_grade": "grade",
    "gunning_fog": "fog index",
    "smog_index": "SMOG grade",
    "dale_chall_readability_score": "Dale-Chall score",
    "coleman_liau_index": "Coleman-Liau grade",
    "automated_readability_index": "ARI grade",
}


class ReadabilityCheck(Check):
    def __init__(
        self, metric: str, maximum: float | None, minimum: float | None, min_words: int, min_sentences: int, scope: str
    ) -> None:
        self.metric = metric
        self.maximum = maximum
        self.minimum = minimum
        self.min_words = min_words
        self.min_sentences = min_sentences
        self.scope = scope

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> ReadabilityCheck:
        return cls(
            options["metric"],
            options.get("max"),
            options.get("min"),
            int(options.get("min_words", 40)),
            int(options.get("min_sentences", 1)),
            options.get("scope", "paragraph"),
        )

    def _breach(self, value: float | None) -> float | None:
        """The limit `value` is past, if any."""
        if value is None:
            return None
        if self.maximum is not None and value > self.maximum:
            return self.maximum
        if self.minimum is not None and value < self.minimum:
            return self.minimum
        return None

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        if self.scope == "document":
            prose = [p for p in document.paragraphs if is_prose(p)]
            units = (
                [
                    (
                        document.paragraphs[0].index,
                        0,
                        len(document.text),
                        article_text(document),
                        sum(len(p.sentences) for p in prose),
                    )
                ]
                if prose
                else []
            )
        else:
            units = [(p.index, p.start, p.end, p.text, len(p.sentences)) for p in document.paragraphs]
        for paragraph, start, end, text, sentences in units:
            if sentences < self.min_sentences:
                continue
            words = word_count(text)
            if words < self.min_words:
                continue
            value = measure(text, self.metric)
            limit = self._breach(value)
            if limit is None:
                continue
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=render_message(
                    rule.message,
                    score=f"{value:.1f}",
                    limit=f"{limit:g}",
                    metric=METRIC_NAMES[self.metric],
                    words=words,
                    sentences=sentences,
                    words_per_sentence=f"{words / sentences:.0f}",
                ),
                start=start,
                end=end,
                paragraph=paragraph,
                text=document.text[start:end],
                suggestion=None,
            )
