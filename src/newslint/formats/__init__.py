"""Output formats: one small module each, all fed the same per-file results."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from newslint.linter import FileResult
from newslint.model import Severity
from newslint.positions import LineIndex


@dataclass(frozen=True)
class Located:
    """A finding with its line and column, derived once for every format."""

    line: int
    column: int
    end_line: int
    end_column: int


def locate(result: FileResult) -> list[Located]:
    index = LineIndex(result.text)
    located = []
    for finding in result.findings:
        line, column = index.position(finding.start)
        end_line, end_column = index.position(finding.end)
        located.append(Located(line, column, end_line, end_column))
    return located


def severity_counts(results: list[FileResult]) -> Counter[Severity]:
    return Counter(finding.severity for result in results for finding in result.findings)


def summary_line(results: list[FileResult]) -> str:
    counts = severity_counts(results)
    total = sum(counts.values())
    files = len(results)
    parts = ", ".join(f"{counts[s]} {_plural(str(s), counts[s])}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    failed = sum(1 for r in results if r.error is not None)
    unreadable = f"; {failed} {'file' if failed == 1 else 'files'} could not be checked" if failed else ""
    return f"{total} {'finding' if total == 1 else 'findings'} ({parts}) in {files} {'file' if files == 1 else 'files'}{unreadable}"


def _plural(word: str, count: int) -> str:
    if word == "info" or count == 1:
        return word
    return word + "s"


Formatter = Callable[[list[FileResult], bool], str]


def formatter(name: str) -> Formatter:
    """The `render` of format `name`, importing only that format's module, so a quick
    check of one story does not load the HTML, SARIF and JUnit writers."""
    if name not in FORMAT_NAMES:
        raise KeyError(name)
    return importlib.import_module(f"newslint.formats.{name}").render


FORMAT_NAMES = ("text", "line", "json", "github", "sarif", "junit", "html")
