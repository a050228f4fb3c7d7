"""The fix path on Markdown and HTML, fuzzed with hypothesis (issue 20, item 1).

For any document: every fix `--fix` would make lies inside prose the file holds verbatim
(no markup, URL, code or entity inside), the text outside the fixed spans is byte for
byte the original, and the fixed file parses to the same markup: the same tags,
attributes, link targets, code and HTML, in the same order. The markup is read here
with the parsers themselves (pyromark's events, the standard library's HTMLParser), not
with newslint's own view of them. NEWSLINT_FUZZ_EXAMPLES sets the number of examples,
as for `test_fuzz_front_ends.py`.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.fixes import Markup, apply_edits, plan_edits
from newslint.linter import Linter, Options
from newslint.parse import parse

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Doubled words (repetition.doubled is fixable) next to every kind of markup.
WORDS = ["the", "the ", " the ", "the the", " the the ", "a a ", "It ", "read ", ".", " "]
MARKDOWN_PIECES = [
    *WORDS,
    "[",
    "](https://e.com/the)",
    "`",
    "*",
    "**",
    "_",
    "~~",
    "<b>",
    "</b>",
    "<br>",
    "&amp;",
    "&#32;",
    "\\",
    "\n",
    "\n\n",
    "  \n",
    "> ",
    "- ",
    "# ",
    "<https://e.com>",
    "[the the]",
    "\n\n[the the]: https://e.com/r\n",
    '"',
]
HTML_PIECES = [
    *WORDS,
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br>",
    "<a href='the the'>",
    "</a>",
    "<code>",
    "</code>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&#32;",
    "&nbsp;",
    "<blockquote>",
    "</blockquote>",
    "\n",
    "\n\n",
    '"',
]


def _documents(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), min_size=1, max_size=40).map("".join)


def _markdown_markup(source: str) -> list[object]:
    import pyromark

    options = (
        pyromark.Options.ENABLE_TABLES
        | pyromark.Options.ENABLE_FOOTNOTES
        | pyromark.Options.ENABLE_STRIKETHROUGH
        | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    )
    return [event for event in pyromark.events(source, options=options) if not _is_text(event)]


def _is_text(event: object) -> bool:
    return isinstance(event, dict) and "Text" in event


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.markup: list[object] = []

    def handle_starttag(self, tag, attrs):
        self.markup.append(("start", tag, attrs))

    def handle_endtag(self, tag):
        self.markup.append(("end", tag))

    def handle_startendtag(self, tag, attrs):
        self.markup.append(("startend", tag, attrs))

    def handle_comment(self, data):
        self.markup.append(("comment", data))

    def handle_entityref(self, name):
        self.markup.append(("entity", name))

    def handle_charref(self, name):
        self.markup.append(("charref", name))

    def handle_decl(self, decl):
        self.markup.append(("decl", decl))

    def unknown_decl(self, data):
        self.markup.append(("unknown", data))

    def handle_pi(self, data):
        self.markup.append(("pi", data))


def _html_markup(source: str) -> list[object]:
    tags = _Tags()
    tags.feed(source)
    tags.close()
    return tags.markup


def _check_fix_path(source: str, input_format: str, folder: Path) -> None:
    story = folder / ("story.md" if input_format == "markdown" else "story.html")
    story.write_text(source, encoding="utf-8", newline="")
    linter = Linter(Options(cache_dir=None))
    result = linter.lint_path(str(story))
    assert result.error is None, result.error
    edits = plan_edits(result, linter.rules_of_file(str(story)), Markup(input_format))
    fixed = apply_edits(source, edits)
    analysis = parse(source, input_format).text
    for edit in edits:
        # Prose the file holds verbatim: the analysis text shows every character as is.
        assert analysis[edit.start : edit.end] == source[edit.start : edit.end]
    # Outside the fixed spans, byte for byte the original.
    kept, position = [], 0
    for edit in edits:
        kept.append(source[position : edit.start])
        position = edit.end
    kept.append(source[position:])
    rebuilt = []
    for edit, part in zip(edits, kept, strict=False):
        rebuilt += [part, edit.replacement]
    rebuilt.append(kept[-1])
    assert "".join(rebuilt) == fixed
    markup_of = _markdown_markup if input_format == "markdown" else _html_markup
    assert markup_of(fixed) == markup_of(source)


@FUZZ
@given(_documents(MARKDOWN_PIECES))
def test_markdown_fixes_keep_the_markup(tmp_path, source):
    _check_fix_path(source, "markdown", tmp_path)


@FUZZ
@given(_documents(HTML_PIECES))
def test_html_fixes_keep_the_markup(tmp_path, source):
    _check_fix_path(source, "html", tmp_path)


def test_the_fix_path_does_fix_doubled_words_in_markup(tmp_path):
    """The properties above would hold if nothing were ever fixed: make sure it is."""
    story = tmp_path / "story.md"
    story.write_text("Read [the the report](https://e.com/r) now.\n", encoding="utf-8")
    linter = Linter(Options(cache_dir=None))
    result = linter.lint_path(str(story))
    edits = plan_edits(result, linter.rules_of_file(str(story)), Markup("markdown"))
    assert apply_edits(result.text, edits) == "Read [the report](https://e.com/r) now.\n"
