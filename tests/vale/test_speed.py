"""The Vale path's speed work finds what it found before (issue 23's speed target is
measured by bench/vale.py; nothing here is timed but the linear-not-quadratic check,
which compares the work at n and 4n in the same run)."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from newslint.vale import checks
from newslint.vale.blocks import sentence_spans
from newslint.vale.ini import read_config
from newslint.vale.run import ValeRun

# A sentence ends at a run of terminators and its closing quotes followed by white space
# or the end; the reference finds those ends the slow, obvious way.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")


def _reference_spans(text: str) -> list[tuple[int, int]]:
    ends = []
    for position in range(len(text)):
        if text[position] in ".!?" and (position == 0 or text[position - 1] not in ".!?"):
            found = _END.match(text, position)
            if found:
                ends.append(found.end())
    spans, start = [], 0
    for end in ends:
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def test_sentence_spans_are_the_patterns_matches_on_random_text() -> None:
    alphabet = ["a", "b", " ", "\n", "\t", ".", "!", "?", '"', "'", "”", "’", ")", "]", "\u00a0", "1", "U.S."]
    chance = random.Random(23)
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randrange(0, 30)))
        assert list(sentence_spans(text)) == _reference_spans(text), repr(text)


def test_sentence_spans_on_news_copy() -> None:
    text = 'The U.S. economy may grow 1.5 pct this year. "It will," he said! Officials (said so.) Next\n'
    assert list(sentence_spans(text)) == _reference_spans(text)
    # A "." inside a word or a figure ("1.5", the first of "U.S.") cuts nothing away:
    # the sentences cover the text, so a sentence-scoped rule still sees "may".
    spans = list(sentence_spans(text))
    assert "".join(text[start:end] for start, end in spans) == text
    assert any("economy may grow 1.5 pct" in text[start:end] for start, end in spans)


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


# Word lists with the traps narrowing must not fall into: overlapping tokens (the first
# in the list wins at a place), phrases across lines, a backreference (not narrowed),
# `raw` beside the tokens, a swap with groups, and a consistency pair.
_HOUSE = {
    "Words.yml": "extends: existence\nmessage: \"'%s'\"\nignorecase: true\n"
    "tokens: [may, may well, might, 'could\\s+potentially', U\\.S\\., '\\d+ pct']\n",
    "Doubled.yml": "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens: ['\\b(\\w+) \\1\\b', zz]\n",
    "Raw.yml": "extends: existence\nmessage: \"'%s'\"\nraw: ['(?:said|says)\\s+']\ntokens: [he, she, officials]\n",
    "Swap.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
    "swap: {slammed: criticized, 'blast(ed|ing)': 'criticiz$1', per cent: percent, pct: percent}\n",
    "Spelling.yml": "extends: consistency\nmessage: \"Inconsistent '%s'.\"\neither: {colour: color, theatre: theater}\n",
}
_STORIES = [
    "The U.S. economy may well grow 1.5 pct this year, officials said. It may not.\n\n"
    "Prices could\npotentially rise, he said. The senator slammed the plan, and the the\n"
    "minister was blasting it. The colour of the theater; the color.\n",
    "Nothing here matches any word list at all.\n",
    "MAY Might might. Analysts said she was blasted per cent 4 pct.\n",
]


def test_narrowed_word_lists_find_what_the_whole_lists_find(tmp_path: Path, monkeypatch) -> None:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    for name, text in _HOUSE.items():
        (style / name).write_text(text, encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = House\n", "utf-8")

    def alerts() -> list[list[str]]:
        run = ValeRun(read_config(str(ini)), warn=lambda message: None)
        return [
            [alert.vale_line() for alert in run.lint(f"s{n}.{ext}", f"s{n}.{ext}", story, fmt)]
            for n, story in enumerate(_STORIES)
            for ext, fmt in (("txt", "text"), ("md", "markdown"))
        ]

    narrowed = alerts()
    monkeypatch.setattr(checks, "for_file", lambda check, text: check)  # every rule, whole
    assert narrowed == alerts()
    assert any(narrowed), "the stories match the word lists"
    rules = ValeRun(read_config(str(ini)), warn=lambda message: None).style("House")
    assert rules["House.Doubled"].check.alternation is None  # a backreference: never narrowed
    assert rules["House.Words"].check.alternation is not None
