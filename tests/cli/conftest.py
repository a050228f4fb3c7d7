from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def desk_stories(tmp_path: Path) -> dict[Path, bytes]:
    """A folder of 400 small stories with a hedge and a doubled word each, and a config
    selecting those rules: enough work for a `-j 2` run to be interrupted mid-way. Returns
    each story's bytes, so a test can prove an interrupted run changed none of them."""
    desk = tmp_path / "desk"
    desk.mkdir()
    originals = {}
    for index in range(400):
        story = desk / f"story{index:03}.txt"
        story.write_text(f"Both sides signed the the deal {index}. Rates may rise.\n", encoding="utf-8")
        originals[story] = story.read_bytes()
    (tmp_path / ".newslint.yaml").write_text("select: [hedging, repetition]\n", encoding="utf-8")
    return originals
