"""`repeated-phrase` rules: a phrase of two to six words the reporter has already used.

"Strategic partnership" four times in one story reads as padding. Each repeat is reported
where it occurs, pointing back to the use it repeats, so the editor can choose which to
keep. Only the reporter's words count: a phrase repeated only inside quotations is the
source's, and never flagged, but the reporter retelling a quotation's wording in the
paper's own voice is (with `count_quoted`). A phrase never runs across punctuation, a
quotation mark or a sentence end; it starts and ends on a content word; sentences that
are mostly figures (results tables) are skipped. The message's `{where}` is the use it
repeats (`¶4, line 9`, or `¶6, line 14, in a quotation`). Tokenising, stems and n-grams
live in `newslint.repetition`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.casefold import fold
from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.prefilter import prefilter_for
from newslint.checks.rule import Rule
from newslint.model import Finding
from newslint.repetition import PhraseOptions, Use, Words, repeated_phrases

STOP_WORDS_OPTION = (
    "Words added to the built-in English stop words (function words, reporting verbs, days, months, units): "
    "they never count as content."
)
STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class RepeatedPhraseOptions(Options):
    min_words: int = option("Shortest phrase, in words.", schema={"type": "integer", "minimum": 2}, default=2)
    max_words: int = option(
        "Longest phrase, in words; the longest repeated phrase is reported, not its parts.",
        schema={"type": "integer", "minimum": 2, "maximum": 12},
        default=6,
    )
    min_content_words: int = option(
        "Content words (not stop words, figures or names) a phrase needs to count.",
        schema={"type": "integer", "minimum": 1},
        default=2,
    )
    min_count: int = option(
        "Reporter's uses that make a phrase repeated; each use after the first is then reported. A reporter's "
        "use of a quoted phrase needs no more.",
        schema={"type": "integer", "minimum": 2},
        default=2,
    )
    subject_words: int = option(
        "Phrases used within the article's first this many words (headline and lede) name the story's subject "
        "and are never reported.",
        schema={"type": "integer", "minimum": 0},
        default=0,
    )
    count_quoted: bool = option(
        "A reporter's use of a phrase that a quotation also uses counts as a repeat of the quoted use.",
        schema={"type": "boolean"},
        default=True,
    )
    stop_words: tuple[str, ...] = option(STOP_WORDS_OPTION, schema=STRINGS, default=())
    ignore: tuple[str, ...] = option(
        "Regular expressions (case-insensitive) for phrases never reported, searched in the phrase's lower-case text.",
        schema=STRINGS,
        default=(),
        regex=True,
    )
    words: tuple[str, ...] = option(
        "Regular expressions (case-insensitive); when given, a phrase counts only if one of its words matches "
        "one (the built-in rule: derived, abstract words such as -tion, -ment, -ic, -al, -ly).",
        schema=STRINGS,
        default=(),
        regex=True,
    )


class RepeatedPhraseCheck(Check):
    def __init__(self, options: PhraseOptions, stop_words: tuple[str, ...] = ()) -> None:
        self.options = options
        self.stop_words = stop_words

    @classmethod
    def from_options(cls, options: RepeatedPhraseOptions) -> RepeatedPhraseCheck:
        return cls(
            PhraseOptions(
                min_words=int(options.min_words),
                max_words=int(options.max_words),
                min_content_words=int(options.min_content_words),
                count_quoted=bool(options.count_quoted),
                subject_words=int(options.subject_words),
                min_count=int(options.min_count),
                word_patterns=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.words),
                ignore=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.ignore),
            ),
            tuple(options.stop_words),
        )

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        if not self._may_hold_a_counted_word(document.text):
            return
        words = context.words(self.stop_words)
        for repeat in repeated_phrases(words, self.options):
            start = words.starts[repeat.use.first]
            end = words.ends[repeat.use.last]
            matched = document.text[start:end]
            yield rule.finding(
                start,
                end,
                words.paragraphs[repeat.use.first],
                matched,
                match=" ".join(matched.split()),
                where=where(words, repeat.earlier),
            )

    def _may_hold_a_counted_word(self, text: str) -> bool:
        """False when the rule's `words` say which words a phrase needs and the text holds
        the literals of none of them: then no phrase can count, and the article's words
        (the costly part) need not be read. A rule restricted to rare words ("embattled")
        is then almost free on the many stories without them."""
        patterns = self.options.word_patterns
        if not patterns:
            return True
        folded = fold(text)
        return any(prefilter_for(pattern.pattern, pattern.flags).may_match(folded) for pattern in patterns)


def where(words: Words, use: Use) -> str:
    """'¶2, line 5', or '¶6, line 14, in a quotation', as an editor looks for it."""
    paragraph, line = words.paragraphs[use.first], words.line_of(words.starts[use.first])
    return paragraph_and_line(paragraph, line) + (", in a quotation" if use.quoted else "")


def paragraph_and_line(paragraph: int, line: int) -> str:
    """Where an earlier use is, in every repetition message: '¶2, line 5'."""
    return f"¶{paragraph}, line {line}"


KIND = Kind(
    name="repeated-phrase",
    title="a phrase the reporter has already used",
    options=RepeatedPhraseOptions,
    make=RepeatedPhraseCheck.from_options,
    placeholders=("match", "where"),
    module_doc=__doc__ or "",
    example="""\
min_words: 2
max_words: 6
min_content_words: 2
min_count: 4
subject_words: 40            # phrases in the first 40 words (headline, lede) are the subject
count_quoted: true
words: ['(?:tion|ment|ic|al|ly)s?$']  # a phrase needs a word matching one (none: any words)
stop_words: [officials]      # added to the built-in English stop words
ignore: ['^prime minister$'] # phrases never reported (case-insensitive, searched in the phrase)
""",
    scopes=("document",),
    skip_quotes="always",
    skip_attributed=False,
    exceptions=False,
)
