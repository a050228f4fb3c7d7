"""`--format text` (default): grouped by file, then paragraph, like a code linter's
report, with a summary line. Colour only when asked (the CLI asks on a TTY)."""

from __future__ import annotations

from newslint.display import printable, shown
from newslint.formats import Report, locate, summary_line
from newslint.model import Severity
from newslint.positions import LineIndex
from newslint.result import FileResult

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


class TextReport(Report):
    """Each file with something to show is its path, its findings under paragraph headers
    (and with --stats its scores), then a blank line; the closing is the summary line."""

    def part(self, result: FileResult) -> str:
        if not result.findings and result.readability is None and result.genre is None:
            return ""
        return "".join(line + "\n" for line in self._lines(result)) + "\n"

    def closing(self) -> str:
        return summary_line(self.totals) + "\n"

    def _paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def _lines(self, result: FileResult) -> list[str]:
        out = [self._paint(shown(result.path), _BOLD)]
        if result.genre is not None:
            out.append(self._paint(f"  {result.genre.describe()}", _DIM))
        index = LineIndex(result.text)
        current_paragraph = None
        for finding, where in zip(result.findings, locate(result)):
            if finding.paragraph != current_paragraph:
                current_paragraph = finding.paragraph
                first_line, _ = index.position(result.paragraph_starts[current_paragraph - 1])
                header = f"  ¶{current_paragraph} (line {first_line}){_claims(result, current_paragraph)}"
                out.append(self._paint(header, _DIM))
            position = f"{where.line}:{where.column}"
            severity = self._paint(f"{finding.severity!s:<7}", _COLORS[finding.severity])
            out.append(f"    {position:<7} {severity}  {finding.rule}  {printable(finding.message)}")
            if finding.suggestion:
                out.append(f"    {'':<7} {'':<7}  → {printable(finding.suggestion)}")
        if result.readability is not None:
            out.extend(_readability_table(result, index))
            out.extend(_source_line(result))
        if result.repetition is not None and result.readability is not None:
            out.extend(_repetition_lines(result))
        return out


def render(results: list[FileResult], color: bool = False) -> str:
    return TextReport(color).render(results)


def _claims(result: FileResult, paragraph: int) -> str:
    """' · claims 3, attributed 0' for a paragraph that makes claims; nothing otherwise,
    so a header on plain reporting stays short."""
    if result.claims is None:
        return ""
    counts = result.claims.paragraphs[paragraph - 1]
    return f" · claims {counts.claims}, attributed {counts.attributed}" if counts.claims else ""


def _readability_table(result: FileResult, index: LineIndex) -> list[str]:
    """`--stats`: each paragraph's length and scores, then the article's (textstat's
    Flesch-Kincaid grade and Flesch reading ease; the JSON has every measure)."""
    readability = result.readability
    assert readability is not None  # asked for only with --stats
    rows = [("¶", "line", "words", "sentences", "grade", "ease")]
    for number, (start, scores) in enumerate(zip(result.paragraph_starts, readability.paragraphs), 1):
        line, _ = index.position(start)
        rows.append(
            (
                str(number),
                str(line),
                str(scores.words),
                str(scores.sentences),
                f"{scores.flesch_kincaid_grade:.1f}",
                f"{scores.flesch_reading_ease:.1f}",
            )
        )
    article = readability.article
    rows.append(
        (
            "article",
            "",
            str(article.words),
            str(article.sentences),
            f"{article.flesch_kincaid_grade:.1f}",
            f"{article.flesch_reading_ease:.1f}",
        )
    )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  readability (Flesch-Kincaid grade, Flesch reading ease)"]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        lines.append("    " + "  ".join(cells).rstrip())
    return lines


def _source_line(result: FileResult) -> list[str]:
    """`--stats`: who speaks in the story, from the clause-level voice analysis."""
    if result.sources is None:
        return []
    story = result.sources.story
    return [
        f"  sources: {story.sources} ({story.named} named, {story.on_record} on the record, "
        f"{story.anonymous} anonymous); clauses: {story.clauses}, "
        f"{story.reporter_clauses} in the reporter's own voice"
    ]


def _repetition_lines(result: FileResult) -> list[str]:
    """`--stats`: the phrases and words the reporter repeats most, with counts."""
    repetition = result.repetition
    assert repetition is not None  # asked for only with --stats
    phrases = ", ".join(f"'{p.phrase}' ×{p.count}" for p in repetition.phrases[:5]) or "none"
    words = ", ".join(f"{w.forms[0]} ×{w.count}" for w in repetition.words[:8]) or "none"
    return [f"  repeated phrases: {phrases}", f"  most used words: {words}"]
