"""`length` rules: a sentence with too many words, or a paragraph with too many
sentences (or words).

Counts use newslint's own sentences and words (news abbreviations do not end a
sentence), not textstat's, because the finding points at one sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Check, render_message
from newslint.model import Document, Finding
from newslint.nlp import count_words

if TYPE_CHECKING:
    from newslint.rulebook import Rule


class LengthCheck(Check):
    def __init__(self, count: str, maximum: int, min_words: int, scope: str) -> None:
        self.count = count
        self.maximum = maximum
        self.min_words = min_words
        self.scope = scope

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> LengthCheck:
        return cls(
            options["count"], int(options["max"]), int(options.get("min_words", 1)), options.get("scope", "sentence")
        )

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        for paragraph in document.paragraphs:
            if self.scope == "paragraph":
                units = [(paragraph.start, paragraph.end, paragraph.sentences)]
            else:
                units = [(s.start, s.end, [s]) for s in paragraph.sentences]
            for start, end, sentences in units:
                if rule.skip_quotes:
                    sentences = [s for s in sentences if not s.quoted]
                if self.count == "sentences" and len(sentences) <= self.maximum:
                    continue  # short enough whatever its words: not worth counting them
                words = sum(map(_sentence_words, (s.text for s in sentences)))
                measured = len(sentences) if self.count == "sentences" else words
                if measured <= self.maximum or words < self.min_words:
                    continue
                yield Finding(
                    rule=rule.id,
                    severity=rule.severity,
                    message=render_message(rule.message, count=measured, limit=self.maximum),
                    start=start,
                    end=end,
                    paragraph=paragraph.index,
                    text=document.text[start:end],
                    suggestion=None,
                )


@functools.lru_cache(maxsize=4096)
def _sentence_words(text: str) -> int:
    """`count_words` of a sentence, counted once for every length rule that measures it."""
    return count_words(text)
