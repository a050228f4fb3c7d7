"""Character offsets ↔ LSP positions.

newslint's findings carry offsets in characters (code points) of the document's text. An
LSP position is a line and a column counted in the *position encoding* agreed at
initialize: UTF-16 code units unless the client offers another, so an emoji or any
character beyond the Basic Multilingual Plane counts two. Lines end at "\\n", "\\r\\n" or
"\\r" and nowhere else (str.splitlines also breaks at form feeds and U+2028, which the
protocol does not).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"

_LINE_END = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the characters of `text` take."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _characters(line: str, units: int, encoding: str) -> int:
    """How many characters of `line` fit in its first `units` code units (a position
    inside a character counts as that character's start)."""
    if encoding == UTF32 or line.isascii():
        return min(units, len(line))
    count = 0
    for index, char in enumerate(line):
        count += _units(char, encoding)
        if count > units:
            return index
    return len(line)


@dataclass(frozen=True)
class Position:
    line: int
    character: int


class LineIndex:
    """Where each line of one text starts, for converting offsets both ways."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(match.end() for match in _LINE_END.finditer(text))]

    def position(self, offset: int) -> Position:
        """The position of the character offset `offset` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return Position(line, _units(self.text[start:offset], self.encoding))

    def offset(self, position: Position) -> int:
        """The character offset of `position`; a line past the end is the end of the
        text, a column past the line's end is the line's end (before its line break)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(position.line, 0)]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        return start + _characters(line, max(position.character, 0), self.encoding)
