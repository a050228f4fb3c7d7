"""`claim` rules: a claim in the reporter's own voice with no source in reach.

A verdict, a prediction, someone's feelings or motives, a trend or a statistic, a cause,
a sweeping generalisation: each needs someone to stand behind it. The rule's cues
(regular expressions per category) say which sentences make such a claim; what counts
as a claim and as its source is `newslint.checks.claimfinder`. The rule flags the whole
sentence, with `focus` on the cue, so a rule that flags those very words more precisely
and supersedes this one replaces the finding (`engine`).

Each unattributed claim is reported once, spanning the whole sentence; the message's
`{category}` is the cue's category and `{match}` the cue's text. Claim rules take no
`exceptions`, `skip_quotes` or `skip_attributed`: quotations and attribution are what the
kind is about.

`claims` yields every claim sentence, attributed or not, so the per-paragraph statistics
(`newslint.statistics`) count with exactly the cues the rule flags with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newslint.checks import budget
from newslint.checks.base import Check
from newslint.checks.claimfinder import Claim, ClaimDetector
from newslint.checks.claimlexicon import ANY_POSSESSIVE, GAP, GAP_WORDS, POSSESSIVES, ClaimLexicon
from newslint.checks.context import Context
from newslint.checks.kind import Kind, OptionError, Options, ignore_case_option, option
from newslint.checks.rule import Rule
from newslint.model import Finding

_PATTERNS = {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class ClaimOptions(Options):
    cues: dict[str, list[str]] = option(
        "Regular expressions per claim category (verdict, prediction, feeling, motive, trend, statistic, cause, "
        "generalisation, or a house category); the first category, in the order given, with a match outside a "
        "quotation (the first in the reporter's own voice, if any is) makes the sentence a claim and names it in "
        "the message.",
        schema={
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[a-z][a-z-]*$"},
            "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        },
        regex=True,
    )
    routine: tuple[str, ...] = option(
        'Regular expressions for routine reporting ("declined to comment"): a sentence that matches one makes '
        "no claim.",
        schema=_PATTERNS,
        default=(),
        regex=True,
    )
    reported: tuple[str, ...] = option(
        'Regular expressions for words that report someone\'s words, views or findings ("polls", "expects") '
        "where the attribution analysis found no source: a sentence that matches one is attributed, and "
        "carries like one.",
        schema=_PATTERNS,
        default=(),
        regex=True,
    )
    carry: str | int = option(
        'How far a named speaker or a quotation carries within a paragraph: "paragraph" (every later sentence '
        'of it), or the number of sentences after it (0: none). A document ("according to the study"), a vague '
        "source or a view word covers only its own sentence.",
        schema={"oneOf": [{"const": "paragraph"}, {"type": "integer", "minimum": 0}]},
        default="paragraph",
    )
    words: dict[str, list[str]] | None = option(
        'Named word lists a cue can use as `{name}` ("{population}"): each entry is a word or a phrase, '
        'matched as written (its spaces as any white space; "one\'s" as any possessive, "..." as one to three '
        'words: "dragged one\'s feet", "left ... feeling"), so a desk extends a class of words once rather '
        "than in every cue that needs it.",
        schema={
            "type": "object",
            "propertyNames": {"pattern": "^[a-z][a-z_]*$"},
            "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        },
        default=None,
    )
    lexicon: dict[str, list[str]] | None = option(
        "Claims in a word, by category: the names of word lists (`words`) whose entries make a sentence a claim "
        'wherever they stand in it ("inexplicably", "glum", "dragged one\'s feet"). They are found by '
        "looking the sentence's words up, not by a regular expression, so a list of a thousand costs no more "
        'than one of ten. A word counts in lower case, or opening the sentence ("Cedar Hollow" is a name). '
        "Its words compete with the cues: the first in the order of categories (those of `cues`, then of "
        "`lexicon`), and within one the first in the sentence, that stands in the reporter's own voice names "
        "the claim.",
        schema={
            "type": "object",
            "propertyNames": {"pattern": "^[a-z][a-z-]*$"},
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "pattern": "^[a-z][a-z_]*$"},
            },
        },
        default=None,
    )
    ignore_case: bool = ignore_case_option()


# `{name}` in a cue: a word list's name, which starts with a letter (a regex quantifier,
# `{2}` or `{0,3}`, starts with a digit).
WORD_LIST = re.compile(r"\{([a-z][a-z_]*)\}")


class UnknownWordList(re.error):
    """A cue names a word list the rule does not define; `location` is the cue's field
    ("cues.feeling.2"), which the rule loader reports, since the cue as written compiles."""

    location: tuple[str | int, ...] = ()


def expand_word_lists(pattern: str, words: Mapping[str, Sequence[str]]) -> str:
    """`pattern` with each `{name}` replaced by an alternation of the list's entries,
    longest first so "young people" wins over "people"; an unknown name is an error."""

    def alternation(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            known = ", ".join("{" + known + "}" for known in sorted(words)) or "none"
            raise UnknownWordList(f"unknown word list {{{name}}} (word lists: {known})")
        entries = sorted(words[name], key=lambda entry: (-len(entry), entry))
        return "(?:" + "|".join(map(entry_pattern, entries)) + ")"

    return WORD_LIST.sub(alternation, pattern)


# In a word list's entry, "one's" stands for any possessive ("dragged one's feet": "its",
# "their", ...) and "..." for one to three words ("left ... feeling"), as a dictionary
# writes an idiom; an apostrophe matches a curly one too.
POSSESSIVE = "(?:" + "|".join(re.escape(word).replace("'", "['’]") for word in sorted(POSSESSIVES)) + ")"
SOME_WORDS = r"(?:[\w'’-]+\s+)" + f"{{{GAP_WORDS[0]},{GAP_WORDS[-1]}}}?"


def entry_pattern(entry: str) -> str:
    """The expression for one word-list entry: its words as written, any white space
    between them, with the placeholders `expand_word_lists` documents."""
    pattern = ""
    for word in entry.split():
        if pattern and not pattern.endswith(SOME_WORDS):
            pattern += r"\s+"
        if word == GAP:
            pattern += SOME_WORDS
            continue
        pattern += POSSESSIVE if word.replace("’", "'") == ANY_POSSESSIVE else re.escape(word).replace("'", "['’]")
    return pattern


def _lexicon(lists: Mapping[str, Sequence[str]], words: Mapping[str, Sequence[str]]) -> ClaimLexicon:
    """The lexicon of the word lists `lists` names, by category."""
    entries: dict[str, list[str]] = {}
    for category, names in lists.items():
        for index, name in enumerate(names):
            if name not in words:
                known = ", ".join(sorted(words)) or "none"
                raise OptionError(f"unknown word list {name!r} (word lists: {known})", ("lexicon", category, index))
            entries.setdefault(category, []).extend(words[name])
    try:
        return ClaimLexicon(entries)
    except ValueError as exc:
        raise OptionError(str(exc), ("words",)) from None


__all__ = ["KIND", "Claim", "ClaimCheck", "ClaimOptions", "UnknownWordList", "expand_word_lists"]


class ClaimCheck(Check):
    def __init__(self, detector: ClaimDetector) -> None:
        self.detector = detector

    @classmethod
    def from_options(cls, options: ClaimOptions) -> ClaimCheck:
        flags = budget.IGNORECASE if options.ignore_case else 0

        def either(patterns: tuple[str, ...] | list[str]) -> budget.LazyPattern | None:
            """One regex for a list: a sentence is searched once per list, not once per pattern."""
            return (
                budget.compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), flags) if patterns else None
            )

        # Each cue its own expression, compiled when a sentence holds its words (see
        # `claimfinder.ClaimDetector`).
        words = options.words or {}
        cues: dict[str, list[budget.LazyPattern]] = {}
        for category, patterns in options.cues.items():
            cues[category] = []
            for index, pattern in enumerate(patterns):
                try:
                    expanded = expand_word_lists(pattern, words)
                except UnknownWordList as exc:
                    exc.location = ("cues", category, index)
                    raise
                cues[category].append(budget.compile_pattern(expanded, flags))
        lexicon = _lexicon(options.lexicon or {}, words)
        return cls(
            ClaimDetector(
                cues,
                either(options.routine),
                either(options.reported),
                options.carry,
                lexicon,
                list(options.lexicon or {}),
            )
        )

    def claims(self, context: Context) -> list[Claim]:
        """Every sentence that makes a claim, in document order, attributed or not. The
        rule's findings and the per-paragraph stats both need a file's claims: the
        context keeps them, so the cues run once per file."""
        return context.memo((self, "claims"), lambda: list(self.detector.claims(context.document)))

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        for claim in self.claims(context):
            if claim.attributed:
                continue
            sentence = claim.sentence
            yield rule.finding(
                sentence.start,
                sentence.end,
                claim.paragraph.index,
                sentence.text,
                suggestion=rule.suggestion,
                focus=claim.cue_span,
                match=claim.cue,
                category=claim.category,
            )


KIND = Kind(
    name="claim",
    title="a claim in the reporter's voice with no source in reach",
    options=ClaimOptions,
    make=ClaimCheck.from_options,
    placeholders=("match", "category", "suggestion"),
    module_doc=__doc__ or "",
    example="""\
cues:                        # regular expressions per category; the first match names it
  prediction:
    - '\\bwill\\s+(?:likely|probably|almost\\s+certainly)\\b'
  motive:
    - '\\b(?:appears?|seems?)\\s+(?:keen|eager|determined)\\b'
  feeling:
    - '\\b{population}\\s+(?:are|were)\\s+(?:furious|fed\\s+up)\\b'
words:                       # word lists a cue names as {name}
  population: [parents, residents, commuters, young people]
  judgement: [hapless, inexplicably, "dragged one's feet"]
lexicon:                     # word lists whose entries are claims in a word
  verdict: [judgement]
routine:                     # routine reporting: a sentence matching one makes no claim
  - '\\bdeclined\\s+to\\s+comment\\b'
reported:                    # words that report a view or finding the analysis did not source
  - '\\b(?:polls?|surveys?|study)\\b'
carry: paragraph             # or a number: sentences after a source that it still covers
ignore_case: true
""",
    scopes=("sentence",),
    skip_quotes="never",
    skip_attributed=False,
    exceptions=False,
)
