"""Gates that let an archive adopt newslint: baselines and changed-paragraphs-only."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from newslint.changes import parse_unified_diff
from newslint.cli import app

STORY = (
    "Talks Resume\n\n"
    "The deal may collapse next week.\n\n"
    "Officials met on Monday in Geneva.\n\n"
    "Prices could potentially rise.\n"
)


def _rules(runner, args):
    # The `all` profile: the example hedges are info in `news` since issue 19, and the
    # baseline and --diff tests need findings that fail the run.
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "json", *args])
    report = json.loads(result.stdout)
    return [(f["rule"], f["text"], f["line"]) for file in report["files"] for f in file["findings"]], result


def test_baseline_round_trip_survives_edits_elsewhere(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    baseline = tmp_path / ".newslint-baseline.json"
    written = runner.invoke(app, ["check", "--profile", "all", "--write-baseline", str(baseline), str(story)])
    assert written.exit_code == 0
    assert "recorded 2 findings" in written.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["version"] == 2 and {e["path"] for e in recorded["findings"]} == {"story.txt"}

    found, result = _rules(runner, ["--baseline", str(baseline), str(story)])
    assert found == [] and result.exit_code == 0

    # Lines added above and an unrelated paragraph rewritten: the old findings stay accepted.
    story.write_text(
        "Updated at noon.\n\n"
        + STORY.replace("Officials met on Monday in Geneva.", "Officials met on Tuesday in Vienna."),
        encoding="utf-8",
    )
    found, _ = _rules(runner, ["--baseline", str(baseline), str(story)])
    assert found == []

    # A new hedge, and an edit inside a baselined paragraph, are new.
    story.write_text(
        STORY.replace("Officials met", "Officials may have met").replace("next week", "soon"), encoding="utf-8"
    )
    found, result = _rules(runner, ["--baseline", str(baseline), str(story)])
    assert found == [("hedging.modal", "may", 3), ("hedging.modal", "may", 5)]
    assert result.exit_code == 1


def test_bad_baseline_is_a_one_line_error(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["check", "--baseline", str(bad), str(story)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newslint: error: {bad}: not a newslint baseline")
    result = runner.invoke(app, ["check", "--baseline", str(tmp_path / "missing.json"), str(story)])
    assert result.exit_code == 2 and "cannot read baseline" in result.stderr


def test_parse_unified_diff_new_side_ranges(tmp_path):
    diff = (
        "diff --git a/s.txt b/s.txt\n--- a/s.txt\n+++ b/s.txt\n@@ -3 +3,2 @@\n-old\n+new\n+newer\n"
        "@@ -9,2 +10,0 @@\n-gone\n-gone\n"
        "--- a/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    changed = parse_unified_diff(diff, tmp_path)
    assert changed.lines == {"s.txt": [(3, 4)]}
    assert changed.ranges_for(str(tmp_path / "s.txt")) == [(3, 4)]


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_diff_reports_only_changed_paragraphs(runner, tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "desk@example.com")
    git("config", "user.name", "Desk")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    git("add", "story.txt")
    git("commit", "-qm", "first draft")
    story.write_text(STORY.replace("Officials met on Monday", "Officials might meet on Monday"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    found, result = _rules(runner, ["--diff", "HEAD", "story.txt"])
    assert found == [("hedging.modal", "might", 5)]
    assert result.exit_code == 1

    patch = subprocess.run(["git", "diff", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout
    result = runner.invoke(app, ["check", "--profile", "all", "-f", "line", "--diff", "-", "story.txt"], input=patch)
    assert result.stdout.splitlines() == [
        "story.txt:5:11: warning [hedging.modal] 'might' hedges the claim — state what is known, or attribute it"
    ]

    bad = runner.invoke(app, ["check", "--diff", "no-such-ref", "story.txt"])
    assert bad.exit_code == 2 and "git diff failed" in bad.stderr
