"""Does one of many spans hold, or overlap, a given one? Asked once per finding, of a
rule's exceptions (`checks.base`) or of a story's quotations, text runs and blocks
(`fixes`): by bisection over the spans sorted by start, with the furthest end up to
each, so a sentence of thousands of excepted words, or a story with thousands of fixes,
costs a logarithm per question rather than a pass over every span (issue 20)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class Spans:
    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._furthest = list(itertools.accumulate((end for _, end in ordered), max))

    def hold(self, start: int, end: int) -> bool:
        """Some span starts at or before `start` and ends at or after `end`."""
        index = bisect.bisect_right(self._starts, start)
        return index > 0 and self._furthest[index - 1] >= end

    def overlap(self, start: int, end: int) -> bool:
        """Some span starts before `end` and ends after `start`."""
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._furthest[index - 1] > start
