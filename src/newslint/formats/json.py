"""`--format json`: the stable machine-readable schema (version 2, see docs/json-format.md)."""

from __future__ import annotations

import math
from collections.abc import Callable
from json.encoder import encode_basestring  # ensure_ascii=False's string encoder
from typing import Any

from newslint.formats import Located, Report, locate
from newslint.model import Finding, Severity
from newslint.result import FileResult

SCHEMA_VERSION = 2  # 2: `stats.repetition` with --stats only


class JsonReport(Report):
    """The document `json.dumps(..., indent=2)` would write for every file at once, written
    a file at a time: the opening up to `"files": [`, each file's entry dumped on its own at
    its depth in the list, then the closing with the summary."""

    def opening(self) -> str:
        return f'{{\n  "version": {SCHEMA_VERSION},\n  "files": ['

    def part(self, result: FileResult) -> str:
        separator = ",\n" if self.totals.files else "\n"
        return separator + "    " + _entry(result)

    def closing(self) -> str:
        totals = self.totals
        summary: dict[str, int | list[str]] = {
            "files": totals.files,
            "files_with_errors": totals.files_with_errors,
            "findings": totals.findings,
            **{
                str(severity): totals.severities[severity]
                for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            },
        }
        if totals.hidden_by_baseline is not None:  # only with --baseline
            summary["hidden_by_baseline"] = totals.hidden_by_baseline
        if totals.skipped_binary:  # only when a folder walk skipped one
            summary["skipped_binary"] = totals.skipped_binary
        end_of_files = "\n  ]" if totals.files else "]"  # an empty list is dumped as `[]`
        return f'{end_of_files},\n  "summary": {_dump(summary, depth=1)}\n}}\n'


def render(results: list[FileResult], color: bool = False) -> str:
    return JsonReport(color).render(results)


def _dump(value: Any, depth: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` as it reads `depth` levels deep in
    the document (every line after the first moved right by two spaces a level).

    The standard library writes indented JSON with its pure-Python encoder, a generator
    per level: a twentieth of a run over wire copy, and most of a run from the cache.
    This writes the same text with its C string encoder, each plain value written
    without a call of its own; a test holds it to `json.dumps` on generated documents."""
    write = _PLAIN.get(type(value))
    if write is not None:
        return write(value)
    if isinstance(value, dict):
        return _block(
            [
                (encode_basestring(key) if type(key) is str else _key(key))
                + ": "
                + (write(item) if (write := _PLAIN.get(type(item))) else _dump(item, depth + 1))
                for key, item in value.items()
            ],
            depth,
            "{}",
        )
    if isinstance(value, (list, tuple)):
        return _block(
            [write(item) if (write := _PLAIN.get(type(item))) else _dump(item, depth + 1) for item in value], depth
        )
    return _scalar(value)


def _key(key: Any) -> str:
    """A key as `json.dumps` writes it: strings as they are, other scalars as text."""
    return encode_basestring(key if isinstance(key, str) else _scalar(key))


def _scalar(value: Any) -> str:
    """A value that is not a container, of any type `json.dumps` writes (subclasses too)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return encode_basestring(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


# Writers for values of exactly these types, the bulk of a report.
_PLAIN: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: _scalar,
    type(None): _scalar,
}


def _entry(result: FileResult) -> str:
    """A file's entry in the `files` list, as `_dump` would write its dict at depth 2.

    Findings are the bulk of a report and all share one shape, so each is written from
    one template instead of walked as a dict: the JSON writer was a third of the parent
    process's work in a `-j` run and of a run answered from the cache. A test holds the
    entry to `json.dumps`."""
    fields = ['"path": ' + encode_basestring(result.path)]
    findings = [_finding(finding, where) for finding, where in zip(result.findings, locate(result))]
    fields.append('"findings": ' + _block(findings, 3))
    if result.error is not None:
        fields.append('"error": ' + encode_basestring(str(result.error)))
    if result.claims is not None:
        fields.append('"stats": ' + (_dump(_stats(result), depth=3) if result.readability else _plain_stats(result)))
    return _block(fields, 2, "{}")


def _finding(finding: Finding, where: Located) -> str:
    """One finding of the entry (depth 4): every field always present, in the schema's order."""
    suggestion = "null" if finding.suggestion is None else encode_basestring(finding.suggestion)
    return (
        f'{{\n          "rule": {encode_basestring(finding.rule)},'
        f'\n          "severity": {encode_basestring(str(finding.severity))},'
        f'\n          "message": {encode_basestring(finding.message)},'
        f'\n          "paragraph": {int(finding.paragraph)},'
        f'\n          "line": {int(where.line)},'
        f'\n          "column": {int(where.column)},'
        f'\n          "end_line": {int(where.end_line)},'
        f'\n          "end_column": {int(where.end_column)},'
        f'\n          "offset": {int(finding.start)},'
        f'\n          "end_offset": {int(finding.end)},'
        f'\n          "text": {encode_basestring(finding.text)},'
        f'\n          "suggestion": {suggestion}'
        f"\n        }}"
    )


def _plain_stats(result: FileResult) -> str:
    """`_dump(_stats(result), depth=3)` for a result without readability scores (every
    JSON report has claim counts; --stats adds the scores and the repetition figures, and
    an API caller may ask for the figures alone), each record written from a template
    like the findings."""
    claims, repetition = result.claims, result.repetition
    assert claims is not None  # a file that was checked has them
    paragraphs = _block(
        [
            f'{{\n            "paragraph": {int(p.paragraph)},\n            "claims": {int(p.claims)},'
            f'\n            "attributed": {int(p.attributed)}\n          }}'
            for p in claims.paragraphs
        ],
        4,
    )
    fields = [
        f'"paragraphs": {paragraphs}',
        f'"claims": {int(claims.claims)}',
        f'"attributed": {int(claims.attributed)}',
    ]
    if repetition is not None:
        phrases = _block(
            [
                f'{{\n              "phrase": {encode_basestring(p.phrase)},\n              "count": {int(p.count)},'
                f'\n              "quoted": {int(p.quoted)}\n            }}'
                for p in repetition.phrases
            ],
            5,
        )
        words = _block(
            [
                f'{{\n              "word": {encode_basestring(w.forms[0])},'
                f'\n              "stem": {encode_basestring(w.stem)},\n              "count": {int(w.count)},'
                f'\n              "forms": {_block(list(map(encode_basestring, w.forms)), 7)}\n            }}'
                for w in repetition.words
            ],
            5,
        )
        fields.append(
            f'"repetition": {{\n          "reporter_words": {int(repetition.reporter_words)},'
            f'\n          "phrases": {phrases},\n          "words": {words}\n        }}'
        )
    return _block(fields, 3, "{}")


def _block(items: list[str], depth: int, brackets: str = "[]") -> str:
    """Written items in a list (or fields in an object) `depth` levels deep, laid out as
    `json.dumps(..., indent=2)` lays out a container."""
    if not items:
        return brackets
    inner = "\n" + "  " * (depth + 1)
    return brackets[0] + inner + ("," + inner).join(items) + "\n" + "  " * depth + brackets[1]


def _stats(result: FileResult) -> dict[str, Any]:
    claims = result.claims
    assert claims is not None  # a file that was checked has them
    paragraphs: list[dict[str, Any]] = [
        {"paragraph": p.paragraph, "claims": p.claims, "attributed": p.attributed} for p in claims.paragraphs
    ]
    stats: dict[str, Any] = {"paragraphs": paragraphs, "claims": claims.claims, "attributed": claims.attributed}
    if result.readability is not None:
        for entry, scores in zip(paragraphs, result.readability.paragraphs):
            entry["readability"] = scores.as_json()
        stats["readability"] = result.readability.article.as_json()
    if result.sources is not None:
        for entry, counts in zip(paragraphs, result.sources.paragraphs):
            entry["sources"] = counts.as_json()
        stats["sources"] = result.sources.story.as_json()
    if result.repetition is not None:
        stats["repetition"] = result.repetition.as_json()
    return stats
