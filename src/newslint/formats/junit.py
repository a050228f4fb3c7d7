"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins,
Azure Pipelines). One test suite per run and one test case per file: a file whose
findings fail the run (`--fail-on`, else its config's `fail_on`) fails, with one
`<failure>` listing them in `--format line` form (one per test case, as most readers
expect); findings below that threshold are listed in the case's `<system-out>`, so an
info-only file is not a red test in a run that exits 0 (issue 20). A file that could not
be checked is an `<error>`. The exit code gates the job; `--max-warnings` counts the
whole run and marks no file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from newslint.display import printable, shown
from newslint.formats import Fails, WholeRunReport, has_findings, locate
from newslint.model import Severity
from newslint.result import FileResult


class JunitReport(WholeRunReport):
    """The document, rendered once every file is in, with the run's own idea of a failure."""

    def __init__(self, color: bool = False, fails: Fails | None = None) -> None:
        super().__init__(render, color, fails)

    def closing(self) -> str:
        return render(self._results, self.color, self.fails)


def render(results: list[FileResult], color: bool = False, fails: Fails = has_findings) -> str:
    failures = sum(1 for result in results if result.error is None and result.findings and fails(result))
    errors = sum(1 for result in results if result.error is not None)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    suites = ET.Element("testsuites", {"name": "newslint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "newslint", **counts})
    for result in results:
        case = ET.SubElement(suite, "testcase", {"classname": "newslint", "name": shown(result.path)})
        if result.error is not None:
            ET.SubElement(case, "error", {"message": str(result.error)})
        elif result.findings and fails(result):
            failure = ET.SubElement(case, "failure", {"message": _count(result), "type": _worst(result)})
            failure.text = _listing(result)
        elif result.findings:
            ET.SubElement(case, "system-out").text = _listing(result)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _listing(result: FileResult) -> str:
    """The file's findings in `--format line` form, one a line."""
    return "".join(
        f"{shown(result.path)}:{where.line}:{where.column}: {finding.severity} [{finding.rule}] "
        f"{printable(finding.message)}\n"
        for finding, where in zip(result.findings, locate(result))
    )


def _count(result: FileResult) -> str:
    counts = Counter(finding.severity for finding in result.findings)
    total = len(result.findings)
    parts = ", ".join(
        f"{counts[severity]} {severity}" for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    return f"{total} {'finding' if total == 1 else 'findings'} ({parts})"


def _worst(result: FileResult) -> str:
    return str(max(finding.severity for finding in result.findings))
