"""Results of one dataset, rendered as a plain-text report (stdout) or as Markdown
(docs/accuracy.md).

Two kinds of content are kept apart on purpose. Figures and rule ids may go into the
repository's docs; example sentences from the data may not (the data is not ours to
redistribute), so they live in `DatasetReport.details` and `Table(public=False)`, which
only the plain-text report prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newslint.evaluation.metrics import fmt


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    align: str = ""  # one letter per column, "l" or "r"; missing letters mean "l"
    public: bool = True  # figures only: may be written to the docs


@dataclass
class SummaryRow:
    """One line of the headline table: a detector measured on a dataset."""

    detector: str
    dataset: str
    items: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    other: str = ""
    labelled: bool = True  # False: no labels, so precision, recall and F1 do not apply


@dataclass
class Target:
    name: str
    requirement: str
    measured: str
    met: bool | None  # None: not measured in this run


@dataclass
class DatasetReport:
    key: str
    title: str
    skipped: str | None = None
    summary: list[SummaryRow] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # stdout only: may quote the data
    targets: list[Target] = field(default_factory=list)
    seconds: float = 0.0


SUMMARY_HEADERS = ["Detector", "Dataset", "Items", "Precision", "Recall", "F1", "Other"]
SUMMARY_ALIGN = "lllrrrl"


def summary_rows(rows: Sequence[SummaryRow]) -> list[list[str]]:
    def figure(row: SummaryRow, value: float | None) -> str:
        return fmt(value) if row.labelled else "—"

    return [
        [
            row.detector,
            row.dataset,
            row.items,
            figure(row, row.precision),
            figure(row, row.recall),
            figure(row, row.f1),
            row.other,
        ]
        for row in rows
    ]


def target_status(met: bool | None) -> str:
    return {True: "met", False: "NOT met", None: "not measured"}[met]


# --- plain text ------------------------------------------------------------------


def render_text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def line(cells: Sequence[str]) -> str:
        parts = []
        for index, cell in enumerate(cells):
            right = index < len(align) and align[index] == "r"
            parts.append(cell.rjust(widths[index]) if right else cell.ljust(widths[index]))
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(row) for row in rows)])


def render_text_report(report: DatasetReport) -> str:
    out = [f"== {report.title} [{report.key}] =="]
    if report.skipped:
        out.append(f"skipped: {report.skipped}")
        return "\n".join(out) + "\n"
    if report.summary:
        out.append(render_text_table(SUMMARY_HEADERS, summary_rows(report.summary), SUMMARY_ALIGN))
        out.append("")
    for table in report.tables:
        out.append(f"-- {table.title}")
        out.append(render_text_table(table.headers, table.rows, table.align) if table.rows else "(none)")
        out.append("")
    for note in report.notes:
        out.append(f"note: {note}")
    if report.notes:
        out.append("")
    if report.details:
        out.extend(report.details)
        out.append("")
    out.append(f"time: {report.seconds:.1f} s")
    return "\n".join(out) + "\n"


def render_text_targets(reports: Sequence[DatasetReport]) -> str:
    targets = [target for report in reports for target in report.targets]
    if not targets:
        return ""
    rows = [[t.name, t.requirement, t.measured, target_status(t.met)] for t in targets]
    return "== Targets ==\n" + render_text_table(["Target", "Requirement", "Measured", "Status"], rows) + "\n"


def render_text(reports: Sequence[DatasetReport], rule_ids: Sequence[str] = ()) -> str:
    """The whole plain-text report: rule set, each dataset, then the targets."""
    parts = []
    if rule_ids:
        parts.append(f"rules evaluated ({len(rule_ids)}): {', '.join(rule_ids)}\n")
    parts += [render_text_report(report) for report in reports]
    targets = render_text_targets(reports)
    if targets:
        parts.append(targets)
    return "\n".join(parts)


# --- Markdown ----------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render_markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GitHub-flavoured Markdown table. Pipes in cells are escaped, line breaks
    folded; `align` gives "l" or "r" per column."""
    rule = ["---:" if index < len(align) and align[index] == "r" else "---" for index in range(len(headers))]
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


DOCS_COMMAND = "newslint eval --data ../shared/eval --write-docs docs/accuracy.md"

EXPLANATION = """\
## What the numbers mean

- **CoNLL-2010 (Wikipedia)** labels a sentence *uncertain* when it contains a hedge or
  weasel cue ("may", "it is believed", "some people say"). A sentence counts as flagged
  when newslint reports any `hedging.*` or `attribution.*` finding in it
  (`attribution.unattributed` excluded), each sentence linted on its own. Our copy of the
  data is incomplete and about 29% of its sentences are uncertain, so F1 here is not
  directly comparable with the shared task (best published Wikipedia sentence-level F1
  about 0.60 on the official test set, e.g. P 0.81 / R 0.44). Encyclopedia prose is also
  not news: some cues the annotators count ("many", "often") are not hedges in an
  editor's sense, which is why the target is precision first.
- **Reuters-21578** has no labels. Professional wire copy is the kind of text newslint
  should mostly leave alone, so findings per 1,000 words there approximate a
  false-positive rate. Words are counted with the regex `\\w+`.
- **PolNeAR** marks attribution relations (source, cue, content). A sentence is
  attributed for newslint when a sentence of its own analysis overlapping it has an
  attribution, lies inside a quotation, or the sentence overlaps a direct quotation.
  "Not attributed" in the data is not "unattributed claim": headlines and background
  facts carry no attribution and need none. The label counts a sentence that overlaps a
  Cue *or Content* span, so a sentence that only continues a source's paraphrase, with
  no cue of its own, is positive too; that bounds any sentence-local recall. The naive
  baseline is a regular expression for *said*, *says*, *told*, *according to* and
  quotation marks.
- **BASIL** and **BABE** measure loaded language (`bias.*` rules). BASIL span precision
  counts a `bias.*` finding as correct when it overlaps a `lexical_bias` span outside a
  quotation; recall is the share of those spans overlapped by a finding. BABE is
  sentence-level (label *Biased*), plus word-level recall of the annotated biased words.
- **Articles** are short news stories written for the project, each annotated with
  every hedge, vague or anonymous source, unattributed claim in the reporter's voice,
  loaded word and padding repetition (`expect`), spans no rule may touch (`forbid`:
  quotations, attributed speech, the month May, legal "may"...) and spans where a
  finding is neither required nor wrong (`allow`). An expectation is found when a
  finding of a matching family overlaps it (hedge: `hedging`; vague and unattributed:
  `attribution`; loaded: `bias`, `style` or `hedging`; repetition: `repetition`).
  Hedging and attribution are annotated exhaustively, so a `hedging.*` or
  `attribution.*` finding overlapping no `expect` or `allow` span is a false positive
  (one on an `allow` span only is left out of precision). A trap hit is a `forbid` span
  overlapped by a finding of any rule. A story whose text starts with `#` is linted as
  Markdown. The held-out stories are a file in the same format, scored with
  `newslint eval --dataset articles --articles FILE`.
- Figures are on the development split: rules are tuned on it, so they are optimistic.
  The held-out split is scored separately.
- "n/a" means the figure is undefined (no findings, so no precision; or no positives).
"""


def render_docs(
    reports: Sequence[DatasetReport],
    *,
    rule_ids: Sequence[str] = (),
    options: Sequence[str] = (),
    version: str = "",
    judged: str = "",
) -> str:
    """docs/accuracy.md. Deterministic: no timings, no paths, no data text. `judged` is the
    judged sample's Markdown section (issue 19), read from the committed verdicts."""
    out = [
        "<!-- Generated file: do not edit by hand. Regenerate with:",
        f"     {DOCS_COMMAND}",
        "     (run from the repository root; the data is not in this repository). -->",
        "",
        "# Accuracy",
        "",
        f"This page is generated by `{DOCS_COMMAND}` from public, human-labelled data "
        "that cannot be redistributed; it reports figures only.",
    ]
    if version:
        out += ["", f"newslint {version}."]
    if options:
        out += ["", f"**Partial run** ({', '.join(options)}): these figures do not cover the full data."]
    summary = [row for report in reports for row in report.summary]
    out += ["", "## Figures per detector and dataset", ""]
    out.append(
        render_markdown_table(SUMMARY_HEADERS, summary_rows(summary), SUMMARY_ALIGN)
        if summary
        else "No dataset was evaluated."
    )
    skipped = [report for report in reports if report.skipped]
    if skipped:
        out += ["", "Not evaluated (data missing): " + ", ".join(f"{r.title}" for r in skipped) + "."]

    targets = [target for report in reports for target in report.targets]
    out += ["", "## Targets", ""]
    rows = [[t.name, t.requirement, t.measured, target_status(t.met)] for t in targets]
    out.append(render_markdown_table(["Target", "Requirement", "Measured", "Status"], rows))

    for report in reports:
        tables = [table for table in report.tables if table.public]
        if report.skipped or not (tables or report.notes):
            continue
        out += ["", f"## {report.title}"]
        for table in tables:
            out += ["", f"**{table.title}**", ""]
            out.append(render_markdown_table(table.headers, table.rows, table.align) if table.rows else "(none)")
        if report.notes:
            out.append("")
            out += [f"- {note}" for note in report.notes]

    if judged:
        out += ["", judged.rstrip()]
    out += ["", EXPLANATION.rstrip()]
    if rule_ids:
        out += ["", "## Rules evaluated", "", ", ".join(f"`{rule_id}`" for rule_id in rule_ids) + "."]
    return "\n".join(out) + "\n"
