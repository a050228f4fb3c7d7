"""Baselines: accept today's findings, gate only new ones.

An archive of thousands of stories cannot fix its past before adopting a gate. A
baseline records, for each story, how many times each finding occurs, by a fingerprint
that survives edits elsewhere in the story (`newslint.fingerprints`: the rule, the
matched words and a few words around them, never line numbers). Editing a sentence makes
only that sentence's findings new; a new hedge in a paragraph is shown alone; moving
paragraphs around, or rewrapping them, changes nothing.

A story renamed or moved since the baseline was written is found by its findings: a
story whose path the baseline does not know takes over the record of a story that is
gone from disk when at least half of that record's findings are in it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from newslint.errors import InputError
from newslint.files import resolved
from newslint.fingerprints import finding_fingerprints, paragraph_fingerprints
from newslint.result import FileResult

VERSION = 2
# Version 1 knew a finding by its whole paragraph; it is still read, and matched as then.
_FINGERPRINTS: dict[int, Callable[[FileResult], list[str]]] = {1: paragraph_fingerprints, 2: finding_fingerprints}
OLD_VERSION_NOTE = (
    "a version 1 baseline matches findings by their whole paragraph; "
    "write it again with --write-baseline to keep them hidden while paragraphs change"
)

# A story's accepted findings: (rule, fingerprint) → how many times each occurs.
Accepted = Counter[tuple[str, str]]


def _key_path(path: str, base: Path) -> str:
    """The path as recorded: relative to the baseline's folder, with forward slashes."""
    absolute = resolved(path)
    try:
        return absolute.relative_to(resolved(base)).as_posix()
    except ValueError:
        return absolute.as_posix()


def _keys(result: FileResult, version: int = VERSION) -> list[tuple[str, str]]:
    prints = _FINGERPRINTS[version](result)
    return [(finding.rule, print_) for finding, print_ in zip(result.findings, prints)]


def write_baseline(results: list[FileResult], destination: Path) -> int:
    """Record every finding of `results`; returns how many."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for result in results:
        path = _key_path(result.path, destination.parent)
        counts.update((path, rule, print_) for rule, print_ in _keys(result))
    entries = [
        {"path": path, "rule": rule, "fingerprint": print_, "count": count}
        for (path, rule, print_), count in sorted(counts.items())
    ]
    destination.write_text(json.dumps({"version": VERSION, "findings": entries}, indent=1) + "\n", encoding="utf-8")
    return sum(counts.values())


def load_baseline(source: Path) -> tuple[int, dict[str, Accepted]]:
    """The baseline's version and each story's accepted findings, by recorded path."""
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        version = data.get("version")
        if version not in _FINGERPRINTS:
            raise ValueError(f"version {version!r}, expected {' or '.join(map(str, _FINGERPRINTS))}")
        stories: dict[str, Accepted] = {}
        for entry in data["findings"]:
            accepted = stories.setdefault(str(entry["path"]), Counter())
            accepted[(str(entry["rule"]), str(entry["fingerprint"]))] += int(entry["count"])
        return version, stories
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror or exc}", path=str(source)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a newslint baseline ({exc})", path=str(source)) from None


class BaselineFilter:
    """Removes the findings a baseline accepts, one file at a time as the run reports them,
    and notes on each result how many it removed; each recorded finding accepts at most
    as many as its count, over the whole run."""

    def __init__(self, stories: dict[str, Accepted], source: Path, version: int = VERSION) -> None:
        self.version = version
        self._remaining = {path: Counter(accepted) for path, accepted in stories.items()}
        self._sizes = {path: accepted.total() for path, accepted in stories.items()}
        self._folder = source.parent
        self._claimed: set[str] = set()  # recorded stories a checked file has matched
        self._gone: dict[tuple[str, str], list[str]] | None = None  # built when first needed

    @classmethod
    def read(cls, source: Path) -> BaselineFilter:
        """The filter of the baseline file `source`; InputError if it cannot be used."""
        version, stories = load_baseline(source)
        return cls(stories, source, version)

    def drop_accepted(self, result: FileResult) -> None:
        """Drop `result`'s findings the baseline still accepts."""
        keys = _keys(result, self.version)
        accepted = self._record_of(_key_path(result.path, self._folder), keys)
        kept = []
        for finding, key in zip(result.findings, keys):
            if accepted[key] > 0:
                accepted[key] -= 1
            else:
                kept.append(finding)
        result.hidden_by_baseline = len(result.findings) - len(kept)
        result.findings = kept

    def _record_of(self, path: str, keys: list[tuple[str, str]]) -> Accepted:
        """What the baseline still accepts in the story at `path`: its own record, or that
        of the story it was renamed from, or nothing."""
        if path in self._remaining:
            self._claimed.add(path)
            return self._remaining[path]
        renamed_from = self._renamed_from(keys) if keys else None
        if renamed_from is None:
            return Counter()
        self._claimed.add(renamed_from)
        return self._remaining[renamed_from]

    def _renamed_from(self, keys: list[tuple[str, str]]) -> str | None:
        """The recorded story, gone from disk and not yet matched, that holds the most of
        these findings, if that is at least half of what it recorded."""
        found = Counter(keys)
        shared: Counter[str] = Counter()
        for key, count in found.items():
            for path in self._gone_stories().get(key, []):
                if path not in self._claimed:
                    shared[path] += min(count, self._remaining[path][key])
        for path, overlap in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
            if 2 * overlap >= self._sizes[path]:
                return path
        return None

    def _gone_stories(self) -> dict[tuple[str, str], list[str]]:
        """For each accepted finding, the recorded stories holding it whose files no longer
        exist: the only ones a story the baseline does not know can have been renamed
        from. Looked up once, the first time a story is not known by its path."""
        if self._gone is None:
            folder = resolved(self._folder)
            self._gone = {}
            for path in sorted(self._remaining):
                if not (folder / path).exists():
                    for key in self._remaining[path]:
                        self._gone.setdefault(key, []).append(path)
        return self._gone
