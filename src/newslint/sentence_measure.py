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
from newslint.nlp import count_words, word_spans

# A wire ticker: a listed company's symbol in angle brackets ("<GM>", "<RD.AS>"). A name
# in brackets ("<Hong Kong and Shanghai Banking Corp>") is words of the sentence.
_TICKER = re.compile(r"<[A-Z][A-Z0-9.]{0,9}>")
# A paragraph that ends a sentence is prose; a headline, byline or dateline does not.
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# A bulleted or numbered item: "- ", "* ", "• ", "-- ", "1. ", "2) ", "(a) ".
_LIST_MARKER = re.compile(r"\s*(?:[-*•–—]{1,2}|\d{1,2}[.)]|\([a-z0-9]\))\s")
# Items of a series separated by semicolons (three or more items), or by the ellipses of
# a market digest ("Tunisia tendered ... Egypt withdrew ...").
_MIN_SEMICOLONS = 2
_MIN_ELLIPSES = 2
# A comma series of figures or names ("five to 50 mm in Corrientes, five to 31 mm in San
# Luis, ..."; "Costa Rica, Ecuador, El Salvador, ..."): this many items, most of them
# short and holding a figure or opening with a capital. Clauses joined by commas
# ("which had been debated ..., and which critics ...") open with lower-case words.
_MIN_SERIES_ITEMS = 6
_MAX_ITEM_WORDS = 7
_SERIES_SHARE = 0.7
_ITEM = re.compile(r"\s*(?:and\s+|or\s+)?(?:[A-Z0-9<(]|[^,]*\d)")
# The dateline a wire lede opens with: the city in capitals, then perhaps its state or
# country and a date, the agency, and a dash ("LA JUNTA, Colo. (AP) — ", "DENVER
# (Reuters) - ", "NEW YORK, March 3 - "). It places the story; it is not the lede's words.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"(?:—|–|--|-)\s+"
)


def lede(document: Document) -> Sentence | None:
    """The story's first sentence of prose: the first sentence of the first paragraph
    that ends like a sentence (a headline or byline above it is not the lede)."""
    for paragraph in document.paragraphs:
        if paragraph.kind == "paragraph" and _is_prose(paragraph) and paragraph.sentences:
            return paragraph.sentences[0]
    return None


def dateline_end(sentence: Sentence) -> int:
    """Where the lede's words start after its dateline (`sentence.start` if it has none)."""
    match = _DATELINE.match(sentence.text)
    return sentence.start + match.end() if match else sentence.start


def counted_word_spans(
    document: Document, sentence: Sentence, *, skip_quotes: bool, is_lede: bool
) -> list[tuple[int, int]]:
    """The document offsets of the words a desk counts in `sentence`: not a lede's
    dateline, and with `skip_quotes` not the words of a direct quotation (the
    source's): `"We will appeal," she said.` is two words of the reporter's."""
    start = dateline_end(sentence) if is_lede else sentence.start
    text = document.text[start : sentence.end]
    words = [(start + word_start, start + word_end) for word_start, word_end in _desk_words(text)]
    if not skip_quotes:
        return words
    # The document's own lookup (a bisection per word): a sentence can hold thousands of
    # quotations (issue 20).
    return [
        (word_start, word_end)
        for word_start, word_end in words
        if document.quote_covering(word_start, word_end) is None
    ]


def _desk_words(text: str) -> list[tuple[int, int]]:
    """The words of `text` as a desk counts them: a wire ticker in angle brackets
    ("<GM>", "<RD.AS>") is not a word of the sentence, and a slash compound ("A/S",
    "Dutch/Shell", "yen/dollar") is one word, not two."""
    tickers = [match.span() for match in _TICKER.finditer(text)]
    words: list[tuple[int, int]] = []
    next_ticker = 0  # words and tickers both come in order: one pass over each
    for word_start, word_end in word_spans(text):
        while next_ticker < len(tickers) and tickers[next_ticker][1] <= word_start:
            next_ticker += 1
        if next_ticker < len(tickers) and tickers[next_ticker][0] <= word_start:
            continue  # inside a ticker
        if words and words[-1][1] + 1 == word_start and text[word_start - 1] == "/":
            words[-1] = (words[-1][0], word_end)  # joined by a slash: one word
            continue
        words.append((word_start, word_end))
    return words


def is_list(text: str) -> bool:
    """A bulleted or numbered item, a series of three or more items separated by
    semicolons or ellipses, or a comma series of six or more short items."""
    if _LIST_MARKER.match(text) or text.count(";") >= _MIN_SEMICOLONS:
        return True
    if text.count("...") + text.count("…") >= _MIN_ELLIPSES:
        return True
    # The first piece holds the subject and verb, the last often the attribution.
    items = text.split(",")[1:-1]
    if len(items) < _MIN_SERIES_ITEMS - 2:
        return False
    entries = sum(1 for item in items if count_words(item) <= _MAX_ITEM_WORDS and _ITEM.match(item))
    return entries >= _SERIES_SHARE * len(items)


def _is_prose(paragraph: Paragraph) -> bool:
    return bool(_ENDS_SENTENCE.search(paragraph.text))
