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
from newslint.model import Document, Finding, Sentence
from newslint.nlp import count_words
from newslint.sentence_measure import is_list, lede, reporter_words

if TYPE_CHECKING:
    from newslint.rulebook import Rule


class LengthCheck(Check):
    def __init__(
        self, count: str, maximum: int, min_words: int, scope: str, position: str = "any", skip_lists: bool = False
    ) -> None:
        self.count = count
        self.maximum = maximum
        self.min_words = min_words
        self.scope = scope
        self.position = position  # any, lede or body: desks hold the lede to a tighter limit
        self.skip_lists = skip_lists

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> LengthCheck:
        return cls(
            options["count"],
            int(options["max"]),
            int(options.get("min_words", 1)),
            options.get("scope", "sentence"),
            options.get("position", "any"),
            bool(options.get("skip_lists", False)),
        )

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        first = lede(document) if self.position != "any" else None
        for paragraph in document.paragraphs:
            if self.scope == "paragraph":
                units = [(paragraph.start, paragraph.end, paragraph.sentences)]
            else:
                units = [(s.start, s.end, [s]) for s in paragraph.sentences if self._placed(s, first)]
            for start, end, sentences in units:
                if rule.skip_quotes:
                    sentences = [s for s in sentences if not s.quoted]
                if self.skip_lists:
                    sentences = [s for s in sentences if not is_list(s.text)]
                if self.count == "sentences" and len(sentences) <= self.maximum:
                    continue  # short enough whatever its words: not worth counting them
                words = sum(map(_sentence_words, (s.text for s in sentences)))
                if rule.skip_quotes and self.scope == "sentence" and words > self.maximum:
                    # A quotation is the source's words: count the reporter's (issue 19).
                    words = sum(reporter_words(document, s) for s in sentences)
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

    def _placed(self, sentence: Sentence, first: Sentence | None) -> bool:
        """Is `sentence` where the rule looks (`position`: the lede, the body, or any)?"""
        if self.position == "lede":
            return sentence is first
        return self.position != "body" or sentence is not first


@functools.lru_cache(maxsize=4096)
def _sentence_words(text: str) -> int:
    """`count_words` of a sentence, counted once for every length rule that measures it."""
    return count_words(text)
