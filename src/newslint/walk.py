"""The folder walk: which files a run checks, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from newslint.config import Config
from newslint.errors import NewslintError
from newslint.parse import suffix_of
from newslint.result import FileResult
from newslint.source import STDIN

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class ConfigFinder(Protocol):
    """Anything that tells a file's config (the `Linter` does, with its caches)."""

    def config_for(self, path: str) -> Config: ...


def expand_paths(paths: list[str], configs: ConfigFinder) -> Iterator[str | FileResult]:
    """Files to lint, in a stable order: named files as given, folders walked for article
    suffixes, each file once however often it is named or reached (through a symbolic
    link, or another hard link: `--fix a.txt a.txt` fixed it, then reported the first
    reading's stale finding, issue 20). Yields a FileResult with an error for a path
    that does not exist."""
    seen: set[tuple[int, int]] = set()
    for item in _expanded(paths, configs):
        if isinstance(item, str) and (identity := _identity(item)) is not None:
            if identity in seen:
                continue
            seen.add(identity)
        yield item


def _identity(path: str) -> tuple[int, int] | None:
    """The file a path reaches (device and inode: one stat, where resolving the path took
    ten times longer on a walk of 100,000 files), or None for standard input and for a
    path that cannot be followed, whose own error is reported when it is read."""
    if path == STDIN:
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def _expanded(paths: list[str], configs: ConfigFinder) -> Iterator[str | FileResult]:
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            # A folder that cannot be listed is an error, not silence (os.walk skips it
            # unless told). Symbolic links to folders are not followed, so a link back
            # up the tree cannot loop.
            unlisted: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unlisted.append, followlinks=False):
                yield from _listing_errors(unlisted, raw)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                folder = str(Path(root))  # as pathlib writes it ("stories/x.md", not "./stories/x.md")
                for name in sorted(files):
                    candidate = name if folder == "." else os.path.join(folder, name)
                    if suffix_of(name).lower() in ARTICLE_SUFFIXES and not _excluded(candidate, configs):
                        yield candidate
            yield from _listing_errors(unlisted, raw)
        elif path.exists():
            if not _excluded(raw, configs):
                yield raw
        else:
            yield FileResult(path=raw, error=NewslintError("no such file or directory", path=raw))


def _listing_errors(errors: list[OSError], folder: str) -> Iterator[FileResult]:
    while errors:
        exc = errors.pop(0)
        where = str(exc.filename) if exc.filename else folder
        yield FileResult(path=where, error=NewslintError(exc.strerror or str(exc), path=where))


def _excluded(path: str, configs: ConfigFinder) -> bool:
    try:
        return configs.config_for(path).excludes(path)
    except NewslintError:
        return False  # the config error is reported when the file is linted


def is_checked(candidate: Path, files: Iterable[str | FileResult]) -> bool:
    """Whether `candidate` is one of the files to check (`expand_paths`), however named:
    a report written there would replace a story (`-o story.txt story.txt`, issue 20)."""
    target = _identity(str(candidate))
    return target is not None and any(isinstance(item, str) and _identity(item) == target for item in files)
