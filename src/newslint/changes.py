"""Changed text only: keep findings in paragraphs a diff touched.

On a pull request the desk wants to hear about what this change wrote, not about the
rest of a story it touched. `--diff REF` asks git for the changes since REF (the
working tree against it); `--diff -` reads a unified diff on standard input instead
(`git diff main... | newslint check --diff - stories/`). A paragraph counts as changed
when any of its lines was added or modified; files the diff does not mention have no
changed paragraphs.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import InputError
from newslint.files import resolved
from newslint.positions import LineIndex
from newslint.result import FileResult

_NEW_FILE = re.compile(r"^\+\+\+ (?:b/)?(?P<path>.+?)\t?$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


@dataclass
class ChangedLines:
    root: Path  # paths in the diff are relative to this folder
    lines: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # path → (first, last) line ranges

    def ranges_for(self, path: str) -> list[tuple[int, int]]:
        try:
            relative = resolved(path).relative_to(resolved(self.root)).as_posix()
        except ValueError:
            return []
        return self.lines.get(relative, [])


def parse_unified_diff(text: str, root: Path) -> ChangedLines:
    """The added or changed lines of each file in the new version, as (first, last)
    ranges. Context lines do not count, so a diff with context (`git diff`, the usual
    patch) and one without (`--unified=0`) mark the same paragraphs."""
    changed = ChangedLines(root)
    current: list[tuple[int, int]] | None = None
    line_number = 0
    for line in text.splitlines():
        if line.startswith("+++ "):
            match = _NEW_FILE.match(line)
            path = match.group("path") if match else "/dev/null"
            current = None if path == "/dev/null" else changed.lines.setdefault(path, [])
        elif line.startswith("@@"):
            hunk = _HUNK.match(line)
            line_number = int(hunk.group("start")) if hunk else 0
        elif current is None or line.startswith(("---", "\\")):
            continue
        elif line.startswith("+"):
            if current and current[-1][1] == line_number - 1:
                current[-1] = (current[-1][0], line_number)
            else:
                current.append((line_number, line_number))
            line_number += 1
        elif line.startswith(" "):
            line_number += 1
    return changed


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, text=True, timeout=120
        )
    except FileNotFoundError:
        raise InputError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise InputError(f"git {args[0]} failed: {detail[-1] if detail else f'exit {done.returncode}'}")
    return done.stdout


def repository_root(cwd: Path) -> Path:
    """The git work tree's top folder (what diff paths are relative to), else `cwd`."""
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except InputError:
        return cwd


def git_changes(ref: str, cwd: Path) -> ChangedLines:
    """Lines changed in the working tree since `ref`, from `git diff`."""
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    return parse_unified_diff(_git(["diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--"], cwd), root)


def changes_since(diff: str, cwd: Path, read_stdin: Callable[[], str]) -> ChangedLines:
    """What --diff names: the lines changed since the git ref `diff`, or, for "-", those
    of the unified diff `read_stdin` gives (paths relative to the repository's root)."""
    if diff == "-":
        return parse_unified_diff(read_stdin(), repository_root(cwd))
    return git_changes(diff, cwd)


def keep_changed(result: FileResult, changed: ChangedLines) -> None:
    """Drop `result`'s findings outside the paragraphs the diff touched."""
    ranges = changed.ranges_for(result.path)
    if not ranges:
        result.findings = []
        return
    index = LineIndex(result.text)
    touched = set()
    for number, (start, end) in enumerate(result.paragraphs, start=1):
        first, _ = index.position(start)
        last, _ = index.position(max(start, end - 1))
        if any(first <= hi and lo <= last for lo, hi in ranges):
            touched.add(number)
    result.findings = [finding for finding in result.findings if finding.paragraph in touched]
