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

# Where a new clause starts, and the word or mark that starts it.
_BOUNDARY = re.compile(
    r"(?P<semicolon>;)\s*"
    r"|\s(?P<dash>[—–]|--)\s*"
    r"|(?<=\w)(?P<tight_dash>—)(?=\w)"
    r"|,\s+(?P<coordinator>and|but|or|yet|so|nor)\b"
    r"|(?<=[\w\"”’'])\s+(?P<but>but)\s"
    r"|,?\s+(?P<subordinator>although|though|whereas|while|because|unless|even\s+though|even\s+if)\b"
    r"|,\s+(?P<relative>which|who|whose|whom|where)\b",
    re.IGNORECASE,
)
_NOUN_WHILE = re.compile(r"\b(?:a|the|their|his|her|its|our|worth)\s*$", re.IGNORECASE)
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
    for match in _BOUNDARY.finditer(sentence):
        kind = match.lastgroup or ""
        start = match.start(kind)
        if start == 0 or _inside(start, quotes):
            continue
        if kind == "relative" and "," in _outside(sentence, match.end(), quotes):
            continue  # an aside closed by a comma stays in its host clause
        if kind == "subordinator" and _NOUN_WHILE.search(sentence, 0, start):
            continue  # "for a while", "worth their while"
        link = match.group(kind).lower() if kind in ("coordinator", "but", "subordinator", "relative") else kind
        cuts[match.end() if kind == "semicolon" else start] = " ".join(link.split()).replace("tight_", "")
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


def _inside(index: int, quotes: list[tuple[int, int]]) -> bool:
    """Is `index` strictly inside a quotation (not at its opening mark)?"""
    return any(start < index < end for start, end in quotes)


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
