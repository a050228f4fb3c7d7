"""`density` rules: too many of some other rules' findings for a paragraph's length.

One hedge is a judgement call; five in a short paragraph is copy that will not commit to
anything. The rule counts the findings of the rules it names (`counts`), per 100 words of
the paragraph. Density rules run after the others and count their findings whether or
not those rules are selected for display.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.rule import Rule
from newslint.model import Finding
from newslint.nlp import count_words
from newslint.selection import selects_any


@dataclass(frozen=True)
class DensityOptions(Options):
    counts: tuple[str, ...] = option(
        "Rule ids or packs whose findings are counted.",
        schema={"type": "array", "minItems": 1, "items": {"type": "string"}},
    )
    threshold: float = option(
        "Findings per 100 words above which the paragraph is flagged.",
        schema={"type": "number", "exclusiveMinimum": 0},
    )
    min_words: int = option(
        "Paragraphs shorter than this are not judged.", schema={"type": "integer", "minimum": 1}, default=25
    )


class DensityCheck(Check):
    aggregate = True

    def __init__(self, counts: list[str], threshold: float, min_words: int) -> None:
        self.counts = counts
        self.threshold = threshold
        self.min_words = min_words

    @classmethod
    def from_options(cls, options: DensityOptions) -> DensityCheck:
        return cls(list(options.counts), float(options.threshold), int(options.min_words))

    def counted_rules(self) -> list[str]:
        return self.counts

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        per_paragraph = Counter(finding.paragraph for finding in earlier if selects_any(self.counts, finding.rule))
        for paragraph in context.document.paragraphs:
            count = per_paragraph.get(paragraph.index, 0)
            if not count:
                continue
            words = count_words(paragraph.text)
            if words < self.min_words:
                continue
            density = 100.0 * count / words
            if density <= self.threshold:
                continue
            yield rule.finding(
                paragraph.start,
                paragraph.end,
                paragraph.index,
                paragraph.text,
                count=count,
                words=words,
                density=f"{density:.1f}",
                threshold=f"{self.threshold:g}",
            )


KIND = Kind(
    name="density",
    title="too many findings for a paragraph's length",
    options=DensityOptions,
    make=DensityCheck.from_options,
    placeholders=("count", "words", "density", "threshold"),
    module_doc=__doc__ or "",
    example="""\
counts: [hedging.modal, hedging.adverb]
threshold: 4
min_words: 30
""",
    scopes=("paragraph",),
    skip_quotes="never",
    skip_attributed=False,
    exceptions=False,
)
