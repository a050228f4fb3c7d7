"""Clauses: where a sentence changes from one statement to the next.

Who speaks can change inside a sentence (issue 19): in "The chain was reportedly in talks
with lenders, and its stores could potentially close by spring" the hearsay covers the
first clause, and the stacked hedge in the second is the reporter's. So a sentence is cut
where copy joins clauses, with no parser and no data to download:

* a semicolon, or a dash between words ("the plan — which critics called timid — passed");
* a coordinating conjunction after a comma (", and", ", but", ", or", ", yet", ", so");
* "but" without a comma;
* a subordinating conjunction ("although", "though", "while", "whereas", "because",
  "even if", "unless"), and the comma that closes an opening one ("Although costs
  rose, ...");
* a relative clause after a comma that runs to the end ("..., which could still fall
  through"): one with a closing comma is an aside in its host ("Tom Hardy, who voted no,
  said ...") and stays in it;
* the edges of a direct quotation, so that its words form clauses of their own.

Nothing inside a quotation is cut: the words there are one source's.
Each clause is reported with the word that links it to the one before (`Span.link`), since
that word says whether a source's speech runs on ("..., and that ...") or stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marks that may start a clause. Scanning for these first, and for the words below, keeps
# the search cheap: most of a sentence is neither.
_MARK = re.compile(r"[;,—–]|--")
_SUBORDINATORS = r"although|though|whereas|while|because|unless|even\s+though|even\s+if"
_AFTER_COMMA = re.compile(
    r",\s+(?:(?P<coordinator>and|but|or|yet|so|nor)"
    rf"|(?P<subordinator>{_SUBORDINATORS})"
    r"|(?P<relative>which|who|whose|whom|where))\b"
)
# "but" and subordinating conjunctions without a comma: "Sales rose but profit fell".
_WORD = re.compile(rf"\b(?:(?P<but>but)|(?P<subordinator>{_SUBORDINATORS}))\b")
# What every match of _WORD contains.
_WORD_STARTS = ("but", "though", "whereas", "while", "because", "unless", "even")
_NOUN_WHILE = re.compile(r"\b(?:a|the|their|his|her|its|our|worth)\s+$", re.IGNORECASE)
# An opening subordinate clause, closed by the first comma: "Although costs rose, ...".
_OPENING_SUBORDINATE = re.compile(
    r"\s*(?:although|though|while|whereas|because|if|unless|when|as)\b[^,;]*,", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Span:
    """A clause's offsets in its sentence, and what links it to the clause before:
    "" for the first, "quote" at a quotation's edge, else the boundary's kind or word
    in lower case ("and", "although", "which", "semicolon", "dash", "comma")."""

    start: int
    end: int
    link: str


def clause_spans(sentence: str, quotes: list[tuple[int, int]] | None = None) -> list[Span]:
    """The clauses of `sentence`, in order, covering it. `quotes` are the (start, end)
    offsets, in the sentence, of its direct quotations."""
    quotes = sorted(quotes or [])
    cuts: dict[int, str] = {}
    opening = _OPENING_SUBORDINATE.match(sentence)
    if opening is not None and not _inside(opening.end() - 1, quotes):
        cuts[opening.end()] = "comma"
    for start, link in _boundaries(sentence):
        if start > 0 and not _inside(start, quotes):
            if link in _RELATIVES and "," in _outside(sentence, start, quotes):
                continue  # an aside closed by a comma stays in its host clause
            cuts.setdefault(start, link)
    for start, end in quotes:
        if 0 < start < len(sentence):
            cuts[start] = "quote"
        if 0 < end < len(sentence) and sentence[end:].strip():
            cuts.setdefault(end, "quote")
    spans: list[Span] = []
    bounds = sorted(cuts) + [len(sentence)]
    previous, link = 0, ""
    for end in bounds:
        if not _WORDS.search(sentence, previous, end) and spans:
            # Only marks or spaces (a closing quote before a semicolon): part of the clause before.
            spans[-1] = Span(spans[-1].start, end, spans[-1].link)
        elif end > previous:
            spans.append(Span(previous, end, link))
        previous, link = end, cuts.get(end, "")
    return spans or [Span(0, len(sentence), "")]


_WORDS = re.compile(r"\w")
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where"})


def _boundaries(sentence: str) -> list[tuple[int, str]]:
    """(offset, link) of each place a clause may start, before quotations are considered."""
    found: list[tuple[int, str]] = []
    for mark in _MARK.finditer(sentence):
        char, start = mark.group(), mark.start()
        if char == ";":
            end = mark.end()
            while end < len(sentence) and sentence[end].isspace():
                end += 1
            found.append((end, "semicolon"))
        elif char == ",":
            after = _AFTER_COMMA.match(sentence, start)
            if after is not None and after.lastgroup is not None:
                kind = after.lastgroup
                if kind == "subordinator" and _NOUN_WHILE.search(sentence, max(0, start - 8), start + 1):
                    continue
                found.append((after.start(kind), " ".join(after.group(kind).split())))
        elif _spaced(sentence, start, mark.end()) or (
            char == "—" and _word_char(sentence, start - 1) and _word_char(sentence, mark.end())
        ):
            found.append((start, "dash"))
    if not any(map(sentence.__contains__, _WORD_STARTS)):
        return found  # most sentences: none of the words, no search
    for word in _WORD.finditer(sentence):
        start = word.start()
        before = sentence[start - 1] if start > 0 else ""
        if not before.isspace():
            continue
        kind = word.lastgroup or ""
        stripped = sentence[:start].rstrip()
        if not stripped or stripped.endswith(","):
            continue  # at the start, or after a comma (found above)
        if kind == "but" and not (stripped[-1].isalnum() or stripped[-1] in "\"”’'"):
            continue
        if kind == "subordinator" and _NOUN_WHILE.search(sentence, max(0, start - 8), start):
            continue  # "for a while", "worth their while"
        found.append((start, " ".join(word.group().split())))
    return found


def _spaced(sentence: str, start: int, end: int) -> bool:
    return start > 0 and sentence[start - 1].isspace() and (end >= len(sentence) or sentence[end].isspace())


def _word_char(sentence: str, index: int) -> bool:
    return 0 <= index < len(sentence) and (sentence[index].isalnum() or sentence[index] == "_")


def _inside(index: int, quotes: list[tuple[int, int]]) -> bool:
    """Is `index` strictly inside a quotation (not at its opening mark)?"""
    return bool(quotes) and any(start < index < end for start, end in quotes)


def _outside(sentence: str, start: int, quotes: list[tuple[int, int]]) -> str:
    """The text from `start` to the sentence's end with quotations left out."""
    kept = []
    position = start
    for quote_start, quote_end in quotes:
        if quote_end <= position:
            continue
        kept.append(sentence[position : max(position, quote_start)])
        position = max(position, quote_end)
    kept.append(sentence[position:])
    return "".join(kept)
