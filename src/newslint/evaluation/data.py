"""Finding and reading the evaluation data.

The data is research data that may not be redistributed, so it never lives in this
repository: it is read from a folder given on the command line, by default
`../shared/eval` relative to the current directory. A missing file is not an error;
the dataset that needs it is skipped with a line saying which file was missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEFAULT_DATA_DIR = Path("..") / "shared" / "eval"


class DatasetMissing(Exception):
    """A file a dataset adapter needs is not there; the dataset is skipped."""


def require(data_dir: Path, *relative: str) -> list[Path]:
    """The paths of `relative` under `data_dir`, or DatasetMissing naming the first absent one."""
    paths = [data_dir / name for name in relative]
    for path in paths:
        if not path.is_file():
            raise DatasetMissing(f"{path} not found")
    return paths


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Records of a JSON Lines file in file order. With `limit`, only that many records,
    spread evenly over the file (record floor(i * total / limit) for i = 0, 1, ...):
    the files are often sorted by label or source, so the first N would not be a fair
    sample. Blank lines are ignored; a malformed line is an error naming file and line."""
    with path.open(encoding="utf-8") as handle:
        lines = [(number, line) for number, line in enumerate(handle, start=1) if line.strip()]
    if limit is not None and limit < len(lines):
        lines = [lines[i * len(lines) // limit] for i in range(limit)]
    records = []
    for number, line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: invalid JSON: {exc}") from None
    return records
