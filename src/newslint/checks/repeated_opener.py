"""`repeated-opener` rules: sentences or paragraphs in a row that open the same way.

"This ... This ... This ..." reads as a list the writer did not mean to make. A run of
`sentences` consecutive sentences (across paragraph breaks: wire copy has one-sentence
paragraphs), or of `paragraphs` consecutive paragraphs, opening with the same word
(case-insensitive) is reported once, on its last opener; the message has `{count}` (the
run's length), `{unit}` (sentences or paragraphs) and `{first}` (the run's first
paragraph). A sentence that opens inside a quotation, with one of `ignore_words`, with a
figure or with a name (the story's subject: "Acmetron said ... Acmetron also ..."), or a
table row, breaks the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.rule import Rule
from newslint.model import Document, Finding
from newslint.nlp import first_word_span
from newslint.repetition import Words


@dataclass(frozen=True)
class RepeatedOpenerOptions(Options):
    sentences: int = option(
        "Consecutive sentences opening with the same word that make a run.",
        schema={"type": "integer", "minimum": 2},
        default=3,
    )
    paragraphs: int = option(
        "Consecutive paragraphs opening with the same word that make a run.",
        schema={"type": "integer", "minimum": 2},
        default=3,
    )
    ignore_words: tuple[str, ...] = option(
        "Opening words that never make a run (case-insensitive).",
        schema={"type": "array", "items": {"type": "string", "minLength": 1}},
        default=(),
    )


@dataclass(frozen=True, slots=True)
class Opener:
    word: str | None  # lower case; None when the unit does not count (quoted, ignored)
    start: int
    end: int
    paragraph: int


class RepeatedOpenerCheck(Check):
    def __init__(self, sentences: int, paragraphs: int, ignore_words: frozenset[str]) -> None:
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.ignore_words = ignore_words

    @classmethod
    def from_options(cls, options: RepeatedOpenerOptions) -> RepeatedOpenerCheck:
        return cls(
            int(options.sentences),
            int(options.paragraphs),
            frozenset(word.lower() for word in options.ignore_words),
        )

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        words = context.words()
        judged: dict[tuple[int, int], str | None] = {}  # each opening word's verdict, by its span
        sentence_openers = [
            self._opener(document, words, judged, paragraph.index, sentence.start, sentence.text)
            for paragraph in document.paragraphs
            for sentence in paragraph.sentences
        ]
        # Most paragraphs open with their first sentence's opener, judged already.
        paragraph_openers = [
            self._opener(document, words, judged, paragraph.index, paragraph.start, paragraph.text)
            for paragraph in document.paragraphs
        ]
        for openers, size, unit in (
            (sentence_openers, self.sentences, "sentences"),
            (paragraph_openers, self.paragraphs, "paragraphs"),
        ):
            for run in _runs(openers, size):
                last = run[-1]
                matched = document.text[last.start : last.end]
                yield rule.finding(
                    last.start,
                    last.end,
                    last.paragraph,
                    matched,
                    match=matched,
                    count=len(run),
                    unit=unit,
                    first=f"¶{run[0].paragraph}",
                )

    def _opener(
        self,
        document: Document,
        words: Words,
        judged: dict[tuple[int, int], str | None],
        paragraph: int,
        offset: int,
        text: str,
    ) -> Opener:
        span = first_word_span(text)
        if span is None:
            return Opener(None, offset, offset, paragraph)
        start, end = offset + span[0], offset + span[1]
        if (start, end) not in judged:
            opening = document.text[start:end].lower()
            word: str | None = opening
            if (
                opening in self.ignore_words
                or _name_or_table(words, start)
                or (not opening.isalpha() and any(c.isdigit() for c in opening))  # a word of letters has no figure
                or document.quote_covering(start, end)
            ):
                word = None
            judged[start, end] = word
        return Opener(judged[start, end], start, end, paragraph)


def _name_or_table(words: Words, start: int) -> bool:
    """Whether the word at `start` cannot open a run: a name ("Acmetron"), the first word
    of a name ("New Haven Gas": "New" is capitalised at the start of any sentence) or a
    word of a table row ("Net profit 7.1 mln vs 6.8 mln"). Looked up for the openers only,
    not worked out for every word of the article."""
    index = words.index_at(start)
    if index is None:
        return False
    following = index + 1
    starts_name = (
        words.contents[index]
        and following < len(words)
        and words.chunks[following] == words.chunks[index]
        and words.names[following]
    )
    return words.names[index] or words.tabular[index] or starts_name


def _runs(openers: list[Opener], size: int) -> Iterator[list[Opener]]:
    """Maximal runs of at least `size` consecutive openers with the same word."""
    run: list[Opener] = []
    for opener in [*openers, Opener(None, 0, 0, 0)]:
        if run and opener.word is not None and opener.word == run[0].word:
            run.append(opener)
            continue
        if len(run) >= size:
            yield run
        run = [opener] if opener.word is not None else []


KIND = Kind(
    name="repeated-opener",
    title="sentences or paragraphs in a row that open alike",
    options=RepeatedOpenerOptions,
    make=RepeatedOpenerCheck.from_options,
    placeholders=("match", "count", "unit", "first"),
    module_doc=__doc__ or "",
    example="""\
sentences: 3
paragraphs: 3
ignore_words: [he, it, she, the, they]
""",
    scopes=("document",),
    skip_quotes="always",
    skip_attributed=False,
    exceptions=False,
)
