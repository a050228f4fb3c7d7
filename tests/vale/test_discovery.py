"""A `.vale.ini` found where no newslint config is, or named with --vale-config, runs its
styles alone in newslint's report formats; --select and --ignore choose among Vale's
rules as among newslint's (issue 23)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEDGE = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [reportedly]\n"
NEVER = "extends: existence\nmessage: \"Never '%s'.\"\nlevel: error\ntokens: [allegedly]\n"
# Newslint's own packs flag "sources say" (unnamed attribution); Vale's styles do not.
STORY = "The minister reportedly resigned, sources say.\n"


def _project(tmp_path: Path) -> Path:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Hedge.yml").write_text(HEDGE, encoding="utf-8")
    (style / "Never.yml").write_text(NEVER, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def _check(cwd: Path, *args: str) -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stdout) if done.stdout.strip() else {"files": []}
    rules = [f["rule"] for file in report["files"] for f in file["findings"]]
    return done.returncode, rules, done.stderr


def test_a_vale_ini_where_no_newslint_config_is_runs_its_styles_alone(tmp_path: Path) -> None:
    code, rules, _ = _check(_project(tmp_path), "story.txt")
    assert (code, rules) == (0, ["House.Hedge"])  # a warning: Vale fails on errors only


def test_the_vale_ini_is_found_from_a_folder_below(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "desk").mkdir()
    (project / "desk" / "story.txt").write_text("It allegedly fell.\n", encoding="utf-8")
    code, rules, _ = _check(project / "desk", "story.txt")
    assert (code, rules) == (1, ["House.Never"])


def test_a_newslint_config_wins_over_a_vale_ini(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / ".newslint.yaml").write_text("profile: news\n", encoding="utf-8")
    _, rules, _ = _check(project, "story.txt")
    assert rules and not any(rule.startswith("House.") for rule in rules)


def test_vale_config_reports_in_newslints_formats(tmp_path: Path) -> None:
    project = _project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text(STORY, encoding="utf-8")
    code, rules, _ = _check(elsewhere, "--vale-config", str(project / ".vale.ini"), "story.txt")
    assert (code, rules) == (0, ["House.Hedge"])


def test_select_and_ignore_choose_among_vale_rules(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "story.txt").write_text("It reportedly and allegedly fell.\n", encoding="utf-8")
    assert _check(project, "--ignore", "House.Hedge", "story.txt")[1] == ["House.Never"]
    assert _check(project, "--select", "House.Hedge", "story.txt")[1] == ["House.Hedge"]
    assert _check(project, "--ignore", "House", "story.txt")[:2] == (0, [])
    code, _, stderr = _check(project, "--select", "Hous", "story.txt")
    assert code == 2 and "unknown rule or pack 'Hous' (did you mean 'House'?)" in stderr


def test_ignore_applies_to_vale_styles_beside_newslints_packs(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / ".newslint.yaml").write_text("vale: .vale.ini\n", encoding="utf-8")
    _, rules, _ = _check(project, "story.txt")
    assert "House.Hedge" in rules and any(not rule.startswith("House.") for rule in rules)
    _, rules, _ = _check(project, "--ignore", "House.Hedge", "story.txt")
    assert "House.Hedge" not in rules
    _, rules, _ = _check(project, "--select", "House", "story.txt")
    assert rules == ["House.Hedge"]


def test_vale_config_and_config_together_are_a_usage_error(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "house.yaml").write_text("profile: news\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--config",
            "house.yaml",
            "--vale-config",
            ".vale.ini",
            "story.txt",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "--vale-config runs Vale styles alone" in done.stderr
