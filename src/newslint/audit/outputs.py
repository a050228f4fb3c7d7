"""An audit's figures as a terminal table, CSV, JSON, Parquet or an HTML dashboard
(`newslint.audit.dashboard`) (issue 22); the CSV and JSON schemas are documented in
docs/audit.md, and every output lists the bad records.

Each format is one function from `AuditFigures` to text (bytes for Parquet).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from newslint import __version__
from newslint.audit.figures import AuditFigures, GroupFigures
from newslint.errors import NewslintError

FORMATS = ("table", "csv", "json", "parquet", "html")
TABLE_BAD_LISTED = 20  # the terminal shows this many bad records; JSON and CSV list them all

# (heading, figure) for the table, the CSV and Parquet, in order.
_COLUMNS: list[tuple[str, Callable[[GroupFigures], Any]]] = [
    ("stories", lambda f: f.stories),
    ("words", lambda f: f.words),
    ("findings", lambda f: f.findings),
    ("findings_per_1000_words", lambda f: f.findings_per_1000_words),
    ("weak_source_share", lambda f: f.weak_source_share),
    ("named_sources_per_story", lambda f: f.named_per_story),
    ("anonymous_sources_per_story", lambda f: f.anonymous_per_story),
    ("vague_sources_per_story", lambda f: f.vague_per_story),
    ("unattributed_claims_per_story", lambda f: f.unattributed_per_story),
    ("unattributed_claims_per_1000_words", lambda f: f.unattributed_per_1000_words),
    ("hedges_per_1000_words", lambda f: f.hedges_per_1000_words),
    ("claims", lambda f: f.claims),
    ("claims_attributed_share", lambda f: f.attributed_share),
    ("grade_median", lambda f: f.grade_median),
    ("grade_p90", lambda f: f.grade_p90),
    ("top_rules", lambda f: "; ".join(f"{rule} {count}" for rule, count in f.top_rules)),
    ("worst_stories", lambda f: "; ".join(f"{story.name} {story.findings}" for story in f.worst_stories)),
    ("timed_out_stories", lambda f: f.timed_out_stories),
]


# --------------------------------------------------------------------------- JSON


def to_json(figures: AuditFigures) -> str:
    return json.dumps(json_document(figures), indent=2, ensure_ascii=False) + "\n"


def json_document(figures: AuditFigures) -> dict[str, Any]:
    return {
        "newslint": __version__,
        "group_by": list(figures.group_by),
        "stories": figures.total.stories,
        "bad_records": figures.bad_count,
        "timed_out_stories": figures.timed_out_count,
        "total": figures.total.as_json(),
        "groups": [group.as_json() for group in figures.groups],
        "trends": {
            label: [_trend_point(point, figures) for point in series] for label, series in figures.trends().items()
        },
        "bad": figures.bad,
        "timed_out": figures.timed_out,
    }


_TREND_FIGURES = (
    "stories",
    "findings_per_1000_words",
    "weak_source_share",
    "unattributed_claims_per_1000_words",
    "hedges_per_1000_words",
    "claims_attributed_share",
    "grade_median",
)


def _trend_point(point: GroupFigures, figures: AuditFigures) -> dict[str, Any]:
    period = {key: value for key, value in point.group.items() if key in ("month", "year")}
    data = point.as_json()
    return {**period, **{name: data[name] for name in _TREND_FIGURES}}


# --------------------------------------------------------------------------- rows: CSV, Parquet


def rows(figures: AuditFigures) -> list[dict[str, Any]]:
    """One row per group, one for the whole archive ("total"), one per bad record ("bad")
    and one per story a rule ran out of time on ("timed_out"), with a column per rule
    family and per rule that fired anywhere in the run."""
    families = sorted({name for group in [figures.total, *figures.groups] for name in group.by_family})
    rules = sorted({name for group in [figures.total, *figures.groups] for name in group.by_rule})

    def row(kind: str, group: GroupFigures) -> dict[str, Any]:
        values: dict[str, Any] = {"row_type": kind}
        values.update({key: group.group.get(key) for key in figures.group_by})
        values.update({heading: figure(group) for heading, figure in _COLUMNS})
        values.update({f"family:{name}": group.by_family.get(name, 0.0 if group.words else None) for name in families})
        values.update({f"rule:{name}": group.by_rule.get(name, 0.0 if group.words else None) for name in rules})
        values.update({"location": None, "reason": None})
        return values

    table = [row("total", figures.total), *(row("group", group) for group in figures.groups)]
    blank = dict.fromkeys(table[0], None)
    table.extend({**blank, "row_type": "bad", **record} for record in figures.bad)
    table.extend(
        {**blank, "row_type": "timed_out", "location": story["location"], "reason": timed_out_reason(story)}
        for story in figures.timed_out
    )
    return table


def timed_out_reason(story: dict[str, Any]) -> str:
    rules = story["rules"]
    return (
        f"rule{'s' if len(rules) > 1 else ''} {', '.join(rules)} took more than --rule-timeout "
        "and was skipped for this story"
    )


def to_csv(figures: AuditFigures) -> str:
    table = rows(figures)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: "" if value is None else value for key, value in row.items()} for row in table)
    return out.getvalue()


def to_parquet(figures: AuditFigures) -> bytes:
    """The CSV's rows as a Parquet file (pyarrow is optional: `pip install pyarrow`)."""
    import importlib

    try:  # untyped: used through Any at this one boundary
        pa: Any = importlib.import_module("pyarrow")
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise NewslintError("--format parquet needs pyarrow: pip install pyarrow") from None
    table = rows(figures)
    columns = {name: [row[name] for row in table] for name in table[0]}
    out = io.BytesIO()
    pq.write_table(pa.table(columns), out)
    return out.getvalue()


# --------------------------------------------------------------------------- table

_TABLE = [
    ("stories", "stories", "{:,}"),
    ("words", "words", "{:,}"),
    ("find/1k", "findings_per_1000_words", "{:.1f}"),
    ("weak src", "weak_source_share", "{:.0%}"),
    ("unattr/story", "unattributed_claims_per_story", "{:.2f}"),
    ("unattr/1k", "unattributed_claims_per_1000_words", "{:.2f}"),
    ("hedges/1k", "hedges_per_1000_words", "{:.2f}"),
    ("attributed", "claims_attributed_share", "{:.0%}"),
    ("grade", "grade_median", "{:.1f}"),
    ("grade p90", "grade_p90", "{:.1f}"),
]


def to_table(figures: AuditFigures) -> str:
    """A table for the terminal: a line per group and the whole archive's, then the rules
    that fire most, the stories with most findings and the bad records."""
    headings = [*figures.group_by, *(heading for heading, _, _ in _TABLE)]
    lines = [[*group.group.values(), *_cells(group)] for group in figures.groups]
    total = (
        ["all", *[""] * (len(figures.group_by) - 1), *_cells(figures.total)]
        if figures.group_by
        else _cells(figures.total)
    )
    widths = [max(len(str(cell)) for cell in column) for column in zip(headings, *lines, total)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.ljust(width) if index < len(figures.group_by) else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(cells, widths))
        ).rstrip()

    out = [line(headings), *(line(cells) for cells in lines)]
    if figures.groups:
        out.append(line(["-" * width for width in widths]))
    out.append(line(total))
    out.append("")
    out.append(
        "rules that fire most: "
        + (", ".join(f"{rule} ({count:,})" for rule, count in figures.total.top_rules) or "none")
    )
    out.append(
        "stories with most findings: "
        + (", ".join(f"{story.name} ({story.findings})" for story in figures.total.worst_stories) or "none")
    )
    out.append(f"bad records: {figures.bad_count:,}")
    for record in figures.bad[:TABLE_BAD_LISTED]:
        out.append(f"  {record['location']}: {record['reason']}")
    if figures.bad_count > TABLE_BAD_LISTED:
        out.append(f"  … and {figures.bad_count - TABLE_BAD_LISTED:,} more (--format json or csv lists them)")
    if figures.timed_out_count:
        out.append(f"stories a rule timed out on: {figures.timed_out_count:,} (counted without that rule)")
        for story in figures.timed_out[:TABLE_BAD_LISTED]:
            out.append(f"  {story['location']} ({story['story']}): {', '.join(story['rules'])}")
        if figures.timed_out_count > TABLE_BAD_LISTED:
            more = figures.timed_out_count - TABLE_BAD_LISTED
            out.append(f"  … and {more:,} more (--format json or csv lists them)")
    return "\n".join(out) + "\n"


def _cells(group: GroupFigures) -> list[str]:
    data = group.as_json()
    return ["–" if data[name] is None else form.format(data[name]) for _, name, form in _TABLE]


def render(figures: AuditFigures, output_format: str, links: dict[str, str] | None = None) -> bytes:
    """The figures in `output_format`; `links` (the dashboard's) are each listed story's
    report, by location."""
    if output_format == "parquet":
        return to_parquet(figures)
    if output_format == "html":
        from newslint.audit.dashboard import to_html

        return to_html(figures, links).encode("utf-8")
    writers = {"table": to_table, "csv": to_csv, "json": to_json}
    return writers[output_format](figures).encode("utf-8")
