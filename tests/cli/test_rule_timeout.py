"""A rule whose regular expression backtracks catastrophically is skipped for the file
after its time budget (issue 9), and the run goes on."""

from __future__ import annotations

import time

from newslint.cli import app

SLOW_RULE = """id: house.slow
kind: pattern
severity: warning
description: A pattern that backtracks without end on a run of a's.
message: "slow"
docs:
  why: To prove a run survives it.
  bad: ["b"]
  good: ["c"]
patterns:
  - '(a|a)+$|b'
"""


def test_catastrophic_pattern_is_skipped_with_a_warning(runner, tmp_path):
    (tmp_path / "house" / "house").mkdir(parents=True)
    (tmp_path / "house" / "house" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Rates may rise " + "a" * 40 + "!\n", encoding="utf-8")
    started = time.monotonic()
    # The `all` profile: the hedge that shows the other rules still ran is info in `news`.
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "line", "--rule-timeout", "0.2", str(story)])
    assert time.monotonic() - started < 10
    assert result.stderr == (
        f"newslint: warning: {story}: rule house.slow took more than 0.2s and was skipped for this file\n"
    )
    assert result.stdout.startswith(f"{story}:1:7: warning [hedging.modal]")  # the other rules still ran
    assert result.exit_code == 1


def test_rule_timeout_must_not_be_negative(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Fine.\n", encoding="utf-8")
    assert runner.invoke(app, ["check", "--rule-timeout", "-1", str(story)]).exit_code == 2
