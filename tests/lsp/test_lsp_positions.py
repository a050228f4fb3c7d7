"""Offsets ↔ LSP positions: UTF-16 by default, the protocol's line breaks only."""

from __future__ import annotations

import pytest

from newslint.lsp.documents import Change, OpenDocument
from newslint.lsp.positions import UTF8, UTF16, UTF32, LineIndex, Position


@pytest.mark.parametrize(("encoding", "column"), [(UTF16, 3), (UTF8, 5), (UTF32, 2)])
def test_an_astral_character_counts_by_the_agreed_encoding(encoding: str, column: int) -> None:
    index = LineIndex("a🙂b", encoding)  # the emoji: 2 UTF-16 units, 4 UTF-8 bytes, 1 code point
    assert index.position(2) == Position(0, column)
    assert index.offset(Position(0, column)) == 2


def test_lines_break_at_lf_crlf_and_cr_only() -> None:
    text = "one\r\ntwo\rthree\nfour\u2028still four\x0cand still"
    index = LineIndex(text)
    assert index.position(text.index("two")) == Position(1, 0)
    assert index.position(text.index("three")) == Position(2, 0)
    assert index.position(text.index("still four")) == Position(3, 5)
    assert index.position(text.index("and still")) == Position(3, 16)


def test_positions_past_the_end_are_clamped() -> None:
    index = LineIndex("ab\ncd")
    assert index.offset(Position(0, 99)) == 2  # the end of the line, before its break
    assert index.offset(Position(7, 0)) == 5
    assert index.position(99) == Position(1, 2)


def test_a_position_inside_a_surrogate_pair_is_the_character_start() -> None:
    assert LineIndex("🙂x").offset(Position(0, 1)) == 0


def test_incremental_changes_apply_in_order() -> None:
    document = OpenDocument("file:///s.txt", "The plan\nworks.\n")
    document.apply(
        [Change("new ", Position(0, 4), Position(0, 4)), Change("🙂", Position(1, 0), Position(1, 0))], version=2
    )
    assert document.text == "The new plan\n🙂works.\n"
    document.apply([Change("!", Position(1, 7), Position(1, 8))], version=3)  # the emoji is 2 units
    assert document.text == "The new plan\n🙂works!\n"
    document.apply([Change("all new")], version=4)
    assert (document.text, document.version) == ("all new", 4)
