"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins,
Azure Pipelines). One test suite per run and one test case per file: a file with
findings fails, with one `<failure>` listing them in `--format line` form (one per test
case, as most readers expect); a file that could not be checked is an `<error>`.
The exit code, not this report, gates the job (`--fail-on`, `--max-warnings`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from newslint.formats import locate
from newslint.model import Severity
from newslint.result import FileResult


def render(results: list[FileResult], color: bool = False) -> str:
    failures = sum(1 for result in results if result.error is None and result.findings)
    errors = sum(1 for result in results if result.error is not None)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    suites = ET.Element("testsuites", {"name": "newslint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "newslint", **counts})
    for result in results:
        case = ET.SubElement(suite, "testcase", {"classname": "newslint", "name": result.path})
        if result.error is not None:
            ET.SubElement(case, "error", {"message": str(result.error)})
        elif result.findings:
            failure = ET.SubElement(case, "failure", {"message": _count(result), "type": _worst(result)})
            failure.text = (
                "\n".join(
                    f"{result.path}:{where.line}:{where.column}: {finding.severity} [{finding.rule}] {finding.message}"
                    for finding, where in zip(result.findings, locate(result))
                )
                + "\n"
            )
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _count(result: FileResult) -> str:
    counts = Counter(finding.severity for finding in result.findings)
    total = len(result.findings)
    parts = ", ".join(
        f"{counts[severity]} {severity}" for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    return f"{total} {'finding' if total == 1 else 'findings'} ({parts})"


def _worst(result: FileResult) -> str:
    return str(max(finding.severity for finding in result.findings))
