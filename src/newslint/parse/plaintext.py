"""Paragraphs of plain-text copy.

Two conventions mark a new paragraph, and real copy mixes them:

* a blank line (most modern copy, and what editors type);
* an indented first line in hard-wrapped wire copy, where continuation lines start at
  the margin (Reuters, AP "DataStream" style). A block whose every line is indented is
  one paragraph (an indented block, not wire copy).

A one-line headline or dateline is a paragraph of its own.
"""

from __future__ import annotations

import re

from newslint.parse import Block, Parsed
from newslint.parse.blanking import Blanked
from newslint.suppressions import plain_text_directive_lines

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its break) for every line of `text`."""
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.start() == match.end():
            break
        lines.append((match.start(), match.group().rstrip("\r\n")))
    return lines


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, separated by blank ones."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for offset, line in _lines(text):
        if line.strip():
            current.append((offset, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_indented(line: str) -> bool:
    return line[:1] in (" ", "\t")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for block in _blocks(text):
        uniformly_indented = all(_is_indented(line) for _, line in block)
        group: list[tuple[int, str]] = []
        for offset, line in block:
            if group and not uniformly_indented and _is_indented(line):
                spans.append(_trimmed_span(group))
                group = []
            group.append((offset, line))
        spans.append(_trimmed_span(group))
    return spans


def _trimmed_span(group: list[tuple[int, str]]) -> tuple[int, int]:
    first_offset, first_line = group[0]
    last_offset, last_line = group[-1]
    start = first_offset + (len(first_line) - len(first_line.lstrip()))
    end = last_offset + len(last_line.rstrip())
    return start, end


def parse_plaintext(source: str) -> Parsed:
    """Plain text is all prose: the text is the source, the blocks its paragraphs, except
    lines holding a suppression directive, which are blanked out like markup."""
    text = source
    prose = [(0, len(source))] if source else []
    directive_lines = plain_text_directive_lines(source)
    if directive_lines:
        blanked = Blanked(source)
        kept = 0
        for start, end in directive_lines:
            blanked.keep(kept, start)
            kept = end
        blanked.keep(kept, len(source))
        text = blanked.text()
        prose = blanked.runs
    return Parsed(text, [Block(start, end) for start, end in split_paragraphs(text)], prose=prose)
