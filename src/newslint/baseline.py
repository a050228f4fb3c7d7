"""Baselines: accept today's findings, gate only new ones.

An archive of thousands of stories cannot fix its past before adopting a gate. A
baseline records each finding by a fingerprint that survives edits elsewhere in the
file: the rule, the text of its paragraph (white space collapsed) and the matched words,
never line numbers. Editing one paragraph makes only that paragraph's findings new;
moving paragraphs around, or rewrapping them, changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from newslint.errors import InputError
from newslint.files import resolved
from newslint.model import Finding
from newslint.result import FileResult

VERSION = 1


def fingerprint(finding: Finding, paragraph_text: str) -> str:
    words = " ".join(paragraph_text.split())
    match = " ".join(finding.text.split())
    key = "\x1f".join((finding.rule, words, match))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _paragraph_text(result: FileResult, finding: Finding) -> str:
    start, end = result.paragraphs[finding.paragraph - 1] if finding.paragraph <= len(result.paragraphs) else (0, 0)
    return result.text[start:end]


def _key_path(path: str, base: Path) -> str:
    """The path as recorded: relative to the baseline's folder, with forward slashes."""
    absolute = resolved(path)
    try:
        return absolute.relative_to(resolved(base)).as_posix()
    except ValueError:
        return absolute.as_posix()


def write_baseline(results: list[FileResult], destination: Path) -> int:
    """Record every finding of `results`; returns how many."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for result in results:
        for finding in result.findings:
            counts[
                (
                    _key_path(result.path, destination.parent),
                    finding.rule,
                    fingerprint(finding, _paragraph_text(result, finding)),
                )
            ] += 1
    entries = [
        {"path": path, "rule": rule, "fingerprint": print_, "count": count}
        for (path, rule, print_), count in sorted(counts.items())
    ]
    destination.write_text(json.dumps({"version": VERSION, "findings": entries}, indent=1) + "\n", encoding="utf-8")
    return sum(counts.values())


def load_baseline(source: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        return Counter({(e["path"], e["rule"], e["fingerprint"]): int(e["count"]) for e in data["findings"]})
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror or exc}", path=str(source)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a newslint baseline ({exc})", path=str(source)) from None


class BaselineFilter:
    """Removes the findings a baseline accepts, one file at a time as the run reports them;
    each recorded finding accepts at most as many as its count, over the whole run."""

    def __init__(self, baseline: Counter[tuple[str, str, str]], source: Path) -> None:
        self._remaining = Counter(baseline)
        self._source = source

    @classmethod
    def read(cls, source: Path) -> BaselineFilter:
        """The filter of the baseline file `source`; InputError if it cannot be used."""
        return cls(load_baseline(source), source)

    def drop_accepted(self, result: FileResult) -> None:
        """Drop `result`'s findings the baseline still accepts."""
        kept = []
        for finding in result.findings:
            key = (
                _key_path(result.path, self._source.parent),
                finding.rule,
                fingerprint(finding, _paragraph_text(result, finding)),
            )
            if self._remaining[key] > 0:
                self._remaining[key] -= 1
            else:
                kept.append(finding)
        result.findings = kept
