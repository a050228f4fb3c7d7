"""PolNeAR: does newslint recognise attribution ("X said", "according to", quotes)?

Each article is analysed whole with `newslint.analysis.analyse`. A dataset sentence
(character offsets from `sentences.jsonl`) counts as attributed for newslint when a
newslint sentence overlapping it has an `.attribution` or is `.quoted`, or when the
sentence overlaps a direct quotation newslint found. The label is `has_attribution`
(the sentence overlaps a Cue or Content span of the primary annotator).

The same run scores a naive baseline: a case-insensitive regex for said, says, told,
according to, and double quotation marks, over the sentence text.

If the rule set has `attribution.unattributed`, its flags are mapped to dataset
sentences the same way and the share of flagged sentences that overlap an annotated
attribution (a false positive by construction) is reported per publisher.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from newslint.evaluation.data import DatasetMissing, read_jsonl, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import Confusion, fmt, fmt_share, overlaps
from newslint.evaluation.report import DatasetReport, SummaryRow, Table

KEY = "polnear"
TITLE = "PolNeAR political news (attribution)"
ARTICLES = "polnear/articles.jsonl"
SENTENCES = "polnear/sentences.jsonl"
UNATTRIBUTED = "attribution.unattributed"
BASELINE = re.compile(r"\b(?:said|says|told|according\s+to)\b|[\"“”]", re.IGNORECASE)
BASELINE_NAME = "naive baseline (said|says|told|according to, quote marks)"


@dataclass(frozen=True)
class Prediction:
    cue: bool  # an overlapping newslint sentence has an attribution
    quote: bool  # ... is quoted, or the sentence overlaps a direct quotation
    unattributed: bool  # an attribution.unattributed finding overlaps the sentence
    aligned: int  # how many newslint sentences overlap it

    @property
    def attributed(self) -> bool:
        return self.cue or self.quote


def baseline(text: str) -> bool:
    return BASELINE.search(text) is not None


def _predict(runner: Runner, item: tuple[str, list[tuple[int, int]], bool]) -> list[Prediction]:
    text, spans, lint = item
    if lint:
        document, findings = runner.lint(text)
        flags = [(f.start, f.end) for f in findings if f.rule == UNATTRIBUTED]
    else:
        document, flags = runner.analyse(text), []
    sentences = [s for paragraph in document.paragraphs for s in paragraph.sentences]
    predictions = []
    for start, end in spans:
        overlapping = [s for s in sentences if overlaps(start, end, s.start, s.end)]
        predictions.append(Prediction(
            cue=any(s.attribution is not None for s in overlapping),
            quote=any(s.quoted for s in overlapping)
            or any(overlaps(start, end, q.start, q.end) for q in document.quotes),
            unattributed=any(overlaps(start, end, f_start, f_end) for f_start, f_end in flags),
            aligned=len(overlapping),
        ))
    return predictions


def _row(name: str, c: Confusion) -> list[str]:
    negative = c.inverted()
    return [name, fmt(c.accuracy), fmt(c.precision), fmt(c.recall), fmt(c.f1), fmt(negative.precision),
            fmt(negative.recall)]


def evaluate(data_dir: Path, runner: Runner, *, limit: int | None = None, jobs: int = 1,
             seed: int = 0) -> DatasetReport:
    began = time.perf_counter()
    try:
        articles_path, sentences_path = require(data_dir, ARTICLES, SENTENCES)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc))
    articles = list(read_jsonl(articles_path, limit))
    wanted = {article["id"] for article in articles}
    sentences_of: dict[str, list[dict]] = defaultdict(list)
    for record in read_jsonl(sentences_path):
        if record["article_id"] in wanted:
            sentences_of[record["article_id"]].append(record)
    for records in sentences_of.values():
        records.sort(key=lambda r: (r["start"], r["end"]))

    has_rule = UNATTRIBUTED in runner.rule_ids
    items = [(a["text"], [(s["start"], s["end"]) for s in sentences_of[a["id"]]], has_rule) for a in articles]
    results = parallel_map(_predict, items, runner, jobs, chunksize=8)

    newslint, cue_only, quote_only, naive = Confusion(), Confusion(), Confusion(), Confusion()
    by_publisher: dict[str, dict[str, Confusion]] = defaultdict(lambda: defaultdict(Confusion))
    flagged: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # publisher: [flagged, on attributed]
    aligned_one = total = 0
    for article, predictions in zip(articles, results):
        publisher = article.get("publisher") or "unknown"
        for record, prediction in zip(sentences_of[article["id"]], predictions):
            actual = bool(record["has_attribution"])
            guess = baseline(record["text"])
            newslint.add(prediction.attributed, actual)
            cue_only.add(prediction.cue, actual)
            quote_only.add(prediction.quote, actual)
            naive.add(guess, actual)
            by_publisher[publisher]["newslint"].add(prediction.attributed, actual)
            by_publisher[publisher]["baseline"].add(guess, actual)
            if prediction.unattributed:
                flagged[publisher][0] += 1
                flagged[publisher][1] += actual
            total += 1
            aligned_one += prediction.aligned == 1

    report = DatasetReport(KEY, TITLE)
    scope = f"{newslint.total:,} sentences, {len(articles):,} articles"
    report.summary.append(SummaryRow(
        "attribution recognition (analysis: cue or quote)", "PolNeAR", scope,
        newslint.precision, newslint.recall, newslint.f1,
        f"accuracy {fmt(newslint.accuracy)}; {fmt(newslint.positive_rate)} positive"))
    report.summary.append(SummaryRow(
        BASELINE_NAME, "PolNeAR", scope, naive.precision, naive.recall, naive.f1,
        f"accuracy {fmt(naive.accuracy)}"))
    if has_rule:
        flags, on_attributed = sum(v[0] for v in flagged.values()), sum(v[1] for v in flagged.values())
        report.summary.append(SummaryRow(
            UNATTRIBUTED, "PolNeAR", scope,
            labelled=False,
            other=f"{fmt_share(on_attributed, flags)} of flagged sentences overlap an annotated attribution"))
    else:
        report.summary.append(SummaryRow(UNATTRIBUTED, "PolNeAR", scope, labelled=False, other="no such rule"))

    headers = ["Detector", "Accuracy", "P attributed", "R attributed", "F1 attributed", "P not attributed",
               "R not attributed"]
    report.tables.append(Table(
        "Sentence-level agreement with has_attribution (precision and recall both ways)", headers,
        [_row("newslint (cue or quote)", newslint), _row("newslint cue only", cue_only),
         _row("newslint quote only", quote_only), _row(BASELINE_NAME, naive)], align="lrrrrrr"))
    report.tables.append(Table(
        "Confusion counts", ["Detector", "TP", "FP", "FN", "TN"],
        [[name, str(c.tp), str(c.fp), str(c.fn), str(c.tn)] for name, c in
         (("newslint (cue or quote)", newslint), (BASELINE_NAME, naive))], align="lrrrr"))
    rows = []
    for publisher in sorted(by_publisher):
        ours, theirs = by_publisher[publisher]["newslint"], by_publisher[publisher]["baseline"]
        row = [publisher, str(ours.total), fmt(ours.positive_rate), fmt(ours.accuracy), fmt(theirs.accuracy)]
        row.append(fmt_share(flagged[publisher][1], flagged[publisher][0]) if has_rule else "no such rule")
        rows.append(row)
    report.tables.append(Table(
        "By publisher", ["Publisher", "Sentences", "Positive rate", "newslint accuracy", "Baseline accuracy",
                         f"{UNATTRIBUTED}: flags on attributed sentences"], rows, align="lrrrrr"))
    report.notes.append(f"{fmt_share(aligned_one, total)} of dataset sentences overlap exactly one newslint sentence")
    if not has_rule:
        report.notes.append(f"{UNATTRIBUTED}: no such rule in the rule set, so its precision is not measured")
    report.seconds = time.perf_counter() - began
    return report
