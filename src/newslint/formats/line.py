"""`--format line`: one finding per line, `path:line:col: severity [rule] message`, for
editors' quickfix lists and grep."""

from __future__ import annotations

from newslint.display import printable, shown
from newslint.formats import Report, locate
from newslint.result import FileResult


class LineReport(Report):
    """A file's findings, one line each; nothing else, so no opening or closing."""

    def part(self, result: FileResult) -> str:
        return "".join(
            f"{shown(result.path)}:{where.line}:{where.column}: {finding.severity} [{finding.rule}] "
            f"{printable(finding.message)}\n"
            for finding, where in zip(result.findings, locate(result))
        )


def render(results: list[FileResult], color: bool = False) -> str:
    return LineReport(color).render(results)
