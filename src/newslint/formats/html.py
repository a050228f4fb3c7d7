"""`--format html` (and `newslint report`): one self-contained HTML page an editor reads
in a browser, from a file:// URL or as a CI artifact.

Each story is shown paragraph by paragraph, as written in the file (for Markdown and
HTML stories that means the source markup, escaped), with every finding highlighted in
place and a margin note per paragraph: its Flesch-Kincaid grade and its claims tally.
The page makes no network request: its CSS and its small script ship in the package
(`report.css`, `report.js`) and are inlined; the chart is inline SVG.

Findings overlap: a sentence-wide `attribution.unattributed` contains the word-level
hedges in it, a repeated phrase may run into a quotation. The text of a paragraph is cut
at every finding and quotation boundary and the pieces are nested as a stack: a span that
ends while spans opened after it are still open closes them and opens them again, marked
`cont` (the standard way to draw crossing ranges in HTML). So every `<mark>` carries the
finding's offsets, and the text of a finding's marks, joined, is exactly
`text[start:end]`. Findings that cover their whole paragraph (hedge density, paragraph
grade) are margin notes instead of a highlight on every word; findings outside any
paragraph (article grade, suppression comments) are listed under the file's heading.

Everything from a story or a path is escaped with `html.escape`; the only script is the
report's own, which adds the hover and focus popover and reads text with textContent.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from newslint.display import shown
from newslint.formats import Totals, summary_line
from newslint.model import Finding, Severity
from newslint.result import FileResult
from newslint.statistics import GRADE_RULE

# The families editors know, in the order the summary lists them, and their colours
# (highlight, and a paler tint for backgrounds); a house pack gets one from SPARE.
FAMILY_ORDER = ("hedging", "attribution", "bias", "repetition", "readability", "style", "newslint")
COLORS = {
    "hedging": ("#b45309", "#fde68a"),
    "attribution": ("#1d4ed8", "#bfdbfe"),
    "bias": ("#b91c1c", "#fecaca"),
    "repetition": ("#7e22ce", "#e9d5ff"),
    "readability": ("#0f766e", "#99f6e4"),
    "style": ("#4d7c0f", "#d9f99d"),
    "newslint": ("#4b5563", "#e5e7eb"),
}
SPARE = (("#be185d", "#fbcfe8"), ("#0369a1", "#bae6fd"), ("#a16207", "#fef08a"), ("#15803d", "#bbf7d0"))
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# The chart's reference line when the article-grade rule is off (its built-in limit).
DEFAULT_GRADE_LIMIT = 12.0
# More words than this and a highlight is an underline, not a background: a sentence-wide
# finding tinted from end to end would hide the word-level ones inside it.
WIDE_WORDS = 4
_UNSAFE_CLASS = re.compile(r"[^a-z0-9_-]")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def family(rule_id: str) -> str:
    """A finding's family is its rule's pack: `hedging.modal` → `hedging`."""
    return rule_id.split(".", 1)[0]


def _family_class(name: str) -> str:
    return _UNSAFE_CLASS.sub("-", name.lower()) or "other"


def _families(names: set[str]) -> list[str]:
    known = [name for name in FAMILY_ORDER if name in names]
    return known + sorted(names - set(FAMILY_ORDER))


def _asset(name: str) -> str:
    return resources.files("newslint.formats").joinpath(name).read_text(encoding="utf-8")


@dataclass
class _Span:
    """A finding's or a quotation's range inside one paragraph, for the nesting pass."""

    start: int
    end: int
    order: int  # quotations (0) open outside findings (1) on the same range
    finding: Finding | None = None
    number: int = 0  # the finding's number in its file, shown in notes and in print
    key: str = ""  # the finding's id in the page
    note: str = ""  # the id of its footnote, which describes it
    wide: bool = False
    opened: bool = field(default=False, repr=False)


def render(results: list[FileResult], color: bool = False) -> str:
    names = {family(finding.rule) for result in results for finding in result.findings}
    families = _families(names)
    palette = _palette(families)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="newslint">',
        "<title>newslint report</title>",
        f"<style>\n{_asset('report.css')}\n{_family_css(families, palette)}</style>",
        "</head>",
        "<body>",
        _header(results, families, palette),
        "<main>",
        *(_file_section(result, number) for number, result in enumerate(results, 1)),
        "</main>",
        '<div id="tip" role="tooltip" hidden></div>',
        f"<script>\n{_asset('report.js')}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _palette(families: list[str]) -> dict[str, tuple[str, str]]:
    spare = iter(SPARE * (len(families) // len(SPARE) + 1))
    return {name: COLORS.get(name) or next(spare) for name in families}


def _family_css(families: list[str], palette: dict[str, tuple[str, str]]) -> str:
    """Each family's colours, and its filter: unticking a family's box clears its
    highlights and notes (CSS alone, so the filters work without the script too)."""
    rules = []
    for name in families:
        css = _family_class(name)
        strong, pale = palette[name]
        rules.append(f".fam-{css} {{ --c: {strong}; --bg: {pale}; }}")
        rules.append(
            f"body:has(#show-{css}:not(:checked)) .hl.fam-{css} {{ background: none; border-color: transparent;"
            " text-decoration: none; }"
        )
        rules.append(f"body:has(#show-{css}:not(:checked)) .hl.fam-{css}::after {{ content: none; }}")
        rules.append(f"body:has(#show-{css}:not(:checked)) .note.fam-{css} {{ display: none; }}")
    return "\n".join(rules) + "\n"


def _header(results: list[FileResult], families: list[str], palette: dict[str, tuple[str, str]]) -> str:
    counts: Counter[tuple[str, Severity]] = Counter(
        (family(finding.rule), finding.severity) for result in results for finding in result.findings
    )
    out = [
        '<header class="summary">',
        "<h1>newslint report</h1>",
        f'<p class="totals">{_e(summary_line(Totals.of(results)))}</p>',
    ]
    if families:
        out.append('<table class="counts"><caption>Findings by family and severity</caption>')
        out.append(
            '<thead><tr><th scope="col">family</th>'
            + "".join(f'<th scope="col">{severity}</th>' for severity in SEVERITIES)
            + '<th scope="col">total</th></tr></thead><tbody>'
        )
        for name in families:
            cells = "".join(f"<td>{counts[(name, severity)]}</td>" for severity in SEVERITIES)
            total = sum(counts[(name, severity)] for severity in SEVERITIES)
            out.append(
                f'<tr><th scope="row"><span class="swatch fam-{_family_class(name)}"></span>{_e(name)}</th>'
                f"{cells}<td>{total}</td></tr>"
            )
        out.append("</tbody></table>")
        out.append('<fieldset class="filters"><legend>Show findings of</legend>')
        for name in families:
            css = _family_class(name)
            total = sum(counts[(name, severity)] for severity in SEVERITIES)
            out.append(
                f'<label class="filter fam-{css}"><input type="checkbox" id="show-{css}" data-family="{_e(name)}"'
                f' checked> <span class="swatch fam-{css}"></span>{_e(name)} ({total})</label>'
            )
        out.append("</fieldset>")
    out.append(
        '<p class="legend"><span class="quote sample">“Quoted text”</span> is a direct quotation: the source\'s '
        "words, so hedges inside it are not flagged. Hover over or tab to a highlight for its message; "
        "a dotted underline spans a sentence, a solid one marks a warning, a thick one an error.</p>"
    )
    if len(results) > 1:
        out.append('<nav class="toc" aria-label="Files"><h2>Files</h2><ol>')
        for number, result in enumerate(results, 1):
            if result.error is not None:
                state = f'<span class="error">{_e(result.error)}</span>'
            else:
                total = len(result.findings)
                state = f"{total} {'finding' if total == 1 else 'findings'}"
            out.append(f'<li><a href="#file-{number}">{_e(shown(result.path))}</a> — {state}</li>')
        out.append("</ol></nav>")
    out.append("</header>")
    return "\n".join(out)


def _file_section(result: FileResult, number: int) -> str:
    prefix = f"file-{number}"
    out = [
        f'<section class="file" id="{prefix}" aria-labelledby="{prefix}-title">',
        f'<h2 id="{prefix}-title">{_e(shown(result.path))}</h2>',
    ]
    if result.error is not None:
        out.append(f'<p class="error" role="alert">could not be checked: {_e(result.error)}</p>')
        out.append("</section>")
        return "\n".join(out)
    numbers = {id(finding): index for index, finding in enumerate(result.findings, 1)}
    placed = _place(result)
    out.append(_file_summary(result, prefix))
    loose = placed.get(None, [])
    if loose:
        out.append('<div class="file-notes"><h3>About the whole file</h3><ul>')
        out.extend(_note(finding, numbers[id(finding)], prefix, "li") for finding in loose)
        out.append("</ul></div>")
    if not result.findings:
        out.append('<p class="clean">No findings.</p>')
    for index, (start, end) in enumerate(result.paragraphs):
        out.append(_paragraph(result, index, start, end, placed.get(index, []), numbers, prefix))
    out.append("</section>")
    return "\n".join(out)


def _place(result: FileResult) -> dict[int | None, list[Finding]]:
    """Each finding's paragraph index (0-based), or None when its span is not inside one
    paragraph (an article-wide score, a suppression comment between paragraphs)."""
    placed: dict[int | None, list[Finding]] = {}
    for finding in result.findings:
        where = None
        for index in itertools.chain((finding.paragraph - 1,), range(len(result.paragraphs))):
            if 0 <= index < len(result.paragraphs):
                start, end = result.paragraphs[index]
                if start <= finding.start and finding.end <= end:
                    where = index
                    break
        placed.setdefault(where, []).append(finding)
    return placed


def _file_summary(result: FileResult, prefix: str) -> str:
    out = ['<div class="file-summary">']
    facts = []
    if result.readability is not None:
        article = result.readability.article
        facts.append(
            (
                "readability",
                f"grade {article.flesch_kincaid_grade:.1f} (Flesch-Kincaid), "
                f"reading ease {article.flesch_reading_ease:.1f}",
            )
        )
        facts.append(("length", f"{article.words} words, {article.sentences} sentences in prose paragraphs"))
    if result.claims is not None:
        facts.append(("claims", f"{result.claims.claims} needing a source, {result.claims.attributed} attributed"))
    if result.sources is not None:
        story = result.sources.story
        facts.append(
            (
                "sources",
                f"{story.sources} cited: {story.named} named ({story.on_record} on the record), "
                f"{story.anonymous} anonymous; {story.reporter_clauses} of {story.clauses} clauses "
                "in the reporter's own voice",
            )
        )
    if result.repetition is not None:
        phrases = ", ".join(f"‘{phrase.phrase}’ ×{phrase.count}" for phrase in result.repetition.phrases[:5])
        facts.append(("repeated phrases", phrases or "none"))
        words = ", ".join(f"{word.forms[0]} ×{word.count}" for word in result.repetition.words[:8])
        facts.append(("most used words", words or "none"))
    if facts:
        out.append('<dl class="facts">')
        out.extend(f"<dt>{_e(term)}</dt><dd>{_e(value)}</dd>" for term, value in facts)
        out.append("</dl>")
    if result.readability is not None and result.readability.paragraphs:
        out.append(grade_chart(result, prefix))
    out.append("</div>")
    return "\n".join(out)


def _grade_limit(result: FileResult) -> float:
    for rule in result.rules:
        if rule.id == GRADE_RULE and isinstance(rule.raw.get("max"), (int, float)):
            return float(rule.raw["max"])
    return DEFAULT_GRADE_LIMIT


def grade_chart(result: FileResult, prefix: str) -> str:
    """An inline SVG bar chart of each paragraph's Flesch-Kincaid grade, with a dashed
    line at the article-grade limit; each bar links to its paragraph."""
    assert result.readability is not None  # drawn only for a file with scores
    grades = [max(scores.flesch_kincaid_grade, 0.0) for scores in result.readability.paragraphs]
    limit = _grade_limit(result)
    top = max(max(grades), limit) * 1.15 or 1.0
    bar, gap, left, height, bottom = 16, 4, 28, 120, 18
    width = left + len(grades) * (bar + gap) + gap

    def y(grade: float) -> float:
        return height - grade / top * height

    out = [
        f'<svg class="chart" role="img" width="{width}" height="{height + bottom}" '
        f'viewBox="0 0 {width} {height + bottom}" aria-labelledby="{prefix}-chart-title {prefix}-chart-desc">',
        f'<title id="{prefix}-chart-title">Flesch-Kincaid grade per paragraph</title>',
        f'<desc id="{prefix}-chart-desc">'
        + _e("; ".join(f"paragraph {number}: grade {grade:.1f}" for number, grade in enumerate(grades, 1)))
        + f"; the dashed line is the article limit, grade {limit:g}.</desc>",
    ]
    for tick in range(0, int(top) + 1, 4):
        out.append(f'<text class="tick" x="{left - 4}" y="{y(tick) + 3:.1f}" text-anchor="end">{tick}</text>')
    for index, grade in enumerate(grades):
        x = left + gap + index * (bar + gap)
        over = " over" if grade > limit else ""
        out.append(
            f'<a href="#{prefix}-p{index + 1}"><rect class="bar{over}" x="{x}" y="{y(grade):.1f}" '
            f'width="{bar}" height="{height - y(grade):.1f}"><title>¶{index + 1}: grade {grade:.1f}</title>'
            f"</rect></a>"
        )
        out.append(f'<text class="tick" x="{x + bar / 2}" y="{height + 13}" text-anchor="middle">{index + 1}</text>')
    out.append(f'<line class="limit" x1="{left}" x2="{width}" y1="{y(limit):.1f}" y2="{y(limit):.1f}"/>')
    out.append(f'<line class="axis" x1="{left}" x2="{width}" y1="{height}" y2="{height}"/>')
    out.append("</svg>")
    return "".join(out)


def _paragraph(
    result: FileResult, index: int, start: int, end: int, findings: list[Finding], numbers: dict[int, int], prefix: str
) -> str:
    number = index + 1
    whole = [f for f in findings if f.start <= start and f.end >= end and end > start]
    inline = [f for f in findings if not (f.start <= start and f.end >= end and end > start)]
    spans = [
        _Span(max(q_start, start), min(q_end, end), 0)
        for q_start, q_end in result.quotes
        if q_start < end and q_end > start
    ]
    for finding in inline:
        text = result.text[finding.start : finding.end]
        spans.append(
            _Span(
                finding.start,
                finding.end,
                1,
                finding,
                numbers[id(finding)],
                f"{prefix}-f{numbers[id(finding)]}",
                f"{prefix}-n{numbers[id(finding)]}",
                len(text.split()) > WIDE_WORDS,
            )
        )
    body = nest(result.text, start, end, spans)
    margin = [f'<span class="pnum">¶{number}</span>']
    if result.readability is not None and index < len(result.readability.paragraphs):
        grade = result.readability.paragraphs[index].flesch_kincaid_grade
        margin.append(f'<span class="grade">grade {grade:.1f}</span>')
    if result.claims is not None and index < len(result.claims.paragraphs):
        counts = result.claims.paragraphs[index]
        tally = "no claims" if not counts.claims else f"claims {counts.claims} / attributed {counts.attributed}"
        margin.append(f'<span class="claims{" unsourced" if counts.attributed < counts.claims else ""}">{tally}</span>')
    notes = "".join(_note(finding, numbers[id(finding)], prefix, "li") for finding in whole)
    margin_html = " ".join(margin) + (f'<ul class="whole">{notes}</ul>' if notes else "")
    footnotes = "".join(_note(finding, numbers[id(finding)], prefix, "li", footnote=True) for finding in inline)
    return (
        f'<div class="para" id="{prefix}-p{number}">'
        f'<p class="text" data-paragraph="{number}" data-start="{start}" data-end="{end}">{body}</p>'
        f'<aside class="margin" aria-label="Paragraph {number}">{margin_html}</aside>'
        + (f'<ol class="notes" aria-label="Findings in paragraph {number}">{footnotes}</ol>' if footnotes else "")
        + "</div>"
    )


def _note(finding: Finding, number: int, prefix: str, tag: str, footnote: bool = False) -> str:
    """A finding as text: a footnote for a highlight (its mark's description, shown in
    print), or a note in the margin or under the file heading."""
    name = family(finding.rule)
    suggestion = f' <span class="suggestion">→ {_e(finding.suggestion)}</span>' if finding.suggestion else ""
    attributes = f' value="{number}"' if footnote else _finding_attributes(finding) + ' tabindex="0"'
    return (
        f'<{tag} class="note fam-{_family_class(name)} sev-{finding.severity}" id="{prefix}-n{number}"'
        f"{attributes}>"
        f'<span class="rule">{_e(finding.rule)}</span> <span class="severity">{finding.severity}</span> '
        f'<span class="message">{_e(finding.message)}</span>{suggestion}</{tag}>'
    )


def _finding_attributes(finding: Finding) -> str:
    return (
        f' data-rule="{_e(finding.rule)}" data-family="{_e(family(finding.rule))}"'
        f' data-severity="{finding.severity}" data-start="{finding.start}" data-end="{finding.end}"'
    )


def nest(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """text[start:end], escaped, with each span wrapped in an element that nests
    correctly: spans are opened in order of start (longest first) and, when one ends
    while later ones are still open, those are closed and reopened as continuations."""
    spans = sorted(spans, key=lambda span: (span.start, -span.end, span.order))
    points = sorted({start, end} | {point for span in spans for point in (span.start, span.end)})
    out: list[str] = []
    stack: list[_Span] = []
    position, pending = start, 0
    for point in points:
        if point > position:
            out.append(_e(text[position:point]))
            position = point
        ended = [index for index, span in enumerate(stack) if span.end <= point]
        if ended:
            lowest = ended[0]
            reopen = [span for span in stack[lowest:] if span.end > point]
            out.extend(_close(span) for span in reversed(stack[lowest:]))
            del stack[lowest:]
            for span in reopen:
                out.append(_open(span, stack))
                stack.append(span)
        while pending < len(spans) and spans[pending].start == point:
            span = spans[pending]
            pending += 1
            out.append(_open(span, stack))
            if span.end == point:  # an empty finding: a marker at its place
                out.append(_close(span))
            else:
                stack.append(span)
    return "".join(out)


def _open(span: _Span, stack: list[_Span]) -> str:
    first = not span.opened
    span.opened = True
    if span.finding is None:
        part = "" if first else " cont"
        return f'<span class="quote{part}" data-start="{span.start}" data-end="{span.end}">'
    finding = span.finding
    classes = ["hl", f"fam-{_family_class(family(finding.rule))}", f"sev-{finding.severity}"]
    if span.wide:
        depth = min(sum(1 for open_span in stack if open_span.wide), 2)
        classes += ["wide", f"u{depth}"]
    if not first:
        classes.append("cont")
        return f'<mark class="{" ".join(classes)}" data-finding="{span.key}">'
    label = f"{finding.rule} ({finding.severity}): {finding.message}"
    if finding.suggestion:
        label += f" → {finding.suggestion}"
    return (
        f'<mark class="{" ".join(classes)}" data-finding="{span.key}" data-n="{span.number}"'
        f'{_finding_attributes(finding)} tabindex="0" title="{_e(label)}"'
        f' aria-describedby="{span.note}">'
    )


def _close(span: _Span) -> str:
    return "</span>" if span.finding is None else "</mark>"
