from __future__ import annotations

import pytest

from newslint.evaluation.metrics import Confusion, f1_score, fmt, fmt_share, overlaps, per_thousand, ratio


def test_confusion_counts_and_figures():
    c = Confusion()
    for predicted, actual in [(True, True)] * 3 + [(True, False)] * 2 + [(False, True)] * 3 + [(False, False)] * 2:
        c.add(predicted, actual)
    assert (c.tp, c.fp, c.fn, c.tn, c.total) == (3, 2, 3, 2, 10)
    assert c.precision == pytest.approx(0.6)
    assert c.recall == pytest.approx(0.5)
    assert c.f1 == pytest.approx(6 / 11)
    assert c.accuracy == pytest.approx(0.5)
    assert c.positive_rate == pytest.approx(0.6)
    assert c.flagged_rate == pytest.approx(0.5)


def test_zero_division_is_undefined_not_an_error():
    c = Confusion(fn=4, tn=6)  # a detector that flags nothing
    assert c.precision is None and c.f1 is None
    assert c.recall == 0.0
    assert Confusion().accuracy is None and Confusion().recall is None
    assert ratio(1, 0) is None and per_thousand(3, 0) is None
    assert f1_score(0.0, 0.0) == 0.0
    assert fmt(None) == "n/a" and fmt_share(0, 0) == "n/a (0/0)"


def test_inverted_scores_the_negative_class():
    c = Confusion(tp=3, fp=1, fn=2, tn=4).inverted()
    assert (c.tp, c.fp, c.fn, c.tn) == (4, 2, 1, 3)
    assert c.precision == pytest.approx(4 / 6) and c.recall == pytest.approx(0.8)


def test_sum_and_helpers():
    total = Confusion(tp=1)
    total += Confusion(fp=2, tn=1)
    assert (total.tp, total.fp, total.fn, total.tn) == (1, 2, 0, 1)
    assert per_thousand(3, 42) == pytest.approx(71.428571, rel=1e-6)
    assert overlaps(0, 5, 4, 9) and not overlaps(0, 5, 5, 9)
    assert fmt(2 / 3) == "0.667" and fmt_share(1, 4) == "0.250 (1/4)"
