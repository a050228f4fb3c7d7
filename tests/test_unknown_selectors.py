"""A typo in a rule selector is an error, never a gate that checks nothing (issue 20, item 13).

`--select hedging.modl` used to check nothing and exit 0, so one typo in a CI job
switched the gate off. Every entry point (command line, config, `lint_text`) now
refuses an id or pack no rule has, names it, and suggests the nearest known one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint import lint_text
from newslint.cli import app
from newslint.errors import ConfigError
from newslint.linter import Linter, Options

STORY = "The plan may fail.\n"
HOUSE_RULE = """\
id: house.utilize
kind: lexicon
severity: warning
description: Prefer "use".
message: "'{match}' — use 'use'"
docs:
  why: Plain words.
  bad: ["We utilize buses."]
  good: ["We use buses."]
terms: [utilize]
"""


def _story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "value", "suggestion"),
    [
        ("--select", "hedging.modl", "hedging.modal"),
        ("--ignore", "hedging.modl", "hedging.modal"),
        ("--select", "hedgin", "hedging"),
        ("--select", "hedging.modal,bias.lodaed", "bias.loaded"),
    ],
)
def test_unknown_selector_on_the_command_line_is_an_error_with_a_suggestion(tmp_path, option, value, suggestion):
    story = _story(tmp_path)
    result = CliRunner().invoke(app, ["check", "--no-cache", option, value, str(story)])
    assert result.exit_code == 2, result.output
    unknown = next(part for part in value.split(",") if part != "hedging.modal")
    assert f"{option}: unknown rule or pack {unknown!r}" in result.stderr
    assert f"did you mean {suggestion!r}?" in result.stderr
    assert result.stderr.count("\n") == 1  # one line, however many files
    assert "Traceback" not in result.output


def test_unknown_selector_is_reported_once_for_a_folder(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-cache", "--select", "hedging.modl", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.count("unknown rule or pack") == 1


def test_known_selectors_still_work(tmp_path):
    story = _story(tmp_path)
    # The `all` profile: hedging.modal is a warning there (info in `news`, issue 19), so
    # the run fails on it, not on the selectors.
    args = ["check", "--no-cache", "--profile", "all", "--select", "hedging.modal", "--ignore", "bias", str(story)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "hedging.modal" in result.output


def test_a_rule_the_profile_switches_off_is_still_a_known_id(tmp_path):
    story = _story(tmp_path)
    # The opinion profile turns bias.loaded off; naming it is no typo.
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--profile", "opinion", "--ignore", "bias.loaded", str(story)]
    )
    assert result.exit_code in (0, 1), result.output


def test_internal_ids_are_known():
    assert lint_text(STORY, ignore=["newslint.unknown-rule", "newslint"]) is not None


@pytest.mark.parametrize("field", ["select", "ignore"])
def test_unknown_selector_in_a_config_names_the_file_line_and_field(tmp_path, field):
    config = tmp_path / ".newslint.yaml"
    config.write_text(f"min_severity: info\n{field}:\n  - hedging\n  - bias.lodaed\n", encoding="utf-8")
    story = _story(tmp_path)
    result = CliRunner().invoke(app, ["check", "--no-cache", str(story)])
    assert result.exit_code == 2, result.output
    assert f"{config}:4: {field}.1: unknown rule or pack 'bias.lodaed' (did you mean 'bias.loaded'?)" in result.stderr
    assert result.stderr.count("\n") == 1


def test_house_rules_from_rule_paths_are_known(tmp_path):
    house = tmp_path / "house" / "house"
    house.mkdir(parents=True)
    (house / "utilize.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("rule_paths: [house]\nselect: [house.utilize]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("We utilize buses.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--no-cache", str(story)])
    assert result.exit_code == 1, result.output
    assert "house.utilize" in result.output
    # ... and on the command line, checked against the config's own rules.
    result = CliRunner().invoke(app, ["check", "--no-cache", "--select", "house", str(story)])
    assert result.exit_code == 1, result.output
    result = CliRunner().invoke(app, ["check", "--no-cache", "--select", "house.utilise", str(story)])
    assert result.exit_code == 2
    assert "did you mean 'house.utilize'?" in result.stderr


def test_lint_text_refuses_an_unknown_selector():
    with pytest.raises(
        ConfigError, match=r"select: unknown rule or pack 'hedging\.modl' \(did you mean 'hedging\.modal'\?\)"
    ):
        lint_text(STORY, select=["hedging.modl"])
    with pytest.raises(ConfigError, match=r"ignore: unknown rule or pack 'bias\.lodaed'"):
        lint_text(STORY, ignore=["bias.lodaed"])


def test_lint_text_reads_a_string_as_one_selector_not_as_characters():
    # A str is iterable: ("h", "e", "d", ...) would be a selection of nothing.
    assert {f.rule for f in lint_text(STORY, select="hedging")} == {"hedging.modal"}
    assert {f.rule for f in lint_text(STORY, select="hedging.modal", ignore="hedging")} == set()


def test_the_linter_api_refuses_an_unknown_selector(tmp_path):
    story = _story(tmp_path)
    result = Linter(Options(select=["hedging.modl"])).lint_path(str(story))
    assert isinstance(result.error, ConfigError)
    assert "unknown rule or pack 'hedging.modl'" in str(result.error)


def test_no_suggestion_when_nothing_is_close():
    with pytest.raises(ConfigError) as raised:
        lint_text(STORY, select=["zzzzzz"])
    assert str(raised.value) == "select: unknown rule or pack 'zzzzzz'; `newslint rules` lists them"
