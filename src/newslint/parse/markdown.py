"""Markdown (CommonMark, with tables and footnotes) through pyromark, the Python
binding of the Rust pulldown-cmark parser: it reports a source range for every event,
inline ones included, so prose is kept exactly where it stands in the file.

Kept as prose: paragraphs, headings, list items, block quotes (recorded as quotations:
the words of a `>` block are a source's), link text, footnotes. Blanked out: front
matter (unless fields are asked for as a headline), code blocks and inline code, raw
HTML, images, autolinked URLs, tables, link destinations and all syntax characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newslint.parse import Block, Parsed
from newslint.parse.blanking import Blanked, trimmed

# Containers whose text is never prose.
_SKIPPED = {"CodeBlock", "HtmlBlock", "Image", "Table", "MetadataBlock"}
# Elements whose text forms one block, and the kind of block they make.
_BLOCKS = {"Paragraph": "paragraph", "Heading": "heading", "Item": "item"}
_URL_LINKS = {"Autolink", "Email"}  # [text](url) keeps its text; <http://...> is only a URL
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)


def _name(tag: str | Mapping[str, object]) -> str:
    """pyromark tags are a string ("Paragraph") or a one-key dict ({"Heading": {...}})."""
    return tag if isinstance(tag, str) else next(iter(tag))


def _byte_offsets(source: str) -> list[int] | None:
    """Character offset of each UTF-8 byte offset (None when they are the same)."""
    if source.isascii():
        return None
    offsets: list[int] = []
    for index, character in enumerate(source):
        offsets.extend([index] * len(character.encode("utf-8")))
    offsets.append(len(source))
    return offsets


@dataclass(slots=True)
class _OpenBlock:
    kind: str
    start: int | None = None  # first kept offset, None before any text
    end: int | None = None  # last kept offset


class _Builder:
    def __init__(self, source: str) -> None:
        self.blanked = Blanked(source)
        self.blocks: list[Block] = []
        self.quotations: list[tuple[int, int]] = []
        self._open: list[_OpenBlock] = []
        self.skip = 0
        self.quote_depth = 0

    def start_block(self, kind: str) -> None:
        self._flush()
        if self.quote_depth and kind == "paragraph":
            kind = "quote"
        self._open.append(_OpenBlock(kind))

    def end_block(self) -> None:
        self._flush()
        if self._open:
            self._open.pop()

    def text(self, start: int, end: int, decoded: str) -> None:
        if self.skip or not self._open:
            return
        self.blanked.keep(start, end, decoded)
        current = self._open[-1]
        current.start = start if current.start is None else current.start
        current.end = end

    def _flush(self) -> None:
        """Close the text gathered so far in the innermost block: a nested list or a
        paragraph inside an item starts a block of its own, so blocks never overlap."""
        if not self._open:
            return
        current = self._open[-1]
        if current.start is None or current.end is None:
            return
        self.blocks.append(Block(current.start, current.end, current.kind))
        current.start = current.end = None


def parse_markdown(source: str, *, front_matter_fields: tuple[str, ...] = ()) -> Parsed:
    import pyromark

    offsets = _byte_offsets(source)

    def char(offset: int) -> int:
        return offset if offsets is None else offsets[offset]

    builder = _Builder(source)
    open_elements: list[tuple[str, bool]] = []  # (name, skipped) of each Start not yet ended
    quote_starts: list[int] = []
    options = (
        pyromark.Options.ENABLE_TABLES
        | pyromark.Options.ENABLE_FOOTNOTES
        | pyromark.Options.ENABLE_STRIKETHROUGH
        | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    )
    for event, span in pyromark.events_with_range(source, options=options):
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule: nothing to keep
            continue
        start, end = char(span["start"]), char(span["end"])
        if "Start" in event:
            tag = event["Start"]
            name = _name(tag)
            skipped = name in _SKIPPED or (
                name == "Link" and not isinstance(tag, str) and "Link" in tag and tag["Link"]["link_type"] in _URL_LINKS
            )
            open_elements.append((name, skipped))
            if name == "MetadataBlock" and front_matter_fields:
                builder.blocks.extend(_front_matter(builder.blanked, source, start, end, front_matter_fields))
            if skipped:
                builder.skip += 1
            elif name in _BLOCKS:
                builder.start_block(_BLOCKS[name])
            elif name == "BlockQuote":
                builder.quote_depth += 1
                quote_starts.append(start)
        elif "End" in event:
            name, skipped = open_elements.pop()
            if skipped:
                builder.skip -= 1
            elif name in _BLOCKS:
                builder.end_block()
            elif name == "BlockQuote":
                builder.quote_depth -= 1
                opened = quote_starts.pop()
                if not quote_starts:
                    builder.quotations.append((opened, end))
        elif "Text" in event:
            builder.text(start, end, event["Text"])
    text = builder.blanked.text()
    quotations = [kept for opened, closed in builder.quotations if (kept := trimmed(text, opened, closed))]
    blocks = [Block(*kept, block.kind) for block in builder.blocks if (kept := trimmed(text, block.start, block.end))]
    blocks.sort(key=lambda block: block.start)
    return Parsed(text, blocks, quotations, sorted(builder.blanked.runs))


def _front_matter(blanked: Blanked, source: str, start: int, end: int, fields: tuple[str, ...]) -> list[Block]:
    """The values of the chosen front-matter fields (`title: ...`), kept as headlines."""
    blocks = []
    for match in _FIELD.finditer(source, start, end):
        if match.group("key") not in fields or not match.group("value"):
            continue
        value_start, value_end = match.span("value")
        if (
            source[value_start] in "\"'"
            and source[value_end - 1] == source[value_start]
            and value_end - value_start > 1
        ):
            value_start, value_end = value_start + 1, value_end - 1
        blanked.keep(value_start, value_end)
        blocks.append(Block(value_start, value_end, "title"))
    return blocks
