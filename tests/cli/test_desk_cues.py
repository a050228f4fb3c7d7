"""A desk extends the attribution cues (issue 19): `attribution: {extend: cues.yaml}` in its
config adds words to the shipped lists, for the files under that config only."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.cli import app

HEDGED = "The plan may fail, the minister averred.\n"
CONFIG = "select: [hedging]\nattribution:\n  extend: cues.yaml\n"
AVERRED = "speech_verbs:\n  - averred\n"


def _desk(tmp_path: Path, cues: str = AVERRED, config: str = CONFIG) -> Path:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".newslint.yaml").write_text(config, encoding="utf-8")
    (desk / "cues.yaml").write_text(cues, encoding="utf-8")
    (desk / "story.txt").write_text(HEDGED, encoding="utf-8")
    return desk


def test_a_desk_verb_makes_the_hedge_its_speakers(runner, tmp_path):
    desk = _desk(tmp_path)
    result = runner.invoke(app, ["check", "--no-cache", str(desk / "story.txt")])
    assert result.exit_code == 0, result.output
    assert "hedging" not in result.output


def test_without_the_extension_the_hedge_is_the_reporters(runner, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".newslint.yaml").write_text("select: [hedging]\n", encoding="utf-8")
    (elsewhere / "story.txt").write_text(HEDGED, encoding="utf-8")
    _desk(tmp_path)  # a sibling desk's extension reaches no further than its own folder
    result = runner.invoke(app, ["check", "--no-cache", str(elsewhere / "story.txt"), str(tmp_path / "desk")])
    assert "elsewhere/story.txt" in result.output and "hedging.modal" in result.output
    assert "desk/story.txt" not in result.output


@pytest.mark.parametrize(
    ("cues", "named"),
    [
        # An unknown list, named with its line.
        ("speech_verbs:\n  - averred\nspeach_verbs:\n  - opined\n", ("cues.yaml:3", "speach_verbs", "unknown")),
        # An entry that is no string.
        ("speech_verbs:\n  - averred\n  - 12\n", ("cues.yaml:3", "speech_verbs")),
        # An expression that does not compile.
        ("speech_verbs:\n  - aver(red\n", ("cues.yaml:2", "speech_verbs")),
    ],
    ids=["unknown list", "bad entry", "bad expression"],
)
def test_a_bad_cue_file_is_a_one_line_error_naming_file_line_and_list(runner, tmp_path, cues, named):
    desk = _desk(tmp_path, cues=cues)
    result = runner.invoke(app, ["check", "--no-cache", str(desk / "story.txt")])
    assert result.exit_code == 2
    error = next(line for line in result.output.splitlines() if "cues.yaml" in line)
    assert all(part in error for part in named), error
    assert "Traceback" not in result.output


def test_missing_extension_file_is_a_config_error(runner, tmp_path):
    desk = _desk(tmp_path)
    (desk / "cues.yaml").unlink()
    result = runner.invoke(app, ["check", "--no-cache", str(desk / "story.txt")])
    assert result.exit_code == 2 and "cues.yaml" in result.output and "Traceback" not in result.output


def test_rules_check_reads_the_extension(runner, tmp_path, monkeypatch):
    desk = _desk(tmp_path, cues="hearsay_adverbs:\n  - []\n")
    monkeypatch.chdir(desk)
    result = runner.invoke(app, ["rules", "--check"])
    assert result.exit_code == 2
    assert "cues.yaml:2" in result.output and "hearsay_adverbs" in result.output


def test_changing_the_extension_invalidates_cached_results(runner, tmp_path):
    desk = _desk(tmp_path, cues="speech_verbs:\n  - opined\n")
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = runner.invoke(app, ["check", *cache, str(desk / "story.txt")])
    assert "hedging.modal" in first.output
    (desk / "cues.yaml").write_text(AVERRED, encoding="utf-8")
    second = runner.invoke(app, ["check", *cache, str(desk / "story.txt")])
    assert "hedging" not in second.output, second.output


def test_workers_use_the_extension(runner, tmp_path):
    desk = _desk(tmp_path)
    for index in range(24):
        (desk / f"story{index:02}.txt").write_text(HEDGED + "Prices may rise.\n", encoding="utf-8")
    runs = [runner.invoke(app, ["check", "--no-cache", "-j", jobs, str(desk)]) for jobs in ("1", "2")]
    assert runs[0].output == runs[1].output
    assert runs[0].output.count("hedging.modal") == 24  # "Prices may rise." only
