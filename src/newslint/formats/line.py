"""`--format line`: one finding per line, `path:line:col: severity [rule] message`, for
editors' quickfix lists and grep."""

from __future__ import annotations

from newslint.formats import locate
from newslint.linter import FileResult


def render(results: list[FileResult], color: bool = False) -> str:
    lines = []
    for result in results:
        for finding, where in zip(result.findings, locate(result)):
            lines.append(f"{result.path}:{where.line}:{where.column}: {finding.severity} [{finding.rule}] {finding.message}")
    return "\n".join(lines) + ("\n" if lines else "")
