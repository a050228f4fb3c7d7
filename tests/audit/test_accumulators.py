"""Merging partial audits: associative, order-free, and the same as one pass over all
the stories (issue 22), so partitions can be audited anywhere and merged in a tree."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.audit.accumulators import MAX_LISTED_BAD, Audit, StoryFigures, TreeMerge, merge_all, tree_merge
from newslint.audit.figures import audit_figures, percentile
from newslint.audit.sources import BadRecord

TOP = 3
RULES = ["attribution.anonymous", "attribution.unattributed", "hedging.modal", "bias.loaded"]

stories = st.builds(
    StoryFigures,
    name=st.sampled_from([f"story-{index}" for index in range(12)]),
    words=st.integers(0, 2000),
    findings=st.dictionaries(st.sampled_from(RULES), st.integers(1, 5), max_size=3),
    claims=st.integers(0, 6),
    attributed=st.integers(0, 6),
    unattributed=st.integers(0, 6),
    hedges=st.integers(0, 4),
    weak_source=st.booleans(),
    grade=st.none() | st.floats(0, 25, allow_nan=False).map(lambda grade: round(grade, 2)),
    source=st.just("a.jsonl"),
    number=st.integers(1, 50),
    timed_out=st.sampled_from([(), (), ("house.slow",), ("bias.loaded", "house.slow")]),
)
entries = st.lists(
    st.one_of(
        st.tuples(st.sampled_from([("metro",), ("politics",), ("sport",)]), stories),
        st.builds(
            BadRecord, st.sampled_from(["a.jsonl", "b.csv"]), st.integers(1, 50), st.sampled_from(["empty line"])
        ),
    ),
    max_size=25,
)


def _audit_of(items) -> Audit:
    audit = Audit(top=TOP)
    for item in items:
        if isinstance(item, BadRecord):
            audit.add_bad(item)
        else:
            audit.add(*item)
    return audit


@settings(max_examples=60, deadline=None)
@given(entries, entries, entries)
def test_merge_is_associative(first, second, third):
    a, b, c = _audit_of(first), _audit_of(second), _audit_of(third)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))


@settings(max_examples=60, deadline=None)
@given(entries, entries)
def test_merge_is_order_free_and_empty_is_its_identity(first, second):
    a, b = _audit_of(first), _audit_of(second)
    assert a.merge(b) == b.merge(a)
    assert a.merge(Audit(top=TOP)) == a == Audit(top=TOP).merge(a)


@settings(max_examples=60, deadline=None)
@given(entries)
def test_an_audit_kept_for_resume_reads_back_equal(items):
    audit = _audit_of(items)
    assert Audit.from_json(json.loads(json.dumps(audit.to_json()))) == audit


@settings(max_examples=60, deadline=None)
@given(entries, st.lists(st.integers(0, 25), max_size=6), st.randoms(use_true_random=False))
def test_merged_partitions_equal_one_pass(items, cuts, random):
    one_pass = _audit_of(items)
    bounds = sorted({0, len(items), *(min(cut, len(items)) for cut in cuts)})
    partitions = [_audit_of(items[start:stop]) for start, stop in itertools.pairwise(bounds)]
    random.shuffle(partitions)
    assert tree_merge(partitions, TOP) == one_pass == merge_all(partitions, TOP)
    assert audit_figures(tree_merge(partitions, TOP), ("desk",)) == audit_figures(one_pass, ("desk",))


def test_the_stories_with_most_findings_are_bounded_and_tie_broken_by_name():
    audit = Audit(top=2)
    for name, count in [("b", 2), ("a", 2), ("c", 5), ("d", 1)]:
        audit.add((), StoryFigures(name, 100, {"hedging.modal": count}, 0, 0, 0, count, False, None))
    assert audit.groups[()].worst == [(5, "c", "", 0), (2, "a", "", 0)]


def test_bad_records_are_all_counted_and_the_first_by_place_listed():
    audit = Audit()
    for number in range(MAX_LISTED_BAD + 5, 0, -1):
        audit.add_bad(BadRecord("a.jsonl", number, "empty line"))
    assert audit.bad_count == MAX_LISTED_BAD + 5
    assert [record.number for record in audit.bad] == list(range(1, MAX_LISTED_BAD + 1))


def test_percentiles_from_the_grade_histogram_are_nearest_rank():
    from collections import Counter

    histogram = Counter({80: 1, 95: 2, 120: 1})  # grades 8.0, 9.5, 9.5, 12.0
    assert percentile(histogram, 0.5) == 9.5
    assert percentile(histogram, 0.9) == 12.0
    assert percentile(Counter(), 0.5) is None


def test_the_tree_merge_holds_a_logarithm_of_the_partitions():
    merger = TreeMerge(TOP)
    for index in range(1000):
        merger.add(_audit_of([(("metro",), StoryFigures(f"s{index}", 10, {}, 0, 0, 0, 0, False, 9.0))]))
        assert sum(held is not None for held in merger._levels) <= 10
    assert merger.result().stories == 1000
