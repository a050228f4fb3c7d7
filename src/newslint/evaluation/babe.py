"""BABE (SG2): sentence-level `bias.*` detection against expert labels.

Each sentence is linted on its own and counts as flagged when it has any `bias.*`
finding. Positive label: `Biased`; `Non-biased` is negative (a flag there is a false
positive); records with any other label ("No agreement") are left out and counted.
Word-level recall is the share of annotated biased-word spans that a finding overlaps.
"""

from __future__ import annotations

import time
from pathlib import Path

from newslint.evaluation.basil import is_bias
from newslint.evaluation.data import DatasetMissing, read_jsonl, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import Confusion, fmt, fmt_share, overlaps
from newslint.evaluation.report import DatasetReport, SummaryRow, Table, Target

KEY = "babe"
TITLE = "BABE SG2 (biased sentences)"
FILE = "babe/sg2.jsonl"
LABELS = {"Biased": True, "Non-biased": False}
# Issue 6: precision first. For scale, flagging any word of BABE's own bias lexicon scores
# P 0.66 R 0.33; its fine-tuned sentence classifier reports macro-F1 0.80.
TARGET_PRECISION, TARGET_RECALL = 0.80, 0.30


def _targets(confusion: Confusion | None) -> list[Target]:
    names = ("BABE bias.* sentence precision", "BABE bias.* sentence recall")
    requirements = (f">= {TARGET_PRECISION:.2f}", f">= {TARGET_RECALL:.2f}")
    if confusion is None:
        return [Target(name, requirement, "not measured", None) for name, requirement in zip(names, requirements)]
    precision, recall = confusion.precision, confusion.recall
    return [
        Target(names[0], requirements[0], fmt(precision), precision is not None and precision >= TARGET_PRECISION),
        Target(names[1], requirements[1], fmt(recall), recall is not None and recall >= TARGET_RECALL),
    ]


def _lint_sentence(runner: Runner, text: str) -> list[tuple[int, int]]:
    _, findings = runner.lint(text)
    return [(f.start, f.end) for f in findings if is_bias(f.rule)]


def evaluate(
    data_dir: Path, runner: Runner, *, limit: int | None = None, jobs: int = 1, seed: int = 0
) -> DatasetReport:
    began = time.perf_counter()
    try:
        (path,) = require(data_dir, FILE)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc), targets=_targets(None))
    records = list(read_jsonl(path, limit))
    kept = [r for r in records if r.get("label") in LABELS]
    results = parallel_map(_lint_sentence, [r.get("text") or "" for r in kept], runner, jobs)

    confusion = Confusion()
    words = words_found = 0
    for record, findings in zip(kept, results):
        confusion.add(bool(findings), LABELS[record["label"]])
        for span in record.get("spans") or []:
            words += 1
            words_found += any(overlaps(s, e, span["start"], span["end"]) for s, e in findings)

    has_rules = runner.has_rules("bias.")
    report = DatasetReport(KEY, TITLE, targets=_targets(confusion))
    report.summary.append(
        SummaryRow(
            "bias.* (sentences)",
            "BABE SG2",
            f"{confusion.total:,} sentences",
            confusion.precision,
            confusion.recall,
            confusion.f1,
            f"TP {confusion.tp}, FP {confusion.fp}, FN {confusion.fn}, TN {confusion.tn}; "
            f"word recall {fmt_share(words_found, words)}" + ("" if has_rules else "; no bias.* rules yet"),
        )
    )
    report.tables.append(
        Table(
            "Sentence level (label Biased) and word level",
            ["TP", "FP", "FN", "TN", "Positive rate", "Precision", "Recall", "Word-level recall"],
            [
                [
                    str(confusion.tp),
                    str(confusion.fp),
                    str(confusion.fn),
                    str(confusion.tn),
                    fmt(confusion.positive_rate),
                    fmt(confusion.precision),
                    fmt(confusion.recall),
                    fmt_share(words_found, words),
                ]
            ],
            align="rrrrrrrr",
        )
    )
    if len(kept) < len(records):
        report.notes.append(f"{len(records) - len(kept)} record(s) without a Biased/Non-biased label left out")
    if not has_rules:
        report.notes.append("no bias.* rules in the rule set: zero findings, so precision is n/a and recall 0")
    report.seconds = time.perf_counter() - began
    return report
