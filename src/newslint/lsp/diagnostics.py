"""Findings as LSP diagnostics: the range from the finding's own offsets, the rule id as
the code, newslint as the source, the suggestion in the message."""

from __future__ import annotations

from lsprotocol import types

from newslint.lsp.checking import Checked
from newslint.lsp.positions import LineIndex
from newslint.model import Finding, Severity

SOURCE = "newslint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# The codes of the one diagnostic a document gets when it cannot be checked.
ERROR_CODES = {
    "config": "newslint.config-error",
    "input": "newslint.input-error",
    "internal": "newslint.internal-error",
}


def to_range(lines: LineIndex, start: int, end: int) -> types.Range:
    first, last = lines.position(start), lines.position(end)
    return types.Range(
        start=types.Position(line=first.line, character=first.character),
        end=types.Position(line=last.line, character=last.character),
    )


def message_of(finding: Finding) -> str:
    """The finding's message, with its suggestion when the message does not already name it."""
    suggestion = finding.suggestion
    if not suggestion or f"'{suggestion}'" in finding.message:
        return finding.message
    return f"{finding.message} (suggested: '{suggestion}')"


def diagnostic(finding: Finding, lines: LineIndex) -> types.Diagnostic:
    return types.Diagnostic(
        range=to_range(lines, finding.start, finding.end),
        message=message_of(finding),
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        source=SOURCE,
    )


def diagnostics_for(checked: Checked, lines: LineIndex) -> list[types.Diagnostic]:
    """One diagnostic per finding; a document that could not be checked gets one error,
    on its first line, saying why (a broken config names its file and line)."""
    if checked.error is not None:
        first_line = lines.text[: lines.starts[1]] if len(lines.starts) > 1 else lines.text
        return [
            types.Diagnostic(
                range=to_range(lines, 0, len(first_line.rstrip("\r\n"))),
                message=f"newslint could not check this document: {checked.error}",
                severity=types.DiagnosticSeverity.Error,
                code=ERROR_CODES[checked.error_kind],
                source=SOURCE,
            )
        ]
    return [diagnostic(finding, lines) for finding in checked.findings]
