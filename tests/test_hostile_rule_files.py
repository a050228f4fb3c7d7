"""Rule files and configs that would fail silently or blow up per story (issue 20, item 15).

A symbolic link that loops or points nowhere used to be skipped as if the rule or
config were not there, and `rules --check` passed; a message template with a format
spec or conversion passed loading and then failed on every file ("internal error"), or
padded each message to a gigabyte. Both are now errors naming the file (and field)
when the rules load, so `rules --check` and `check` stop with exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint.cli import app

RULE = """\
id: house.utilize
kind: lexicon
severity: warning
description: Prefer "use".
message: {message}
docs:
  why: Plain words.
  bad: ["We utilize buses."]
  good: ["We use buses."]
terms: [utilize]
"""


def _house(tmp_path: Path, message: str = "\"'{match}' — use 'use'\"") -> Path:
    folder = tmp_path / "house" / "house"
    folder.mkdir(parents=True)
    (folder / "utilize.yaml").write_text(RULE.format(message=message), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house]\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("We utilize buses.\n", encoding="utf-8")
    return folder


def _run(tmp_path: Path, *args: str):
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("link", ["dangling", "loop"])
def test_a_broken_symlinked_rule_file_is_an_error_naming_it(tmp_path, link):
    folder = _house(tmp_path)
    broken = folder / "broken.yaml"
    if link == "dangling":
        broken.symlink_to(folder / "missing.yaml")
    else:
        broken.symlink_to(broken)
    for args in (["check", "--no-cache", "story.txt"], ["rules", "--check"], ["rules"]):
        result = _run(tmp_path, *args)
        assert result.exit_code == 2, (args, result.output)
        assert f"{Path('house') / 'house' / 'broken.yaml'}: cannot read rule file" in result.stderr, result.stderr
        assert "Traceback" not in result.output


@pytest.mark.parametrize("link", ["dangling", "loop"])
def test_a_broken_symlinked_config_is_an_error_naming_it(tmp_path, link):
    (tmp_path / "story.txt").write_text("The plan may fail.\n", encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    if link == "dangling":
        config.symlink_to(tmp_path / "shared-config.yaml")
    else:
        config.symlink_to(config)
    for args in (["check", "--no-cache", "story.txt"], ["rules", "--check"]):
        result = _run(tmp_path, *args)
        assert result.exit_code == 2, (args, result.output)
        assert ".newslint.yaml: cannot read config" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ('"{match"', "malformed placeholder"),
        ('"{0} hedges"', "unknown placeholder {0}"),
        ('"{match!z} hedges"', "malformed placeholder"),
        ('"{match!r} hedges"', "malformed placeholder"),
        ('"{match:>999999999} hedges"', "malformed placeholder"),
        ('"{match:{match}} hedges"', "malformed placeholder"),
        ('"{match.__class__} hedges"', "malformed placeholder"),
        ('"{match[0]} hedges"', "malformed placeholder"),
    ],
)
def test_a_bad_message_template_is_a_load_error_naming_file_and_field(tmp_path, message, problem):
    _house(tmp_path, message)
    for args in (["check", "--no-cache", "story.txt"], ["rules", "--check"]):
        result = _run(tmp_path, *args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines
        assert f"{Path('house') / 'house' / 'utilize.yaml'}:5: message: {problem}" in lines[0]
        assert "internal error" not in result.stderr
        assert len(result.output) < 2000


def test_a_bad_message_template_in_a_config_names_the_config_and_field(tmp_path):
    (tmp_path / "story.txt").write_text("The plan may fail.\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        'rules:\n  hedging.modal:\n    message: "{match:>999999999}"\n', encoding="utf-8"
    )
    result = _run(tmp_path, "check", "--no-cache", "story.txt")
    assert result.exit_code == 2, result.output
    assert ".newslint.yaml:3: rules.hedging.modal.message: malformed placeholder" in result.stderr
    assert len(result.output) < 2000


def test_doubled_braces_still_print_a_brace(tmp_path):
    _house(tmp_path, "\"'{match}' — use 'use' {{house style}}\"")
    result = _run(tmp_path, "check", "--no-cache", "story.txt")
    assert result.exit_code == 1, result.output
    assert "'utilize' — use 'use' {house style}" in result.output
