"""Sentences and words with character offsets, using no downloaded data.

nltk's Punkt algorithm normally loads trained parameters with `nltk.download`; here the
parameters are built from the abbreviation and sentence-starter lists below, tuned for
news copy (AP style abbreviations, courtesy and military titles, months, state
abbreviations as used in datelines). Nothing is fetched, so results are the same on
every machine, online or not.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from newslint.nltk_import import bare_nltk

# Lower-cased, without the final period, as Punkt stores them.
NEWS_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cpl adm cmdr lt.gov
    rev msgr fr sr jr st ste mt ft pres supt det insp atty
    jan feb mar apr aug sept sep oct nov dec
    u.s u.k u.n u.s.a e.u d.c a.m p.m i.e e.g
    inc corp co ltd llc plc bros dept assn univ ave blvd rd hwy
    no nos vs v etc approx est fig vol pp
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn
    vt va wash w.va wis wyo
    """.split()
)

# Capitalised words that, after an abbreviation, almost always start a new sentence
# ("... at 5 p.m. The mayor ...").
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i this that these those there his her its their but
    in on at for after before when while if as however meanwhile still yet so
    """.split()
)

# Abbreviations that are also everyday words: "No. 5" and "Springfield, Mass." are
# abbreviations, but "he said no." and "she fell ill." end a sentence.
WORD_ABBREVIATIONS = frozenset({"no", "ill", "miss", "mass", "wash", "ore"})

_WORD = re.compile(r"\w+(?:['’.-]\w+|(?<=\d)[,/]\d+)*", re.UNICODE)
# A question or exclamation mark, perhaps inside closing quotes: “Why now?” he asked.
_QUESTION_END = re.compile(r"[?!][\"”’')]*$")


@functools.cache
def _punkt() -> Any:  # nltk ships no types
    # Imported lazily, and without nltk's package __init__ (see newslint.nltk_import).
    with bare_nltk():
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # type: ignore[import-untyped]

    class NewsPunkt(PunktSentenceTokenizer):  # type: ignore[misc]
        def _first_pass_annotation(self, aug_tok: Any) -> None:
            """Punkt compares abbreviations in lower case; the word forms of
            WORD_ABBREVIATIONS abbreviate only when capitalised."""
            super()._first_pass_annotation(aug_tok)
            if aug_tok.abbr and aug_tok.tok[:-1] in WORD_ABBREVIATIONS:
                aug_tok.abbr = False
                aug_tok.sentbreak = True

    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return NewsPunkt(params)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, offsets relative to `text`.

    Punkt ends a sentence at every "?" and "!", so “Why now?” he asked would lose its
    attribution to the next sentence; a piece starting in lower case is rejoined."""
    spans: list[tuple[int, int]] = []
    for start, end in _punkt().span_tokenize(text):
        # Punkt's first span keeps any white space the text starts with.
        start = end - len(text[start:end].lstrip())
        if spans and text[start].islower() and _QUESTION_END.search(text, max(0, spans[-1][1] - 8), spans[-1][1]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word: letters and digits, keeping inner apostrophes,
    hyphens and periods ("O'Brien", "state-run", "U.S"), and a figure's separators
    ("21,782,929", "6-1/8" are one word each, as a copy desk counts them)."""
    return [m.span() for m in _WORD.finditer(text)]


# `text` cut at the words of `word_spans`: [before the first word, first word, gap, second
# word, ..., after the last word], the words at odd indexes. One pass gives the words, what
# separates them and (from the lengths) their offsets. The compiled pattern's own method:
# callers split every sentence of every story.
words_and_gaps: Callable[[str], list[str]] = re.compile(f"({_WORD.pattern})").split


def first_word_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the first word, as `word_spans` would give it, without finding
    the others: a paragraph's opener should not cost a pass over the paragraph."""
    match = _WORD.search(text)
    return match.span() if match else None


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
