"""Reads a generated HTML report back the way a browser would build it, for the tests:
the text under each finding's marks, quotations, notes, scripts and every attribute."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "line",
    "rect",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class Page(HTMLParser):
    """Parses the whole report; fails on an end tag that does not close the open element,
    so a test also proves the marks nest."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.finding_text: dict[str, str] = defaultdict(str)  # data-finding → text under all its pieces
        self.finding_pieces: dict[str, list[Element]] = defaultdict(list)
        self.feed(source)
        self.close()
        assert not self.stack, f"unclosed elements: {[element.tag for element in self.stack]}"

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if self.stack:
            self.stack[-1].children.append(element)
        if "data-finding" in element.attrs:
            self.finding_pieces[element.attrs["data-finding"]].append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1].tag == tag, (
            f"</{tag}> closes <{self.stack[-1].tag if self.stack else None}>"
        )
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element.text += data
            if "data-finding" in element.attrs:
                self.finding_text[element.attrs["data-finding"]] += data
        # text under several pieces of one finding is counted once per open piece: only one is ever open

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag)
            and (cls is None or cls in element.classes)
            and all(element.attrs.get(name.replace("_", "-")) == value for name, value in attrs.items())
        ]

    def marks(self) -> list[Element]:
        """The first piece of each highlight: the one that carries the finding's data."""
        return [element for element in self.find_all("mark", "hl") if "cont" not in element.classes]
