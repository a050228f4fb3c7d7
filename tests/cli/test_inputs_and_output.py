"""The report never lands on a story, and a story named twice is checked once (issue 20, item 5)."""

from __future__ import annotations

import os
from pathlib import Path

from newslint.cli import app

STORY = "Both sides signed the the deal.\n"


def test_report_output_that_is_a_story_to_check_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(story)
    for output, paths in [("story.txt", ["story.txt"]), ("./story.txt", ["."]), ("link.txt", ["story.txt"])]:
        result = runner.invoke(app, ["check", "--no-cache", "-o", output, *paths])
        assert result.exit_code == 2, (output, paths)
        assert result.stderr.splitlines() == [
            f"newslint: error: --output {Path(output)} is a file to check; write the report elsewhere"
        ]
        assert story.read_text(encoding="utf-8") == STORY


def test_a_story_named_twice_is_checked_and_fixed_once(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    os.symlink("story.txt", tmp_path / "alias.txt")
    result = runner.invoke(app, ["check", "--no-cache", "-f", "line", "story.txt", "./story.txt", "."])
    assert result.stdout.count("repetition.doubled") == 1
    fixed = runner.invoke(app, ["check", "--no-cache", "--fix", "story.txt", "story.txt", "alias.txt"])
    assert fixed.stderr.count("fixed 1 finding") == 1
    assert fixed.exit_code == 0, fixed.stderr
    assert story.read_text(encoding="utf-8") == "Both sides signed the deal.\n"


def test_a_baseline_that_is_a_story_to_check_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-cache", "--write-baseline", "story.txt", "story.txt"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "newslint: error: --write-baseline story.txt is a file to check; write the baseline elsewhere"
    ]
    assert story.read_text(encoding="utf-8") == STORY
