"""Readability scores per paragraph and per article, computed by textstat.

The figures are textstat's own, on the exact text shown (a paragraph's text; for the
article, its prose paragraphs joined by blank lines), so an editor can reproduce any
number with textstat directly. Syllables come from CMUdict via `newslint.syllables`:
no download, the same score on every machine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol, cast

from newslint.model import Document, Paragraph
from newslint.syllables import install as install_syllables

# Grade-level measures (higher is harder) and Flesch reading ease (higher is easier).
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall_readability_score",
    "coleman_liau_index",
    "automated_readability_index",
)
# SMOG counts polysyllables per 30 sentences; textstat returns 0 below 3 sentences.
SMOG_MIN_SENTENCES = 3
# A paragraph is prose (and counts towards the article's score) when it ends a sentence;
# headlines, bylines, datelines and "Leave a Reply" have no full stop and no sentences
# for a formula to count.
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class Scores:
    words: int
    sentences: int
    words_per_sentence: float
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float | None  # None: fewer than SMOG_MIN_SENTENCES sentences
    dale_chall_readability_score: float
    coleman_liau_index: float
    automated_readability_index: float

    def as_json(self) -> dict[str, float | int | None]:
        return {key: round(value, 2) if isinstance(value, float) else value for key, value in asdict(self).items()}


class _Textstat(Protocol):
    """The textstat functions newslint calls, with the types they return."""

    def lexicon_count(self, text: str) -> int: ...
    def sentence_count(self, text: str) -> int: ...
    def words_per_sentence(self, text: str) -> float: ...
    def flesch_reading_ease(self, text: str) -> float: ...
    def flesch_kincaid_grade(self, text: str) -> float: ...
    def gunning_fog(self, text: str) -> float: ...
    def smog_index(self, text: str) -> float: ...
    def dale_chall_readability_score(self, text: str) -> float: ...
    def coleman_liau_index(self, text: str) -> float: ...
    def automated_readability_index(self, text: str) -> float: ...


def _textstat() -> _Textstat:
    install_syllables()
    import textstat

    # textstat annotates these functions but ships no py.typed marker, so mypy reads the
    # module as Any: `_Textstat` restates the annotations newslint relies on.
    return cast(_Textstat, textstat)


def word_count(text: str) -> int:
    """textstat's word count: cheap, so rules check it before computing any score."""
    return _textstat().lexicon_count(text)


def measure(text: str, metric: str) -> float | None:
    """One textstat measure of `text` (None for SMOG under SMOG_MIN_SENTENCES sentences).
    A rule needs one number; computing all of them would cost it several times over."""
    textstat = _textstat()
    if metric == "smog_index" and textstat.sentence_count(text) < SMOG_MIN_SENTENCES:
        return None
    formula: Callable[[str], float] = getattr(textstat, metric)  # one of METRICS
    return formula(text)


@functools.lru_cache(maxsize=1024)
def score(text: str) -> Scores:
    """Every figure for `text`, for the stats table and JSON (cached: the text and JSON
    reports of one run ask for the same paragraphs)."""
    textstat = _textstat()

    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    return Scores(
        words=words,
        sentences=sentences,
        words_per_sentence=textstat.words_per_sentence(text) if words else 0.0,
        flesch_reading_ease=textstat.flesch_reading_ease(text),
        flesch_kincaid_grade=textstat.flesch_kincaid_grade(text),
        gunning_fog=textstat.gunning_fog(text),
        smog_index=textstat.smog_index(text) if sentences >= SMOG_MIN_SENTENCES else None,
        dale_chall_readability_score=textstat.dale_chall_readability_score(text),
        coleman_liau_index=textstat.coleman_liau_index(text),
        automated_readability_index=textstat.automated_readability_index(text),
    )


def is_prose(paragraph: Paragraph) -> bool:
    return bool(_ENDS_SENTENCE.search(paragraph.text))


def article_text(document: Document) -> str:
    """The text the article's scores are computed on: its prose paragraphs."""
    return "\n\n".join(paragraph.text for paragraph in document.paragraphs if is_prose(paragraph))


@dataclass(frozen=True)
class ReadabilityStats:
    paragraphs: list[Scores]  # one per paragraph, in order
    article: Scores

    def as_json(self) -> dict[str, Any]:
        return {
            "paragraphs": [
                {"paragraph": index, **scores.as_json()} for index, scores in enumerate(self.paragraphs, start=1)
            ],
            "article": self.article.as_json(),
        }


def readability_stats(document: Document) -> ReadabilityStats:
    return ReadabilityStats([score(paragraph.text) for paragraph in document.paragraphs], score(article_text(document)))
