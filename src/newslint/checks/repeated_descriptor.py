"""`repeated-descriptor` rules: a description used again where the name would do.

Wire style describes a person, place or thing once ("the 19-year-old Venezuelan", "the
1928 movie palace", "the Quill writing assistant") and then calls it by its name or a
plain noun ("Ruiz", "the theater", "Quill"). The whole description again and again is
padding, and an editor cuts it. Each expression in `descriptors` finds one shape of
description in the reporter's words (an age, a year, a place of business, a name and
what it is); its named group `match`, if present, is the description. Uses are counted
by their words in lower case, so "the 1928 movie palace" and "The 1928 Movie Palace"
are one description and "the 1928 movie house" another. Once the reporter has used one
`min_count` times, each use after the first is reported, pointing back to the first
(`{where}`, as `¶2, line 5`). A description inside a quotation is the source's and is
neither counted nor reported.

Unlike `repeated-phrase`, this kind never reads the story's words: the expressions find
the descriptions, so a rule whose expressions start with a literal word ("the") costs
almost nothing on a story that has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint.casefold import fold
from newslint.checks import budget
from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.prefilter import Prefilter
from newslint.checks.rule import Rule
from newslint.model import Document, Finding
from newslint.positions import LineIndex


@dataclass(frozen=True)
class RepeatedDescriptorOptions(Options):
    descriptors: tuple[str, ...] = option(
        "Regular expressions, each one shape of description; the named group `match`, if present, is the "
        "description counted and reported.",
        schema={"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        regex=True,
    )
    min_count: int = option(
        "Reporter's uses that make a description repeated; each use after the first is then reported.",
        schema={"type": "integer", "minimum": 2},
        default=3,
    )


# One use of a description: (start, end) in the document, and its paragraph's number.
_Use = tuple[int, int, int]


class RepeatedDescriptorCheck(Check):
    def __init__(self, descriptors: list[Any], min_count: int) -> None:
        self.descriptors = [
            (descriptor, Prefilter.for_pattern(descriptor.pattern, descriptor.flags)) for descriptor in descriptors
        ]
        self.min_count = min_count

    @classmethod
    def from_options(cls, options: RepeatedDescriptorOptions) -> RepeatedDescriptorCheck:
        return cls([budget.compile_pattern(source) for source in options.descriptors], int(options.min_count))

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        uses_by_words = _reporter_uses(document, self.descriptors)
        lines: LineIndex | None = None
        for uses in uses_by_words.values():
            if len(uses) < self.min_count:
                continue
            lines = lines or LineIndex(document.text)
            first_start, _, first_paragraph = uses[0]
            where = f"¶{first_paragraph}, line {lines.position(first_start)[0]}"
            for start, end, paragraph in uses[1:]:
                matched = document.text[start:end]
                yield rule.finding(start, end, paragraph, matched, match=" ".join(matched.split()), where=where)


def _reporter_uses(document: Document, descriptors: list[tuple[Any, Prefilter]]) -> dict[str, list[_Use]]:
    """Each description the reporter uses, by its words in lower case, with its uses in
    document order. A use inside a quotation is the source's; one span found by two
    expressions counts once."""
    uses: dict[str, list[_Use]] = {}
    seen: set[tuple[int, int]] = set()
    for paragraph in document.paragraphs:
        folded = fold(paragraph.text)
        for descriptor, prefilter in descriptors:
            if not prefilter.may_match(folded):
                continue
            expression = descriptor.compiled()
            narrowed = "match" in expression.groupindex
            for found in expression.finditer(paragraph.text, timeout=budget.timeout()):
                relative = found.span("match") if narrowed and found.group("match") is not None else found.span()
                start, end = paragraph.start + relative[0], paragraph.start + relative[1]
                if end <= start or (start, end) in seen or document.quote_covering(start, end):
                    continue
                seen.add((start, end))
                words = " ".join(document.text[start:end].lower().split())
                uses.setdefault(words, []).append((start, end, paragraph.index))
    for found_uses in uses.values():
        found_uses.sort()
    return uses


KIND = Kind(
    name="repeated-descriptor",
    title="a description used again where the name would do",
    options=RepeatedDescriptorOptions,
    make=RepeatedDescriptorCheck.from_options,
    placeholders=("match", "where"),
    module_doc=__doc__ or "",
    example="""\
min_count: 3
descriptors:
  - '\\b[Tt]he\\s+(?P<match>\\d{1,3}-year-old\\s+[A-Za-z][\\w-]+)'   # "the 19-year-old Venezuelan"
""",
    scopes=("document",),
    skip_quotes="always",
    skip_attributed=False,
    exceptions=False,
)
