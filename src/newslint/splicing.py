"""Edits written into a file's own bytes: the bytes of every character outside the edits
stay exactly as the file had them, whatever the encoding (issue 20: `--fix` encoded the
whole fixed text again, which added a BOM with `utf-8-sig` and rewrote cp932's duplicate
characters far from any fix)."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Sequence


def splice(data: bytes, bom: bytes, codec: str, text: str, replacements: Sequence[tuple[int, int, str]]) -> bytes:
    """`data`, whose body (after `bom`) decodes to `text` in `codec`, with each (start,
    end, replacement) of `text` (in order, none overlapping) replaced, and every other
    byte left as it was: the byte order mark, if the file has one (never one added:
    `utf-8-sig` wrote one into a file that had none), and bytes the codec would encode
    otherwise (cp932 decodes NEC's and IBM's duplicates to one character). Raises
    UnicodeEncodeError for a replacement the codec cannot hold, and ValueError when the
    result would not read back as the edited text (a codec with shift states, say)."""
    body = data[len(bom) :]
    offsets = byte_offsets(body, bomless(codec), sorted({o for s, e, _ in replacements for o in (s, e)}))
    parts, edited, position, text_position = [data[: len(bom)]], [], 0, 0
    for start, end, replacement in replacements:
        parts += [body[position : offsets[start]], replacement.encode(bomless(codec))]
        edited += [text[text_position:start], replacement]
        position, text_position = offsets[end], end
    parts.append(body[position:])
    edited.append(text[text_position:])
    spliced = b"".join(parts)
    if spliced[len(bom) :].decode(codec) != "".join(edited):
        raise ValueError(f"the edited bytes would not read back as the edited text in {codec}")
    return spliced


def bomless(codec: str) -> str:
    """The codec that reads and writes the body of a file in `codec` after any byte
    order mark: `utf-8-sig`, `utf-16` and `utf-32` write one at the start of whatever
    they encode, and the `utf-16`/`utf-32` decoders read a body without one in the
    machine's byte order."""
    order = "le" if sys.byteorder == "little" else "be"
    return {"utf-8-sig": "utf-8", "utf-16": f"utf-16-{order}", "utf-32": f"utf-32-{order}"}.get(codec, codec)


_CHUNK = 4096


def byte_offsets(body: bytes, codec: str, offsets: list[int]) -> dict[int, int]:
    """Where each of `offsets` (characters of `body` decoded, ascending) starts in
    `body`. Decoded a chunk at a time, and in the chunk that reaches an offset, the
    fewest of its bytes that decode that far are found by bisection: linear in the
    file, however many offsets. Decoding is the only measure that holds for every
    codec: encoding the text again need not give the file's bytes, or their number."""
    decoder = codecs.getincrementaldecoder(codec)()
    found: dict[int, int] = {}
    position = decoded = 0  # bytes of `body` read, and the characters they decoded to
    for offset in offsets:
        while decoded < offset:
            chunk = body[position : position + _CHUNK]
            if not chunk:
                raise ValueError(f"character {offset} is past the end of the text")
            state = decoder.getstate()
            count = len(decoder.decode(chunk))
            if decoded + count < offset:
                position, decoded = position + len(chunk), decoded + count
                continue
            low, high = 1, len(chunk)
            while low < high:
                middle = (low + high) // 2
                decoder.setstate(state)
                if decoded + len(decoder.decode(chunk[:middle])) >= offset:
                    high = middle
                else:
                    low = middle + 1
            decoder.setstate(state)
            position, decoded = position + low, decoded + len(decoder.decode(chunk[:low]))
        if decoded != offset:
            raise ValueError(f"character {offset} does not start at a byte of its own in {codec}")
        found[offset] = position
    return found
