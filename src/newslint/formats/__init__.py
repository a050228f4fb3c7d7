"""Output formats: one small module each, all fed the same per-file results.

A report is written while the files are checked (`Report`): an opening, one part per
file as soon as that file is checked, then a closing with the summary. So a run over
tens of thousands of stories never holds more than one file's result for the text,
line, json and github formats. SARIF, JUnit and HTML documents need the whole run before
any of it can be written (a table of rules, totals on the first element, a summary at the
top), so those formats keep every result until the end (`WholeRunReport`).
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.choices import REPORT_FORMATS
from newslint.display import shown
from newslint.model import Severity
from newslint.positions import LineIndex
from newslint.result import FileResult


@dataclass(frozen=True)
class Located:
    """A finding with its line and column, derived once for every format."""

    line: int
    column: int
    end_line: int
    end_column: int


def locate(result: FileResult) -> list[Located]:
    if not result.findings:  # most stories of an archive: no line table needed
        return []
    index = LineIndex(result.text)
    located = []
    for finding in result.findings:
        line, column = index.position(finding.start)
        end_line, end_column = index.position(finding.end)
        located.append(Located(line, column, end_line, end_column))
    return located


@dataclass
class Totals:
    """What a report's summary counts, added up file by file so no result has to be kept."""

    files: int = 0
    files_with_errors: int = 0
    severities: Counter[Severity] = field(default_factory=Counter)
    hidden_by_baseline: int | None = None  # None: no --baseline narrowed the run
    # Binary files a folder walk found and skipped: not checked, but never unmentioned (issue 20).
    skipped_binary: list[str] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.files_with_errors += result.error is not None
        self.severities.update(finding.severity for finding in result.findings)
        if result.hidden_by_baseline is not None:
            self.hidden_by_baseline = (self.hidden_by_baseline or 0) + result.hidden_by_baseline

    @property
    def findings(self) -> int:
        return sum(self.severities.values())

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Totals:
        totals = cls()
        for result in results:
            totals.add(result)
        return totals


def summary_line(totals: Totals) -> str:
    counts, total, files, failed = totals.severities, totals.findings, totals.files, totals.files_with_errors
    parts = ", ".join(
        f"{counts[s]} {_plural(str(s), counts[s])}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    unreadable = f"; {failed} {'file' if failed == 1 else 'files'} could not be checked" if failed else ""
    hidden = totals.hidden_by_baseline
    # Said whenever a baseline was given, 0 too: a gate that passes should say what it let by.
    baselined = (
        f"; {hidden} {'finding' if hidden == 1 else 'findings'} hidden by the baseline" if hidden is not None else ""
    )
    skipped = totals.skipped_binary
    binary = (
        f"; {len(skipped)} binary {'file' if len(skipped) == 1 else 'files'} skipped: {', '.join(map(shown, skipped))}"
        if skipped
        else ""
    )
    return f"{total} {'finding' if total == 1 else 'findings'} ({parts}) in {files} {'file' if files == 1 else 'files'}{unreadable}{baselined}{binary}"


def _plural(word: str, count: int) -> str:
    if word == "info" or count == 1:
        return word
    return word + "s"


class Report:
    """A report written while the files are checked: `opening()`, then `add(result)` for
    each file in order, then `closing()`. Each returns the text to write next, final when
    returned, so the caller can write it at once and let the result go. A format defines
    `part` (one file's text) and, if it has them, `opening` and `closing`. `totals` counts
    the files already added: those before this one while `part` runs, all at `closing`.
    `fails` tells whether a file's findings fail the run (the exit code's own judgement,
    `Outcome.fails`), for formats that mark failing files (JUnit); by default any finding."""

    def __init__(self, color: bool = False, fails: Fails | None = None) -> None:
        self.color = color
        self.totals = Totals()
        self.fails: Fails = fails or has_findings

    def opening(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        text = self.part(result)
        self.totals.add(result)
        return text

    def part(self, result: FileResult) -> str:
        raise NotImplementedError

    def skip_binary(self, path: str) -> None:
        """Count a binary file the folder walk skipped, for the summary to list."""
        self.totals.skipped_binary.append(path)

    def closing(self) -> str:
        return ""

    def render(self, results: Iterable[FileResult]) -> str:
        """The whole report at once: what the same calls, streamed, write."""
        return self.opening() + "".join(self.add(result) for result in results) + self.closing()


Render = Callable[[list[FileResult], bool], str]
Fails = Callable[[FileResult], bool]


def has_findings(result: FileResult) -> bool:
    return bool(result.findings)


class WholeRunReport(Report):
    """A format whose document needs every file before any of it: the results are kept,
    and the document is rendered as the closing. Memory grows with the number of files."""

    def __init__(self, render: Render, color: bool = False, fails: Fails | None = None) -> None:
        super().__init__(color, fails)
        self._render = render
        self._results: list[FileResult] = []

    def part(self, result: FileResult) -> str:
        self._results.append(result)
        return ""

    def closing(self) -> str:
        return self._render(self._results, self.color)


_STREAMED = {"text": "TextReport", "line": "LineReport", "json": "JsonReport", "github": "GithubReport"}
_OWN_CLASS = {**_STREAMED, "junit": "JunitReport"}


def report_for(name: str, color: bool = False, fails: Fails | None = None) -> Report:
    """A new report in the format `name` (one of FORMAT_NAMES). Only that format's module
    is imported, so a quick check of one story does not load the HTML, SARIF and JUnit
    writers."""
    if name not in FORMAT_NAMES:
        raise KeyError(name)
    module = importlib.import_module(f"newslint.formats.{name}")
    if name in _OWN_CLASS:
        report: Report = getattr(module, _OWN_CLASS[name])(color, fails)
        return report
    return WholeRunReport(module.render, color, fails)


FORMAT_NAMES = REPORT_FORMATS
