"""`--fix`: apply the suggestions of fixable rules, safely.

A fix replaces a finding's text with its suggestion when the rule declares itself
`fixable` (a doubled word, a house spelling). Never inside a quotation (a source's
words are theirs, even misspelt), never two overlapping fixes, and the file is written
atomically (a temporary file in the same folder, then a rename), with its mode kept and
its line endings untouched, and only if it has not changed since it was read.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from newslint.errors import InputError, NewslintError
from newslint.files import write_atomically
from newslint.result import FileResult
from newslint.rulebook import Rule
from newslint.source import Encoding


class Checker(Protocol):
    """What fixing needs of the linter: each file's rules, and a file checked again."""

    def rules_of_file(self, path: str) -> list[Rule]: ...

    def lint_path(self, path: str) -> FileResult: ...


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


def plan_edits(result: FileResult, rules: list[Rule]) -> list[Edit]:
    """The fixes to make in `result`'s text, in order, none overlapping."""
    fixable = {rule.id for rule in rules if rule.fixable}
    edits: list[Edit] = []
    for finding in sorted(result.findings, key=lambda f: (f.start, f.end)):
        if finding.rule not in fixable or finding.suggestion is None:
            continue
        if any(start < finding.end and finding.start < end for start, end in result.quotes):
            continue
        if edits and finding.start < edits[-1].end:
            continue
        if result.text[finding.start : finding.end] != finding.suggestion:
            edits.append(Edit(finding.start, finding.end, finding.suggestion, finding.rule))
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts, position = [], 0
    for edit in edits:
        parts += [text[position : edit.start], edit.replacement]
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def preview(path: str, before: str, after: str) -> str:
    """A unified diff of the fixes, for --fix --dry-run."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path.lstrip('/')}",
            tofile=f"b/{path.lstrip('/')}",
        )
    )


def write_fixed(path: str, digest: str, fixed_text: str, encoding: Encoding | None = None) -> None:
    """Replace `path` with `fixed_text` in the encoding it was read with (a BOM kept if it
    had one), atomically, keeping its permissions; refuse if the file's sha256 is no longer
    `digest`."""
    encoding = encoding or Encoding()
    target = Path(path)
    try:
        original = target.read_bytes()
        mode = target.stat().st_mode
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror or exc}", path=path) from None
    if hashlib.sha256(original).hexdigest() != digest:
        raise InputError("changed since it was read; not fixed", path=path)
    try:
        data = encoding.encode(fixed_text)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"cannot fix: {fixed_text[exc.start : exc.end]!r} cannot be written in {encoding.codec}", path=path
        ) from None
    try:
        write_atomically(target, data, mode)
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror or exc}", path=path) from None


def fix_results(
    results: Iterable[FileResult], checker: Checker, *, dry_run: bool, say: Callable[[str], None]
) -> tuple[list[FileResult], list[str]]:
    """Apply each file's fixable suggestions, with the rules of the file's own profile
    (`path_profiles`: the rules that made its findings), and check each fixed file again
    so the report shows what is left, at its new positions. Returns the results to report
    and, with `dry_run`, the diffs instead of writing anything. `say` gets a line per
    fixed file."""
    fixed_results: list[FileResult] = []
    previews: list[str] = []
    for result in results:
        edits = [] if result.error else plan_edits(result, checker.rules_of_file(result.path))
        if not edits:
            fixed_results.append(result)
            continue
        fixed_text = apply_edits(result.text, edits)
        if dry_run:
            previews.append(preview(result.path, result.text, fixed_text))
            continue
        try:
            write_fixed(result.path, result.digest, fixed_text, result.encoding)
        except NewslintError as exc:
            result.error = exc
            fixed_results.append(result)
            continue
        say(f"newslint: fixed {len(edits)} finding{'' if len(edits) == 1 else 's'} in {result.path}")
        fixed_results.append(checker.lint_path(result.path))
    return fixed_results, previews
