"""`--format text` (default): grouped by file, then paragraph, like a code linter's
report, with a summary line. Colour only when asked (the CLI asks on a TTY)."""

from __future__ import annotations

from newslint.formats import locate, summary_line
from newslint.linter import FileResult
from newslint.model import Severity
from newslint.positions import LineIndex

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(results: list[FileResult], color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    for result in results:
        if not result.findings:
            continue
        out.append(paint(result.path, _BOLD))
        index = LineIndex(result.text)
        current_paragraph = None
        for finding, where in zip(result.findings, locate(result)):
            if finding.paragraph != current_paragraph:
                current_paragraph = finding.paragraph
                first_line, _ = index.position(result.paragraph_starts[current_paragraph - 1])
                header = f"  ¶{current_paragraph} (line {first_line}){_claims(result, current_paragraph)}"
                out.append(paint(header, _DIM))
            position = f"{where.line}:{where.column}"
            severity = paint(f"{str(finding.severity):<7}", _COLORS[finding.severity])
            out.append(f"    {position:<7} {severity}  {finding.rule}  {finding.message}")
            if finding.suggestion:
                out.append(f"    {'':<7} {'':<7}  → {finding.suggestion}")
        out.append("")
    out.append(summary_line(results))
    return "\n".join(out) + "\n"


def _claims(result: FileResult, paragraph: int) -> str:
    """' · claims 3, attributed 0' for a paragraph that makes claims; nothing otherwise,
    so a header on plain reporting stays short."""
    if result.stats is None:
        return ""
    counts = result.stats.paragraphs[paragraph - 1]
    return f" · claims {counts.claims}, attributed {counts.attributed}" if counts.claims else ""
