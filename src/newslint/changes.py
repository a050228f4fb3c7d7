"""Changed text only: keep findings in paragraphs a diff touched.

On a pull request the desk wants to hear about what this change wrote, not about the
rest of a story it touched. `--diff REF` asks git for the changes since REF (the
working tree against it); `--diff -` reads a unified diff on standard input instead
(`git diff main... | newslint check --diff - stories/`). A paragraph counts as changed
when any of its lines was added or modified; files the diff does not mention have no
changed paragraphs.

File names are read as git writes them, C-style quotes and octal escapes included
(`+++ "b/quo\\"te.md"`), so no file's findings vanish for its name (issue 20); text
that is not a patch at all is an error, never "nothing changed".
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import InputError
from newslint.files import resolved
from newslint.positions import LineIndex
from newslint.result import FileResult

# A file header names the new side: `+++ b/story.txt`, `+++ "b/quo\"te.md"` (git's
# C-style quoting), or `+++ story.txt<TAB>2026-12-07 10:00` (diff -u, with a timestamp).
_NEW_FILE = re.compile(r"^\+\+\+ (?P<name>.*)$")
_HUNK = re.compile(r"^@@ -\d+(?:,(?P<old>\d+))? \+(?P<start>\d+)(?:,(?P<new>\d+))? @@")
# What only a patch holds: the new file's header, or the `diff` line before it (a
# patch of mode changes or binary files has no `+++`). A `---` alone may be prose.
_PATCH_HEADER = re.compile(r"^(?:diff |\+\+\+ )", re.MULTILINE)
# git's escapes in a quoted name (quote.c, sq_dequote_step's C-style twin).
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
_OCTAL = re.compile(r"[0-3][0-7]{2}")


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


def _unquoted(quoted: str) -> str:
    """A name git wrote in C-style quotes ("caf\\303\\251 \\"x\\".md"), as the file system
    spells it: the escapes are bytes, and the bytes are the name's (UTF-8) encoding."""
    if len(quoted) < 2 or not quoted.endswith('"'):
        raise ValueError("its quotes are not closed")
    name = bytearray()
    index, end = 1, len(quoted) - 1
    while index < end:
        char = quoted[index]
        if char == '"':
            raise ValueError("a quote inside the name is not escaped")
        if char != "\\":
            name += char.encode("utf-8", "surrogateescape")
            index += 1
            continue
        escape = quoted[index + 1 : index + 2]
        if escape in _ESCAPES:
            name.append(_ESCAPES[escape])
            index += 2
        elif _OCTAL.fullmatch(quoted, index + 1, index + 4):
            name.append(int(quoted[index + 1 : index + 4], 8))
            index += 4
        else:
            raise ValueError(f"unknown escape \\{escape}")
    return os.fsdecode(bytes(name))


def _new_name(header: str) -> str | None:
    """The file a `+++` header names, without git's `b/`; None for /dev/null (a deleted
    file). Unquoted, the name ends at a tab: git adds one after a name with a space, and
    diff -u a tab and a timestamp. A name holding a tab itself is always quoted."""
    name = _unquoted(header.rstrip("\t")) if header.startswith('"') else header.split("\t", 1)[0]
    if name == "/dev/null":
        return None
    return name[2:] if name.startswith("b/") else name


def parse_unified_diff(text: str, root: Path, source: str = "--diff -") -> ChangedLines:
    """The added or changed lines of each file in the new version, as (first, last)
    ranges. Context lines do not count, so a diff with context (`git diff`, the usual
    patch) and one without (`--unified=0`) mark the same paragraphs.

    A hunk is read by its header's line counts, so an added line that reads like a file
    header (`+++ total` adds "++ total") stays in its hunk. Text with no patch header at
    all, or a malformed header, is an InputError: a typo in a pipeline must not pass as
    "nothing changed". An empty (or blank) patch is a patch that changes nothing.
    `source` names the patch in those errors."""
    changed = ChangedLines(root)
    if text.strip() and not _PATCH_HEADER.search(text):
        raise InputError(f"{source}: not a unified diff (no 'diff' or '+++' header line)")
    current: list[tuple[int, int]] | None = None
    in_file = False  # a `+++` header has named the file the next hunks change
    old_left = new_left = 0  # lines still to come in the hunk being read
    line_number = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if old_left > 0 or new_left > 0:
            # Inside a hunk: every line is content ("" is a context line whose space an
            # editor stripped).
            if line.startswith("+"):
                new_left -= 1
                if current is not None:
                    if current and current[-1][1] == line_number - 1:
                        current[-1] = (current[-1][0], line_number)
                    else:
                        current.append((line_number, line_number))
                line_number += 1
            elif line.startswith("-"):
                old_left -= 1
            elif line.startswith("\\"):
                continue  # "\ No newline at end of file"
            else:
                old_left, new_left = old_left - 1, new_left - 1
                line_number += 1
            continue
        if line.startswith("+++ "):
            try:
                path = _new_name(line[4:])
            except ValueError as exc:
                raise InputError(f"{source}: line {number}: cannot read the file name: {exc}") from None
            current = None if path is None else changed.lines.setdefault(path, [])
            in_file = True
        elif line.startswith("@@"):
            if line.startswith("@@@"):
                raise InputError(
                    f"{source}: line {number}: a combined diff (of a merge) is not read; diff against one parent"
                )
            hunk = _HUNK.match(line)
            if hunk is None:
                raise InputError(f"{source}: line {number}: not a hunk header: {line[:60]!r}")
            if not in_file:
                raise InputError(f"{source}: line {number}: a hunk before any '+++' file header")
            line_number = int(hunk.group("start"))
            old_left = int(hunk.group("old") or 1)
            new_left = int(hunk.group("new") or 1)
        elif line.startswith(("diff ", "--- ")):
            current, in_file = None, False  # the next file's headers begin
    return changed


def _git(args: list[str], cwd: Path) -> str:
    """git's output, decoded so any byte survives (a story in Latin-1 still diffs)."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise InputError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]} failed: {detail[-1] if detail else f'exit {done.returncode}'}")
    return done.stdout.decode("utf-8", "surrogateescape")


def repository_root(cwd: Path) -> Path:
    """The git work tree's top folder (what diff paths are relative to), else `cwd`."""
    try:
        return _top_folder(cwd)
    except InputError:
        return cwd


def _top_folder(cwd: Path) -> Path:
    """The git work tree's top folder; InputError outside one."""
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).rstrip("\n"))


# A patch whose headers are the same whatever the user's git config says: `a/`/`b/`
# prefixes (not diff.noprefix or diff.mnemonicPrefix's `i/`, `w/`), no colour, no
# external diff or textconv (which would number other lines than the story's).
_DIFF_ARGS = [
    "diff",
    "--unified=0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
]


def git_changes(ref: str, cwd: Path) -> ChangedLines:
    """Lines changed in the working tree since `ref`, from `git diff`."""
    root = _top_folder(cwd)  # first: outside a work tree, this is the error to report
    return parse_unified_diff(_git([*_DIFF_ARGS, ref, "--"], cwd), root, f"git diff {ref}")


def changes_since(diff: str, cwd: Path, read_stdin: Callable[[], str | bytes]) -> ChangedLines:
    """What --diff names: the lines changed since the git ref `diff`, or, for "-", those
    of the unified diff `read_stdin` gives (paths relative to the repository's root).
    Bytes are decoded as UTF-8 with any other byte kept, so a patch of a Latin-1 story is
    still read."""
    if diff == "-":
        patch = read_stdin()
        if isinstance(patch, bytes):
            patch = patch.decode("utf-8", "surrogateescape")
        return parse_unified_diff(patch, repository_root(cwd))
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
