"""`--format json`: the stable machine-readable schema (version 1, see docs/json-format.md)."""

from __future__ import annotations

import json

from newslint.formats import locate, severity_counts
from newslint.linter import FileResult
from newslint.model import Severity

SCHEMA_VERSION = 1


def render(results: list[FileResult], color: bool = False) -> str:
    files = []
    for result in results:
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
        files.append(entry)
    counts = severity_counts(results)
    summary = {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error is not None),
        "findings": sum(counts.values()),
        **{str(severity): counts[severity] for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
    }
    return json.dumps({"version": SCHEMA_VERSION, "files": files, "summary": summary},
                      ensure_ascii=False, indent=2) + "\n"


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
