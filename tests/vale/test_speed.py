"""The Vale path's speed work finds what it found before (issue 23's speed target is
measured by bench/vale.py; nothing here is timed but the linear-not-quadratic check,
which compares the work at n and 4n in the same run)."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from newslint.vale.blocks import sentence_spans

# The pattern Vale sentences were cut with, kept here as the reference.
_REFERENCE = re.compile(r"[^.!?]*(?:[.!?]+[\"'”’)\]]*(?=\s|$)|$)", re.DOTALL)


def _reference_spans(text: str) -> list[tuple[int, int]]:
    return [found.span() for found in _REFERENCE.finditer(text) if found.end() > found.start()]


def test_sentence_spans_are_the_patterns_matches_on_random_text() -> None:
    alphabet = ["a", "b", " ", "\n", "\t", ".", "!", "?", '"', "'", "”", "’", ")", "]", "\u00a0", "1", "U.S."]
    chance = random.Random(23)
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randrange(0, 30)))
        assert list(sentence_spans(text)) == _reference_spans(text), repr(text)


def test_sentence_spans_on_news_copy() -> None:
    text = 'The U.S. economy may grow 1.5 pct this year. "It will," he said! Officials (said so.) Next\n'
    assert list(sentence_spans(text)) == _reference_spans(text)


def _seconds(spans: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        spans(text)
        best = min(best, time.perf_counter() - started)
    return best


def _growth(spans: Callable[[str], object]) -> float:
    """The time for sentences 4x as long over the time for the short ones: "1.5" fails
    the pattern at every character before it, so `finditer` is quadratic in the
    distance to it."""

    def story(words: int) -> str:
        return ("the economy grew " * words + "by 1.5 pct this year. ") * 10

    return _seconds(spans, story(200)) / _seconds(spans, story(50))


def test_sentence_spans_are_linear_in_long_sentences_with_decimals() -> None:
    growth = _growth(lambda text: list(sentence_spans(text)))
    assert growth < 10, f"4x the sentence length took {growth:.1f}x the time (linear: about 4, quadratic: 16)"
