"""Vale's scopes mapped onto newslint's parse of Markdown, HTML and plain text.

newslint's parse blanks markup character for character, so a block's prose is read by
keeping the characters that were not blanked; each kept character remembers its offset
in the file, and a match's line and column are exact. A `Unit` is one piece of text a
rule runs on, with the scope names it answers to (Vale lints block by block: a `text`
rule never matches across two paragraphs).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newslint.parse import Parsed
from newslint.vale import summary

_KIND_SCOPES = {"paragraph": ("paragraph", "summary"), "item": ("list",), "quote": ("blockquote", "paragraph")}
_TERMINATORS = re.compile(r"[.!?]+")
_CLOSING = re.compile(r"[\"'”’)\]]*")
_URL = re.compile(r"\bhttps?://[^\s<>()]+")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>", re.IGNORECASE)


@dataclass
class Unit:
    text: str
    # The file offset of each character of `text`: a `range` where they run on unbroken
    # (most units; building the list was a tenth of a style's time).
    offsets: Sequence[int]
    scopes: frozenset[str]

    def offset(self, index: int) -> int:
        if not self.offsets:
            return 0
        return self.offsets[min(index, len(self.offsets) - 1)]


def units(source: str, parsed: Parsed, input_format: str, ignored: Sequence[tuple[int, int]] = ()) -> list[Unit]:
    """The units of a file: blocks, then their sentences, then the raw file. Characters
    in `ignored` spans (TokenIgnores, BlockIgnores, ignored scopes) are left out."""
    blanked = parsed.text
    if ignored:
        chars = list(blanked)
        for start, end in ignored:
            for index in range(start, end):
                if not chars[index].isspace():
                    chars[index] = " "
        blanked = "".join(chars)
    code = _inline_code(source, blanked, input_format)
    out = _units(source, Parsed(blanked, parsed.blocks, parsed.quotations, parsed.prose), input_format, code)
    if input_format == "markdown":
        out.extend(_markdown_extras(source, blanked, ignored))
    out.append(Unit(source, range(len(source)), frozenset({"raw"})))
    out.append(Unit("", [], frozenset({"document"})))
    return out


_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_HTML_TAG = {
    "pre": re.compile(r"<pre\b", re.IGNORECASE),
    "list": re.compile(r"<[ou]l\b", re.IGNORECASE),
    "blockquote": re.compile(r"<blockquote\b", re.IGNORECASE),
}


def metrics(source: str, parsed: Parsed, input_format: str) -> dict[str, float]:
    """Vale's document counts: headings by level, lists (not items), block quotes and
    preformatted blocks, and the text counts of its summary (`summary`)."""
    counts = dict.fromkeys(("list", "blockquote", "pre"), 0.0)
    previous = ""
    for block in parsed.blocks:
        if block.kind == "heading":
            key = f"heading_h{_heading_level(source, block.start, input_format)}"
            counts[key] = counts.get(key, 0.0) + 1
        elif block.kind in ("item", "quote") and block.kind != previous and input_format != "html":
            counts["list" if block.kind == "item" else "blockquote"] += 1
        previous = block.kind
    if input_format == "html":
        for key, pattern in _HTML_TAG.items():
            counts[key] = float(len(pattern.findall(source)))
    elif input_format == "markdown":
        counts["pre"] = float(len(_FENCE.findall(source)) // 2)
    text_counts = summary.counts(_summary(source, parsed))
    if not text_counts:
        return {}  # Vale: a file without a word gives a formula no variables
    return counts | text_counts


def _summary(source: str, parsed: Parsed) -> str:
    """Vale's summary: each paragraph, list item and block quote, then a blank line."""
    kept = ("paragraph", "item", "quote")
    return "".join(
        _prose(source, parsed.text, block.start, block.end).text + "\n\n"
        for block in parsed.blocks
        if block.kind in kept
    )


_MD_CODE = re.compile(r"(?<!`)(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")
_HTML_CODE = re.compile(r"<(code|tt)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)


def _inline_code(source: str, blanked: str, input_format: str) -> list[tuple[int, int]]:
    """The content spans of inline code that the parse blanked."""
    pattern = {"markdown": _MD_CODE, "html": _HTML_CODE}.get(input_format)
    if pattern is None:
        return []
    spans = []
    for found in pattern.finditer(source):
        start, end = found.span(2)
        if blanked[start:end].strip() == "" and source[start:end].strip():
            spans.append((start, end))
    return spans


def _with_code(source: str, start: int, end: int, code: list[tuple[int, int]]) -> tuple[int, int, frozenset[int]]:
    """A block's span grown over the inline code that opens or closes it on its lines,
    and the offsets of the code inside it."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end == -1 else line_end
    inside = [(a, b) for a, b in code if line_start <= a and b <= line_end and a < end and b > line_start]
    if not inside:
        return start, end, frozenset()
    start = min(start, min(a for a, _ in inside))
    end = max(end, max(b for _, b in inside) + 1)
    offsets = frozenset(i for a, b in inside for i in range(a, b))
    return start, min(end, len(source)), offsets


def _units(source: str, parsed: Parsed, input_format: str, code: list[tuple[int, int]]) -> list[Unit]:
    out: list[Unit] = []
    if input_format == "text":
        whole = _prose(source, parsed.text, 0, len(source), markup=False)
        out.append(Unit(whole.text, whole.offsets, frozenset({"text"})))
        for block in parsed.blocks:
            paragraph = _prose(source, parsed.text, block.start, block.end, markup=False)
            out.append(Unit(paragraph.text, paragraph.offsets, frozenset({"paragraph", "summary"})))
            out.extend(_sentences(paragraph, frozenset()))
    else:
        for block in parsed.blocks:
            if block.kind == "title":
                continue  # front matter: Vale does not lint it by default
            start, end, code_offsets = _with_code(source, block.start, block.end, code)
            unit = _prose(source, parsed.text, start, end, code_offsets)
            scopes = {"text", *_KIND_SCOPES.get(block.kind, ())}
            if block.kind == "heading":
                scopes |= {"heading", f"heading.h{_heading_level(source, block.start, input_format)}"}
            unit.scopes = frozenset(scopes)
            out.append(unit)
            if block.kind != "heading":
                out.extend(_sentences(unit, unit.scopes - {"text", "paragraph", "summary"}))
    return out


_TABLE_ROW = re.compile(r"^ {0,3}\|(.*)\|[ \t]*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[\s|:-]+$")
_IMAGE_ALT = re.compile(r"!\[([^\]\n]+)\]")


def _markdown_extras(source: str, blanked: str, ignored: Sequence[tuple[int, int]]) -> list[Unit]:
    """What Vale lints in Markdown that newslint's parse leaves out: table cells and
    image alt text (each a unit of its own, as Vale renders them)."""

    def kept(start: int, end: int) -> bool:
        return blanked[start:end].strip() == "" and not any(a < end and start < b for a, b in ignored)

    out = []
    for row in _TABLE_ROW.finditer(source):
        if _TABLE_RULE.match(row.group(0)) or not kept(*row.span()):
            continue
        offset = row.start(1)
        for cell in row.group(1).split("|"):
            text = cell.strip()
            if text:
                start = offset + cell.index(text)
                out.append(Unit(text, range(start, start + len(text)), frozenset({"text", "table", "table.cell"})))
            offset += len(cell) + 1
    for image in _IMAGE_ALT.finditer(source):
        if kept(*image.span()):
            start, end = image.span(1)
            out.append(Unit(image.group(1), range(start, end), frozenset({"text", "alt"})))
    return out


def _prose(
    source: str, blanked: str, start: int, end: int, code: frozenset[int] = frozenset(), *, markup: bool = True
) -> Unit:
    offsets: Sequence[int]
    if not code and blanked[start:end] == source[start:end]:
        # Nothing blanked here (plain text, most of a story): every character is kept.
        text, offsets = source[start:end], range(start, end)
    else:
        text, offsets = _kept(source, blanked, start, end, code)
    # In Markdown a bare URL is a link (autolinked), not prose: Vale's suite never flags
    # a word inside one there, and does in plain text.
    urls = list(_URL.finditer(text)) if markup else []
    if urls:
        offsets = list(offsets)
        for found in reversed(urls):
            text = text[: found.start()] + text[found.end() :]
            del offsets[found.start() : found.end()]
    return Unit(text, offsets, frozenset())


def _kept(source: str, blanked: str, start: int, end: int, code: frozenset[int]) -> tuple[str, list[int]]:
    """The characters of `start`..`end` the parse did not blank, and their offsets."""
    chars: list[str] = []
    offsets: list[int] = []
    for index in range(start, end):
        if index in code:
            # Vale reads inline code as a run of `*`: there, yet never a word.
            chars.append("*")
            offsets.append(index)
            continue
        char = blanked[index]
        if char == source[index] or char != " ":  # blanked markup is an ASCII space
            chars.append(char)
            offsets.append(index)
    return "".join(chars), offsets


def _sentences(unit: Unit, inherited: frozenset[str]) -> list[Unit]:
    out = []
    for start, end in sentence_spans(unit.text):
        text = unit.text[start:end]
        stripped = text.strip()
        if not stripped:
            continue
        lead = start + text.index(stripped[0])
        out.append(Unit(stripped, unit.offsets[lead : lead + len(stripped)], inherited | {"sentence"}))
    return out


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """The sentences of `text`: each ends at a run of terminators (and its closing
    quotes) followed by white space or the end. A "." inside a word or a figure ("U.S.
    economy", "1.5 pct") does not end one, and the words before it stay in the sentence:
    a pattern that restarted after such a "." dropped "The U" from "The U.S. economy
    may grow", so a sentence-scoped rule missed its "may". Linear: each run of
    terminators is looked at once."""
    start, size = 0, len(text)
    position = 0
    while start < size:
        run = _TERMINATORS.search(text, position)
        if run is None:
            yield start, size
            return
        closing = _CLOSING.match(text, run.end())  # always matches, if only the empty string
        end = closing.end() if closing else run.end()
        if end == size or text[end].isspace():
            yield start, end
            start = position = end
        else:
            position = run.end()


def _heading_level(source: str, start: int, input_format: str) -> int:
    if input_format == "html":
        levels = [found.group(1) for found in _HTML_HEADING.finditer(source, 0, start)]
        return int(levels[-1]) if levels else 1
    line_start = source.rfind("\n", 0, start) + 1
    atx = _ATX.match(source, line_start)
    if atx:
        return len(atx.group(1))
    line_end = source.find("\n", start)
    underline = source[line_end + 1 : source.find("\n", line_end + 1)].strip() if line_end != -1 else ""
    return 2 if underline.startswith("-") else 1


@functools.lru_cache(maxsize=1024)
def matches(rule_scopes: tuple[str, ...], unit_scopes: frozenset[str]) -> bool:
    """Whether a rule with Vale's `scope:` list runs on a unit: any positive scope (or
    `text`, when every scope in the list is negated), and none of the negated ones."""
    positive = [s for s in rule_scopes if not s.startswith("~") or "&" in s]
    negated = [s[1:] for s in rule_scopes if s.startswith("~") and "&" not in s]
    if any(_has(unit_scopes, s) for s in negated):
        return False
    if not positive:
        return "text" in unit_scopes
    return any(all(_has(unit_scopes, part.strip()) for part in s.split("&")) for s in positive)


def _has(unit_scopes: frozenset[str], scope: str) -> bool:
    if scope.startswith("~"):
        return scope[1:] not in unit_scopes and "text" in unit_scopes
    return scope in unit_scopes
