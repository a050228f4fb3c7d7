"""The running totals of an audit: what each story adds to its group, and how two
partial audits combine (issue 22).

Everything kept is a count (integers only, so no rounding depends on the order stories
come in) and everything is bounded: findings are counted per rule, readability grades in
0.1-grade bins, and only the `top` stories with most findings are kept. Memory grows
with the number of groups and rules, never with the number of stories.

`merge` is associative and commutative and `Audit()` is its identity, so partitions can
be audited anywhere, in any order, and combined in a tree (tests/audit/test_accumulators.py
checks it with hypothesis).
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from newslint.audit.sources import BadRecord, location

GRADE_BINS_PER_GRADE = 10  # a 0.1-grade histogram: the median is exact to 0.1 grade
# Bad records, and stories a rule ran out of time on, listed (all are counted): the first by place.
MAX_LISTED_BAD = 10_000


Worst = tuple[int, str, str, int]  # (findings, story name, source, number): a story with many findings


@dataclass(frozen=True)
class StoryFigures:
    """What one story adds to its group: its findings by rule and the counts derived
    from them, taken from its `FileResult` (`newslint.audit.runs`)."""

    name: str
    words: int
    findings: dict[str, int]  # rule id → findings
    claims: int  # sentences making a claim that needs a source (the claims tally)
    attributed: int  # of which attributed
    unattributed: int  # findings of the claim rules
    hedges: int  # findings of the hedge rules
    weak_source: bool  # at least one anonymous or vague source
    grade: float | None  # the article's Flesch-Kincaid grade; None without a sentence
    named_sources: int = 0  # named sources the voice tally found (`SourceCounts.named`)
    source: str = ""  # where the story is: its file, or the archive it is a record of
    number: int = 0  # its line or row in the archive; 0 for a file
    timed_out: tuple[str, ...] = ()  # rules skipped for this story: over --rule-timeout


@dataclass(frozen=True, order=True)
class TimedOutStory:
    """A story counted without some of its rules, which ran out of time on it (as `check`
    skips them, with a warning). Ordered by place, like `BadRecord`."""

    source: str
    number: int  # its line or row in the archive; 0 for a file
    name: str
    rules: tuple[str, ...]

    @property
    def location(self) -> str:
        return location(self.source, self.number)


@dataclass
class GroupAccumulator:
    stories: int = 0
    words: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    weak_source_stories: int = 0
    named_sources: int = 0
    claims: int = 0
    attributed: int = 0
    unattributed: int = 0
    hedges: int = 0
    grades: Counter[int] = field(default_factory=Counter)  # 0.1-grade bin → stories
    timed_out_stories: int = 0  # stories a rule ran out of time on (counted, that rule missing)
    # The stories with most findings, most first, ties by name and place.
    worst: list[Worst] = field(default_factory=list)

    def add(self, story: StoryFigures, top: int) -> None:
        self.stories += 1
        self.words += story.words
        self.findings.update(story.findings)
        self.weak_source_stories += story.weak_source
        self.named_sources += story.named_sources
        self.claims += story.claims
        self.attributed += story.attributed
        self.unattributed += story.unattributed
        self.hedges += story.hedges
        if story.grade is not None:
            self.grades[grade_bin(story.grade)] += 1
        self.timed_out_stories += bool(story.timed_out)
        total = sum(story.findings.values())
        if total and top:
            self.worst = _worst([*self.worst, (total, story.name, story.source, story.number)], top)

    def merge(self, other: GroupAccumulator, top: int) -> GroupAccumulator:
        return GroupAccumulator(
            **{name: getattr(self, name) + getattr(other, name) for name in _COUNTS},
            findings=_plus(self.findings, other.findings),
            grades=_plus(self.grades, other.grades),
            worst=_worst([*self.worst, *other.worst], top),
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in _FIELDS}  # in the order declared
        data["findings"] = dict(sorted(self.findings.items()))
        data["grades"] = {str(key): count for key, count in sorted(self.grades.items())}
        data["worst"] = [list(entry) for entry in self.worst]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GroupAccumulator:
        """The accumulator `to_json` wrote. A count missing is a damaged record (KeyError),
        except one added after --resume folders were first written, which counts 0."""
        return cls(
            **{name: int(data[name] if name in data else _ADDED_LATER[name]) for name in _COUNTS},
            findings=Counter({str(key): int(value) for key, value in data["findings"].items()}),
            grades=Counter({int(key): int(value) for key, value in data["grades"].items()}),
            worst=[(int(count), str(name), str(source), int(number)) for count, name, source, number in data["worst"]],
        )


_FIELDS = tuple(f.name for f in fields(GroupAccumulator))
# The plain counts, which two accumulators add and a record holds as integers; the rest
# (findings and grades by key, the worst stories) each combine in their own way.
_COUNTS = tuple(f.name for f in fields(GroupAccumulator) if f.type == "int")
_ADDED_LATER = {"timed_out_stories": 0}


def _insert(listed: list[Any], record: Any) -> None:
    """Keep `record` if it is among the first MAX_LISTED_BAD of `listed` by place."""
    if len(listed) < MAX_LISTED_BAD or record < listed[-1]:
        bisect.insort(listed, record)
        del listed[MAX_LISTED_BAD:]


def grade_bin(grade: float) -> int:
    return round(grade * GRADE_BINS_PER_GRADE)


def _plus(first: Counter[Any], second: Counter[Any]) -> Counter[Any]:
    total = Counter(first)
    total.update(second)
    return total


def _worst(entries: list[Worst], top: int) -> list[Worst]:
    """The `top` entries with most findings, ties broken by name and place: a total
    order, so the same whichever partition saw a story first."""
    return heapq.nsmallest(top, entries, key=lambda entry: (-entry[0], *entry[1:]))


GroupKey = tuple[str, ...]


@dataclass
class Audit:
    """Per group (the values of the --group-by fields, in order), its accumulator; and
    the records that could not be counted."""

    top: int = 5  # stories with most findings kept per group
    groups: dict[GroupKey, GroupAccumulator] = field(default_factory=dict)
    bad_count: int = 0
    bad: list[BadRecord] = field(default_factory=list)  # the first MAX_LISTED_BAD by place
    timed_out: list[TimedOutStory] = field(default_factory=list)  # the first MAX_LISTED_BAD by place

    def add(self, key: GroupKey, story: StoryFigures) -> None:
        self.groups.setdefault(key, GroupAccumulator()).add(story, self.top)
        if story.timed_out:
            _insert(self.timed_out, TimedOutStory(story.source, story.number, story.name, story.timed_out))

    def add_bad(self, record: BadRecord) -> None:
        self.bad_count += 1
        _insert(self.bad, record)

    @property
    def stories(self) -> int:
        return sum(group.stories for group in self.groups.values())

    @property
    def timed_out_count(self) -> int:
        """All the stories a rule ran out of time on (only the first are listed)."""
        return sum(group.timed_out_stories for group in self.groups.values())

    def merge(self, other: Audit) -> Audit:
        groups = {
            key: group.merge(other.groups.get(key, GroupAccumulator()), self.top) for key, group in self.groups.items()
        }
        for key, group in other.groups.items():
            if key not in groups:
                groups[key] = group.merge(GroupAccumulator(), self.top)  # a copy: merged audits share nothing
        return Audit(
            top=self.top,
            groups=dict(sorted(groups.items())),
            bad_count=self.bad_count + other.bad_count,
            bad=sorted([*self.bad, *other.bad])[:MAX_LISTED_BAD],
            timed_out=sorted([*self.timed_out, *other.timed_out])[:MAX_LISTED_BAD],
        )

    def total(self) -> GroupAccumulator:
        """Every group together."""
        total = GroupAccumulator()
        for group in self.groups.values():
            total = total.merge(group, self.top)
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "top": self.top,
            "groups": [{"key": list(key), **group.to_json()} for key, group in sorted(self.groups.items())],
            "bad_count": self.bad_count,
            "bad": [[record.source, record.number, record.reason] for record in self.bad],
            "timed_out": [[story.source, story.number, story.name, list(story.rules)] for story in self.timed_out],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audit:
        return cls(
            top=int(data["top"]),
            groups={tuple(group["key"]): GroupAccumulator.from_json(group) for group in data["groups"]},
            bad_count=int(data["bad_count"]),
            bad=[BadRecord(str(source), int(number), str(reason)) for source, number, reason in data["bad"]],
            timed_out=[
                TimedOutStory(str(source), int(number), str(name), tuple(str(rule) for rule in rules))
                for source, number, name, rules in data.get("timed_out", [])
            ],
        )


class TreeMerge:
    """Partial audits merged in a binary tree as they arrive: two of one level make one
    of the next, as a binary counter carries, so a run of n partitions holds at most
    log2(n) partial audits, never the list of them all."""

    def __init__(self, top: int) -> None:
        self.top = top
        self._levels: list[Audit | None] = []

    def add(self, audit: Audit) -> None:
        for level, held in enumerate(self._levels):
            if held is None:
                self._levels[level] = audit
                return
            audit = held.merge(audit)
            self._levels[level] = None
        self._levels.append(audit)

    def result(self) -> Audit:
        return merge_all([held for held in self._levels if held is not None], self.top)


def tree_merge(audits: list[Audit], top: int) -> Audit:
    """All the partial audits as one, merged in a tree (`TreeMerge`)."""
    merger = TreeMerge(top)
    for audit in audits:
        merger.add(audit)
    return merger.result()


def merge_all(audits: list[Audit], top: int) -> Audit:
    merged = Audit(top=top)
    for audit in audits:
        merged = merged.merge(audit)
    return merged
