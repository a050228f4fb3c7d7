"""Input front ends: each turns a file's text into blocks with offsets into that text.

Every front end returns the same thing, a `Parsed`: the text to analyse, which is the
file's text with everything that is not prose (Markdown syntax, HTML tags, code, front
matter) blanked out character for character, so that an offset in it is the same offset
in the file; the blocks (paragraphs, headings, list items) as spans; and the spans that
the markup itself says are quotations (Markdown `>` block quotes, HTML `<blockquote>`).
Offsets never need mapping back: line and column of a finding are those of the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

FORMATS = ("text", "markdown", "html")
_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str = "paragraph"  # paragraph, heading, item, quote, title (a front-matter field)


@dataclass(frozen=True)
class Parsed:
    text: str  # same length as the source; non-prose characters are spaces
    blocks: list[Block]
    quotations: list[tuple[int, int]] = field(default_factory=list)
    # The text runs: spans of prose the source holds verbatim (no markup, code or entity
    # inside), in order. `--fix` edits only inside one of them (issue 20).
    prose: list[tuple[int, int]] = field(default_factory=list)


def format_for_path(path: str) -> str:
    """The input format a file's extension implies; plain text otherwise."""
    return _BY_SUFFIX.get(suffix_of(path).lower(), "text")


def suffix_of(path: str) -> str:
    """`PurePath(path).suffix` ("" for ".profile" or "notes."), without building a path
    object: asked for every file of a folder, twice."""
    name = os.path.basename(path.rstrip(os.sep))
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def parse(source: str, input_format: str = "text", *, front_matter_fields: tuple[str, ...] = ()) -> Parsed:
    if input_format == "markdown":
        from newslint.parse.markdown import parse_markdown

        return parse_markdown(source, front_matter_fields=front_matter_fields)
    if input_format == "html":
        from newslint.parse.html import parse_html

        return parse_html(source)
    from newslint.parse.plaintext import parse_plaintext

    return parse_plaintext(source)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each plain-text paragraph (see `newslint.parse.plaintext`)."""
    from newslint.parse.plaintext import split_paragraphs as plain

    return plain(text)
