"""Run rules over a document, then settle overlaps and apply the user's filters."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newslint.checks.budget import DEFAULT_SECONDS, rule_budget
from newslint.checks.context import Context
from newslint.checks.rule import Rule
from newslint.model import Document, Finding, Severity
from newslint.selection import selects_any


@dataclass(frozen=True)
class Selection:
    """Which findings the user wants to see."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO

    def wants(self, finding: Finding) -> bool:
        return self._wants(finding.rule, finding.severity)

    def wants_rule(self, rule: Rule) -> bool:
        """Can `rule` produce a finding the user will see? (A finding carries its
        rule's severity.)"""
        return self._wants(rule.id, rule.severity)

    def wants_severity(self, rule_id: str, severity: Severity) -> bool:
        """Would the user see a finding of `rule_id` at `severity`?"""
        return self._wants(rule_id, severity)

    def _wants(self, rule_id: str, severity: Severity) -> bool:
        if severity < self.min_severity:
            return False
        if self.select is not None and not selects_any(self.select, rule_id):
            return False
        return not selects_any(self.ignore, rule_id)


def rules_to_run(rules: list[Rule], selection: Selection) -> list[Rule]:
    """The rules whose findings the user will see, and the rules those count (a density
    rule needs the hedges it counts even when hedging.modal is ignored). The others
    are not run at all: `--select attribution` should not pay for readability."""
    return [rules[index] for index in _indexes_to_run(_run_key(rules), selection)]


# What `rules_to_run` depends on, for each rule: its id, its severity, what it counts.
_RunKey = tuple[tuple[str, Severity, tuple[str, ...]], ...]


def _run_key(rules: list[Rule]) -> _RunKey:
    return tuple((rule.id, rule.severity, tuple(rule.check.counted_rules())) for rule in rules)


# A run lints every file of a config with the same rules, and working the answer out
# again for each took 1.5% of a run: it is kept for the few rule lists and selections
# of a run, keyed by the values it depends on, so a list changed in place is a miss
# and no rule's identity is relied on.
@functools.lru_cache(maxsize=16)
def _indexes_to_run(rules: _RunKey, selection: Selection) -> tuple[int, ...]:
    wanted = {rule_id for rule_id, severity, _ in rules if selection.wants_severity(rule_id, severity)}
    counted = [selector for rule_id, _, counts in rules if rule_id in wanted for selector in counts]
    return tuple(
        index for index, (rule_id, _, _) in enumerate(rules) if rule_id in wanted or selects_any(counted, rule_id)
    )


def run_rules(
    document: Document | Context,
    rules: list[Rule],
    *,
    seconds: float | None = DEFAULT_SECONDS,
    timed_out: list[str] | None = None,
) -> list[Finding]:
    """Every rule's findings, in document order. Aggregate kinds (density) run last and
    see the others' findings, whether or not the user selected those rules, so that
    `--select hedging.density` still counts hedges. A rule that runs out of its time
    budget (`seconds` per rule on this document) is skipped, its id added to `timed_out`.
    Pass the document's `Context` to share what the checks work out with the caller
    (the claim statistics)."""
    context = document if isinstance(document, Context) else Context(document)
    findings: list[Finding] = []
    with rule_budget(seconds):  # the same budget for every rule: set once, not once a rule
        for rule in rules:
            if not rule.check.aggregate:
                findings.extend(_run(rule, context, [], timed_out))
        for rule in rules:
            if rule.check.aggregate:
                findings.extend(_run(rule, context, findings, timed_out))
    by_id = {rule.id: rule for rule in rules}
    findings = _drop_superseded(_drop_milder_tiers(_drop_refocused(findings, by_id), by_id), by_id)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _run(rule: Rule, context: Context, earlier: list[Finding], timed_out: list[str] | None) -> list[Finding]:
    try:
        return list(rule.check.find(context, rule, earlier))
    except TimeoutError:
        if timed_out is not None:
            timed_out.append(rule.id)
        return []


def _drop_milder_tiers(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """Tiers of a length rule mark the words past their own limits ("mark: over"), so
    the stricter tier's mark is the tail of the milder one's: both end where the
    sentence ends. The tier that supersedes the other is the one kept."""
    tails: dict[tuple[int, int], list[Finding]] = {}
    for finding in findings:
        if rules[finding.rule].supersedes:
            tails.setdefault((finding.paragraph, finding.end), []).append(finding)
    if not tails:
        return findings
    return [
        finding
        for finding in findings
        if not any(
            cover is not finding and selects_any(rules[cover.rule].supersedes, finding.rule)
            for cover in tails.get((finding.paragraph, finding.end), ())
        )
    ]


def _drop_superseded(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """One finding per problem: a stacked hedge ("could potentially") replaces the
    findings for its parts, and of two overlapping matches of one rule ("it is widely
    believed" and "widely believed") the longer stays."""
    # At equal extent a rule that supersedes others comes first, so that it is the one kept.
    by_extent = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), not rules[f.rule].supersedes))
    kept: list[Finding] = []
    # Only findings still open at this one's start can overlap it (they come in order of
    # start), so each is compared with those, not with every finding of its paragraph:
    # a 500,000-character paragraph of hedges would otherwise take minutes.
    open_covers: list[Finding] = []
    for finding in by_extent:
        open_covers = [cover for cover in open_covers if cover.end > finding.start]
        if any(_replaces(cover, finding, rules) for cover in open_covers):
            continue
        kept.append(finding)
        open_covers.append(finding)
    return kept


def _drop_refocused(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """One finding per problem, the most precise one: a sentence-wide finding made by
    some words (a claim's cue: "unsourced motive ('a calculated move')") gives way to a
    finding on those words from a rule that supersedes it (`bias.motive` on "a
    calculated move"), which says what is wrong with them and points at them."""
    focused = [(f, f.focus) for f in findings if f.focus is not None]
    if not focused:
        return findings
    superseders = [f for f in findings if rules[f.rule].supersedes]
    dropped = {
        id(f)
        for f, focus in focused
        if any(
            s.paragraph == f.paragraph
            and s.start < focus[1]
            and focus[0] < s.end
            and selects_any(rules[s.rule].supersedes, f.rule)
            for s in superseders
        )
    }
    return [f for f in findings if id(f) not in dropped] if dropped else findings


def _replaces(cover: Finding, finding: Finding, rules: dict[str, Rule]) -> bool:
    if cover.end <= finding.start or finding.end <= cover.start:
        return False
    if cover.rule == finding.rule:
        return True
    inside = cover.start <= finding.start and finding.end <= cover.end
    return inside and selects_any(rules[cover.rule].supersedes, finding.rule)


def lint_document(
    document: Document | Context,
    rules: list[Rule],
    selection: Selection = Selection(),
    *,
    seconds: float | None = DEFAULT_SECONDS,
    timed_out: list[str] | None = None,
) -> list[Finding]:
    return [
        finding
        for finding in run_rules(document, rules_to_run(rules, selection), seconds=seconds, timed_out=timed_out)
        if selection.wants(finding)
    ]
