"""What a copy desk counts when it measures a sentence (issue 19, "readability gates").

Desks hold the lede to a tighter limit than the body (Reuters: a lede over 30 to 35
words, a body sentence over 40), and they measure the reporter's prose: a quotation is
the source's words, and a list ("The three bidders are A, with B; C and D; and E.")
is read item by item, not as one long clause. These helpers say which sentence is the
lede, how many of a sentence's words are the reporter's, and whether a sentence is a
list, so the `length` kind can apply those conventions.
"""

from __future__ import annotations

import re

from newslint.model import Document, Paragraph, Sentence
from newslint.nlp import count_words

# A paragraph that ends a sentence is prose; a headline, byline or dateline does not.
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# A bulleted or numbered item: "- ", "* ", "• ", "-- ", "1. ", "2) ", "(a) ".
_LIST_MARKER = re.compile(r"\s*(?:[-*•–—]{1,2}|\d{1,2}[.)]|\([a-z0-9]\))\s")
# Items of a series separated by semicolons: three or more items.
_MIN_SEMICOLONS = 2


def lede(document: Document) -> Sentence | None:
    """The story's first sentence of prose: the first sentence of the first paragraph
    that ends like a sentence (a headline or byline above it is not the lede)."""
    for paragraph in document.paragraphs:
        if paragraph.kind == "paragraph" and _is_prose(paragraph) and paragraph.sentences:
            return paragraph.sentences[0]
    return None


def reporter_words(document: Document, sentence: Sentence) -> int:
    """The words of `sentence` outside direct quotations: `"We will appeal," she
    said.` is two words of the reporter's."""
    pieces = []
    position = sentence.start
    for quote in document.quotes:
        if quote.nested or quote.end <= sentence.start or quote.start >= sentence.end:
            continue
        pieces.append(document.text[position : max(position, quote.start)])
        position = max(position, quote.end)
    pieces.append(document.text[position : sentence.end])
    return sum(count_words(piece) for piece in pieces)


def is_list(text: str) -> bool:
    """A bulleted or numbered item, or a series of three or more items separated by
    semicolons."""
    return bool(_LIST_MARKER.match(text)) or text.count(";") >= _MIN_SEMICOLONS


def _is_prose(paragraph: Paragraph) -> bool:
    return bool(_ENDS_SENTENCE.search(paragraph.text))
