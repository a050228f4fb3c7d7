"""Reading a file to check: its bytes, how they decode, and their digest."""

from __future__ import annotations

import hashlib

from newslint.result import FileResult
from newslint.source import STDIN, decode_as, read_bytes, sniff


def read_into(result: FileResult, encoding: str, max_megabytes: float | None = None) -> None:
    """Read `result.path` (or standard input) into `result`: its text, decoded with
    `encoding` unless a byte order mark says otherwise, how it was decoded (so --fix
    writes it back alike) and the sha256 of its bytes (so --fix can tell whether it
    changed since, and the cache can find its entry). A file over `max_megabytes` is
    refused unread (`source.read_bytes`)."""
    data = read_bytes(result.path, max_megabytes)
    result.encoding = sniff(data, encoding)
    result.text = decode_as(data, "<stdin>" if result.path == STDIN else result.path, result.encoding)
    result.digest = hashlib.sha256(data).hexdigest()
