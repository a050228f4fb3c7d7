"""The audit as one self-contained HTML page (`--format html`, issue 22): trend lines per
group over time, the distribution of grades and of findings by family, a sortable table
of every group, the stories with most findings and the bad records.

No file beside it and nothing fetched: the charts are inline SVG drawn here, the style
and the table's sorting script are inline, so the page can be mailed or archived as it is.
Every text from the archive (group values, story names, reasons) is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from newslint import __version__
from newslint.audit.figures import AuditFigures, GroupFigures

# The figures drawn over time, (JSON name, heading).
TREND_FIGURES = (
    ("findings_per_1000_words", "Findings per 1,000 words"),
    ("weak_source_share", "Share of stories with an anonymous or vague source"),
    ("unattributed_claims_per_1000_words", "Unattributed claims per 1,000 words"),
    ("hedges_per_1000_words", "Hedges per 1,000 words"),
    ("grade_median", "Median Flesch-Kincaid grade"),
)
# The table's columns after the group keys, (JSON name, heading, format).
TABLE_COLUMNS = (
    ("stories", "Stories", "{:,}"),
    ("words", "Words", "{:,}"),
    ("findings_per_1000_words", "Findings / 1k words", "{:.1f}"),
    ("weak_source_share", "Weak source", "{:.0%}"),
    ("named_sources_per_story", "Named sources / story", "{:.2f}"),
    ("anonymous_sources_per_story", "Anonymous / story", "{:.2f}"),
    ("vague_sources_per_story", "Vague / story", "{:.2f}"),
    ("unattributed_claims_per_story", "Unattributed / story", "{:.2f}"),
    ("unattributed_claims_per_1000_words", "Unattributed / 1k words", "{:.2f}"),
    ("hedges_per_1000_words", "Hedges / 1k words", "{:.2f}"),
    ("claims_attributed_share", "Claims attributed", "{:.0%}"),
    ("grade_median", "Grade (median)", "{:.1f}"),
    ("grade_p90", "Grade (90th pct.)", "{:.1f}"),
)
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
LISTED_BAD = 200  # bad records shown; JSON and CSV list them all
WIDTH, HEIGHT, PAD = 560, 220, 36

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}
.cards{display:flex;flex-wrap:wrap;gap:16px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px}
.card b{display:block;font-size:20px}
.charts{display:flex;flex-wrap:wrap;gap:18px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
svg text{font-size:11px;fill:#444}.legend span{margin-right:12px;white-space:nowrap}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:right}
th{cursor:pointer;background:#f6f6f6;position:sticky;top:0}th.key,td.key{text-align:left}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
tr.total td{font-weight:600;border-top:2px solid #999}
"""

# Sorting by a column's data-value (numbers as numbers, missing values last); the total
# row stays at the bottom.
_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th, column) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var descending = th.getAttribute("aria-sort") !== "descending";
    table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr:not(.total)"));
    function value(row) {
      var raw = row.cells[column].dataset.value;
      if (raw === undefined || raw === "") return null;
      var number = Number(raw);
      return isNaN(number) ? raw : number;
    }
    rows.sort(function (a, b) {
      var x = value(a), y = value(b);
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    var total = body.querySelector("tr.total");
    rows.forEach(function (row) { body.insertBefore(row, total); });
  });
});
"""


def to_html(figures: AuditFigures, links: dict[str, str] | None = None) -> str:
    """The page; `links` gives the href of a story's report by its location (--reports)."""
    total = figures.total
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>newslint audit: {total.stories:,} stories</title><style>{_STYLE}</style></head><body>",
        f"<h1>newslint audit</h1><p>newslint {escape(__version__)}"
        + (f", grouped by {escape(', '.join(figures.group_by))}" if figures.group_by else "")
        + "</p>",
        _cards(figures),
        _trends(figures),
        _distributions(figures),
        _table(figures),
        _worst(total, links or {}),
        _bad(figures),
        _timed_out(figures),
        f"<script>{_SCRIPT}</script></body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _cards(figures: AuditFigures) -> str:
    data = figures.total.as_json()
    cards = [
        ("Stories", f"{figures.total.stories:,}"),
        ("Words", f"{figures.total.words:,}"),
        *((heading, _format(data[name], form)) for name, heading, form in TABLE_COLUMNS[2:]),
        ("Bad records", f"{figures.bad_count:,}"),
        ("Stories a rule timed out on", f"{figures.timed_out_count:,}"),
    ]
    inner = "".join(f'<div class="card">{escape(label)}<b>{escape(value)}</b></div>' for label, value in cards)
    return f'<h2>The whole archive</h2><div class="cards" id="totals">{inner}</div>'


def _format(value: Any, form: str) -> str:
    return "–" if value is None else form.format(value)


# --------------------------------------------------------------------------- charts


def _trends(figures: AuditFigures) -> str:
    series = figures.trends()
    if not series:
        return ""
    periods = sorted({_period(point) for points in series.values() for point in points})
    colours = {label: PALETTE[index % len(PALETTE)] for index, label in enumerate(series)}
    legend = "".join(
        f'<span><i style="background:{colour}"></i>{escape(label)}</span>' for label, colour in colours.items()
    )
    charts = []
    for name, heading in TREND_FIGURES:
        lines = {
            label: [(periods.index(_period(point)), point.as_json()[name]) for point in points]
            for label, points in series.items()
        }
        charts.append(
            f'<figure class="trend" data-figure="{name}"><figcaption>{escape(heading)}</figcaption>'
            f"{_line_chart(lines, periods, colours)}</figure>"
        )
    return f'<h2>Over time</h2><p class="legend">{legend}</p><div class="charts">{"".join(charts)}</div>'


def _period(point: GroupFigures) -> str:
    return point.group.get("month") or point.group.get("year") or ""


def _line_chart(lines: dict[str, list[tuple[int, float | None]]], periods: list[str], colours: dict[str, str]) -> str:
    values = [value for points in lines.values() for _, value in points if value is not None]
    top = max(values, default=0.0) or 1.0
    span = max(len(periods) - 1, 1)

    def x(index: int) -> float:
        return PAD + index * (WIDTH - 2 * PAD) / span

    def y(value: float) -> float:
        return HEIGHT - PAD - value / top * (HEIGHT - 2 * PAD)

    shapes = [
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#999"/>',
        f'<text x="2" y="{PAD}">{top:.3g}</text><text x="2" y="{HEIGHT - PAD}">0</text>',
        f'<text x="{PAD}" y="{HEIGHT - 10}">{escape(periods[0])}</text>' if periods else "",
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 10}" text-anchor="end">{escape(periods[-1])}</text>'
        if len(periods) > 1
        else "",
    ]
    for label, points in lines.items():
        drawn = [(x(index), y(value)) for index, value in points if value is not None]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in drawn)
        shapes.append(
            f'<polyline class="series" data-series="{escape(label)}" fill="none" stroke="{colours[label]}" '
            f'stroke-width="2" points="{path}"/>'
        )
        shapes.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.5" fill="{colours[label]}"/>' for px, py in drawn)
    return f'<svg width="{WIDTH}" height="{HEIGHT}" role="img">{"".join(shapes)}</svg>'


def _bar_chart(bars: list[tuple[str, float]], label_every: int = 1) -> str:
    if not bars:
        return "<p>none</p>"
    top = max(value for _, value in bars) or 1.0
    step = (WIDTH - 2 * PAD) / len(bars)
    shapes = [f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#999"/>']
    for index, (label, value) in enumerate(bars):
        height = value / top * (HEIGHT - 2 * PAD)
        left = PAD + index * step
        shapes.append(
            f'<rect class="bar" x="{left + 1:.1f}" y="{HEIGHT - PAD - height:.1f}" width="{max(step - 2, 1):.1f}" '
            f'height="{height:.1f}" fill="#1f77b4"><title>{escape(label)}: {value:,.4g}</title></rect>'
        )
        if index % label_every == 0:
            shapes.append(
                f'<text x="{left + step / 2:.1f}" y="{HEIGHT - 20}" text-anchor="middle">{escape(label)}</text>'
            )
    return f'<svg width="{WIDTH}" height="{HEIGHT}" role="img">{"".join(shapes)}</svg>'


def _distributions(figures: AuditFigures) -> str:
    grades = figures.grade_distribution
    grade_bars = [
        (str(grade), float(grades.get(grade, 0)))
        for grade in range(min(grades, default=0), max(grades, default=-1) + 1)
    ]
    families = [(family, value or 0.0) for family, value in figures.total.by_family.items()]
    return (
        '<h2>Distributions</h2><div class="charts">'
        f'<figure id="grades"><figcaption>Stories by Flesch-Kincaid grade</figcaption>'
        f"{_bar_chart(grade_bars, label_every=max(1, len(grade_bars) // 12))}</figure>"
        f'<figure id="families"><figcaption>Findings per 1,000 words by family</figcaption>{_bar_chart(families)}</figure>'
        "</div>"
    )


# --------------------------------------------------------------------------- tables


def _table(figures: AuditFigures) -> str:
    keys = list(figures.group_by)
    head = "".join(f'<th class="key">{escape(key)}</th>' for key in keys) + "".join(
        f"<th>{escape(heading)}</th>" for _, heading, _ in TABLE_COLUMNS
    )
    rows = [_row(group, keys) for group in figures.groups]
    rows.append(_row(figures.total, keys, total=True))
    return (
        '<h2>Every group</h2><table class="sortable" id="groups">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _row(group: GroupFigures, keys: list[str], total: bool = False) -> str:
    data = group.as_json()
    cells = [
        f'<td class="key" data-value="{escape(group.group.get(key, ""))}">'
        f"{escape('all' if total and index == 0 else group.group.get(key, ''))}</td>"
        for index, key in enumerate(keys)
    ]
    for name, _, form in TABLE_COLUMNS:
        value = data[name]
        cells.append(f'<td data-value="{"" if value is None else value}">{escape(_format(value, form))}</td>')
    row_class = ' class="total"' if total else ""
    return f"<tr{row_class}>{''.join(cells)}</tr>"


def _worst(total: GroupFigures, links: dict[str, str]) -> str:
    items = []
    for story in total.worst_stories:
        name = escape(story.name)
        if story.location in links:
            name = f'<a href="{escape(links[story.location])}">{name}</a>'
        items.append(f"<li>{name} <small>({story.findings} findings)</small></li>")
    rules = "".join(f"<li>{escape(rule)} <small>({count:,})</small></li>" for rule, count in total.top_rules)
    return (
        f'<h2>Rules that fire most</h2><ol id="top-rules">{rules or "<li>none</li>"}</ol>'
        f'<h2>Stories with most findings</h2><ol id="worst">{"".join(items) or "<li>none</li>"}</ol>'
    )


def _bad(figures: AuditFigures) -> str:
    items = "".join(
        f"<li><code>{escape(record['location'])}</code>: {escape(record['reason'])}</li>"
        for record in figures.bad[:LISTED_BAD]
    )
    return f'<h2>Bad records: {figures.bad_count:,}</h2><ul id="bad">{items}</ul>{_unlisted(figures.bad_count)}'


def _timed_out(figures: AuditFigures) -> str:
    """The stories counted without a rule that ran out of time on them (none: no section)."""
    if not figures.timed_out_count:
        return ""
    items = "".join(
        f"<li><code>{escape(story['location'])}</code> ({escape(story['story'])}): "
        f"{escape(', '.join(story['rules']))}</li>"
        for story in figures.timed_out[:LISTED_BAD]
    )
    return (
        f"<h2>Stories a rule timed out on: {figures.timed_out_count:,}</h2>"
        "<p>Counted without the rules named, which ran out of time (--rule-timeout).</p>"
        f'<ul id="timed-out">{items}</ul>{_unlisted(figures.timed_out_count)}'
    )


def _unlisted(count: int) -> str:
    """What a list cut at LISTED_BAD entries leaves out, and where to find it ("" if nothing)."""
    if count <= LISTED_BAD:
        return ""
    return f"<p>… and {count - LISTED_BAD:,} more (--format json or csv lists them).</p>"
