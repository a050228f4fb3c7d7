"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning (`upload-sarif`) and other
tools that read static-analysis results.

One run per invocation. `tool.driver.rules` describes every rule the checked files
could report — description, the rule's `why` as help, its link, its severity as the
default level — and each result points at its rule by id and index. Regions use our
positions unchanged: SARIF lines and columns are 1-based with an exclusive end column,
and `columnKind` says they count characters (Unicode code points), not UTF-16 units.
A file that could not be checked is an error notification on the invocation, which
is then not `executionSuccessful`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newslint import __version__
from newslint.formats import Totals, locate
from newslint.model import Finding, Severity
from newslint.result import FileResult
from newslint.rulebook import Rule
from newslint.source import STDIN

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(results: list[FileResult], color: bool = False) -> str:
    rules = _rules(results)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        seen: dict[tuple[str, str], int] = {}
        for finding, where in zip(result.findings, locate(result)):
            region = {
                "startLine": where.line,
                "startColumn": where.column,
                "endLine": where.end_line,
                "endColumn": where.end_column,
            }
            sarif_results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": index[finding.rule],
                    "level": _LEVELS[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [{"physicalLocation": {"artifactLocation": _artifact(result.path), "region": region}}],
                    "partialFingerprints": {"newslintFinding/v1": _fingerprint(finding, seen)},
                }
            )
    notifications = [_notification(result) for result in results if result.error is not None]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__, "rules": rules}
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    hidden = Totals.of(results).hidden_by_baseline
    if hidden is not None:  # only with --baseline: how many findings it kept out of `results`
        run["properties"] = {"hiddenByBaseline": hidden}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rules(results: list[FileResult]) -> list[dict[str, Any]]:
    """Each rule once, in the order the files list them; then any finding's rule that
    is not a loaded rule (the directives' own checks, `newslint.unknown-rule`)."""
    descriptors: dict[str, dict[str, Any]] = {}
    for result in results:
        for rule in result.rules:
            descriptors.setdefault(rule.id, _descriptor(rule))
    for result in results:
        for finding in result.findings:
            descriptors.setdefault(
                finding.rule,
                {
                    "id": finding.rule,
                    "defaultConfiguration": {"level": _LEVELS[finding.severity]},
                },
            )
    return list(descriptors.values())


def _descriptor(rule: Rule) -> dict[str, Any]:
    descriptor = {
        "id": rule.id,
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.why},
        "help": {"text": _help(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": [rule.pack]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _help(rule: Rule) -> str:
    """What `newslint explain` says: why it matters, then flagged and clean examples."""
    lines = [
        rule.why,
        "",
        "Flagged:",
        *(f"  ✗ {example.text.strip()}" for example in rule.bad),
        "",
        "Not flagged:",
        *(f"  ✓ {example.text.strip()}" for example in rule.good),
    ]
    return "\n".join(lines)


def _artifact(path: str) -> dict[str, Any]:
    """A URI relative to the working folder when the file is under it (what code
    scanning expects: paths from the repository root), an absolute file URI otherwise."""
    if path == STDIN:
        return {"description": {"text": "standard input"}}
    file = Path(path)
    if file.is_absolute():
        try:
            file = file.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return {"uri": file.as_uri()}
    return {"uri": quote(file.as_posix())}


def _fingerprint(finding: Finding, seen: dict[tuple[str, str], int]) -> str:
    """Stable while lines move: the rule, the flagged words and which occurrence of
    them in the file this is — so code scanning keeps an alert open across edits
    above it instead of closing it and opening a new one."""
    key = (finding.rule, finding.text)
    seen[key] = seen.get(key, 0) + 1
    digest = hashlib.sha256(f"{finding.rule}\0{finding.text}\0{seen[key]}".encode()).hexdigest()
    return digest[:32]


def _notification(result: FileResult) -> dict[str, Any]:
    error = result.error
    assert error is not None  # called for the results that failed
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": _artifact(error.path or result.path)}}
    if error.line is not None:
        location["physicalLocation"]["region"] = {"startLine": error.line}
    return {"level": "error", "message": {"text": str(error)}, "locations": [location]}
