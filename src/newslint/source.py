"""Reading articles from disk or stdin into text, with errors an editor can act on.

Bytes become text in one of these ways, in this order:

* a UTF-32 or UTF-16 byte order mark: that encoding, whatever `--encoding` says (a Windows
  export is often UTF-16 with a BOM, and the mark cannot be mistaken);
* a UTF-8 byte order mark: UTF-8, the mark dropped;
* otherwise the `--encoding` codec (UTF-8 unless told).

Offsets, lines and columns are counted in characters of the decoded text, never in bytes;
a decoding error names the *byte* offset, which is what a hex editor shows.

A file is *binary* when its first kilobyte holds a NUL byte (UTF-16/32 aside, said by a
BOM or by `--encoding`), or when more than a tenth of the characters in it are control
characters. A binary file found by walking a folder is skipped with a notice and listed in
the summary; one named on the command line is an error. Anything else that does not decode,
or holds a NUL character further on, is a story with bad bytes: an error naming the byte,
however the file was found.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

from newslint.errors import InputError
from newslint.splicing import bomless, byte_offsets

STDIN = "-"
SNIFF_BYTES = 1024
# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters no article holds; tab, line and page breaks are fine.
_CONTROL = {chr(c) for c in range(32)} - set("\t\n\r\f\v") | {"\x7f"}
_CONTROLS = re.compile("[" + re.escape("".join(sorted(_CONTROL))) + "]")


class BinaryFileError(InputError):
    """A file that is not text: skipped when a folder walk found it, an error when named."""


@dataclass(frozen=True)
class Encoding:
    """How a file's bytes were decoded, so `--fix` can write them back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""


def check_encoding(name: str) -> str:
    """The codec's canonical name; LookupError for an unknown one."""
    return codecs.lookup(name).name


def sniff(data: bytes, encoding: str = "utf-8") -> Encoding:
    """The encoding to decode `data` with: its byte order mark's, else `encoding`."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Encoding(codec, bom)
    return Encoding(check_encoding(encoding))


def looks_binary(data: bytes, encoding: Encoding) -> bool:
    """A NUL byte, or mostly control characters, in the first kilobyte (`binary_sign`)."""
    return binary_sign(data, encoding) is not None


def binary_sign(data: bytes, encoding: Encoding) -> str | None:
    """What says `data` is not text at all, for the message (the first NUL byte, or how
    many control characters), or None. Only the first kilobyte is read. Undecodable
    bytes are no sign: a short Latin-1 story read as UTF-8 is a fifth undecodable, and
    was skipped as binary (issue 20); a decoding error names its first bad byte."""
    start = len(encoding.bom)
    head = data[start : start + SNIFF_BYTES]
    if not _wide(encoding) and (nul := head.find(b"\x00")) >= 0:
        return f"a NUL byte at byte {start + nul}"
    # final=False: a character cut in two at the kilobyte's end is not a decoding error.
    text = codecs.getincrementaldecoder(encoding.codec)(errors="replace").decode(head, final=False)
    controls = len(_CONTROLS.findall(text))
    if controls * 10 > len(text) > 0:
        return f"{controls} control characters in its first {len(head)} bytes"
    return None


def _wide(encoding: Encoding) -> bool:
    """UTF-16 or UTF-32, whose text is full of NUL bytes: said by a byte order mark (which
    chose the codec), or by naming the codec (`--encoding utf-16-le`: a file without a
    BOM was refused as binary, issue 20)."""
    return encoding.codec.startswith(("utf-16", "utf-32"))


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """The text of `data` without its BOM; line endings are kept so offsets match the file."""
    return decode_as(data, path, sniff(data, encoding))


def decode_as(data: bytes, path: str, encoding: Encoding) -> str:
    if (sign := binary_sign(data, encoding)) is not None:
        raise BinaryFileError(f"looks like a binary file ({sign})", path=path)
    body = data[len(encoding.bom) :]
    try:
        text = body.decode(encoding.codec)
    except UnicodeDecodeError as exc:
        offset = len(encoding.bom) + exc.start
        # The message stays as CI annotations already show it; --encoding is in --help.
        raise InputError(
            f"not valid {_display(encoding.codec)} (byte {offset}: {data[offset : offset + 1]!r})", path=path
        ) from None
    if (nul := text.find("\x00")) >= 0:
        # Past the first kilobyte, in what reads as text: a damaged story, not a binary
        # file, so an error wherever it was found (issue 20), naming where the NUL is.
        byte = len(encoding.bom) + byte_offsets(body, bomless(encoding.codec), [nul])[nul]
        raise InputError(f"not text: a NUL character at byte {byte}", path=path)
    return text


def _display(codec: str) -> str:
    return {
        "utf-8": "UTF-8",
        "utf-16-le": "UTF-16",
        "utf-16-be": "UTF-16",
        "utf-32-le": "UTF-32",
        "utf-32-be": "UTF-32",
    }.get(codec, codec)


DEFAULT_MAX_MEGABYTES = 10.0  # --max-file-size: far beyond any story, far below what would exhaust memory


def read_bytes(path: str, max_megabytes: float | None = None) -> bytes:
    """The bytes of `path`, or of standard input for '-', with errors naming the file. A
    file larger than `max_megabytes` (None or 0: no limit) is refused before it is read:
    checking takes some eighty times a story's size in memory, and a 50 MB story ran a
    machine out of it (issue 20)."""
    limit = byte_limit(max_megabytes)
    if path == STDIN:
        data = sys.stdin.buffer.read(-1 if limit is None else limit + 1)
        if limit is not None and len(data) > limit:
            raise _too_large("<stdin>", None, max_megabytes)
        return data
    try:
        with open(path, "rb") as handle:
            if limit is not None and (size := os.fstat(handle.fileno()).st_size) > limit:
                raise _too_large(path, size, max_megabytes)
            # One more byte than the limit at most: a file that grows as it is read, or a
            # device that reports no size, is refused alike.
            data = handle.read(-1 if limit is None else limit + 1)
            if limit is not None and len(data) > limit:
                raise _too_large(path, None, max_megabytes)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    return data


def byte_limit(max_megabytes: float | None) -> int | None:
    """--max-file-size in bytes (1 MB = 1,000,000 bytes); None for no limit (None or 0)."""
    return int(max_megabytes * 1_000_000) if max_megabytes else None


def too_large(size: int | None, max_megabytes: float | None) -> str:
    """Why a story over the limit is not checked; `size` None when it is not known
    (standard input, a file that grew as it was read). The audit says it of records too."""
    measured = "more than" if size is None else f"{size / 1_000_000:.1f} MB, more than"
    return f"{measured} --max-file-size {max_megabytes:g} MB; not checked (0: no limit)"


def _too_large(path: str, size: int | None, max_megabytes: float | None) -> InputError:
    return InputError(too_large(size, max_megabytes), path=path)
