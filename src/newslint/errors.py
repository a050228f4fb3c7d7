"""Errors users can act on: each renders as one line naming the file (and line, field)."""

from __future__ import annotations

from newslint.display import printable, shown


class NewslintError(Exception):
    """A problem with input, a rule file or a config: reported on one line, exit code 2."""

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = shown(self.path) if self.path else ""
        if self.path and self.line is not None:
            where += f":{self.line}"
        prefix = f"{where}: " if where else ""
        field = f"{printable(self.field)}: " if self.field else ""
        return f"{prefix}{field}{printable(self.message)}"


class RuleError(NewslintError):
    """A rule file that cannot be loaded."""


class ConfigError(NewslintError):
    """A config file, or a command-line option, that cannot be used."""


class InputError(NewslintError):
    """An article that cannot be read."""


class InternalError(NewslintError):
    """A bug in newslint met while checking a file: one line like any error, with the
    full traceback kept in `details` for `--verbose`, so the user can report it."""

    def __init__(self, message: str, *, path: str | None = None, details: str = "") -> None:
        super().__init__(message, path=path)
        self.details = details
