"""The exit code's inputs, tallied one result at a time (newslint.outcome)."""

from __future__ import annotations

from newslint.errors import NewslintError
from newslint.model import Finding, Severity
from newslint.outcome import Outcome
from newslint.result import FileResult


def finding(severity: Severity) -> Finding:
    return Finding("hedging.modal", severity, "msg", 0, 3, 1, "may")


def result(path: str, *severities: Severity, error: NewslintError | None = None) -> FileResult:
    return FileResult(path=path, findings=[finding(s) for s in severities], error=error)


def test_each_file_is_judged_by_its_own_threshold():
    thresholds = {"strict.txt": Severity.INFO, "lenient.txt": Severity.ERROR, "never.txt": None}
    outcome = Outcome(thresholds.get)
    for path in ("lenient.txt", "never.txt"):
        outcome.add(result(path, Severity.WARNING, Severity.INFO))
    assert not outcome.failing
    outcome.add(result("strict.txt", Severity.INFO))
    assert outcome.failing


def test_warnings_count_warnings_and_errors_only():
    outcome = Outcome(lambda path: None)
    outcome.add(result("a.txt", Severity.ERROR, Severity.WARNING, Severity.INFO))
    outcome.add(result("b.txt", Severity.WARNING))
    assert outcome.warnings == 3 and not outcome.failing


def test_an_error_shared_by_several_files_is_reported_once_naming_the_file():
    config = NewslintError("bad value", path=".newslint.yaml", line=3)
    outcome = Outcome(lambda path: Severity.WARNING)
    outcome.add(result("a.txt", error=config))
    outcome.add(result("b.txt", error=config))
    outcome.add(result("c.txt", error=NewslintError("no such file or directory")))
    assert list(outcome.errors.values()) == [str(config), "c.txt: no such file or directory"]
