"""Confusion counts and the figures derived from them.

Every ratio whose denominator is zero is `None` ("n/a" in reports), never 0 and never an
exception: a detector that flags nothing has no precision, and a dataset without
positives has no recall.
"""

from __future__ import annotations

from dataclasses import dataclass


def ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def f1_score(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0


def per_thousand(count: int, words: int) -> float | None:
    return ratio(1000 * count, words)


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """True if the half-open spans share at least one character."""
    return start < other_end and other_start < end


@dataclass
class Confusion:
    """Binary confusion counts: `predicted` is the detector, `actual` the label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    def __iadd__(self, other: Confusion) -> Confusion:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn
        return self

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return f1_score(self.precision, self.recall)

    @property
    def accuracy(self) -> float | None:
        return ratio(self.tp + self.tn, self.total)

    @property
    def positive_rate(self) -> float | None:
        """Share of items whose label is positive."""
        return ratio(self.tp + self.fn, self.total)

    @property
    def flagged_rate(self) -> float | None:
        """Share of items the detector flags."""
        return ratio(self.tp + self.fp, self.total)

    def inverted(self) -> Confusion:
        """The same counts with the negative class as the one detected."""
        return Confusion(tp=self.tn, fp=self.fn, fn=self.fp, tn=self.tp)


def fmt(value: float | None, digits: int = 3) -> str:
    """A figure for a report: fixed decimals, or "n/a" when undefined."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def fmt_share(numerator: int, denominator: int, digits: int = 3) -> str:
    """ "0.250 (1/4)", or "n/a (0/0)"."""
    return f"{fmt(ratio(numerator, denominator), digits)} ({numerator}/{denominator})"
