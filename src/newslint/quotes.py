"""Direct quotations: the words that belong to a source, not to the reporter.

News conventions handled here:

* straight (") and curly (“ ”) double quotes; single quotes (‘ ’ or ') count only
  when nested inside a double quote, so apostrophes ('90s, rock 'n' roll, O'Brien,
  the players' union) never open a quotation;
* the AP convention for a quote running over several paragraphs: no closing mark at the
  end of each paragraph but the last, and an opening mark at the start of the next;
* a quote left open with no continuation ends at its paragraph, so one stray mark cannot
  swallow the rest of the article.
* a straight mark after a digit is an inch mark (a 12" pipe, a 6'2" forward), not a
  quotation mark;
* a block quotation: a paragraph without quotation marks after one that ends by
  introducing speech ("The governor added:"), as web copy sets a blockquote;
* typewriter and Penn Treebank style marks: two apostrophes ('') stand for a straight
  double mark and two backticks (``) open a quotation, as some archives print them;
* a quotation left unclosed before its attribution and reopened after it ('"It is
  fair, said Ortega. "It may not pass."'): a straight mark after punctuation and a
  space, before a word, opens the next quotation rather than closing this one, so the
  words after the attribution are the source's (issue 19);
* a closing curly mark where only an opening one can stand (after a space, before a
  word: '”It may pass,” she said'), as some publishing systems set both ends.
* other languages' marks, each quotation closed by the marks its language closes it
  with (issue 20): German „…“ (Polish „…”), French «…», Danish and German »…«, Swedish
  ”…” and »…», Swiss and German ‹…› and ›…‹, Japanese 「…」 and 『…』, and German
  single quotes ‚…‘ nested in a double quote;
* British single quotes ‘…’ at the top level, where ’ is also the apostrophe: a span
  counts only when ‘ opens after a space, the paragraph's start or punctuation and
  before a letter, and a ’ after a word and before a space or punctuation closes it
  (not the ’ of "don’t"; the ’ of "the players’ union" only when no later mark can).
"""

from __future__ import annotations

import re

from newslint.model import Quote

# Marks that open a quotation wherever they stand, and the marks that close each one.
_CLOSERS = {
    "“": "”",  # English
    "„": "“”",  # German „…“, Polish „…”
    "«": "»",  # French, Swiss, Spanish
    "‹": "›",  # Swiss single
    "「": "」",  # Japanese
    "『": "』",  # Japanese, nested or titles
}
# Marks that open only where no closing mark can stand (after a space, before a word),
# and what closes them: Danish and German »…«, Swedish »…» and ”…”, German ›…‹.
_CLOSERS_WHEN_OPENING = {"”": "”", "»": "«»", "›": "‹›"}
# Quotations a straight mark, or two apostrophes, can close: English-style typing mixes them.
_STRAIGHT_CLOSES = frozenset({'"', "``", "''", "“", "”", "„"})
_STRAIGHT_DOUBLE = '"'
_OPEN_SINGLE = "‘"
# A single quotation nested in a double one, and the marks that close it.
_SINGLE_CLOSERS = {"‘": "’'", "'": "'’", "‚": "‘’"}
# Two-character double marks: ``Yes,'' he said. / ''Yes,'' he said.
_OPEN_PAIR = "``"
_STRAIGHT_PAIR = "''"
# A paragraph ending like this introduces a block quotation: "The governor added:",
# "The paper reports:", "He told the crowd:". Not "The schedule:" or "the following:".
_INTRODUCES_BLOCK = re.compile(
    r"\b(?:said|says|added|adds|continued|wrote|writes|stated|states|reported|reports|explained|"
    r"declared|tweeted|posted|told(?:\s+\w+){1,3})\s*:\s*$"
)
# What every match of _INTRODUCES_BLOCK ends with, found with a fast scan for the colon.
_ENDS_WITH_COLON = re.compile(r":\s*$")
# Every character the scanner acts on; the text between marks is skipped in one search.
_ANY_MARK = re.compile("[\"“”„«»‹›「」『』'‘’‚`]")
_FEET_AND_INCHES = re.compile(r"\d['’] ?\d{1,2}$")


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _is_inch_mark(text: str, index: int) -> bool:
    """6'2" or a 12" pipe: a straight mark after a digit is a measurement."""
    return index > 0 and text[index - 1].isdigit()


def _is_feet_and_inches(text: str, index: int) -> bool:
    """Inside a quotation a mark after a digit usually closes it ("we won 3-2"); only a
    height like 6'2" is still a measurement."""
    return _FEET_AND_INCHES.search(text, max(0, index - 6), index) is not None


# A reopening mark stands after the end of a clause and a space, before a word.
_BEFORE_REOPENING = re.compile(r"[.!?,:;]\s+$")


def _reopens(text: str, index: int, opened: int) -> bool:
    """Inside a quotation, does the straight mark at `index` open another rather than
    close this one? A closing mark follows the quoted words ('fair,"'); one after
    punctuation and a space and before a letter opens a quotation ('said Ortega. "It').
    At least a few words must lie between, so '" "' never counts."""
    after = text[index + 1] if index + 1 < len(text) else " "
    if not (after.isalpha() or after in "‘'"):
        return False
    return index - opened > 12 and _BEFORE_REOPENING.search(text, max(opened, index - 4), index) is not None


def _opens_like(text: str, index: int, paragraph_start: int) -> bool:
    """Does the mark at `index` stand where only an opening mark can: at the paragraph's
    start or after a space or an opening bracket or dash, and before a word?"""
    after = text[index + 1] if index + 1 < len(text) else " "
    return (index == paragraph_start or text[index - 1].isspace() or text[index - 1] in "([{—–") and after.isalpha()


def _opens_single(text: str, index: int) -> bool:
    """A single mark opens a nested quote only where no apostrophe could stand: after
    white space or an opening mark, and before a letter ('90s and 'n' are apostrophes)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if not (before.isspace() or before in '"“„«»‹›「『(—–-'):
        return False
    if not after.isalpha():
        return False
    return not text.startswith("n'", index + 1) and not text.startswith("n’", index + 1)


def _closes_single(text: str, index: int) -> bool:
    """A closing single mark follows a word or punctuation and is not followed by a letter
    (O'Brien, don't)."""
    after = text[index + 1] if index + 1 < len(text) else " "
    return not _is_word_char(after)


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quotation spans in document order, each within one paragraph."""
    quotes: list[Quote] = []
    left_open = False  # the previous paragraph ended inside a quotation
    introduced = False  # the previous paragraph ended "... said:"
    for start, end in paragraphs:
        found, left_open = _quotes_in_paragraph(text, start, end, continues=left_open)
        if introduced and not found:
            found = [Quote(start, end)]
        quotes.extend(found)
        introduced = _introduces_block(text, start, end)
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _introduces_block(text: str, start: int, end: int) -> bool:
    """Whether the paragraph text[start:end] ends by introducing speech ("The governor
    added:"). Only a paragraph ending with a colon can, so the others, nearly all, are
    spared _INTRODUCES_BLOCK's search from each of their positions."""
    return _ENDS_WITH_COLON.search(text, start, end) is not None and (
        _INTRODUCES_BLOCK.search(text, start, end) is not None
    )


# British single quotes at the top level (‘…’), where ’ doubles as the apostrophe.
_SINGLE_CURLY = re.compile("[‘’]")
_BEFORE_BRITISH = "([{—–-/:;"


def _opens_british(text: str, index: int, paragraph_start: int) -> bool:
    """Can the ‘ at `index` open a quotation: after the paragraph's start, a space or
    opening punctuation, before a letter, and not the ‘n’ of rock ‘n’ roll?"""
    before = text[index - 1] if index > paragraph_start else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if not (before.isspace() or before in _BEFORE_BRITISH) or not after.isalpha():
        return False
    return not text.startswith("n’", index + 1)


def _possessive_like(text: str, index: int, end: int) -> bool:
    """The ’ of "the players’ union" or "the 1990s’ boom": after an s, before a space
    and a lower-case word. It may still close a quotation when nothing later can."""
    return (
        text[index - 1] in "sS"
        and text.startswith(" ", index + 1)
        and index + 2 < end
        and (text[index + 2].islower() or text[index + 2].isdigit())
    )


def _british_close(text: str, opened: int, paragraph_start: int, end: int) -> int | None:
    """Where the British quotation the ‘ at `opened` opens is closed: the first ’ after a
    word or punctuation and before a space or punctuation (so not "don’t"), preferring
    one that is no plural possessive; None when nothing closes it before the paragraph
    ends or another quotation opens."""
    fallback = None
    for mark in _SINGLE_CURLY.finditer(text, opened + 1, end):
        at = mark.start()
        if text[at] == "‘":
            if _opens_british(text, at, paragraph_start):
                break  # a new quotation opens: this one closed before it, or never
            continue
        after = text[at + 1] if at + 1 < end else " "
        if text[at - 1].isspace() or at == opened + 1 or _is_word_char(after):
            continue
        if not _possessive_like(text, at, end):
            return at
        if fallback is None:
            fallback = at
    return fallback


def _closers_of(opener: str) -> str:
    """The marks that close a quotation `opener` opened. A straight mark or typewriter
    pair closes with whatever curly mark the desk's system set."""
    return _CLOSERS.get(opener) or _CLOSERS_WHEN_OPENING.get(opener) or "”»"


def _double_mark(text: str, index: int, end: int) -> tuple[str, int]:
    """The double mark at `index` as (kind, width): kind is "open" for a mark that always
    opens (“ „ « ‹ 「 『 ``), "close" for one that opens only where no closing mark can
    stand (” » ›), "straight" (", '') or "" for none."""
    pair = text[index : min(index + 2, end)]
    if pair == _OPEN_PAIR:
        return "open", 2
    if pair == _STRAIGHT_PAIR:
        return "straight", 2
    char = text[index]
    if char in _CLOSERS:
        return "open", 1
    if char in _CLOSERS_WHEN_OPENING:
        return "close", 1
    if char == _STRAIGHT_DOUBLE:
        return "straight", 1
    return "", 1


def _quotes_in_paragraph(text: str, start: int, end: int, *, continues: bool) -> tuple[list[Quote], bool]:
    quotes: list[Quote] = []
    double_open: int | None = None
    opener = ""  # the mark (or typewriter pair) that opened the double quotation
    single_open: int | None = None
    continued = False
    index = start
    while index < end:
        mark = _ANY_MARK.search(text, index, end)
        if mark is None:
            break
        index = mark.start()
        char = text[index]
        kind, width = _double_mark(text, index, end)
        if double_open is None:
            if char == _OPEN_SINGLE:
                close = _british_close(text, index, start, end) if _opens_british(text, index, start) else None
                if close is not None:
                    quotes.append(Quote(index, close + 1))
                    index = close
                index += 1
                continue
            # Some systems set a closing mark for both ends: '”It may pass,” she said.'
            misused = kind == "close" and _opens_like(text, index, start)
            if kind == "open" or misused or (kind == "straight" and (width == 2 or not _is_inch_mark(text, index))):
                double_open = index
                opener = text[index : index + width]
                continued = continues and index == start
            index += width
            continue
        # Inside a double quotation.
        straight_closes = kind == "straight" and opener in _STRAIGHT_CLOSES
        if straight_closes and width == 1 and _reopens(text, index, double_open):
            # The writer left the quotation unclosed before its attribution: '"It is
            # fair, said Ortega. "It may not pass."' The mark opens the next quotation.
            if single_open is not None:
                quotes.append(Quote(single_open, index, nested=True))
                single_open = None
            quotes.append(Quote(double_open, index, continued=continued))
            double_open, opener, continued = index, char, False
            index += width
            continue
        closes = width == 1 and char in _closers_of(opener)
        if closes or (straight_closes and (width == 2 or not _is_feet_and_inches(text, index))):
            if single_open is not None:
                quotes.append(Quote(single_open, index, nested=True))
                single_open = None
            quotes.append(Quote(double_open, index + width, continued=continued))
            double_open = None
        elif single_open is None and char in _SINGLE_CLOSERS:
            if _opens_single(text, index):
                single_open = index
        elif single_open is not None and char in _SINGLE_CLOSERS[text[single_open]] and _closes_single(text, index):
            quotes.append(Quote(single_open, index + 1, nested=True))
            single_open = None
        index += width
    if double_open is None:
        return quotes, False
    # Open at the paragraph's end: an AP multi-paragraph quote, or a stray mark. Either
    # way the quotation ends here; the next paragraph reopens it with its own mark.
    if single_open is not None:
        quotes.append(Quote(single_open, end, nested=True))
    quotes.append(Quote(double_open, end, continued=continued))
    return quotes, True
