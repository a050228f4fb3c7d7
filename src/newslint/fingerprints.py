"""How a baseline knows a finding again after the story around it has changed.

A finding is known by its rule, its words and the few words around them in its own
sentence (issue 20, item 23): never by line numbers, and not by its whole paragraph, so
editing another sentence of the paragraph, or adding a hedge to it, leaves the findings
already accepted alone. Words are compared case-folded with white space collapsed, so
rewrapping a paragraph or changing a capital elsewhere changes nothing.

A finding that spans sentences (a paragraph's hedge density, its length) has no few
words of its own: it is known by the opening words of what it spans, so it stays accepted
while the rest of its paragraph changes.

Version 1 baselines knew a finding by its rule, its words and its whole paragraph;
`paragraph_fingerprints` still computes those, so old baselines keep working.
"""

from __future__ import annotations

import bisect
import hashlib
import re

from newslint.model import Finding
from newslint.result import FileResult

# Words of context on each side of a finding, within its sentence: enough to tell two
# "may"s of one paragraph apart, few enough that an edit a clause away changes nothing.
CONTEXT_WORDS = 3
# Words that stand for a finding spanning sentences.
OPENING_WORDS = 4
# Characters read on each side for the context words: a bound, so a sentence of
# 500,000 characters with a finding in every line costs no more per finding than a short
# one (a word longer than this is cut, the same way every time).
_CONTEXT_CHARACTERS = 200

# The end of a sentence, for the purpose of bounding context: a stop, a question or
# exclamation mark, and any closing quote or bracket, before white space. An
# abbreviation ("U.S. officials") ends a context early, which only makes it shorter.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")


def normal(text: str) -> str:
    """`text` case-folded, with each run of white space one space."""
    return " ".join(text.casefold().split())


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def finding_fingerprints(result: FileResult) -> list[str]:
    """The fingerprint of each of `result`'s findings, in order (version 2 baselines)."""
    sentence_ends = [match.end() for match in _SENTENCE_END.finditer(result.text)]
    return [_fingerprint(finding, result, sentence_ends) for finding in result.findings]


def _fingerprint(finding: Finding, result: FileResult, sentence_ends: list[int]) -> str:
    spans_sentences = _SENTENCE_END.search(finding.text.strip()) is not None
    if spans_sentences:
        return _digest(finding.rule, " ".join(normal(finding.text).split()[:OPENING_WORDS]))
    start, end = _paragraph_span(result, finding)
    # The sentence around the finding: from the last sentence end at or before it to the
    # first at or after it, within its paragraph.
    before_index = bisect.bisect_right(sentence_ends, finding.start) - 1
    sentence_start = max(start, sentence_ends[before_index] if before_index >= 0 else start)
    after_index = bisect.bisect_left(sentence_ends, finding.end)
    sentence_end = min(end, sentence_ends[after_index] if after_index < len(sentence_ends) else end)
    before = normal(result.text[max(sentence_start, finding.start - _CONTEXT_CHARACTERS) : finding.start])
    after = normal(result.text[finding.end : min(sentence_end, finding.end + _CONTEXT_CHARACTERS)])
    context = " ".join(before.split()[-CONTEXT_WORDS:]), " ".join(after.split()[:CONTEXT_WORDS])
    return _digest(finding.rule, normal(finding.text), *context)


def _paragraph_span(result: FileResult, finding: Finding) -> tuple[int, int]:
    if 1 <= finding.paragraph <= len(result.paragraphs):
        return result.paragraphs[finding.paragraph - 1]
    return 0, len(result.text)


def paragraph_fingerprints(result: FileResult) -> list[str]:
    """Each finding's fingerprint as version 1 baselines recorded it: its rule, its whole
    paragraph and its words, white space collapsed (case kept). The digest of a rule and
    paragraph is taken once and extended by each finding's words: a paragraph of n
    sentences with a hedge in each costs n, not n squared."""
    paragraphs: dict[int, str] = {}
    prefixes: dict[tuple[str, int], hashlib._Hash] = {}
    prints = []
    for finding in result.findings:
        key = (finding.rule, finding.paragraph)
        if key not in prefixes:
            if finding.paragraph not in paragraphs:
                if finding.paragraph <= len(result.paragraphs):
                    start, end = result.paragraphs[finding.paragraph - 1]
                else:
                    start, end = 0, 0
                paragraphs[finding.paragraph] = " ".join(result.text[start:end].split())
            prefixes[key] = hashlib.sha256(f"{finding.rule}\x1f{paragraphs[finding.paragraph]}\x1f".encode())
        digest = prefixes[key].copy()
        digest.update(" ".join(finding.text.split()).encode("utf-8"))
        prints.append(digest.hexdigest()[:20])
    return prints
