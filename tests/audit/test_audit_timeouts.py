"""A rule that runs out of time on a story (`--rule-timeout`) is skipped for that story,
as `check` skips it; the audit counts such stories and lists each by its name and
place, with the rules skipped, in every output. They used to vanish: the story's
figures lacked the rule's findings and nothing said so (issue 22)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from audit_stories import invented_records, write_jsonl
from typer.testing import CliRunner

from newslint.cli import app

# A house rule that backtracks without end on a run of a's (tests/cli/test_rule_timeout.py).
SLOW_RULE = """id: house.slow
kind: pattern
severity: warning
description: A pattern that backtracks without end on a run of a's.
message: "slow"
docs:
  why: To prove an audit counts a story it timed out on.
  bad: ["b"]
  good: ["c"]
patterns:
  - '(a|a)+$|b'
"""


@pytest.fixture
def slow_archive(tmp_path: Path) -> Path:
    """Nine invented stories, the third (line 3, `story-2`) with a run of a's the house
    rule chokes on, and a config that loads the rule."""
    (tmp_path / "house" / "house").mkdir(parents=True)
    (tmp_path / "house" / "house" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house]\n", encoding="utf-8")
    records = invented_records(9)
    records[2]["text"] = str(records[2]["text"]) + " " + "a" * 40 + "!"
    return write_jsonl(tmp_path / "archive.jsonl", records)


def _audit(*args: str) -> str:
    done = CliRunner().invoke(app, ["audit", *args, "--rule-timeout", "0.2", "-j", "1"])
    assert done.exit_code == 0, done.stderr
    return done.stdout


def test_a_story_a_rule_timed_out_on_is_counted_and_listed(slow_archive):
    data = json.loads(_audit(str(slow_archive), "--group-by", "desk", "--format", "json"))
    assert data["stories"] == 9 and data["bad_records"] == 0  # still a story: its other rules ran
    assert data["timed_out_stories"] == 1
    assert data["timed_out"] == [{"location": f"{slow_archive}:3", "story": "story-2", "rules": ["house.slow"]}]
    assert data["total"]["timed_out_stories"] == 1
    by_desk = {group["group"]["desk"]: group["timed_out_stories"] for group in data["groups"]}
    assert by_desk == {"business": 1, "metro": 0, "politics": 0}  # story-2 is on the business desk


def test_the_csv_and_the_table_list_the_story_too(slow_archive):
    rows = list(csv.DictReader(io.StringIO(_audit(str(slow_archive), "--format", "csv"))))
    assert rows[0]["timed_out_stories"] == "1"
    timed_out = [row for row in rows if row["row_type"] == "timed_out"]
    assert [(row["location"], row["reason"]) for row in timed_out] == [
        (f"{slow_archive}:3", "rule house.slow took more than --rule-timeout and was skipped for this story")
    ]
    table = _audit(str(slow_archive))
    assert "stories a rule timed out on: 1" in table
    assert f"  {slow_archive}:3 (story-2): house.slow" in table


def test_the_dashboard_lists_the_story(slow_archive, tmp_path):
    page = tmp_path / "audit.html"
    _audit(str(slow_archive), "--format", "html", "-o", str(page))
    html = page.read_text("utf-8")
    assert "Stories a rule timed out on: 1" in html
    assert f"<code>{slow_archive}:3</code> (story-2): house.slow" in html


def test_without_a_timeout_nothing_is_listed(tmp_path):
    archive = write_jsonl(tmp_path / "archive.jsonl", invented_records(6))
    data = json.loads(_audit(str(archive), "--format", "json"))
    assert data["timed_out_stories"] == 0 and data["timed_out"] == []
