"""Where an audit's stories come from: a folder of story files, a JSON Lines archive or
a CSV archive, split into partitions that a worker reads on its own (issue 22).

A partition is a list of files, or a byte range of an archive that starts and ends on a
record boundary, with the number of its first record: a worker seeks to it and reads
only its share, so nothing is read twice and no record is sent between processes. The
plan is made by one pass over each archive that keeps a byte offset every
`per_partition` records (a few seconds per gigabyte), not the records.

What cannot be read as a story — undecodable bytes, an empty story, a malformed JSON
line, a missing text field, front matter or a date that cannot be read — is a
`BadRecord` with its location, counted and listed by the audit; it never stops the run.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

import yaml

from newslint.errors import NewslintError
from newslint.source import byte_limit, decode, read_bytes, too_large

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
FILES, JSONL, CSV = "files", "jsonl", "csv"
NONE = "(none)"  # the group value of a story without the field
TIME_KEYS = ("month", "year")  # group keys made from a story's date, not fields of its own

# Large enough for a long story in one CSV field (the csv module's default is 128 KB).
csv.field_size_limit(64 * 1024 * 1024)


@dataclass(frozen=True)
class Story:
    name: str  # the record's id field, else its location: what the audit lists it as
    text: str
    input_format: str
    metadata: dict[str, str] = field(default_factory=dict)
    source: str = ""  # the file, or the archive it is a record of
    number: int = 0  # its line or row in the archive; 0 for a file

    def bad(self, reason: str) -> BadRecord:
        return BadRecord(self.source, self.number, reason)

    @property
    def location(self) -> str:
        return location(self.source, self.number)


def location(source: str, number: int) -> str:
    """Where a story is, as every output names it: the file, or "archive:line" for a
    record of an archive."""
    return f"{source}:{number}" if number else source


@dataclass(frozen=True, order=True)
class BadRecord:
    """A record that is not counted, and why. Ordered by place, so lists merge the same
    way whatever the order partitions finish in."""

    source: str
    number: int  # the line (JSON Lines), row (CSV, the header is row 1) or 0 for a whole file
    reason: str

    @property
    def location(self) -> str:
        return location(self.source, self.number)


@dataclass(frozen=True)
class Partition:
    kind: str  # FILES, JSONL or CSV
    source: str  # the archive, or the folder or file given
    files: tuple[str, ...] = ()  # FILES: the story files
    start: int = 0  # JSONL, CSV: byte offset of the first record
    stop: int = 0  # byte offset just after the last record
    first: int = 1  # number of the first record (line or row)
    header: tuple[str, ...] = ()  # CSV: the column names

    @property
    def key(self) -> str:
        """A name that stays the same from one run to the next (for --resume)."""
        if self.kind == FILES:
            return f"{FILES}:{self.source}:{self.files[0]}:{len(self.files)}"
        return f"{self.kind}:{self.source}:{self.first}:{self.start}-{self.stop}"


@dataclass(frozen=True)
class Fields:
    """Which record fields carry the story, its name and its date."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    text_format: str = "text"  # how a record's text is written: text, markdown or html


# --------------------------------------------------------------------------- planning


def kind_of(source: str) -> str:
    lowered = source.lower()
    if os.path.isdir(source):
        return FILES
    if not os.path.exists(source):
        raise NewslintError("no such file or directory", path=source)
    if lowered.endswith(JSONL_SUFFIXES):
        return JSONL
    if lowered.endswith(CSV_SUFFIXES):
        return CSV
    return FILES


def plan(
    source: str, per_partition: int, walk: Callable[[str], Iterator[str | BadRecord]]
) -> Iterator[Partition | BadRecord]:
    """The partitions of one source, in order; `walk` lists a folder's story files (the
    linter's walk, which honours the config's excludes)."""
    kind = kind_of(source)
    if kind == FILES:
        chunk: list[str] = []
        for item in walk(source):
            if isinstance(item, BadRecord):
                yield item
                continue
            chunk.append(item)
            if len(chunk) == per_partition:
                yield Partition(FILES, source, tuple(chunk))
                chunk = []
        if chunk:
            yield Partition(FILES, source, tuple(chunk))
        return
    try:
        with open(source, "rb") as handle:
            if kind == JSONL:
                yield from _ranges(source, JSONL, _lines(handle), per_partition, first=1)
            else:
                rows = _csv_rows(handle)
                header = next(rows, None)
                if header is None:
                    yield BadRecord(source, 0, "empty CSV file: no header row")
                    return
                yield from _ranges(source, CSV, rows, per_partition, first=2, header=tuple(header[2]))
    except OSError as exc:
        raise NewslintError(exc.strerror or str(exc), path=source) from None


def _ranges(
    source: str,
    kind: str,
    records: Iterator[tuple[int, int, Any]],
    per_partition: int,
    first: int,
    header: tuple[str, ...] = (),
) -> Iterator[Partition]:
    """Byte ranges of `per_partition` records each; `records` yields (end offset, size, record)."""
    start = stop = count = 0
    number = first
    for end, size, _record in records:
        if count == 0:
            start = end - size
        stop = end
        count += 1
        if count == per_partition:
            yield Partition(kind, source, start=start, stop=stop, first=number, header=header)
            number += count
            count = 0
    if count:
        yield Partition(kind, source, start=start, stop=stop, first=number, header=header)


def _lines(handle: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """Each line of a JSON Lines file: (offset after it, its size, its bytes)."""
    offset = handle.tell()
    for line in handle:
        offset += len(line)
        yield offset, len(line), line


def _csv_rows(handle: BinaryIO) -> Iterator[tuple[int, int, list[str]]]:
    """Each CSV row (a quoted field may hold line breaks): (offset after it, its size, its
    fields). The csv reader takes one line at a time, so after a row the lines it took
    are exactly the row's; bytes that do not decode become lone surrogates, found later."""
    offset = handle.tell()
    taken = [offset]

    def lines() -> Iterator[str]:
        for line in handle:
            taken[0] += len(line)
            yield line.decode("utf-8", "surrogateescape")

    for row in csv.reader(lines()):
        yield taken[0], taken[0] - offset, row
        offset = taken[0]


# --------------------------------------------------------------------------- reading


def read(
    partition: Partition, fields: Fields, format_of: Callable[[str], str], max_megabytes: float | None = None
) -> Iterator[Story | BadRecord]:
    """The stories of a partition, in order, with a `BadRecord` in place of each record
    that cannot be read. `format_of` gives a story file's input format (its config's). A
    story file or record larger than `max_megabytes` (None or 0: no limit) is a bad
    record, as `check --max-file-size` refuses a file: checking takes some eighty times a
    story's size in memory (issue 20)."""
    if partition.kind == FILES:
        for path in partition.files:
            yield _file_story(path, format_of(path), max_megabytes)
        return
    with open(partition.source, "rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.stop - partition.start)
    limit = byte_limit(max_megabytes)
    if partition.kind == JSONL:
        lines = data.split(b"\n")  # as the plan counted them: "\r" alone is not a line break
        if lines[-1] == b"":
            lines.pop()
        for number, line in enumerate(lines, start=partition.first):
            if limit is not None and len(line) > limit:
                yield BadRecord(partition.source, number, too_large(len(line), max_megabytes))
            else:
                yield _json_story(partition.source, number, line, fields)
        return
    rows = _csv_rows(io.BytesIO(data))
    for number, (_end, size, row) in enumerate(rows, start=partition.first):
        if limit is not None and size > limit:
            yield BadRecord(partition.source, number, too_large(size, max_megabytes))
        else:
            yield _csv_story(partition.source, number, partition.header, row, fields)


def _file_story(path: str, input_format: str, max_megabytes: float | None) -> Story | BadRecord:
    try:
        text = decode(read_bytes(path, max_megabytes), path)
    except NewslintError as exc:
        return BadRecord(path, 0, exc.message)
    try:
        metadata, body = front_matter(text)
    except ValueError as exc:
        return BadRecord(path, 0, str(exc))
    if not body.strip():
        return BadRecord(path, 0, "empty story")
    # The Markdown front end blanks the front matter itself (and keeps the fields a
    # config lists as headlines); the other formats are given the body alone.
    return Story(path, text if input_format == "markdown" else body, input_format, metadata, path)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """A story file's metadata (YAML between `---` lines at the top) and the rest of it.
    ValueError when the block is there but is not a YAML mapping."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ValueError(f"front matter is not valid YAML{where}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValueError("front matter is not a mapping of fields")
    return {str(key): metadata_value(value) for key, value in data.items()}, text[match.end() :]


def _json_story(source: str, number: int, line: bytes, fields: Fields) -> Story | BadRecord:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadRecord(source, number, f"not valid UTF-8 (byte {exc.start} of the line)")
    if not text.strip():
        return BadRecord(source, number, "empty line")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return BadRecord(source, number, f"malformed JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return BadRecord(source, number, "not a JSON object")
    return _record_story(source, number, record, fields)


def _csv_story(source: str, number: int, header: tuple[str, ...], row: list[str], fields: Fields) -> Story | BadRecord:
    if any(_UNDECODED.search(value) for value in row):
        return BadRecord(source, number, "not valid UTF-8")
    if not any(value.strip() for value in row):
        return BadRecord(source, number, "empty row")
    if len(row) != len(header):
        return BadRecord(source, number, f"{len(row)} fields where the header has {len(header)}")
    return _record_story(source, number, dict(zip(header, row)), fields)


_UNDECODED = re.compile("[\udc80-\udcff]")


def _record_story(source: str, number: int, record: dict[str, Any], fields: Fields) -> Story | BadRecord:
    text = record.get(fields.text)
    if text is None:
        return BadRecord(source, number, f"no {fields.text!r} field")
    if not isinstance(text, str):
        return BadRecord(source, number, f"the {fields.text!r} field is not text")
    if not text.strip():
        return BadRecord(source, number, "empty story")
    metadata = {str(key): metadata_value(value) for key, value in record.items() if key != fields.text}
    name = metadata.get(fields.id) or f"{source}:{number}"
    return Story(name, text, fields.text_format, metadata, source, number)


def metadata_value(value: Any) -> str:
    """A field as the group it names: a list is its items joined ("grain, wheat")."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(metadata_value(item) for item in value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value)


# --------------------------------------------------------------------------- dates

_MONTHS = {name: index for index, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[-/ ]([A-Za-z]{3})[A-Za-z]*[-/ ,]+(\d{4})")  # 26-FEB-1987 (Reuters)
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})")  # February 26, 1987 (AP)


def parse_date(value: str) -> datetime.date:
    """The day a story ran, from the date forms newsroom archives write: ISO 8601
    (2024-03-01, with a time or not), RFC 2822 (feeds), "26-FEB-1987", "February 26, 1987".
    ValueError otherwise."""
    text = value.strip()
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        match = pattern.search(text)
        if match:
            day, month, year = (match.group(index + 1) for index in order)
            if month.lower() in _MONTHS:
                return datetime.date(int(year), _MONTHS[month.lower()], int(day))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"unreadable date {value!r}") from None
