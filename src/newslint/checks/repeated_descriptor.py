"""`repeated-descriptor` rules: a description used again where the name would do.

Wire style describes a person, place or thing once ("the 19-year-old Venezuelan", "the
1928 movie palace", "the Quill writing assistant") and then calls it by its name or a
plain noun ("Ruiz", "the theater", "Quill"). The whole description again and again is
padding, and an editor cuts it. Each expression in `descriptors` finds one shape of
description in the reporter's words (an age, a year, a place of business, a name and
what it is); its named group `match`, if present, is the description. The expressions
are searched as one, in the order listed: where two match at one place, the first
counts. Uses are counted by their words in lower case and with white space folded, so
"The 1928 movie palace" opening a sentence and "the 1928 movie\npalace" across a line
break are one description, and "the 1928 movie house" another. Once the reporter has
used one `min_count` times, each use after the first is reported, pointing back to the
first (`{where}`, as `¶2, line 5`). A description inside a quotation is the source's
and is neither counted nor reported.

Unlike `repeated-phrase`, this kind never reads the story's words: one search of the
story with the rule's expressions finds the descriptions, so a rule of it costs about
as much as one pattern.
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
from newslint.checks.pattern import reported_span
from newslint.checks.prefilter import Prefilter
from newslint.checks.repeated_phrase import paragraph_and_line
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
    def __init__(self, descriptors: Any, min_count: int) -> None:
        # One expression for all the shapes: one scan of the story instead of one a shape
        # (a third of the time, for the shipped rule's five).
        self.descriptors = descriptors
        self.prefilter = Prefilter.for_pattern(descriptors.pattern, descriptors.flags)
        self.min_count = min_count

    @classmethod
    def from_options(cls, options: RepeatedDescriptorOptions) -> RepeatedDescriptorCheck:
        either = "|".join(f"(?:{source})" for source in options.descriptors)
        return cls(budget.compile_pattern(either), int(options.min_count))

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        uses_by_words = _reporter_uses(document, self.descriptors, self.prefilter)
        lines: LineIndex | None = None
        for uses in uses_by_words.values():
            if len(uses) < self.min_count:
                continue
            lines = lines or LineIndex(document.text)
            first_start, _, first_paragraph = uses[0]
            where = paragraph_and_line(first_paragraph, lines.position(first_start)[0])
            for start, end, paragraph in uses[1:]:
                matched = document.text[start:end]
                yield rule.finding(start, end, paragraph, matched, match=" ".join(matched.split()), where=where)


def _reporter_uses(document: Document, descriptors: Any, prefilter: Prefilter) -> dict[str, list[_Use]]:
    """Each description the reporter uses, by its words in lower case, with its uses in
    document order. The whole text is searched at once (a search per paragraph cost ten
    times more), and a match that runs into the next paragraph is no description. A use
    inside a quotation is the source's."""
    uses: dict[str, list[_Use]] = {}
    if not prefilter.may_match(fold(document.text)):
        return uses
    expression = descriptors.compiled()
    narrowed = "match" in expression.groupindex
    for found in expression.finditer(document.text, timeout=budget.timeout()):
        start, end = reported_span(found, narrowed)
        paragraph = document.paragraph_at(start)
        if paragraph is None or end > paragraph.end or end <= start or document.quote_covering(start, end):
            continue
        words = " ".join(document.text[start:end].lower().split())
        uses.setdefault(words, []).append((start, end, paragraph.index))
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
