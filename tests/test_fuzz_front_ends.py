"""Fuzzing the Markdown and HTML front ends and the whole linter with hypothesis (issue 9).

In the suite each property runs a few hundred examples. For a long run set
NEWSLINT_FUZZ_EXAMPLES (see docs/robustness.md):

    NEWSLINT_FUZZ_EXAMPLES=20000 python -m pytest -q tests/test_fuzz_front_ends.py

A crash a long run finds becomes a regression test at the bottom of this file.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.analysis import analyse
from newslint.parse import parse
from newslint.positions import LineIndex

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces of markup, entities and prose that make the parsers take their less travelled
# paths: nesting, unclosed tags, entities that decode to line breaks or to nothing.
MARKDOWN_PIECES = [
    "# ",
    "## ",
    "> ",
    ">> ",
    "- ",
    "* ",
    "1. ",
    "```",
    "~~~",
    "    ",
    "`",
    "**",
    "_",
    "[",
    "]",
    "(",
    ")",
    "](http://x.y)",
    "![",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "---\n",
    "title: x\n",
    "|",
    "|---|",
    "[^1]",
    "[^1]: ",
    "\\",
    "&amp;",
    "&#10;",
    "&#0;",
    "&nbsp;",
    "<http://a.b>",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "may",
    "could",
    " said",
    "Smith",
    '"',
    "“",
    "”",
    "'",
    "é",
    "🚀",
    "\u200b",
    "\t",
]
HTML_PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<blockquote>",
    "</blockquote>",
    "<h1>",
    "</h1>",
    "<li>",
    "<ul>",
    "<br>",
    "<br/>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<pre>",
    "</pre>",
    "<code>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<a href='x'>",
    "</a>",
    '<img alt="may">',
    "&amp;",
    "&lt;",
    "&#10;",
    "&#13;",
    "&#x0;",
    "&#1114112;",
    "&nbsp;",
    "&unknown;",
    "&",
    "<",
    ">",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "may",
    "could",
    " said",
    "Smith",
    '"',
    "“",
    "”",
    "'",
    "é",
    "🚀",
    "\u200b",
    "\t",
    "<title>",
    "</title>",
    "<q>",
    "</q>",
]


def _documents(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=4)), max_size=60).map("".join),
        st.text(max_size=200),
    )


MARKDOWN = _documents(MARKDOWN_PIECES)
HTML = _documents(HTML_PIECES)


def _assert_parsed(source: str, input_format: str) -> None:
    parsed = parse(source, input_format)
    assert len(parsed.text) == len(source)
    for index, char in enumerate(source):
        if char in "\r\n":
            assert parsed.text[index] == char, f"line break at {index} lost"
        else:
            assert parsed.text[index] not in "\r\n", f"line break added at {index}"
    previous_end = 0
    for block in parsed.blocks:
        assert previous_end <= block.start < block.end <= len(source)
        previous_end = block.end
    for start, end in parsed.quotations:
        assert 0 <= start <= end <= len(source)


def _assert_findings(source: str, input_format: str) -> None:
    findings = lint_text(source, input_format=input_format)
    index = LineIndex(source)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(source)
        assert source[finding.start : finding.end] == finding.text
        line, column = index.position(finding.start)
        line_start = index.position(finding.start - column + 1)
        assert line_start == (line, 1)
    document = analyse(source, input_format=input_format)
    previous_end = 0
    for paragraph in document.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(source)
        previous_end = paragraph.end
        sentence_end = paragraph.start
        for sentence in paragraph.sentences:
            assert sentence_end <= sentence.start < sentence.end <= paragraph.end
            sentence_end = sentence.end


@FUZZ
@given(MARKDOWN)
def test_markdown_front_end_keeps_offsets(source):
    _assert_parsed(source, "markdown")


@FUZZ
@given(HTML)
def test_html_front_end_keeps_offsets(source):
    _assert_parsed(source, "html")


@FUZZ
@given(MARKDOWN)
def test_linting_markdown_never_raises_and_findings_point_at_their_text(source):
    _assert_findings(source, "markdown")


@FUZZ
@given(HTML)
def test_linting_html_never_raises_and_findings_point_at_their_text(source):
    _assert_findings(source, "html")


@FUZZ
@given(st.one_of(MARKDOWN, HTML))
def test_linting_plain_text_never_raises_and_findings_point_at_their_text(source):
    _assert_findings(source, "text")


# Regressions found by fuzzing.


def test_decoded_line_break_entity_does_not_move_line_breaks():
    # Found by the fuzzer: "&#10;" decoded into the analysis text put a line break where
    # the file has "&", so lines and paragraphs disagreed with the source.
    for input_format in ("markdown", "html"):
        _assert_parsed("Rates &#10;may&#13; rise.\n\nNext.", input_format)
        _assert_findings("Rates &#10;may&#13; rise.\n\nNext.", input_format)


def test_html_lone_carriage_return_does_not_shift_blocks():
    # Found by the 10,000-example run: HTMLParser counts lines by "\n" only, the reader
    # by "\r" too, so after a lone "\r" every block was placed on the wrong line.
    _assert_parsed("\r<!--\n<p><p>&", "html")
    parsed = parse("\r<p>x\n<p>y", "html")
    assert [(block.start, block.end) for block in parsed.blocks] == [(4, 5), (9, 10)]


def test_unclosable_html_markup_is_read_in_linear_time():
    # "<a <a <a ..." and a run of unclosed comments made HTMLParser search to the end of
    # the file once per "<": 24 s for 40,000 characters, hours for a megabyte.
    import time

    for unit in ("<a ", "<!--", "<a b='", "<a <a>"):
        source = unit * (200_000 // len(unit))
        started = time.monotonic()
        _assert_parsed(source, "html")
        assert time.monotonic() - started < 10, unit
    parsed = parse("<p>Hello <!-- may rise</p><p>Rates may fall.</p>", "html")
    assert parsed.text == "   Hello <!-- may rise       Rates may fall.    "
