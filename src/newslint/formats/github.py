"""`--format github`: GitHub Actions workflow commands, one per finding, which the runner
turns into annotations on the pull request's diff:

    ::warning file=story.md,line=3,col=10,endLine=3,endColumn=13,title=hedging.modal::'may' hedges…

error → `error`, warning → `warning`, info → `notice`. A file that could not be checked
is an `::error` on that file. Nothing else is printed: the job log shows the commands
as annotations, and the exit code gates the job.
"""

from __future__ import annotations

from newslint.display import printable
from newslint.formats import Report, locate
from newslint.model import Severity
from newslint.result import FileResult

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubReport(Report):
    """A file's workflow commands: its error, or one per finding; no opening or closing."""

    def part(self, result: FileResult) -> str:
        lines = []
        if result.error is not None:
            properties = {"file": result.error.path or result.path}
            if result.error.line is not None:
                properties["line"] = str(result.error.line)
            lines.append(_command("error", properties, str(result.error)))
        for finding, where in zip(result.findings, locate(result)):
            properties = {"file": result.path, "line": str(where.line)}
            if where.end_line == where.line:  # GitHub takes columns only within one line
                properties |= {
                    "col": str(where.column),
                    "endLine": str(where.end_line),
                    "endColumn": str(where.end_column),
                }
            else:
                properties["endLine"] = str(where.end_line)
            properties["title"] = finding.rule
            lines.append(_command(_COMMANDS[finding.severity], properties, finding.message))
        return "".join(line + "\n" for line in lines)


def render(results: list[FileResult], color: bool = False) -> str:
    return GithubReport(color).render(results)


def _command(name: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{name} {props}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    """The escapes GitHub's runner undoes in a command's message (actions/toolkit,
    `escapeData`): `%` first, so an escape in the text is not decoded twice. Line breaks
    so escaped keep a name like `x\n::error …` inside its own command (issue 20); other
    control characters, which the runner has no escape for, are shown escaped
    (`newslint.display.printable`) rather than sent raw to the job log."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(text: str) -> str:
    """A property value also ends at `,` and `::`, so those are escaped too
    (`escapeProperty`): a story called `Smith, John: profile.md` stays one file."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
