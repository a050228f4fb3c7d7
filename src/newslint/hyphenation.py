"""pyphen's hyphenation patterns for textstat, read from a parsed copy.

textstat counts the syllables of a word CMUdict lacks (names, "mln") with pyphen, and
pyphen parses its English patterns file when first asked: 0.13 s, the largest single
cost of checking one story. `hyphenator` seeds pyphen's own per-file cache with patterns
read back from a copy in the user cache folder (`newslint.datacopy`), so textstat gets
the same `Pyphen`, with the same patterns, without the parse.

This reaches into pyphen's `HyphDict`, so it is careful: patterns are copied only when a
freshly parsed `HyphDict` holds exactly the attributes this module knows (`patterns`,
`cache`, `maxlen`) and plain integers (no nonstandard hyphenation data), and copies are
tagged with pyphen's version. Anything else and pyphen parses the file as usual.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TypeGuard

from newslint.datacopy import parsed_copy

_KNOWN_ATTRIBUTES = {"patterns", "cache", "maxlen"}
# pyphen's patterns: pattern → (offset, values).
Patterns = dict[str, tuple[int, tuple[int, ...]]]


@functools.cache
def hyphenator(lang: str) -> Any:
    """Stands in for textstat's `get_pyphen(lang)`: the same `Pyphen(lang=lang)`."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path not in pyphen.hdcache:
        patterns = parsed_copy(
            [Path(path)],
            f"hyph-pyphen{pyphen.__version__}",
            lambda: _parse_patterns(Path(path)),
            lambda patterns: isinstance(patterns, dict) and bool(patterns),
        )
        if patterns is not None:
            pyphen.hdcache[path] = _hyph_dict(patterns)
    return pyphen.Pyphen(lang=lang)


def _parse_patterns(path: Path) -> Patterns | None:
    """The file's patterns as pyphen parses them, or None when pyphen's `HyphDict` is
    not the shape this module knows (then pyphen parses the file itself, uncopied)."""
    import pyphen

    parsed = pyphen.HyphDict(path)
    if set(vars(parsed)) != _KNOWN_ATTRIBUTES or not _plain_patterns(parsed.patterns):
        return None
    return parsed.patterns


def _plain_patterns(patterns: Any) -> TypeGuard[Patterns]:
    """Patterns marshal can store and `_hyph_dict` can rebuild: pattern → (offset, values)
    with plain integers (a nonstandard hyphenation carries extra data on its values)."""
    return (
        isinstance(patterns, dict)
        and bool(patterns)
        and all(
            type(offset) is int and type(values) is tuple and all(type(value) is int for value in values)
            for offset, values in patterns.values()
        )
    )


def _hyph_dict(patterns: Patterns) -> Any:
    """A `HyphDict` with `patterns`, as `HyphDict.__init__` would leave it after parsing."""
    import pyphen

    hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph_dict.patterns = patterns
    hyph_dict.cache = {}
    hyph_dict.maxlen = max(map(len, patterns))
    return hyph_dict
