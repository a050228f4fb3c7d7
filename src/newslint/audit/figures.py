"""The figures an editor reads, worked out from a group's running totals (issue 22).

Each figure is defined in docs/audit.md; this module is that page as code. Rates are
per 1,000 words or per story, shares are fractions of 1, and a figure with nothing to
divide by (no words, no claims, no graded story) is None rather than a made-up zero.
Trends are the same figures per month or year: a group key that is a time period.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newslint.audit.accumulators import GRADE_BINS_PER_GRADE, Audit, GroupAccumulator
from newslint.audit.sources import TIME_KEYS, location
from newslint.statistics import ANONYMOUS_SOURCE_RULE, VAGUE_SOURCE_RULE

TOP_RULES = 5  # the rules that fire most, per group
DIGITS = 4  # rounding of rates and shares in the outputs


@dataclass(frozen=True)
class WorstStory:
    name: str
    findings: int
    source: str
    number: int  # 0 for a file

    @property
    def location(self) -> str:
        return location(self.source, self.number)


@dataclass(frozen=True)
class GroupFigures:
    group: dict[str, str]  # --group-by field → value; empty for the whole archive
    stories: int
    words: int
    findings: int
    findings_per_1000_words: float | None
    by_family: dict[str, float | None]  # rule pack → findings per 1,000 words
    by_rule: dict[str, float | None]  # rule id → findings per 1,000 words
    weak_source_share: float | None  # stories with an anonymous or vague source
    named_per_story: float | None  # named sources per story
    anonymous_per_story: float | None  # anonymous sources per story
    vague_per_story: float | None  # vague sources per story
    unattributed_per_story: float | None
    unattributed_per_1000_words: float | None
    hedges_per_1000_words: float | None
    claims: int
    attributed_share: float | None  # of the claims counted, the share attributed
    grade_median: float | None
    grade_p90: float | None
    top_rules: list[tuple[str, int]]  # the rules that fire most, most first
    worst_stories: list[WorstStory]  # most findings first
    timed_out_stories: int  # stories counted without a rule that ran out of time on them

    def as_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "stories": self.stories,
            "words": self.words,
            "findings": self.findings,
            "findings_per_1000_words": self.findings_per_1000_words,
            "findings_per_1000_words_by_family": self.by_family,
            "findings_per_1000_words_by_rule": self.by_rule,
            "weak_source_share": self.weak_source_share,
            "named_sources_per_story": self.named_per_story,
            "anonymous_sources_per_story": self.anonymous_per_story,
            "vague_sources_per_story": self.vague_per_story,
            "unattributed_claims_per_story": self.unattributed_per_story,
            "unattributed_claims_per_1000_words": self.unattributed_per_1000_words,
            "hedges_per_1000_words": self.hedges_per_1000_words,
            "claims": self.claims,
            "claims_attributed_share": self.attributed_share,
            "grade_median": self.grade_median,
            "grade_p90": self.grade_p90,
            "top_rules": [{"rule": rule, "findings": count} for rule, count in self.top_rules],
            "worst_stories": [
                {"story": story.name, "findings": story.findings, "location": story.location}
                for story in self.worst_stories
            ],
            "timed_out_stories": self.timed_out_stories,
        }


def group_figures(group: dict[str, str], totals: GroupAccumulator) -> GroupFigures:
    families: Counter[str] = Counter()
    for rule, count in totals.findings.items():
        families[rule.split(".", 1)[0]] += count
    findings = sum(totals.findings.values())
    return GroupFigures(
        group=group,
        stories=totals.stories,
        words=totals.words,
        findings=findings,
        findings_per_1000_words=_per_1000(findings, totals.words),
        by_family={family: _per_1000(count, totals.words) for family, count in sorted(families.items())},
        by_rule={rule: _per_1000(count, totals.words) for rule, count in sorted(totals.findings.items())},
        weak_source_share=_ratio(totals.weak_source_stories, totals.stories),
        named_per_story=_ratio(totals.named_sources, totals.stories),
        anonymous_per_story=_ratio(totals.findings[ANONYMOUS_SOURCE_RULE], totals.stories),
        vague_per_story=_ratio(totals.findings[VAGUE_SOURCE_RULE], totals.stories),
        unattributed_per_story=_ratio(totals.unattributed, totals.stories),
        unattributed_per_1000_words=_per_1000(totals.unattributed, totals.words),
        hedges_per_1000_words=_per_1000(totals.hedges, totals.words),
        claims=totals.claims,
        attributed_share=_ratio(totals.attributed, totals.claims),
        grade_median=percentile(totals.grades, 0.5),
        grade_p90=percentile(totals.grades, 0.9),
        top_rules=sorted(totals.findings.items(), key=lambda item: (-item[1], item[0]))[:TOP_RULES],
        worst_stories=[WorstStory(name, count, source, number) for count, name, source, number in totals.worst],
        timed_out_stories=totals.timed_out_stories,
    )


def percentile(histogram: Counter[int], fraction: float) -> float | None:
    """The nearest-rank percentile of a 0.1-grade histogram: the grade of the story at
    rank ⌈fraction × stories⌉ in grade order (the median of 4 stories is the 2nd)."""
    stories = sum(histogram.values())
    if not stories:
        return None
    rank = max(1, math.ceil(fraction * stories))
    seen = 0
    for grade_bin in sorted(histogram):
        seen += histogram[grade_bin]
        if seen >= rank:
            return grade_bin / GRADE_BINS_PER_GRADE
    raise AssertionError("unreachable: the ranks add up to the stories")


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, DIGITS) if whole else None


def _per_1000(count: int, words: int) -> float | None:
    return round(count * 1000 / words, DIGITS) if words else None


@dataclass(frozen=True)
class AuditFigures:
    group_by: tuple[str, ...]
    total: GroupFigures
    groups: list[GroupFigures]  # in key order: a time period sorts as time does
    bad_count: int
    bad: list[dict[str, str]]  # {"location", "reason"}, the first MAX_LISTED_BAD by place
    timed_out_count: int  # stories a rule ran out of time on
    timed_out: list[dict[str, Any]]  # {"location", "story", "rules"}, the first MAX_LISTED_BAD by place
    grade_distribution: dict[int, int]  # whole grade → stories of the archive, for the dashboard

    def trends(self) -> dict[str, list[GroupFigures]]:
        """Per group of the other fields, its figures period by period, when a group key
        is a month or a year ("desk=markets" → [1987-02, 1987-03, …]); else nothing."""
        time_keys = [key for key in self.group_by if key in TIME_KEYS]
        if not time_keys:
            return {}
        series: dict[str, list[GroupFigures]] = {}
        for figures in self.groups:
            label = ", ".join(f"{key}={value}" for key, value in figures.group.items() if key not in time_keys)
            series.setdefault(label or "all", []).append(figures)
        return series


def audit_figures(audit: Audit, group_by: tuple[str, ...]) -> AuditFigures:
    total = audit.total()  # a merge of every group: once
    return AuditFigures(
        group_by=group_by,
        total=group_figures({}, total),
        groups=[group_figures(dict(zip(group_by, key)), totals) for key, totals in sorted(audit.groups.items())],
        bad_count=audit.bad_count,
        bad=[{"location": record.location, "reason": record.reason} for record in audit.bad],
        timed_out_count=audit.timed_out_count,
        timed_out=[
            {"location": story.location, "story": story.name, "rules": list(story.rules)} for story in audit.timed_out
        ],
        grade_distribution=whole_grades(total.grades),
    )


def whole_grades(histogram: Counter[int]) -> dict[int, int]:
    """The 0.1-grade histogram in whole grades (11.0 to 11.9 is grade 11)."""
    grades: Counter[int] = Counter()
    for grade_bin, stories in histogram.items():
        grades[math.floor(grade_bin / GRADE_BINS_PER_GRADE)] += stories
    return dict(sorted(grades.items()))
