"""CoNLL-2010 shared task 1, Wikipedia: sentence-level hedge and weasel detection.

A sentence is flagged when linting it on its own yields any `hedging.*` or
`attribution.*` finding other than `attribution.unattributed` (a missing source is not
an uncertainty cue). The label is the record's `uncertain` field.

The "worst" examples printed for tuning are chosen deterministically:

* false positives are grouped by the cue that flagged them (rule id and lower-cased
  matched text of the sentence's first relevant finding); groups are ranked by size,
  largest first, and examples are taken round-robin across the groups, shortest sentence
  first within a group (ties by id). So the list shows the cues that cost the most
  precision, one clear example each, before it shows a second example of any cue;
* misses are the shortest uncertain sentences left unflagged (ties by id): in a short
  sentence the cue newslint missed is easy to see.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newslint.evaluation.data import DatasetMissing, read_jsonl, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import Confusion, fmt, fmt_share
from newslint.evaluation.report import DatasetReport, SummaryRow, Table, Target

KEY = "conll"
TITLE = "CoNLL-2010 Wikipedia (hedge and weasel cues)"
FILE = "conll2010_wiki/train.jsonl"
EXCLUDED_RULES = frozenset({"attribution.unattributed"})
TARGET_PRECISION = 0.75
TARGET_RECALL = 0.40
EXAMPLES = 15
Record = dict[str, Any]  # one sentence's JSON Lines record
Hits = list[tuple[str, str]]  # (rule, matched text) of each counted finding


def counts(rule: str) -> bool:
    """Whether a finding of `rule` flags a sentence as uncertain."""
    return rule.startswith(("hedging.", "attribution.")) and rule not in EXCLUDED_RULES


def _flag(runner: Runner, text: str) -> Hits:
    _, findings = runner.lint(text)
    return [(finding.rule, finding.text) for finding in findings if counts(finding.rule)]


def worst_false_positives(
    false_positives: list[tuple[Record, Hits]], count: int = EXAMPLES
) -> list[tuple[Record, Hits]]:
    groups: dict[tuple[str, str], list[tuple[Record, Hits]]] = defaultdict(list)
    for record, hits in false_positives:
        rule, matched = hits[0]
        groups[(rule, " ".join(matched.lower().split()))].append((record, hits))
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    queues = [sorted(members, key=lambda m: (len(m[0]["text"]), m[0]["id"])) for _, members in ranked]
    chosen: list[tuple[Record, Hits]] = []
    depth = 0
    while len(chosen) < count and any(depth < len(queue) for queue in queues):
        for queue in queues:
            if depth < len(queue) and len(chosen) < count:
                chosen.append(queue[depth])
        depth += 1
    return chosen


def worst_misses(misses: list[Record], count: int = EXAMPLES) -> list[Record]:
    return sorted(misses, key=lambda record: (len(record["text"]), record["id"]))[:count]


def _targets(confusion: Confusion | None) -> list[Target]:
    requirement = f"precision >= {TARGET_PRECISION:.2f} with recall >= {TARGET_RECALL:.2f}"
    if confusion is None:
        return [Target("CoNLL hedging + vague attribution", requirement, "not measured", None)]
    precision, recall = confusion.precision, confusion.recall
    met = precision is not None and recall is not None and precision >= TARGET_PRECISION and recall >= TARGET_RECALL
    return [Target("CoNLL hedging + vague attribution", requirement, f"P {fmt(precision)}, R {fmt(recall)}", met)]


def evaluate(
    data_dir: Path, runner: Runner, *, limit: int | None = None, jobs: int = 1, seed: int = 0
) -> DatasetReport:
    began = time.perf_counter()
    try:
        (path,) = require(data_dir, FILE)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc), targets=_targets(None))
    records = list(read_jsonl(path, limit))
    results = parallel_map(_flag, [record["text"] for record in records], runner, jobs)

    confusion = Confusion()
    by_rule: dict[str, Confusion] = defaultdict(Confusion)
    false_positives, misses = [], []
    for record, hits in zip(records, results):
        uncertain = bool(record["uncertain"])
        confusion.add(bool(hits), uncertain)
        for rule in sorted({rule for rule, _ in hits}):
            by_rule[rule].add(True, uncertain)
        if hits and not uncertain:
            false_positives.append((record, hits))
        elif uncertain and not hits:
            misses.append(record)

    report = DatasetReport(KEY, TITLE, targets=_targets(confusion))
    report.summary.append(
        SummaryRow(
            "hedging.* + attribution.* (not unattributed)",
            "CoNLL-2010 Wikipedia",
            f"{confusion.total:,} sentences",
            confusion.precision,
            confusion.recall,
            confusion.f1,
            f"TP {confusion.tp}, FP {confusion.fp}, FN {confusion.fn}, TN {confusion.tn}; "
            f"{fmt(confusion.positive_rate)} positive",
        )
    )
    report.tables.append(
        Table(
            "Confusion counts (sentence level)",
            ["TP", "FP", "FN", "TN", "Positive rate", "Flagged rate", "Accuracy"],
            [
                [
                    str(confusion.tp),
                    str(confusion.fp),
                    str(confusion.fn),
                    str(confusion.tn),
                    fmt(confusion.positive_rate),
                    fmt(confusion.flagged_rate),
                    fmt(confusion.accuracy),
                ]
            ],
            align="rrrrrrr",
        )
    )
    report.tables.append(
        Table(
            "Sentences flagged, by rule (precision = share of them labelled uncertain)",
            ["Rule", "Flagged", "Uncertain", "Precision", "Share of uncertain found"],
            [
                [rule, str(c.tp + c.fp), str(c.tp), fmt(c.precision), fmt_share(c.tp, confusion.tp + confusion.fn)]
                for rule, c in sorted(by_rule.items())
            ],
            align="lrrrr",
        )
    )
    if not any(counts(rule_id) for rule_id in runner.rule_ids):
        report.notes.append("no hedging.* or attribution.* rules in the rule set")

    cues: Counter[tuple[str, str]] = Counter()
    for _, hits in false_positives:
        rule, matched = hits[0]
        cues[(rule, " ".join(matched.lower().split()))] += 1
    report.tables.append(
        Table(
            "False positives by first cue (top 15)",
            ["Rule", "Matched", "False positives"],
            [[rule, matched, str(n)] for (rule, matched), n in sorted(cues.items(), key=lambda i: (-i[1], i[0]))[:15]],
            align="llr",
            public=False,
        )
    )

    lines = [f"-- {EXAMPLES} worst false positives (largest cue groups first, round-robin, shortest first)"]
    for record, hits in worst_false_positives(false_positives):
        flagged = "; ".join(f"{rule} {matched!r}" for rule, matched in hits)
        lines.append(f"[{record['id']}] {flagged}\n    {record['text']}")
    lines.append("")
    lines.append(f"-- {EXAMPLES} misses (uncertain, not flagged; shortest first)")
    for record in worst_misses(misses):
        lines.append(f"[{record['id']}] {record['text']}")
    report.details = lines
    report.seconds = time.perf_counter() - began
    return report
