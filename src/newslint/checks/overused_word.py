"""`overused-word` rules: a content word the reporter leans on far more than its share.

"Cooperation" twelve times in 800 words is a tic, whatever the story. Words are counted
by stem ("strategic", "strategy" and "strategically" together), in the reporter's voice
only, without stop words, figures or names (the story's subjects repeat legitimately).
One finding per overused stem, on the use that crosses `min_count`, with the count and
where the other uses are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.checks.base import Check, render_message
from newslint.model import Document, Finding
from newslint.repetition import WordOptions, overused_words, words_of

if TYPE_CHECKING:
    from newslint.rulebook import Rule


class OverusedWordCheck(Check):
    def __init__(self, options: WordOptions, stop_words: tuple[str, ...] = ()) -> None:
        self.options = options
        self.stop_words = stop_words

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> OverusedWordCheck:
        defaults = WordOptions()
        return cls(
            WordOptions(
                min_count=int(options.get("min_count", defaults.min_count)),
                min_share=float(options.get("min_share", defaults.min_share)),
                min_article_words=int(options.get("min_article_words", defaults.min_article_words)),
                ignore=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.get("ignore", [])),
                word_patterns=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.get("words", [])),
                subject_words=int(options.get("subject_words", defaults.subject_words)),
                subject_min_count=int(options.get("subject_min_count", defaults.subject_min_count)),
            ),
            tuple(options.get("stop_words", [])),
        )

    def find(self, document: Document, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        words = words_of(document, self.stop_words)
        for use in overused_words(words, self.options):
            crossing = use.tokens[self.options.min_count - 1]
            start, end, paragraph = words.starts[crossing], words.ends[crossing], words.paragraphs[crossing]
            paragraphs = sorted({words.paragraphs[index] for index in use.tokens} - {paragraph})
            matched = document.text[start:end]
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=render_message(
                    rule.message,
                    match=matched,
                    count=len(use.tokens),
                    share=f"{100 * use.share:.1f}%",
                    forms="/".join(use.forms),
                    where=paragraph_list(paragraphs),
                ),
                start=start,
                end=end,
                paragraph=paragraph,
                text=matched,
                suggestion=None,
            )


def paragraph_list(paragraphs: list[int]) -> str:
    """¶1, ¶3–5, ¶8: runs of paragraphs folded, so the message stays one line."""
    runs: list[list[int]] = []
    for number in paragraphs:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"¶{run[0]}" if len(run) == 1 else f"¶{run[0]}–{run[-1]}" for run in runs)
