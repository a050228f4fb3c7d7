"""A newcomer's paper cuts (issue 20 item 22): `-h`, one did-you-mean, format names in
any case, the format choices in help, and `report` that will not dump HTML on a terminal."""

from __future__ import annotations

import pytest

from newslint import cli
from newslint.cli import app

STORY = "Budget talks resume\n\nThe deal may collapse.\n"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [[], ["check"], ["report"], ["rules"], ["explain"], ["lsp"]])
def test_dash_h_is_help_for_the_app_and_every_command(runner, command):
    short = runner.invoke(app, [*command, "-h"])
    assert short.exit_code == 0, short.output
    assert short.stdout == runner.invoke(app, [*command, "--help"]).stdout
    assert "Usage: newslint" in short.stdout


@pytest.mark.parametrize("command", ["eval", "audit"])
def test_eval_and_audit_keep_their_own_help(runner, command):
    for flag in ("-h", "--help"):
        result = runner.invoke(app, [command, flag])
        assert result.exit_code == 0, result.output
        assert f"newslint {command}" in result.stdout


def test_a_mistyped_command_suggests_the_right_one_once(runner):
    result = runner.invoke(app, ["chek"])
    assert result.exit_code == 2
    assert result.stderr.count("Did you mean 'check'?") == 1


def test_format_names_are_case_insensitive(runner, story):
    upper = runner.invoke(app, ["check", "--profile", "all", "-f", "JSON", str(story)])
    lower = runner.invoke(app, ["check", "--profile", "all", "-f", "json", str(story)])
    assert upper.exit_code == lower.exit_code == 1
    assert upper.stdout == lower.stdout


def test_check_help_lists_the_format_choices(runner):
    result = runner.invoke(app, ["check", "--help"])
    assert "--format TEXT" not in result.stdout
    assert "[text|line|json|github|sarif|junit|html|vale-line]" in result.stdout


def test_report_refuses_to_print_html_to_a_terminal(runner, story, monkeypatch):
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["report", str(story)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "-o report.html" in result.stderr


def test_report_still_writes_html_to_a_pipe_or_a_file(runner, story, tmp_path):
    piped = runner.invoke(app, ["report", str(story)])
    assert piped.exit_code == 0
    assert piped.stdout.startswith("<!DOCTYPE html>")
    written = tmp_path / "out" / "report.html"
    written.parent.mkdir()
    to_file = runner.invoke(app, ["report", "-o", str(written), str(story)])
    assert to_file.exit_code == 0
    assert written.read_text(encoding="utf-8") == piped.stdout


def test_report_takes_checks_run_options(runner, story, tmp_path):
    baseline = tmp_path / "baseline.json"
    recorded = runner.invoke(app, ["check", "--profile", "all", "--write-baseline", str(baseline), str(story)])
    assert recorded.exit_code == 0, recorded.output
    options = ["--profile", "all", "--encoding", "utf-8", "-j", "1", "--no-cache", "--fail-on", "info"]
    full = runner.invoke(app, ["report", *options, str(story)])
    assert full.exit_code == 1, full.output
    assert "hedging.modal" in full.stdout
    narrowed = runner.invoke(app, ["report", *options, "--baseline", str(baseline), str(story)])
    assert narrowed.exit_code == 0, narrowed.output
    assert "hedging.modal" not in narrowed.stdout
