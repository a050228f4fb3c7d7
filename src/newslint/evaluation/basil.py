"""BASIL: `bias.*` findings against annotated loaded wording (`lexical_bias` spans).

Each article body is linted whole. Span precision is the share of `bias.*` findings
that overlap a `lexical_bias` span outside a quotation; span recall is the share of
those spans that some finding overlaps. Spans in the title, and spans whose offsets do
not match their text, are left out (and counted).

Quote handling: loaded words inside a quotation are the source's, so flags there should
be rare. Reported two ways: the share of findings inside a direct quotation as newslint
sees it, and the share overlapping a `lexical_bias` span the annotators marked as quoted.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from newslint.evaluation.data import DatasetMissing, read_jsonl, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import f1_score, fmt, fmt_share, overlaps, ratio
from newslint.evaluation.report import DatasetReport, SummaryRow, Table

KEY = "basil"
TITLE = "BASIL (lexical bias spans)"
FILE = "basil/articles.jsonl"


def is_bias(rule: str) -> bool:
    return rule.startswith("bias.")


def _lint_article(runner: Runner, text: str) -> list[tuple[int, int, bool]]:
    """(start, end, inside a direct quotation) of each bias.* finding."""
    document, findings = runner.lint(text)
    return [
        (f.start, f.end, any(overlaps(f.start, f.end, q.start, q.end) for q in document.quotes))
        for f in findings
        if is_bias(f.rule)
    ]


def gold_spans(article: dict[str, Any]) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int]:
    """(lexical_bias spans outside quotes, lexical_bias spans in quotes, spans left out)."""
    text = article.get("text") or ""
    plain: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    dropped = 0
    for span in article.get("spans", []):
        if span.get("label") != "lexical_bias":
            continue
        start, end = span.get("start"), span.get("end")
        if span.get("in_title") or start is None or end is None or text[start:end] != span.get("text"):
            dropped += 1
            continue
        (quoted if str(span.get("quote", "no")).lower() == "yes" else plain).append((start, end))
    return plain, quoted, dropped


def evaluate(
    data_dir: Path, runner: Runner, *, limit: int | None = None, jobs: int = 1, seed: int = 0
) -> DatasetReport:
    began = time.perf_counter()
    try:
        (path,) = require(data_dir, FILE)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc))
    articles = list(read_jsonl(path, limit))
    results = parallel_map(_lint_article, [a.get("text") or "" for a in articles], runner, jobs, chunksize=4)

    totals: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    # per source: articles, findings, findings on gold, gold spans, gold found, in quote, on quoted gold
    dropped = 0
    for article, findings in zip(articles, results):
        plain, quoted, left_out = gold_spans(article)
        dropped += left_out
        row = totals[str(article.get("source") or "unknown").lower()]
        row[0] += 1
        row[1] += len(findings)
        row[2] += sum(any(overlaps(s, e, gs, ge) for gs, ge in plain) for s, e, _ in findings)
        row[3] += len(plain)
        row[4] += sum(any(overlaps(s, e, gs, ge) for s, e, _ in findings) for gs, ge in plain)
        row[5] += sum(inside for _, _, inside in findings)
        row[6] += sum(any(overlaps(s, e, gs, ge) for gs, ge in quoted) for s, e, _ in findings)
    all_ = [sum(values[i] for values in totals.values()) for i in range(7)]

    report = DatasetReport(KEY, TITLE)
    precision, recall = ratio(all_[2], all_[1]), ratio(all_[4], all_[3])
    has_rules = runner.has_rules("bias.")
    report.summary.append(
        SummaryRow(
            "bias.* (spans)",
            "BASIL",
            f"{all_[0]:,} articles, {all_[3]:,} non-quote lexical spans",
            precision,
            recall,
            f1_score(precision, recall),
            (
                f"{all_[1]} findings; {fmt(ratio(all_[5], all_[1]))} inside quotes"
                + ("" if has_rules else "; no bias.* rules yet")
            ),
        )
    )
    report.tables.append(
        Table(
            "By outlet",
            [
                "Outlet",
                "Articles",
                "Findings",
                "Precision",
                "Lexical spans",
                "Recall",
                "Findings inside quotes",
                "Findings on quoted lexical spans",
            ],
            [
                [
                    source,
                    str(v[0]),
                    str(v[1]),
                    fmt_share(v[2], v[1]),
                    str(v[3]),
                    fmt_share(v[4], v[3]),
                    fmt_share(v[5], v[1]),
                    fmt_share(v[6], v[1]),
                ]
                for source, v in sorted(totals.items())
            ]
            + [
                [
                    "all",
                    str(all_[0]),
                    str(all_[1]),
                    fmt_share(all_[2], all_[1]),
                    str(all_[3]),
                    fmt_share(all_[4], all_[3]),
                    fmt_share(all_[5], all_[1]),
                    fmt_share(all_[6], all_[1]),
                ]
            ],
            align="lrrrrrrr",
        )
    )
    if not has_rules:
        report.notes.append("no bias.* rules in the rule set: zero findings, so precision is n/a and recall 0")
    if dropped:
        report.notes.append(f"{dropped} lexical_bias span(s) left out (in the title, or offsets not matching the text)")
    report.seconds = time.perf_counter() - began
    return report
