"""Map character offsets to 1-based line and column, once, at reporting time.

Line starts are found once per document and looked up by binary search (the proselint
approach), so the cost per finding is logarithmic in the number of lines. A line ends at
"\\n", "\\r\\n" or a lone "\\r"; columns count characters, not bytes, and a tab is one
character.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at `offset`.

        An end offset maps to the position just after the span (exclusive end, as in
        SARIF and LSP)."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
