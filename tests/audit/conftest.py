"""Fixtures for the audit tests: invented archives (`audit_stories`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit_stories import invented_records, write_jsonl


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A JSON Lines archive of 48 invented stories."""
    return write_jsonl(tmp_path / "archive.jsonl", invented_records(48))


@pytest.fixture
def records():
    """`records(count)`: that many invented records (see `invented_records`)."""
    return invented_records
