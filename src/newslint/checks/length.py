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
from newslint.model import Finding, Sentence
from newslint.nlp import count_words
from newslint.sentence_measure import counted_word_spans, is_list, lede

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
    position: str = option(
        "Which sentences a sentence rule measures: any, the lede (the first sentence of prose) or the"
        " body (every other); desks hold the lede to a tighter limit (issue 19).",
        schema={"enum": ["any", "lede", "body"]},
        default="any",
    )
    skip_lists: bool = option(
        "Leave out sentences that are lists: a bulleted or numbered item, a series separated by"
        " semicolons or ellipses, or a comma series of figures or names.",
        schema={"type": "boolean"},
        default=False,
    )
    mark: str = option(
        "What a sentence rule counting words marks: the whole sentence, or (over) the words past the limit,"
        " from the first word over it to the sentence's end, as a code linter marks the end of a long line."
        " A lede's dateline is never counted.",
        schema={"enum": ["whole", "over"]},
        default="whole",
    )


class LengthCheck(Check):
    def __init__(
        self,
        count: str,
        maximum: int,
        min_words: int,
        position: str = "any",
        skip_lists: bool = False,
        mark: str = "whole",
    ) -> None:
        self.count = count
        self.maximum = maximum
        self.min_words = min_words
        self.position = position  # any, lede or body: desks hold the lede to a tighter limit
        self.skip_lists = skip_lists
        self.mark = mark  # whole: the sentence; over: the words past the limit

    @classmethod
    def from_options(cls, options: LengthOptions) -> LengthCheck:
        return cls(
            options.count,
            int(options.max),
            int(options.min_words),
            options.position,
            bool(options.skip_lists),
            options.mark,
        )

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        first = lede(document)
        for paragraph in document.paragraphs:
            if rule.scope == "paragraph":
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
                if rule.scope == "sentence" and self.count == "words" and words > self.maximum:
                    # Count what a desk counts: not the dateline, nor a quotation, the
                    # source's words (issue 19); and say where the sentence goes over.
                    sentence = sentences[0]
                    counted = counted_word_spans(
                        document, sentence, skip_quotes=rule.skip_quotes, is_lede=sentence is first
                    )
                    words = len(counted)
                    if words > self.maximum and self.mark == "over":
                        start = counted[self.maximum][0]
                measured = len(sentences) if self.count == "sentences" else words
                if measured <= self.maximum or words < self.min_words:
                    continue
                yield rule.finding(
                    start, end, paragraph.index, document.text[start:end], count=measured, limit=self.maximum
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
