"""HTML stories (a CMS export, a saved page) through the standard library's HTML
tokenizer, which reports where each tag, text run and entity starts in the file.

Prose is the text of paragraphs, headings, list items, block quotes (recorded as
quotations), table cells, captions and plain containers (`div`, `section`); every tag
ends the block it is in except inline ones (`b`, `a`, `span`...). Blanked out: tags,
comments, and everything inside `script`, `style`, `code`, `pre`, `nav`, `footer`,
`aside`, `head` and the like. Entities count as the character they stand for.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from newslint.parse import Block, Parsed
from newslint.parse.blanking import Blanked, trimmed

SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "code",
        "pre",
        "nav",
        "footer",
        "aside",
        "head",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "select",
        "textarea",
        "button",
        "object",
    }
)
# Skipped elements that sit inside a line of prose: they blank out, but do not end the block.
_INLINE_SKIPPED = frozenset({"code", "svg", "math", "button", "select", "textarea", "object", "iframe"})
INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    }
)
# Elements without an end tag; of these only <hr> ends a block (a <br> breaks a line).
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_KINDS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "item",
    "dt": "item",
    "dd": "item",
}
# HTMLParser.getpos() counts lines by "\n" alone (a lone "\r" is no line to it), so the
# offsets it gives are turned back into source offsets the same way.
_LINE_START = re.compile(r"\n")
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.blanked = Blanked(source)
        self.line_starts = [0] + [m.end() for m in _LINE_START.finditer(source)]
        self.blocks: list[Block] = []
        self.quotations: list[tuple[int, int]] = []
        self._skipping: dict[str, int] = {}
        self._kinds: list[str] = []  # block kinds of the open block-level elements
        self._quote_start: int | None = None
        self._quote_depth = 0
        self._first: int | None = None
        self._last: int | None = None

    def _offset(self) -> int:
        """Offset in the source of the token being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _skipped(self) -> bool:
        return any(self._skipping.values())

    def _boundary(self) -> None:
        """A block-level tag ends the text run before it."""
        if self._first is not None and self._last is not None:  # `_keep` sets both
            kind = self._kinds[-1] if self._kinds else "paragraph"
            if self._quote_depth and kind == "paragraph":
                kind = "quote"
            self.blocks.append(Block(self._first, self._last, kind))
        self._first = self._last = None

    def _keep(self, start: int, end: int, decoded: str | None = None) -> None:
        if self._skipped():
            return
        self.blanked.keep(start, end, decoded)
        self._first = start if self._first is None else self._first
        self._last = end

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            self.handle_startendtag(tag, attrs)
        elif tag in SKIPPED_TAGS:
            if tag not in _INLINE_SKIPPED:
                self._boundary()
            self._skipping[tag] = self._skipping.get(tag, 0) + 1
        elif tag not in INLINE_TAGS:
            self._boundary()
            if tag == "blockquote":
                self._quote_depth += 1
                if self._quote_depth == 1:
                    self._quote_start = self._offset()
            self._kinds.append(_KINDS.get(tag, "paragraph"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "hr":
            self._boundary()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            if self._skipping.get(tag):
                self._skipping[tag] -= 1
        elif tag not in INLINE_TAGS:
            self._boundary()
            if self._kinds:
                self._kinds.pop()
            if tag == "blockquote" and self._quote_depth:
                self._quote_depth -= 1
                if not self._quote_depth and self._quote_start is not None:
                    self.quotations.append((self._quote_start, self._offset()))

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._keep(start, start + len(data))

    def _reference(self) -> None:
        start = self._offset()
        match = _REFERENCE.match(self.source, start)
        if match:
            self._keep(start, match.end(), html.unescape(match.group()))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def _unclosable_markup_as_text(source: str) -> str:
    """`source` with the `<` of markup that can never close replaced by a space: every
    `<` after the last `>`, and every `<!--` after the last `-->`. HTMLParser reads such
    markup as text anyway, but only after searching to the end of the file for each one,
    which takes minutes on hostile input ("<a <a <a ..."). Same length, same line
    breaks: the reader takes its text from the source by offset, so nothing else changes."""
    last_close = source.rfind(">")
    last_comment_close = source.rfind("-->")
    if "<" not in source[last_close + 1 :] and "<!--" not in source[last_comment_close + 1 :]:
        return source
    chars = list(source)
    for index in range(last_close + 1, len(source)):
        if chars[index] == "<":
            chars[index] = " "
    start = max(last_comment_close + 1, 0)
    while (index := source.find("<!--", start)) >= 0:
        chars[index] = " "
        start = index + 4
    return "".join(chars)


def parse_html(source: str) -> Parsed:
    reader = _Reader(source)
    reader.feed(_unclosable_markup_as_text(source))
    reader.close()
    reader._boundary()
    text = reader.blanked.text()
    blocks = [Block(*span, block.kind) for block in reader.blocks if (span := trimmed(text, block.start, block.end))]
    quotations = [span for start, end in reader.quotations if (span := trimmed(text, start, end))]
    return Parsed(text, blocks, quotations, reader.blanked.runs)
