"""`substitution` rules: a term and the word the house prefers, as in a style guide.

Most of a house style guide is this: "utilize" → "use", "towards" → "toward". A desk
writes the list as a mapping (`swap`), and each finding carries the preferred word as
its suggestion, in the case of the text it replaces ("Utilize" → "Use", "UTILIZE" →
"USE"; a suggestion with capitals of its own, "Wi-Fi", keeps them), so an editor or a
tool can apply it as written; `{suggestion}` puts it in the message. Terms match like
lexicon terms: whole words, phrases across line breaks, longest first. With `inflect`,
the term's first word also matches its regular forms, and the suggestion's first word
takes the same form ("utilized" → "used"); a suggestion with irregular forms gets its
own entries (`purchased: bought` beside `purchase: buy`), which win because longer terms
are tried first.

[`examples/house-style/`](../examples/house-style) is a desk's setup to copy: a
`.newslint.yaml` naming `rule_paths: [house-rules]` and one substitution rule,
`house-rules/house/usage.yaml`. Run `newslint check examples/house-style/story.txt` to
see it work; the test suite runs it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.checks.base import Span
from newslint.checks.kind import Kind, Options, ignore_case_option, option
from newslint.checks.lexicon import LexiconCheck, inflect_as


def match_case(replacement: str, original: str) -> str:
    """`replacement` in the case of `original`: all capitals, a capital first letter, or
    as written (a suggestion with its own capitals, "Wi-Fi", keeps them)."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class SubstitutionOptions(Options):
    swap: dict[str, str] = option(
        'Term → preferred term, one per line ("utilize: use"); the preferred term is each finding\'s '
        "suggestion, in the case of the text it replaces.",
        schema={
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"minLength": 1, "pattern": "\\S"},
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    )
    ignore_case: bool = ignore_case_option()
    inflect: bool = option(
        "Also match regular inflections of each term's first word, and give the suggestion's first word "
        "the same form (utilized → used).",
        schema={"type": "boolean"},
        default=False,
    )


class SubstitutionCheck(LexiconCheck):
    def __init__(self, swap: dict[str, str], ignore_case: bool, inflect: bool) -> None:
        super().__init__(list(swap.items()), ignore_case, inflect)
        self._inflect = inflect
        self._terms = dict(zip(self._suggestions, self._ordered))  # group name → term

    @classmethod
    def from_substitutions(cls, options: SubstitutionOptions) -> SubstitutionCheck:
        return cls(dict(options.swap), options.ignore_case, options.inflect)

    def _span(self, match: re.Match[str]) -> Span:
        """The match, suggesting the preferred term in the form and case of the words it replaces."""
        group = match.lastgroup or ""
        suggestion = self._suggestions[group] or ""  # every term of a swap has one
        matched = match.group()
        if self._inflect:
            suggestion = _inflect_suggestion(self._terms[group], matched, suggestion)
        return match.start(), match.end(), match_case(suggestion, matched)


def _inflect_suggestion(term: str, matched: str, suggestion: str) -> str:
    """The suggestion with its first word in the form the matched first word takes."""
    said, base = matched.split()[0], term.split()[0]
    first, _, rest = suggestion.partition(" ")
    for form in ("s", "ed", "ing"):
        if inflect_as(base, form).lower() == said.lower() and said.lower() != base.lower():
            first = inflect_as(first, form)
            break
    return f"{first} {rest}" if rest else first


KIND = Kind(
    name="substitution",
    title="the word the house prefers",
    options=SubstitutionOptions,
    make=SubstitutionCheck.from_substitutions,
    placeholders=("match", "suggestion"),
    module_doc=__doc__ or "",
    example="""\
swap:                        # term: preferred term — sorted, no term mapping to itself (a test checks)
  amongst: among
  in order to: to
  utilize: use
ignore_case: true
inflect: true                # "utilized" → "used"
""",
)
