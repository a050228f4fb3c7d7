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

PolNeAR annotates far more than sourcing: any attitude, intention or act ascribed to
someone is a relation ("Trump is even thinking about ...", "Sanders is likely to win",
"has positioned itself as"). Those are exactly the reporter-voice claims about motives and
the future an editor wants flagged, so both figures are also reported against *reporting*
relations only: relations whose cue contains a word of saying or reporting (`REPORTING_CUE`),
a colon or quotation marks. Sentences whose only relations are of the other kind are left
out of that view rather than counted either way.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.evaluation.data import DatasetMissing, read_jsonl, require
from newslint.evaluation.linting import Runner, parallel_map
from newslint.evaluation.metrics import Confusion, fmt, fmt_share, overlaps, ratio
from newslint.evaluation.report import DatasetReport, SummaryRow, Table, Target

KEY = "polnear"
TITLE = "PolNeAR political news (attribution)"
ARTICLES = "polnear/articles.jsonl"
SENTENCES = "polnear/sentences.jsonl"
UNATTRIBUTED = "attribution.unattributed"
BASELINE = re.compile(r"\b(?:said|says|told|according\s+to)\b|[\"“”]", re.IGNORECASE)
BASELINE_NAME = "naive baseline (said|says|told|according to, quote marks)"
AGREEMENT_TARGET = 0.85
FALSE_FLAG_TARGET = 0.10
# Written for this evaluation from the dictionary sense of "reporting", not taken from
# newslint's own attribution vocabulary, so the view does not grade newslint by itself.
REPORTING_CUE = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old|elling)|according|announc\w*|stat(?:e|es|ed|ing|ement)"
    r"|add(?:s|ed|ing)?|wr(?:ite|ites|ote|itten|iting)|claim\w*|argu\w*|insist\w*|not(?:e|es|ed|ing)"
    r"|report\w*|explain\w*|ask\w*|answer\w*|respond\w*|repl(?:y|ies|ied)|warn\w*|predict\w*"
    r"|testif\w*|tweet\w*|declar\w*|comment\w*|acknowledg\w*|admit\w*|confirm\w*|den(?:y|ies|ied)"
    r"|suggest\w*|describ\w*|quot\w*|cit(?:e|es|ed|ing)|mention\w*|sp(?:eak|eaks|oke|oken)"
    r"|interview\w*|urg\w*|assert\w*|recall\w*|reiterat\w*|emphasi\w*|stress\w*|contend\w*"
    r"|conced\w*|complain\w*|accus\w*|criticiz\w*|prais\w*|vow\w*|pledg\w*|promis\w*"
    r"|call(?:s|ed|ing)?|post(?:s|ed)?|reveal\w*|disclos\w*|estimat\w*|show(?:s|ed|n)?|found|find(?:s|ing)?)\b"
    r"|[:\"“”]|''|``",
    re.IGNORECASE,
)


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


def reporting_spans(article: dict[str, Any]) -> list[tuple[int, int]]:
    """Cue and content spans of the primary annotator's reporting relations."""
    text = article["text"]
    spans: list[tuple[int, int]] = []
    for relation in article["attributions_by_annotator"].get(article["primary_annotator"], []):
        cue = " ".join(text[c["start"] : c["end"]] for c in relation.get("cue", []))
        if REPORTING_CUE.search(cue):
            spans.extend((part["start"], part["end"]) for part in relation.get("cue", []) + relation.get("content", []))
    return spans


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
        predictions.append(
            Prediction(
                cue=any(s.attribution is not None for s in overlapping),
                quote=any(s.quoted for s in overlapping)
                or any(overlaps(start, end, q.start, q.end) for q in document.quotes),
                unattributed=any(overlaps(start, end, f_start, f_end) for f_start, f_end in flags),
                aligned=len(overlapping),
            )
        )
    return predictions


@dataclass
class Flags:
    """`attribution.unattributed` flags, and how many land on annotated attributions."""

    flagged: int = 0
    on_attributed: int = 0  # the sentence overlaps any Cue or Content
    on_reporting: int = 0  # ... of a reporting relation

    def add(self, attributed: bool, reporting: bool) -> None:
        self.flagged += 1
        self.on_attributed += attributed
        self.on_reporting += reporting

    def __add__(self, other: Flags) -> Flags:
        return Flags(
            self.flagged + other.flagged,
            self.on_attributed + other.on_attributed,
            self.on_reporting + other.on_reporting,
        )


def _targets(every: Confusion, reporting: Confusion, flags: Flags | None) -> list[Target]:
    agreement = f"agreement >= {AGREEMENT_TARGET:.2f}"
    targets = [
        Target(
            "PolNeAR attribution recognition (any relation)",
            agreement,
            f"accuracy {fmt(every.accuracy)}",
            every.accuracy is not None and every.accuracy >= AGREEMENT_TARGET,
        ),
        Target(
            "PolNeAR attribution recognition (reporting relations)",
            agreement,
            f"accuracy {fmt(reporting.accuracy)}",
            reporting.accuracy is not None and reporting.accuracy >= AGREEMENT_TARGET,
        ),
    ]
    limit = f"<= {FALSE_FLAG_TARGET:.2f} of flags"
    for name, count in (
        ("any annotated attribution", flags.on_attributed if flags else 0),  # (unused when not measured)
        ("a reporting relation", flags.on_reporting if flags else 0),
    ):
        share = ratio(count, flags.flagged) if flags else None
        targets.append(
            Target(
                f"{UNATTRIBUTED} flags on {name}",
                limit,
                fmt_share(count, flags.flagged) if flags else "not measured",
                None if share is None else share <= FALSE_FLAG_TARGET,
            )
        )
    return targets


def _row(name: str, c: Confusion) -> list[str]:
    negative = c.inverted()
    return [
        name,
        fmt(c.accuracy),
        fmt(c.precision),
        fmt(c.recall),
        fmt(c.f1),
        fmt(negative.precision),
        fmt(negative.recall),
    ]


def evaluate(
    data_dir: Path, runner: Runner, *, limit: int | None = None, jobs: int = 1, seed: int = 0
) -> DatasetReport:
    began = time.perf_counter()
    try:
        articles_path, sentences_path = require(data_dir, ARTICLES, SENTENCES)
    except DatasetMissing as exc:
        return DatasetReport(KEY, TITLE, skipped=str(exc))
    articles = list(read_jsonl(articles_path, limit))
    wanted = {article["id"] for article in articles}
    sentences_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in read_jsonl(sentences_path):
        if record["article_id"] in wanted:
            sentences_of[record["article_id"]].append(record)
    for records in sentences_of.values():
        records.sort(key=lambda r: (r["start"], r["end"]))

    has_rule = UNATTRIBUTED in runner.rule_ids
    items = [(a["text"], [(s["start"], s["end"]) for s in sentences_of[a["id"]]], has_rule) for a in articles]
    results = parallel_map(_predict, items, runner, jobs, chunksize=8)

    newslint, cue_only, quote_only, naive = Confusion(), Confusion(), Confusion(), Confusion()
    reporting_view = Confusion()  # newslint against reporting relations only
    by_publisher: dict[str, dict[str, Confusion]] = defaultdict(lambda: defaultdict(Confusion))
    flagged: dict[str, Flags] = defaultdict(Flags)
    aligned_one = total = 0
    for article, predictions in zip(articles, results):
        publisher = article.get("publisher") or "unknown"
        reporting = reporting_spans(article)
        for record, prediction in zip(sentences_of[article["id"]], predictions):
            actual = bool(record["has_attribution"])
            reported = any(overlaps(record["start"], record["end"], start, end) for start, end in reporting)
            guess = baseline(record["text"])
            newslint.add(prediction.attributed, actual)
            cue_only.add(prediction.cue, actual)
            quote_only.add(prediction.quote, actual)
            naive.add(guess, actual)
            if reported or not actual:
                reporting_view.add(prediction.attributed, reported)
            by_publisher[publisher]["newslint"].add(prediction.attributed, actual)
            by_publisher[publisher]["baseline"].add(guess, actual)
            if prediction.unattributed:
                flagged[publisher].add(actual, reported)
            total += 1
            aligned_one += prediction.aligned == 1

    report = DatasetReport(KEY, TITLE)
    scope = f"{newslint.total:,} sentences, {len(articles):,} articles"
    report.summary.append(
        SummaryRow(
            "attribution recognition (analysis: cue or quote)",
            "PolNeAR",
            scope,
            newslint.precision,
            newslint.recall,
            newslint.f1,
            f"accuracy {fmt(newslint.accuracy)}; {fmt(newslint.positive_rate)} positive",
        )
    )
    report.summary.append(
        SummaryRow(
            BASELINE_NAME, "PolNeAR", scope, naive.precision, naive.recall, naive.f1, f"accuracy {fmt(naive.accuracy)}"
        )
    )
    report.summary.append(
        SummaryRow(
            "attribution recognition, reporting relations only",
            "PolNeAR",
            f"{reporting_view.total:,} sentences",
            reporting_view.precision,
            reporting_view.recall,
            reporting_view.f1,
            f"accuracy {fmt(reporting_view.accuracy)}",
        )
    )
    every = sum(flagged.values(), Flags())
    if has_rule:
        report.summary.append(
            SummaryRow(
                UNATTRIBUTED,
                "PolNeAR",
                scope,
                labelled=False,
                other=f"{fmt_share(every.on_attributed, every.flagged)} of flagged sentences overlap an annotated "
                f"attribution; {fmt_share(every.on_reporting, every.flagged)} a reporting relation",
            )
        )
    else:
        report.summary.append(SummaryRow(UNATTRIBUTED, "PolNeAR", scope, labelled=False, other="no such rule"))
    report.targets.extend(_targets(newslint, reporting_view, every if has_rule else None))

    headers = [
        "Detector",
        "Accuracy",
        "P attributed",
        "R attributed",
        "F1 attributed",
        "P not attributed",
        "R not attributed",
    ]
    report.tables.append(
        Table(
            "Sentence-level agreement with has_attribution (precision and recall both ways)",
            headers,
            [
                _row("newslint (cue or quote)", newslint),
                _row("newslint cue only", cue_only),
                _row("newslint quote only", quote_only),
                _row(BASELINE_NAME, naive),
                _row("newslint (cue or quote), reporting relations only", reporting_view),
            ],
            align="lrrrrrr",
        )
    )
    report.tables.append(
        Table(
            "Confusion counts",
            ["Detector", "TP", "FP", "FN", "TN"],
            [
                [name, str(c.tp), str(c.fp), str(c.fn), str(c.tn)]
                for name, c in (("newslint (cue or quote)", newslint), (BASELINE_NAME, naive))
            ],
            align="lrrrr",
        )
    )
    rows = []
    for publisher in sorted(by_publisher):
        ours, theirs = by_publisher[publisher]["newslint"], by_publisher[publisher]["baseline"]
        row = [publisher, str(ours.total), fmt(ours.positive_rate), fmt(ours.accuracy), fmt(theirs.accuracy)]
        if has_rule:
            flags = flagged[publisher]
            row += [
                fmt_share(flags.flagged, ours.total),
                fmt_share(flags.on_attributed, flags.flagged),
                fmt_share(flags.on_reporting, flags.flagged),
            ]
        else:
            row += ["no such rule"] * 3
        rows.append(row)
    report.tables.append(
        Table(
            "By publisher",
            [
                "Publisher",
                "Sentences",
                "Positive rate",
                "newslint accuracy",
                "Baseline accuracy",
                f"{UNATTRIBUTED}: sentences flagged",
                "flags on any attribution",
                "flags on a reporting relation",
            ],
            rows,
            align="lrrrrrrr",
        )
    )
    report.notes.append(f"{fmt_share(aligned_one, total)} of dataset sentences overlap exactly one newslint sentence")
    report.notes.append(
        "reporting relations only: relations whose cue has a word of saying or reporting, a colon or "
        "quotation marks; PolNeAR also annotates attitudes, intentions and acts ascribed to someone "
        '("is even thinking about", "is likely to win"), which are the reporter-voice claims '
        f"{UNATTRIBUTED} exists to flag; {reporting_view.total:,} of {total:,} sentences remain in that view"
    )
    if not has_rule:
        report.notes.append(f"{UNATTRIBUTED}: no such rule in the rule set, so its precision is not measured")
    report.seconds = time.perf_counter() - began
    return report
