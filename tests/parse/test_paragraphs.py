"""Plain-text paragraphs: blank lines, wire-copy indentation, line endings and the BOM."""

from __future__ import annotations

import itertools

import pytest

from newslint.analysis import analyse
from newslint.errors import InputError
from newslint.parse import split_paragraphs
from newslint.source import decode


def paragraphs(text: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraphs(text)]


# Blank lines


def test_blank_line_separates_paragraphs():
    assert paragraphs("First paragraph.\n\nSecond paragraph.\n") == ["First paragraph.", "Second paragraph."]


def test_several_blank_lines_are_one_break():
    assert paragraphs("One.\n\n\n\nTwo.") == ["One.", "Two."]


def test_line_of_spaces_and_tabs_counts_as_blank():
    assert paragraphs("One.\n  \t \nTwo.") == ["One.", "Two."]


def test_lines_without_a_blank_between_are_one_paragraph():
    assert paragraphs("A hard-wrapped\nparagraph of copy.") == ["A hard-wrapped\nparagraph of copy."]


def test_empty_and_blank_text_have_no_paragraphs():
    assert split_paragraphs("") == []
    assert split_paragraphs("\n \n\t\n") == []


def test_text_without_final_newline():
    assert paragraphs("One.\n\nTwo.") == ["One.", "Two."]


# Line endings


def test_crlf_line_endings():
    text = "One.\r\n\r\nTwo,\r\ncontinued.\r\n"
    assert paragraphs(text) == ["One.", "Two,\r\ncontinued."]


def test_lone_cr_line_endings():
    text = "One.\r\rTwo,\rcontinued.\r"
    assert paragraphs(text) == ["One.", "Two,\rcontinued."]


def test_crlf_wire_copy_with_indented_first_lines():
    text = "    First paragraph\r\ncontinues.\r\n    Second paragraph.\r\n"
    assert paragraphs(text) == ["First paragraph\r\ncontinues.", "Second paragraph."]


# BOM


def test_decode_strips_bom():
    assert decode("\ufeffHeadline\n\nBody.".encode(), "a.txt") == "Headline\n\nBody."


def test_paragraph_offsets_count_from_after_the_bom():
    text = decode("\ufeffHeadline\n\nBody.".encode(), "a.txt")
    assert split_paragraphs(text) == [(0, 8), (10, 15)]


def test_decode_keeps_line_endings():
    assert decode(b"One.\r\n\r\nTwo.\r", "a.txt") == "One.\r\n\r\nTwo.\r"


def test_decode_rejects_invalid_utf8():
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode(b"caf\xe9", "a.txt")


def test_decode_rejects_binary():
    with pytest.raises(InputError, match="binary"):
        decode(b"abc\x00def", "a.txt")


# Reuters wire convention


WIRE = (
    "Showers continued throughout the week in the northern growing\n"
    "zone, the bureau said.\n"
    "    The dry period means the harvest will be late this year,\n"
    "the bureau said.\n"
    "    Exporters may struggle to meet contracts.\n"
)


def test_wire_indented_first_line_starts_a_paragraph():
    assert paragraphs(WIRE) == [
        "Showers continued throughout the week in the northern growing\nzone, the bureau said.",
        "The dry period means the harvest will be late this year,\nthe bureau said.",
        "Exporters may struggle to meet contracts.",
    ]


def test_wire_tab_indent_starts_a_paragraph():
    assert paragraphs("\tFirst line\nmargin line.\n\tSecond.") == ["First line\nmargin line.", "Second."]


def test_block_whose_every_line_is_indented_is_one_paragraph():
    text = "    An indented block\n    of two lines.\n"
    assert paragraphs(text) == ["An indented block\n    of two lines."]


def test_headline_before_wire_paragraphs_is_its_own_paragraph():
    text = "BRAZIL COFFEE ARRIVALS RISE\n    SAO PAULO, March 3 - Arrivals rose\nlast week.\n"
    assert paragraphs(text) == ["BRAZIL COFFEE ARRIVALS RISE", "SAO PAULO, March 3 - Arrivals rose\nlast week."]


def test_one_line_headline_and_dateline_are_their_own_paragraphs():
    text = "Council approves budget\n\nSPRINGFIELD, Ill. (AP) —\n\nThe council voted 7-2."
    assert paragraphs(text) == ["Council approves budget", "SPRINGFIELD, Ill. (AP) —", "The council voted 7-2."]


def test_wire_and_blank_lines_mixed():
    text = "Headline\n\n    First para\nmore.\n    Second para.\n\nThird para."
    assert paragraphs(text) == ["Headline", "First para\nmore.", "Second para.", "Third para."]


# Spans


def test_spans_are_trimmed_of_surrounding_white_space():
    text = "\n\n   Lead paragraph.   \n\n\tSecond.\t\n"
    spans = split_paragraphs(text)
    assert [text[start:end] for start, end in spans] == ["Lead paragraph.", "Second."]
    for start, end in spans:
        assert not text[start].isspace() and not text[end - 1].isspace()


def test_paragraph_text_is_the_slice_of_its_span():
    text = "Headline\r\n\r\n  Body starts\r\nand ends.  \r\n"
    document = analyse(text)
    assert [p.text for p in document.paragraphs] == ["Headline", "Body starts\r\nand ends."]
    for paragraph in document.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


def test_paragraphs_are_numbered_from_one():
    assert [p.index for p in analyse("A.\n\nB.\n\nC.").paragraphs] == [1, 2, 3]


def test_paragraphs_are_in_order_and_never_overlap():
    text = "Head\n\n" + WIRE + "\n\n  indented\n  block\n\nTail.\r\n\r\nEnd."
    spans = split_paragraphs(text)
    assert len(spans) == 7
    for (_, previous_end), (start, end) in itertools.pairwise(spans):
        assert previous_end < start < end
