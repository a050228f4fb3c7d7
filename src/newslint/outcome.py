"""What `newslint check`'s exit code depends on, tallied as the files stream past.

The report is written a file at a time and the results are not kept, so the few facts the
exit code needs are gathered from each result as it goes by: the distinct errors (printed
once the report is written, as they always were), how many findings are warnings or errors
(for --max-warnings), and whether any file has a finding at or above its own fail-on
threshold.
"""

from __future__ import annotations

from collections.abc import Callable

from newslint.display import shown
from newslint.errors import InternalError
from newslint.model import Severity
from newslint.result import FileResult


class Outcome:
    """`threshold_for(path)` is the severity that fails the run for that file (--fail-on,
    else the file's config), or None for never."""

    def __init__(self, threshold_for: Callable[[str], Severity | None]) -> None:
        self._threshold_for = threshold_for
        # Each distinct error, in the order met, as the line that reports it: several files
        # can share one (a broken config), which is then reported once.
        self.errors: dict[str, str] = {}
        # The traceback of each distinct error that is a bug in newslint, for --verbose.
        self.tracebacks: dict[str, str] = {}
        self.warnings = 0  # findings that are warnings or errors
        self.failing = False  # some file has a finding at or above its threshold

    def add(self, result: FileResult) -> None:
        self.warnings += sum(1 for finding in result.findings if finding.severity >= Severity.WARNING)
        if result.error is not None:
            self.errors.setdefault(str(result.error), describe_error(result))
            if isinstance(result.error, InternalError):
                self.tracebacks.setdefault(str(result.error), result.error.details)
        elif result.findings and not self.failing:
            self.failing = self.fails(result)

    def fails(self, result: FileResult) -> bool:
        """Whether `result`'s findings alone fail the run: one at or above its threshold."""
        if not result.findings:
            return False
        threshold = self._threshold_for(result.path)
        return threshold is not None and any(f.severity >= threshold for f in result.findings)


def describe_error(result: FileResult) -> str:
    """A file's error as one line that names the file."""
    assert result.error is not None
    return str(result.error) if result.error.path else f"{shown(result.path)}: {result.error}"
