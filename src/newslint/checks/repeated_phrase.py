"""`repeated-phrase` rules: a phrase of two to six words the reporter has already used.

"Strategic partnership" four times in one story reads as padding. Each repeat is reported
where it occurs, pointing back to the use it repeats, so the editor can choose which to
keep. Quotations are the source's words: a phrase repeated only inside them is never
flagged, but the reporter retelling a quotation's wording in the paper's own voice is
(with `count_quoted`). Tokenising, stems and n-grams live in `newslint.repetition`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Check, render_message
from newslint.model import Document, Finding
from newslint.repetition import PhraseOptions, Use, Words, repeated_phrases, words_of

if TYPE_CHECKING:
    from newslint.rulebook import Rule


class RepeatedPhraseCheck(Check):
    def __init__(self, options: PhraseOptions, stop_words: tuple[str, ...] = ()) -> None:
        self.options = options
        self.stop_words = stop_words

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> RepeatedPhraseCheck:
        return cls(
            PhraseOptions(
                min_words=int(options.get("min_words", 2)),
                max_words=int(options.get("max_words", 6)),
                min_content_words=int(options.get("min_content_words", 2)),
                count_quoted=bool(options.get("count_quoted", True)),
                subject_words=int(options.get("subject_words", 0)),
                min_count=int(options.get("min_count", 2)),
                word_patterns=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.get("words", [])),
                ignore=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.get("ignore", [])),
            ),
            tuple(options.get("stop_words", [])),
        )

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        words = words_of(document, self.stop_words)
        for repeat in repeated_phrases(words, self.options):
            start = words.starts[repeat.use.first]
            end = words.ends[repeat.use.last]
            matched = document.text[start:end]
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=render_message(
                    rule.message, match=" ".join(matched.split()), where=where(words, repeat.earlier)
                ),
                start=start,
                end=end,
                paragraph=words.paragraphs[repeat.use.first],
                text=matched,
                suggestion=None,
            )


def where(words: Words, use: Use) -> str:
    """'¶2, line 5', or '¶6, line 14, in a quotation', as an editor looks for it."""
    paragraph, line = words.paragraphs[use.first], words.line_of(words.starts[use.first])
    return f"¶{paragraph}, line {line}" + (", in a quotation" if use.quoted else "")
