"""`overused-word` rules: a content word the reporter leans on far more than its share.

"Cooperation" twelve times in 800 words is a tic, whatever the story. Words are counted
by a Porter stem joined only across inflections and common derivations
(`strategic`/`strategy`/`strategically`, `cooperate`/`cooperation`/`cooperative`; not
`internal`/`international`, not `police`/`policy`), in the reporter's voice only,
without stop words, figures or names (the story's subjects repeat legitimately). One
finding per overused stem, on the use that reaches `min_count`; the message has
`{count}`, `{share}`, `{forms}` and `{where}` (the other paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.checks.context import Context
from newslint.checks.kind import Kind, Options, option
from newslint.checks.repeated_phrase import STOP_WORDS_OPTION, STRINGS
from newslint.checks.rule import Rule
from newslint.model import Finding
from newslint.repetition import WordOptions, overused_words


@dataclass(frozen=True)
class OverusedWordOptions(Options):
    min_count: int = option(
        "Uses of a word (by stem, reporter's voice) before it can be overused.",
        schema={"type": "integer", "minimum": 2},
        default=6,
    )
    min_share: float = option(
        "Share of the reporter's content words (0.02: 2 in 100) a word must reach to be overused.",
        schema={"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        default=0.02,
    )
    min_article_words: int = option(
        "Articles with fewer reporter's words than this are not judged.",
        schema={"type": "integer", "minimum": 1},
        default=250,
    )
    subject_words: int = option(
        "The article's first this many words (headline and lede) name its topic; a word among them repeats by "
        "design and needs subject_min_count uses.",
        schema={"type": "integer", "minimum": 0},
        default=0,
    )
    subject_min_count: int | None = option(
        "Uses a topic word (one in the first subject_words words) needs to be flagged.",
        schema={"type": "integer", "minimum": 1},
        default=None,  # none: a topic word needs no more uses than any other
    )
    stop_words: tuple[str, ...] = option(STOP_WORDS_OPTION, schema=STRINGS, default=())
    ignore: tuple[str, ...] = option(
        "Regular expressions (case-insensitive) for words never counted, searched in the lower-case word.",
        schema=STRINGS,
        default=(),
        regex=True,
    )
    words: tuple[str, ...] = option(
        "Regular expressions (case-insensitive); when given, only a word with a form matching one is judged "
        "(the built-in rule: derived, abstract words such as -tion, -ment, -ic, -al).",
        schema=STRINGS,
        default=(),
        regex=True,
    )


class OverusedWordCheck(Check):
    def __init__(self, options: WordOptions, stop_words: tuple[str, ...] = ()) -> None:
        self.options = options
        self.stop_words = stop_words

    @classmethod
    def from_options(cls, options: OverusedWordOptions) -> OverusedWordCheck:
        return cls(
            WordOptions(
                min_count=int(options.min_count),
                min_share=float(options.min_share),
                min_article_words=int(options.min_article_words),
                ignore=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.ignore),
                word_patterns=tuple(re.compile(pattern, re.IGNORECASE) for pattern in options.words),
                subject_words=int(options.subject_words),
                subject_min_count=int(options.subject_min_count or 0),
            ),
            tuple(options.stop_words),
        )

    def find(self, context: Context, rule: Rule, earlier: list[Finding]) -> Iterator[Finding]:
        document = context.document
        words = context.words(self.stop_words)
        for use in overused_words(words, self.options):
            crossing = use.tokens[self.options.min_count - 1]
            start, end, paragraph = words.starts[crossing], words.ends[crossing], words.paragraphs[crossing]
            paragraphs = sorted({words.paragraphs[index] for index in use.tokens} - {paragraph})
            matched = document.text[start:end]
            yield rule.finding(
                start,
                end,
                paragraph,
                matched,
                match=matched,
                count=len(use.tokens),
                share=f"{100 * use.share:.1f}%",
                forms="/".join(use.forms),
                where=paragraph_list(paragraphs),
            )


def paragraph_list(paragraphs: list[int]) -> str:
    """¶1, ¶3–5, ¶8: runs of paragraphs folded, so the message stays one line."""
    runs: list[list[int]] = []
    for number in paragraphs:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"¶{run[0]}" if len(run) == 1 else f"¶{run[0]}–{run[-1]}" for run in runs)


KIND = Kind(
    name="overused-word",
    title="a word used far more than its share",
    options=OverusedWordOptions,
    make=OverusedWordCheck.from_options,
    placeholders=("match", "count", "share", "forms", "where"),
    module_doc=__doc__ or "",
    example="""\
min_count: 6
min_share: 0.01
min_article_words: 300
words: ['(?:tion|ment|ic|al|ly)s?$']  # only words with a form matching one are judged
stop_words: []
ignore: ['^officials?$']     # words never counted
""",
    scopes=("document",),
    skip_quotes="always",
    skip_attributed=False,
    exceptions=False,
)
