"""`--format json`: the stable machine-readable schema (version 1, see docs/json-format.md)."""

from __future__ import annotations

import json

from newslint.formats import Report, locate
from newslint.linter import FileResult
from newslint.model import Severity

SCHEMA_VERSION = 1


class JsonReport(Report):
    """The document `json.dumps(..., indent=2)` would write for every file at once, written
    a file at a time: the opening up to `"files": [`, each file's entry dumped on its own and
    indented to its place in the list, then the closing with the summary. JSON strings never
    hold a raw newline (`json.dumps` escapes it), so indenting every line is safe."""

    def opening(self) -> str:
        return f'{{\n  "version": {SCHEMA_VERSION},\n  "files": ['

    def part(self, result: FileResult) -> str:
        separator = ",\n" if self.totals.files else "\n"
        return separator + "    " + _nested(_dump(_entry(result)), 4)

    def closing(self) -> str:
        totals = self.totals
        summary = {
            "files": totals.files,
            "files_with_errors": totals.files_with_errors,
            "findings": totals.findings,
            **{str(severity): totals.severities[severity] for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
        }
        end_of_files = "\n  ]" if totals.files else "]"  # an empty list is dumped as `[]`
        return f'{end_of_files},\n  "summary": {_nested(_dump(summary), 2)}\n}}\n'


def render(results: list[FileResult], color: bool = False) -> str:
    return JsonReport(color).render(results)


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _nested(dumped: str, spaces: int) -> str:
    """`dumped` as it reads nested `spaces` deep in the document: every line after the
    first moved right (the first goes wherever the caller puts it)."""
    return dumped.replace("\n", "\n" + " " * spaces)


def _entry(result: FileResult) -> dict:
    entry: dict = {"path": result.path, "findings": []}
    if result.error is not None:
        entry["error"] = str(result.error)
    if result.claims is not None:
        entry["stats"] = _stats(result)
    for finding, where in zip(result.findings, locate(result)):
        entry["findings"].append({
            "rule": finding.rule,
            "severity": str(finding.severity),
            "message": finding.message,
            "paragraph": finding.paragraph,
            "line": where.line,
            "column": where.column,
            "end_line": where.end_line,
            "end_column": where.end_column,
            "offset": finding.start,
            "end_offset": finding.end,
            "text": finding.text,
            "suggestion": finding.suggestion,
        })
    return entry


def _stats(result: FileResult) -> dict:
    claims = result.claims
    paragraphs = [{"paragraph": p.paragraph, "claims": p.claims, "attributed": p.attributed}
                  for p in claims.paragraphs]
    stats: dict = {"paragraphs": paragraphs, "claims": claims.claims, "attributed": claims.attributed}
    if result.readability is not None:
        for entry, scores in zip(paragraphs, result.readability.paragraphs):
            entry["readability"] = scores.as_json()
        stats["readability"] = result.readability.article.as_json()
    if result.repetition is not None:
        stats["repetition"] = result.repetition.as_json()
    return stats
