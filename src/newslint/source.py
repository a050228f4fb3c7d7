"""Reading articles from disk or stdin into text, with errors an editor can act on."""

from __future__ import annotations

import sys
from pathlib import Path

from newslint.errors import InputError

STDIN = "-"
_BOM = "\ufeff"


def decode(data: bytes, path: str) -> str:
    """UTF-8 text without its BOM; line endings are kept so offsets match the file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})",
                         path=path) from None
    if "\x00" in text:
        raise InputError("looks like a binary file (contains NUL bytes)", path=path)
    return text[1:] if text.startswith(_BOM) else text


def read_bytes(path: str) -> bytes:
    """The bytes of `path`, or of standard input for '-', with errors naming the file."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    return data
