"""`length` rules: a sentence with too many words, or a paragraph with too many
sentences (or words).

Counts use newslint's own sentences and words (news abbreviations do not end a
sentence), not textstat's, because the finding points at one sentence. With
`skip_quotes`, sentences that are wholly a quotation are not counted. For a warning and
an error tier, write two rules and let the stricter one `supersedes` the other, as
`readability.very-long-sentence` does.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.rule import Rule
from newslint.model import Finding
from newslint.nlp import count_words

SCOPES = ("sentence", "paragraph")


@dataclass(frozen=True)
class LengthOptions(Options):
    count: str = option(
        "What is counted: words (of a sentence or paragraph) or sentences (of a paragraph).",
        schema={"enum": ["words", "sentences"]},
    )
    max: int = option("Flag a unit with more than this many.", schema={"type": "integer", "minimum": 1})
    min_words: int = option(
        "Units with fewer words are not judged: five three-word sentences are not a wall of text.",
        schema={"type": "integer", "minimum": 1},
        default=1,
    )


class LengthCheck(Check):
    def __init__(self, count: str, maximum: int, min_words: int) -> None:
        self.count = count
        self.maximum = maximum
        self.min_words = min_words

    @classmethod
    def from_options(cls, options: LengthOptions) -> LengthCheck:
        return cls(options.count, int(options.max), int(options.min_words))

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        for paragraph in document.paragraphs:
            if rule.scope == "paragraph":
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
                yield rule.finding(
                    start, end, paragraph.index, document.text[start:end], count=measured, limit=self.maximum
                )


@functools.lru_cache(maxsize=4096)
def _sentence_words(text: str) -> int:
    """`count_words` of a sentence, counted once for every length rule that measures it."""
    return count_words(text)


KIND = Kind(
    name="length",
    title="too many words or sentences",
    options=LengthOptions,
    make=LengthCheck.from_options,
    placeholders=("count", "limit"),
    module_doc=__doc__ or "",
    example="""\
count: words          # or sentences
max: 40
scope: sentence       # or paragraph
skip_quotes: true
""",
    scopes=SCOPES,
    skip_attributed=False,
    exceptions=False,
)
