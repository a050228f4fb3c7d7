"""The documents the editor has open: their text as the client last reported it.

Kept here rather than in pygls' workspace so that positions are read with the protocol's
line breaks and the agreed encoding (see `positions`), and so that the checking code can be
tested without a client.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from newslint.lsp.positions import UTF16, LineIndex, Position

# What an editor calls the formats newslint reads (its languageId), beside the extension.
LANGUAGE_FORMATS = {
    "plaintext": "text",
    "text": "text",
    "markdown": "markdown",
    "html": "html",
}


@dataclass(frozen=True)
class Change:
    """One edit the client reports: `text` replaces the span from `start` to `end`, or the
    whole document when the range is None (full synchronisation)."""

    text: str
    start: Position | None = None
    end: Position | None = None


def path_of(uri: str) -> str | None:
    """The file system path of a `file:` URI; None for an unsaved buffer."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":  # file:///C:/...
        path = path[1:]
    return path


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int = 0
    language_id: str = ""
    encoding: str = UTF16
    _index: LineIndex | None = field(default=None, repr=False)

    @property
    def path(self) -> str | None:
        return path_of(self.uri)

    @property
    def lines(self) -> LineIndex:
        """The line index of the current text, built once a version."""
        if self._index is None or self._index.text is not self.text:
            self._index = LineIndex(self.text, self.encoding)
        return self._index

    def apply(self, changes: list[Change], version: int) -> None:
        """Apply the client's changes in order (each one's range is in the text as the
        previous change left it, as the protocol says)."""
        for change in changes:
            if change.start is None or change.end is None:
                self.text = change.text
            else:
                start, end = self.lines.offset(change.start), self.lines.offset(change.end)
                if end < start:
                    start, end = end, start
                self.text = self.text[:start] + change.text + self.text[end:]
        self.version = version
