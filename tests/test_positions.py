"""Offsets to 1-based line and column: every line ending, characters not bytes."""

from __future__ import annotations

import pytest

from newslint.positions import LineIndex


def position(text: str, offset: int) -> tuple[int, int]:
    return LineIndex(text).position(offset)


def test_first_character():
    assert position("Hello", 0) == (1, 1)


def test_last_character():
    assert position("Hello", 4) == (1, 5)


def test_end_of_text_is_just_after_the_last_character():
    assert position("Hello", 5) == (1, 6)


def test_empty_text():
    assert position("", 0) == (1, 1)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_ending(newline):
    text = f"ab{newline}cd{newline}{newline}ef"
    index = LineIndex(text)
    assert index.position(text.index("c")) == (2, 1)
    assert index.position(text.index("d")) == (2, 2)
    assert index.position(text.index("e")) == (4, 1)


def test_crlf_is_one_line_break():
    text = "a\r\nb"
    assert position(text, 3) == (2, 1)


def test_lone_cr_then_lf_is_two_line_breaks():
    text = "a\n\rb"
    assert position(text, 3) == (3, 1)


def test_line_break_belongs_to_the_line_it_ends():
    text = "ab\ncd"
    assert position(text, 2) == (1, 3)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_exclusive_end_of_a_line(newline):
    text = f"first{newline}second"
    assert position(text, len("first")) == (1, 6)
    assert position(text, len(text)) == (2, 7)


def test_span_end_just_after_a_line_break_is_the_next_line_start():
    text = "one\ntwo"
    assert position(text, 4) == (2, 1)


def test_tab_is_one_column():
    text = "\tword\t\tx"
    assert position(text, text.index("w")) == (1, 2)
    assert position(text, text.index("x")) == (1, 8)


@pytest.mark.parametrize("character", ["é", "😀", "“", "’", "—"])
def test_non_ascii_character_is_one_column(character):
    text = f"a{character}b\n{character}c"
    assert position(text, text.index("b")) == (1, 3)
    assert position(text, text.index("c")) == (2, 2)


def test_combining_accent_counts_as_its_own_character():
    text = "e\u0301x"  # e + combining acute: two code points
    assert position(text, 2) == (1, 3)


def test_many_lines():
    text = "".join(f"line {n}\n" for n in range(1000))
    index = LineIndex(text)
    offset = text.index("line 737")
    assert index.position(offset) == (738, 1)
    assert index.position(offset + 5) == (738, 6)
