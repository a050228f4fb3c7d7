"""Lower case as case-insensitive regular expressions see ASCII letters.

`re.IGNORECASE` matches a few non-ASCII letters with ASCII ones (dotted İ and dotless ı
with "i", long ſ with "s", the Kelvin sign with "k"), which `str.lower()` does not turn
into them. Both the rules' prefilter (`newslint.checks.prefilter`) and the attribution
finders' cue words (`newslint.attribution`) compare words lower-cased against what such
an expression can match, so both fold text this way: one character for one, so offsets
and word boundaries stay where they were (tests check every code point).
"""

from __future__ import annotations

_TO_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def fold(text: str) -> str:
    """`text` lower-cased, the letters above made ASCII (`str.translate` is slow even for
    ASCII text, which needs none)."""
    return text.lower() if text.isascii() else text.translate(_TO_ASCII).lower()
