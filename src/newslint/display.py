"""How a path, or any text from outside, is shown on a line newslint prints.

A file's name is the one thing in a report its author chooses freely, and a name can
hold a line break or an escape sequence. Printed raw, `x\n::error title=…::owned.txt`
starts a line GitHub Actions reads as a workflow command of its own, and ESC repaints a
terminal (issue 20). So every path goes through `shown`: an ordinary name is printed as
it is, and a name with a control character (or a bidirectional override, which reorders
what a reader sees) is quoted and escaped, as git quotes such names. JSON and SARIF
escape in their own syntax and carry the name exactly; they do not use this.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, the line and paragraph separators, and the bidirectional
# controls (the "Trojan Source" characters).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def shown(path: str) -> str:
    """`path` as printed: unchanged, or, if it holds a control character, in double
    quotes with that character escaped (`"x\\n::error.txt"`, `"\\x1b[31mred.txt"`)."""
    if not _UNSAFE.search(path):
        return path
    return '"' + re.sub(r'["\\]|' + _UNSAFE.pattern, _escape, path) + '"'


def printable(text: str) -> str:
    """`text` (a message, which quotes the story's own words) with control characters
    escaped, unquoted: a finding's message stays on its one line and paints nothing."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
