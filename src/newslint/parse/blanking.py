"""The analysis text of a marked-up file: the source with non-prose blanked out.

Markup is replaced by spaces (line breaks kept), so the analysis text has the source's
length and every offset means the same character in both. Where the parser decoded
something shorter than its source (an entity, `&amp;` → `&`), the decoded text is
written at the start of the span and the rest is padded with spaces.
"""

from __future__ import annotations

import re

_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_LINE_BREAK = re.compile(r"[\r\n]")


class Blanked:
    def __init__(self, source: str) -> None:
        self.source = source
        self._chars = list(_NOT_LINE_BREAK.sub(" ", source))
        # Spans kept exactly as the source has them, adjacent ones merged: the text runs
        # that `--fix` may edit (issue 20). A decoded span (an entity) is not one.
        self.runs: list[tuple[int, int]] = []

    def keep(self, start: int, end: int, decoded: str | None = None) -> None:
        """Show source[start:end] as prose, or `decoded` in its place when the parser
        decoded the span into something else (never longer than the span)."""
        if decoded is None or decoded == self.source[start:end]:
            self._chars[start:end] = self.source[start:end]
            if self.runs and self.runs[-1][1] == start:
                self.runs[-1] = (self.runs[-1][0], end)
            elif start < end:
                self.runs.append((start, end))
            return
        # A decoded line break (`&#10;`) becomes a space: line breaks stay exactly where
        # the file has them, so lines, paragraphs and sentences agree with the source.
        decoded = _LINE_BREAK.sub(" ", decoded)[: end - start]
        self._chars[start:end] = decoded + " " * (end - start - len(decoded))

    def text(self) -> str:
        return "".join(self._chars)


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without the white space at either end, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
